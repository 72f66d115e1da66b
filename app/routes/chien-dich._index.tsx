import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CampaignGrid } from "~/components/campaigns/public-card";
import { EmptyState } from "~/components/empty-state";
import { Pagination } from "~/components/pagination";
import { t, useT } from "~/lib/i18n";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import { listPublicCampaigns } from "~/modules/campaigns/public.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

// A page to read: no scripts in its document (docs/decisions/035).
export { NO_HYDRATION as handle } from "~/lib/hydration";

export const meta: MetaFunction = ({ matches }) => {
  const locale = localeFromMatches(matches);
  return pageMeta(
    locale,
    t(locale, "campaignpage.list.title"),
    t(locale, "campaignpage.list.intro"),
  );
};

const PageParam = z.coerce.number().int().min(1).max(10_000).catch(1);

/** Published campaigns: running first, then upcoming, then ended; 12 a page. Public. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const page = PageParam.parse(new URL(request.url).searchParams.get("trang") ?? 1);
  return listPublicCampaigns(getDb(), { page });
});

export default function CampaignsPage() {
  const { items, page, pageCount } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div>
      <h1 className="text-2xl font-bold text-stone-900 sm:text-3xl">
        {t("campaignpage.list.title")}
      </h1>
      <p className="mt-2 max-w-prose text-stone-700">{t("campaignpage.list.intro")}</p>
      {items.length > 0 ? (
        <>
          <CampaignGrid campaigns={items} />
          <Pagination page={page} pageCount={pageCount} />
        </>
      ) : (
        <div className="mt-6">
          <EmptyState title={t("campaignpage.list.empty")} />
        </div>
      )}
    </div>
  );
}
