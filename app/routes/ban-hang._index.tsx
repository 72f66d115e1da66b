import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { WorkspaceNav } from "~/components/supply/workspace-nav";
import { formatNumber, useLocale, useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { requireProducerActor } from "~/modules/auth/session.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";
import { getWorkspaceOverview } from "~/modules/producers/workspace.server";
import { LISTING_STATUSES } from "~db/schema";

export const meta: MetaFunction = titledPage("workspace.title");

/** The producer workspace home: the user's producers, verification and listings per status. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireProducerActor(request);
  return { producers: getWorkspaceOverview(getDb(), actor), statuses: LISTING_STATUSES };
});

export default function WorkspaceHome() {
  const { producers, statuses } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div>
      <WorkspaceNav />
      <h1 className="text-2xl font-bold text-stone-900">{t("workspace.title")}</h1>
      <p className="mt-1 text-stone-700">{t("workspace.intro")}</p>
      <ul className="mt-6 space-y-4">
        {producers.map((producer) => (
          <li key={producer.code}>
            <section
              aria-labelledby={`producer-${producer.code}`}
              className="rounded-xl border border-stone-200 bg-white p-4"
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 id={`producer-${producer.code}`} className="text-lg font-semibold">
                  {producer.name}
                </h2>
                <span className="text-sm text-stone-600">
                  {t(`workspace.role.${producer.role}`)}
                </span>
              </div>
              <p className="text-sm text-stone-700">
                {t(`producerKind.${producer.kind}`)} · {producer.commune}
              </p>
              <p className="mt-3 text-sm">
                <span className="text-stone-600">{t("workspace.verification")}: </span>
                <strong>{t(`verification.${producer.verificationStatus}`)}</strong>
              </p>
              {producer.verificationStatus === "pending" ? (
                <p className="mt-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
                  {t("workspace.pendingNotice")}
                </p>
              ) : null}
              {producer.verificationNote ? (
                <p className="mt-2 text-sm text-stone-700">{producer.verificationNote}</p>
              ) : null}
              <h3 className="mt-4 font-semibold">{t("workspace.listingsByStatus")}</h3>
              <dl className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-3">
                {statuses.map((status) => (
                  <div key={status} className="rounded-lg bg-stone-50 px-3 py-2">
                    <dt className="text-sm text-stone-600">{t(`listingStatus.${status}`)}</dt>
                    <dd className="text-xl font-bold text-stone-900">
                      {formatNumber(producer.listingCounts[status] ?? 0, locale)}
                    </dd>
                  </div>
                ))}
              </dl>
              {producer.verificationStatus === "verified" ? (
                <p className="mt-4">
                  <Link
                    to={`/nha-san-xuat/${producer.code}`}
                    className="font-semibold text-brand-800 underline underline-offset-2"
                  >
                    {t("workspace.viewPublicPage")}
                  </Link>
                </p>
              ) : null}
            </section>
          </li>
        ))}
      </ul>
    </div>
  );
}
