import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { EmptyState } from "~/components/empty-state";
import { Pagination } from "~/components/pagination";
import {
  PurchaseRequestCard,
  PurchaseRequestListHeading,
} from "~/components/purchase-request-card";
import { t, useT } from "~/lib/i18n";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import { listOpenPurchaseRequests } from "~/modules/demand/purchase-requests.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

// A page to read: no scripts in its document (docs/decisions/035).
export { NO_HYDRATION as handle } from "~/lib/hydration";

export const meta: MetaFunction = ({ matches }) => {
  const locale = localeFromMatches(matches);
  return pageMeta(locale, t(locale, "requests.title"), t(locale, "requests.intro"));
};

const PageParam = z.coerce.number().int().min(1).max(10_000).catch(1);

/** The open purchase requests, newest first, 20 a page. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const page = PageParam.parse(new URL(request.url).searchParams.get("trang") ?? 1);
  return listOpenPurchaseRequests(getDb(), { page });
});

export default function PurchaseRequestsPage() {
  const { items, page, pageCount } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div>
      <PurchaseRequestListHeading title={t("requests.title")} intro={t("requests.intro")} />
      {items.length > 0 ? (
        <>
          <ul className="mt-6 grid gap-3 sm:grid-cols-2">
            {items.map((request) => (
              <li key={request.code}>
                <PurchaseRequestCard request={request} headingLevel={2} />
              </li>
            ))}
          </ul>
          <Pagination page={page} pageCount={pageCount} />
        </>
      ) : (
        <div className="mt-6">
          <EmptyState
            title={t("requests.emptyTitle")}
            body={t("requests.emptyBody")}
            action={{ href: "/yeu-cau-mua/moi", label: t("requests.post") }}
          />
        </div>
      )}
    </div>
  );
}
