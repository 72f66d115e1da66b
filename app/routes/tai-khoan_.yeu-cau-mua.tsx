import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { EmptyState } from "~/components/empty-state";
import { Pagination } from "~/components/pagination";
import { PurchaseRequestListHeading } from "~/components/purchase-request-card";
import { formatDate, formatNumber, t, useLocale, useT } from "~/lib/i18n";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import { requireUser } from "~/modules/auth/session.server";
import { listBuyerRequests } from "~/modules/demand/buyer-requests.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta: MetaFunction = ({ matches }) => {
  const locale = localeFromMatches(matches);
  return pageMeta(locale, t(locale, "myRequests.title"), t(locale, "myRequests.intro"));
};

const PageParam = z.coerce.number().int().min(1).max(10_000).catch(1);

/** The signed-in buyer's own purchase requests, newest first, 20 a page, with offer counts. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireUser(request);
  const page = PageParam.parse(new URL(request.url).searchParams.get("trang") ?? 1);
  return listBuyerRequests(getDb(), actor.userId, page);
});

export default function MyPurchaseRequestsPage() {
  const { items, page, pageCount } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="space-y-4">
      <PurchaseRequestListHeading title={t("myRequests.title")} intro={t("myRequests.intro")} />
      {items.length === 0 ? (
        <EmptyState
          title={t("myRequests.emptyTitle")}
          body={t("myRequests.emptyBody")}
          action={{ href: "/yeu-cau-mua/moi", label: t("requests.post") }}
        />
      ) : (
        <>
          <ul className="space-y-3">
            {items.map((item) => (
              <li key={item.id} className="rounded-xl border border-stone-200 bg-white p-4">
                <h2 className="leading-snug font-semibold">
                  <Link
                    to={`/yeu-cau-mua/${item.code}`}
                    className="text-stone-900 underline-offset-2 hover:text-brand-800 hover:underline"
                  >
                    {item.title}
                  </Link>
                </h2>
                <p className="mt-1 text-sm text-stone-700">
                  {item.code}
                  {" · "}
                  <span className="font-medium">
                    {item.closeReason === "expired"
                      ? t("myRequests.expired")
                      : t(`requestStatus.${item.status}`)}
                  </span>
                  {" · "}
                  {t("myRequests.offerCount", { count: formatNumber(item.offerCount, locale) })}
                </p>
                <p className="mt-1 text-sm text-stone-600">
                  {item.recurrence === "none"
                    ? t("myRequests.neededBy", { date: formatDate(item.neededBy, locale) })
                    : t("myRequests.endsOn", { date: formatDate(item.neededBy, locale) })}
                  {" · "}
                  {item.deliveryLocation}
                </p>
                {item.isHidden ? (
                  <p className="mt-1 text-sm font-medium text-red-800">{t("myRequests.hidden")}</p>
                ) : null}
                {item.status === "open" ? (
                  <p className="mt-2">
                    <Link
                      to={`/yeu-cau-mua/${item.code}/sua`}
                      aria-label={t("myRequests.editNamed", { title: item.title })}
                      className="inline-flex min-h-11 items-center rounded-lg border border-stone-300 px-4 font-medium text-brand-800 hover:bg-brand-50"
                    >
                      {t("myRequests.edit")}
                    </Link>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
          <Pagination page={page} pageCount={pageCount} />
        </>
      )}
    </div>
  );
}
