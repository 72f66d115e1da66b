import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { StaffNav } from "~/components/supply/workspace-nav";
import { Forbidden } from "~/lib/errors";
import { formatNumber, useLocale, useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { requireUser } from "~/modules/auth/session.server";
import { connectingCounts } from "~/modules/demand/connecting.server";
import { getStaffDashboard } from "~/modules/org/dashboard.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";
import { VERIFICATION_STATUSES } from "~db/schema";

export const meta: MetaFunction = titledPage("staff.title");

/** The staff dashboard: any staff membership may see it; each figure is scoped in its query. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireUser(request);
  if (actor.staff.length === 0) throw new Forbidden();
  const db = getDb();
  return {
    dashboard: getStaffDashboard(db, actor),
    statuses: VERIFICATION_STATUSES,
    connecting: connectingCounts(db, actor),
  };
});

export default function StaffHome() {
  const { dashboard, statuses, connecting } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const number = (n: number) => formatNumber(n, locale);
  return (
    <div className="space-y-8">
      <div>
        <StaffNav />
        <h1 className="text-2xl font-bold text-stone-900">{t("staff.title")}</h1>
        <p className="mt-1 text-stone-700">{t("staff.intro")}</p>
      </div>
      <section aria-labelledby="units-title">
        <h2 id="units-title" className="text-lg font-semibold">
          {t("staff.orgUnits")}
        </h2>
        <ul className="mt-2 space-y-2">
          {dashboard.units.map((unit) => (
            <li key={unit.id} className="rounded-lg border border-stone-200 bg-white px-3 py-2">
              <p className="font-medium">{unit.name}</p>
              <p className="text-sm text-stone-600">
                {t(`orgLevel.${unit.level}`)} ·{" "}
                {unit.roles.map((role) => t(`staff.role.${role}`)).join(", ")}
              </p>
            </li>
          ))}
        </ul>
      </section>
      {dashboard.pendingListings !== null ? (
        <section aria-labelledby="queue-title">
          <h2 id="queue-title" className="sr-only">
            {t("staff.pendingListings")}
          </h2>
          <dl className="grid grid-cols-2 gap-3">
            <div className="rounded-xl border border-stone-200 bg-white p-3">
              <dt className="text-sm text-stone-600">{t("staff.pendingListings")}</dt>
              <dd className="text-2xl font-bold">{number(dashboard.pendingListings)}</dd>
            </div>
            <div className="rounded-xl border border-stone-200 bg-white p-3">
              <dt className="text-sm text-stone-600">{t("staff.pendingRevisions")}</dt>
              <dd className="text-2xl font-bold">{number(dashboard.pendingRevisions ?? 0)}</dd>
            </div>
          </dl>
          <p className="mt-3">
            <Link
              to="/quan-ly/kiem-duyet"
              className="font-semibold text-brand-800 underline underline-offset-2"
            >
              {t("moderation.nav.queue")} →
            </Link>
          </p>
        </section>
      ) : null}
      {connecting ? (
        <section aria-labelledby="connect-title">
          <h2 id="connect-title" className="text-lg font-semibold">
            {t("connect.title")}
          </h2>
          <dl className="mt-2 grid grid-cols-2 gap-3">
            <div className="rounded-xl border border-stone-200 bg-white p-3">
              <dt className="text-sm text-stone-600">
                {t("connect.home.stale", { days: connecting.days })}
              </dt>
              <dd className="text-2xl font-bold">{number(connecting.stale)}</dd>
            </div>
            <div className="rounded-xl border border-stone-200 bg-white p-3">
              <dt className="text-sm text-stone-600">{t("connect.home.unmatched")}</dt>
              <dd className="text-2xl font-bold">{number(connecting.unmatched)}</dd>
            </div>
          </dl>
          <p className="mt-3">
            <Link
              to="/quan-ly/ket-noi"
              className="font-semibold text-brand-800 underline underline-offset-2"
            >
              {t("connect.home.link")} →
            </Link>
          </p>
        </section>
      ) : null}
      {dashboard.producersByStatus ? (
        <section aria-labelledby="producers-title">
          <h2 id="producers-title" className="text-lg font-semibold">
            {t("staff.producersByStatus")}
          </h2>
          <dl className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-4">
            {statuses.map((status) => (
              <div key={status} className="rounded-xl border border-stone-200 bg-white p-3">
                <dt className="text-sm text-stone-600">
                  {/* The same subtree as the directory, so the count and the list agree. */}
                  <Link
                    to={`/quan-ly/nha-san-xuat?trang-thai=${status}`}
                    className="text-brand-800 underline underline-offset-2"
                  >
                    {t(`verification.${status}`)}
                  </Link>
                </dt>
                <dd className="text-2xl font-bold">
                  {number(dashboard.producersByStatus?.[status] ?? 0)}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
    </div>
  );
}
