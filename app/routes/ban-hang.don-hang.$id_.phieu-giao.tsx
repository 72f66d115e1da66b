import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PrintButton } from "~/components/print-button";
import { formatDate, useLocale, useT } from "~/lib/i18n";
import { unitLabel } from "~/lib/i18n/labels";
import { pageTitleMeta, shipmentMessage } from "~/lib/orders";
import { formatVnd } from "~/lib/money";
import { requireProducerActor } from "~/modules/auth/session.server";
import { idFromUrl, producerOrderView } from "~/modules/orders/views.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitleMeta(matches, "deliveryNote.title", { code: data?.order.code ?? "" });

/**
 * The printable delivery note of one of the producer's orders (phiếu giao hàng): the
 * buyer's business name and tax code when she has them, the carrier and tracking number.
 */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireProducerActor(request, "orders");
  return producerOrderView(getDb(), actor, idFromUrl(params.id));
});

export default function DeliveryNote() {
  const { order, lines, producer, buyer } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const collect = order.paymentMethod === "cod" ? order.totalVnd : 0;
  const shipment = shipmentMessage(order);
  // A transfer or card payment not received yet: the goods must not leave without it.
  const isAwaitingPayment = collect === 0 && order.status === "pending_payment";
  return (
    <article className="mx-auto max-w-3xl rounded-xl border border-stone-300 bg-white p-5 print:border-0 print:p-0">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="font-semibold">{producer.name}</p>
          <p className="text-sm">{producer.address}</p>
          {producer.phone ? <p className="text-sm">{producer.phone}</p> : null}
        </div>
        <PrintButton label={t("deliveryNote.print")} />
      </div>
      <h1 className="mt-4 text-center text-xl font-bold uppercase">{t("deliveryNote.heading")}</h1>
      <p className="text-center text-sm">
        {t("deliveryNote.codeDate", {
          code: order.code,
          date: formatDate(order.createdAt, locale),
        })}
      </p>
      <section className="mt-4 text-sm">
        {buyer.companyName ? (
          <p className="font-semibold">
            {t("daily.deliveryNote.business", { name: buyer.companyName })}
          </p>
        ) : null}
        {buyer.taxCode ? (
          <p>{t("daily.deliveryNote.taxCode", { taxCode: buyer.taxCode })}</p>
        ) : null}
        <p>{t("deliveryNote.receiver", { name: order.shipName, phone: order.shipPhone })}</p>
        <p>
          {t("deliveryNote.address", {
            address: `${order.shipAddress}, ${order.shipCommune}, ${order.shipProvince}`,
          })}
        </p>
        <p>{t(`deliveryMethod.${order.deliveryMethod}`)}</p>
        {shipment ? <p>{t(shipment.key, shipment.params)}</p> : null}
        {order.note ? <p>{t("order.noteValue", { note: order.note })}</p> : null}
      </section>
      <table className="mt-4 w-full border-collapse text-sm">
        <thead>
          <tr className="border-b border-stone-400 text-left">
            <th scope="col" className="py-1 pr-2">
              {t("deliveryNote.item")}
            </th>
            <th scope="col" className="py-1 pr-2 text-right">
              {t("cart.quantity")}
            </th>
            <th scope="col" className="py-1 pr-2 text-right">
              {t("cart.unitPrice")}
            </th>
            <th scope="col" className="py-1 text-right">
              {t("cart.lineTotal")}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.id} className="border-b border-stone-200">
              <td className="py-1 pr-2">
                {line.title} <span className="text-stone-600">({line.sku})</span>
              </td>
              <td className="py-1 pr-2 text-right">
                {line.qty} {unitLabel(locale, line.unit)}
              </td>
              <td className="py-1 pr-2 text-right">{formatVnd(line.unitPriceVnd, locale)}</td>
              <td className="py-1 text-right">{formatVnd(line.lineTotalVnd, locale)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3} className="py-1 pr-2 text-right font-normal">
              {t("order.deliveryFee")}
            </th>
            <td className="py-1 text-right">{formatVnd(order.deliveryFeeVnd, locale)}</td>
          </tr>
          <tr>
            <th scope="row" colSpan={3} className="py-1 pr-2 text-right">
              {t("order.total")}
            </th>
            <td className="py-1 text-right font-bold">{formatVnd(order.totalVnd, locale)}</td>
          </tr>
        </tfoot>
      </table>
      <p className="mt-4 font-semibold">
        {collect > 0
          ? t("deliveryNote.collect", { amount: formatVnd(collect, locale) })
          : isAwaitingPayment
            ? t("deliveryNote.awaitingPayment")
            : t("deliveryNote.nothingToCollect")}
      </p>
      <div className="mt-10 grid grid-cols-2 gap-4 text-center text-sm">
        <p>
          {t("deliveryNote.senderSign")}
          <br />
          <span className="text-stone-600">{t("deliveryNote.signHint")}</span>
        </p>
        <p>
          {t("deliveryNote.receiverSign")}
          <br />
          <span className="text-stone-600">{t("deliveryNote.signHint")}</span>
        </p>
      </div>
    </article>
  );
}
