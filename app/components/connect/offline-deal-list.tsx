import { Link } from "~/components/link";
import { formatDate, formatNumber, useLocale, useT } from "~/lib/i18n";
import { unitLabel } from "~/lib/i18n/labels";
import { formatVnd } from "~/lib/money";
import type { OfflineDealRow } from "~/modules/demand/connecting.server";

/** Recorded offline deals as cards (a table would not fit a 360 px phone). */
export function OfflineDealList({ deals }: { deals: OfflineDealRow[] }) {
  const t = useT();
  const locale = useLocale();
  if (deals.length === 0) {
    return <p className="mt-2 text-stone-700">{t("connect.deals.empty")}</p>;
  }
  return (
    <ul className="mt-2 space-y-3">
      {deals.map((deal) => (
        <li key={deal.id} className="rounded-xl border border-stone-200 bg-white p-4">
          <p className="font-semibold text-stone-900">{deal.goods}</p>
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
            <dt className="text-stone-600">{t("connect.deals.dealOn")}</dt>
            <dd>{formatDate(deal.dealOn, locale)}</dd>
            <dt className="text-stone-600">{t("connect.deals.buyerName")}</dt>
            <dd>{deal.buyerName}</dd>
            <dt className="text-stone-600">{t("connect.deals.producer")}</dt>
            <dd>
              {deal.producerName} ({deal.orgUnitName})
            </dd>
            {deal.quantity !== null && deal.unit !== null ? (
              <>
                <dt className="text-stone-600">{t("connect.deals.quantity")}</dt>
                <dd>
                  {t("product.quantityUnit", {
                    qty: formatNumber(deal.quantity, locale),
                    unit: unitLabel(locale, deal.unit),
                  })}
                </dd>
              </>
            ) : null}
            <dt className="text-stone-600">{t("connect.deals.amount")}</dt>
            <dd className="font-medium">{formatVnd(deal.amountVnd, locale)}</dd>
            {deal.requestCode ? (
              <>
                <dt className="text-stone-600">{t("connect.deals.request")}</dt>
                <dd>
                  <Link
                    to={`/yeu-cau-mua/${deal.requestCode}`}
                    className="text-brand-800 underline underline-offset-2"
                  >
                    {deal.requestCode}
                  </Link>
                </dd>
              </>
            ) : null}
          </dl>
        </li>
      ))}
    </ul>
  );
}
