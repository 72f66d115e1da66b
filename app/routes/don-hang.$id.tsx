import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DetailList, DetailRow } from "~/components/detail-list";
import { NotFound } from "~/lib/errors";
import { formatDate, formatNumber, t, useLocale, useT } from "~/lib/i18n";
import { unitLabel } from "~/lib/i18n/labels";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import { formatVnd } from "~/lib/money";
import { requireUser } from "~/modules/auth/session.server";
import { getBuyerOrder } from "~/modules/orders/queries.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = localeFromMatches(matches);
  if (!data) return pageMeta(locale, t(locale, "error.404.title"));
  return pageMeta(locale, t(locale, "order.title", { code: data.order.code }));
};

/** One of the buyer's own orders: the query is scoped to the buyer, so others' are 404. */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireUser(request);
  const id = Number(params.id);
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFound("Không tìm thấy đơn hàng.");
  const detail = getBuyerOrder(getDb(), actor.userId, id);
  return {
    order: detail.order,
    producer: { code: detail.producer.code, name: detail.producer.name },
    lines: detail.lines,
  };
});

export default function OrderPage() {
  const { order, producer, lines } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-3xl">
      <p>
        <Link
          to="/don-hang"
          className="text-sm font-semibold text-brand-800 underline underline-offset-2"
        >
          {t("order.backToOrders")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold text-stone-900">
        {t("order.title", { code: order.code })}
      </h1>
      <p className="mt-1 font-medium text-accent-700">{t(`orderStatus.${order.status}`)}</p>
      <div className="mt-4">
        <DetailList>
          <DetailRow label={t("orders.placedOn")}>{formatDate(order.createdAt, locale)}</DetailRow>
          <DetailRow label={t("orders.producer")}>
            <Link to={`/nha-san-xuat/${producer.code}`} className="text-brand-800 underline">
              {producer.name}
            </Link>
          </DetailRow>
          <DetailRow label={t("order.paymentMethod")}>
            {t(`paymentMethod.${order.paymentMethod}`)}
          </DetailRow>
          <DetailRow label={t("order.deliveryMethod")}>
            {t(`deliveryMethod.${order.deliveryMethod}`)}
          </DetailRow>
          <DetailRow label={t("order.shipTo")}>
            {order.shipName}, {order.shipAddress}, {order.shipCommune}, {order.shipProvince}
          </DetailRow>
        </DetailList>
      </div>
      <h2 className="mt-6 text-lg font-semibold">{t("order.lines")}</h2>
      <ul className="mt-2 divide-y divide-stone-100 rounded-xl border border-stone-200 bg-white">
        {lines.map((line) => {
          const unit = unitLabel(locale, line.unit);
          return (
            <li key={line.id} className="flex flex-wrap justify-between gap-2 px-3 py-2 text-sm">
              <span>
                {line.title}
                <span className="block text-stone-600">
                  {t("product.quantityUnit", { qty: formatNumber(line.qty, locale), unit })}
                  {" × "}
                  {t("product.pricePerUnit", { price: formatVnd(line.unitPriceVnd, locale), unit })}
                </span>
              </span>
              <span className="font-semibold">{formatVnd(line.lineTotalVnd, locale)}</span>
            </li>
          );
        })}
      </ul>
      <div className="mt-4">
        <DetailList>
          <DetailRow label={t("order.subtotal")}>{formatVnd(order.subtotalVnd, locale)}</DetailRow>
          <DetailRow label={t("order.deliveryFee")}>
            {formatVnd(order.deliveryFeeVnd, locale)}
          </DetailRow>
          <DetailRow label={t("order.total")}>
            <strong>{formatVnd(order.totalVnd, locale)}</strong>
          </DetailRow>
        </DetailList>
      </div>
    </div>
  );
}
