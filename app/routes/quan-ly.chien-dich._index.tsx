import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { StaffCampaignSummary } from "~/components/campaigns/staff-campaign-summary";
import { EmptyState } from "~/components/empty-state";
import { Pagination } from "~/components/pagination";
import { StaffNav } from "~/components/supply/workspace-nav";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { requireStaff } from "~/modules/auth/session.server";
import { listCampaigns } from "~/modules/campaigns/manage.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta = titledPage("campaigns.list.title");

/** The campaigns of the staff member's subtree, newest first, with their figures. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "campaign:manage");
  const page = Number(new URL(request.url).searchParams.get("trang") ?? "1");
  return listCampaigns(getDb(), actor, Number.isInteger(page) ? page : 1);
});

export default function StaffCampaignsPage() {
  const { items, total, page, pageCount } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="mx-auto max-w-3xl">
      <StaffNav />
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold text-stone-900">{t("campaigns.list.title")}</h1>
        <Link
          to="/quan-ly/chien-dich/moi"
          className="rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800"
        >
          {t("campaigns.list.create")}
        </Link>
      </div>
      <p className="mt-2 text-stone-700">{t("campaigns.list.intro")}</p>
      {items.length === 0 ? (
        <div className="mt-6">
          <EmptyState title={t("campaigns.list.empty")} />
        </div>
      ) : (
        <>
          <p className="mt-4 text-sm text-stone-600">
            {t("campaigns.list.count", { count: total })}
          </p>
          <ul className="mt-2 space-y-3">
            {items.map((campaign) => (
              <li key={campaign.id} className="rounded-xl border border-stone-200 bg-white p-4">
                <h2 className="text-lg font-semibold">
                  <Link
                    to={`/quan-ly/chien-dich/${campaign.slug}`}
                    className="text-brand-800 underline"
                  >
                    {campaign.title}
                  </Link>
                </h2>
                <StaffCampaignSummary campaign={campaign} />
              </li>
            ))}
          </ul>
          <Pagination page={page} pageCount={pageCount} />
        </>
      )}
    </div>
  );
}
