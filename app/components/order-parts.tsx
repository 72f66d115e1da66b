import { Link } from "~/components/link";
import type { ReactNode } from "react";
import { OrderPanel } from "~/components/order-page";
import { useLocale, useT } from "~/lib/i18n";
import { unitLabel } from "~/lib/i18n/labels";
import { formatVnd } from "~/lib/money";
import { shipmentMessage, type OrderLine, type PaymentMethodName } from "~/lib/orders";

/** A line of an order; a line from a free-text offer has no listing to link to. */
type Line = OrderLine & { id: number; listingId: number | null };

/** The lines of an order as a list that reads well at 360 px and prints as a table would. */
export function OrderLines({
  lines,
  linkProducts = false,
}: {
  lines: Line[];
  linkProducts?: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="lines-heading">
      <h2 id="lines-heading" className="font-semibold">
        {t("order.lines")}
      </h2>
      <ul className="mt-2 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
        {lines.map((line) => (
          <li key={line.id} className="flex flex-wrap justify-between gap-2 p-3">
            <div>
              <p className="font-medium text-stone-900">
                {linkProducts && line.listingId !== null ? (
                  <Link to={`/p/${line.sku}`} className="underline underline-offset-2">
                    {line.title}
                  </Link>
                ) : (
                  line.title
                )}
              </p>
              <p className="text-sm text-stone-700">
                {t("order.lineDetail", {
                  qty: line.qty,
                  unit: unitLabel(locale, line.unit),
                  price: formatVnd(line.unitPriceVnd, locale),
                  sku: line.sku,
                })}
              </p>
            </div>
            <p className="font-semibold">{formatVnd(line.lineTotalVnd, locale)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Subtotal, delivery fee and total of an order. */
export function OrderTotals({
  order,
}: {
  order: { subtotalVnd: number; deliveryFeeVnd: number; totalVnd: number };
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <dl className="space-y-1 rounded-xl border border-stone-200 bg-white p-4 text-sm">
      <div className="flex justify-between">
        <dt>{t("order.subtotal")}</dt>
        <dd>{formatVnd(order.subtotalVnd, locale)}</dd>
      </div>
      <div className="flex justify-between">
        <dt>{t("order.deliveryFee")}</dt>
        <dd>{formatVnd(order.deliveryFeeVnd, locale)}</dd>
      </div>
      <div className="flex justify-between border-t border-stone-200 pt-2 text-base font-bold">
        <dt>{t("order.total")}</dt>
        <dd>{formatVnd(order.totalVnd, locale)}</dd>
      </div>
    </dl>
  );
}

/** The delivery address in the post-2025 layout: street, commune/ward, province. */
export function ShippingAddress({
  order,
}: {
  order: {
    shipName: string;
    shipPhone: string;
    shipAddress: string;
    shipCommune: string;
    shipProvince: string;
  };
}) {
  return (
    <address className="mt-2 text-sm not-italic text-stone-800">
      <span className="font-medium">{order.shipName}</span>
      {order.shipPhone ? ` · ${order.shipPhone}` : null}
      <br />
      {order.shipAddress}, {order.shipCommune}, {order.shipProvince}
    </address>
  );
}

/**
 * Where the order goes and how it is paid and handed over, with anything more the page
 * adds below (the note, the cancel reason). A pickup order names the producer's address to
 * pick it up from (`pickupAddress`), and the buyer only as the one who collects it.
 */
export function OrderDelivery({
  order,
  pickupAddress,
  pickupHours,
  paymentStatus,
  children,
}: {
  order: Parameters<typeof ShippingAddress>[0]["order"] & {
    paymentMethod: PaymentMethodName;
    deliveryMethod: "pickup" | "delivery";
  };
  pickupAddress?: string;
  /** When the producer lets buyers collect, as she wrote it in her profile. */
  pickupHours?: string | null;
  paymentStatus?: string;
  children?: ReactNode;
}) {
  const t = useT();
  const pickup = order.deliveryMethod === "pickup";
  return (
    <OrderPanel id="ship-heading" title={t(pickup ? "order.pickupAt" : "order.shipTo")}>
      {pickup ? (
        <>
          {pickupAddress ? (
            <address className="mt-2 text-sm not-italic text-stone-800">{pickupAddress}</address>
          ) : null}
          {pickupHours ? (
            <p className="mt-1 text-sm text-stone-800">
              {t("checkoutFlow.pickupHours", { hours: pickupHours })}
            </p>
          ) : null}
          <p className="mt-1 text-sm text-stone-700">
            {t("order.collectedBy", {
              who: [order.shipName, order.shipPhone].filter(Boolean).join(" · "),
            })}
          </p>
        </>
      ) : (
        <ShippingAddress order={order} />
      )}
      <p className="mt-2 text-sm text-stone-700">
        {t(`paymentMethod.${order.paymentMethod}`)} · {t(`deliveryMethod.${order.deliveryMethod}`)}
        {paymentStatus ? ` · ${paymentStatus}` : ""}
      </p>
      {children}
    </OrderPanel>
  );
}

/** What was ordered, what it costs, and where it goes: the body of both order pages. */
export function OrderContents({
  lines,
  order,
  linkProducts = false,
  pickupAddress,
  pickupHours,
  paymentStatus,
  children,
}: {
  lines: Line[];
  order: Parameters<typeof OrderTotals>[0]["order"] & Parameters<typeof OrderDelivery>[0]["order"];
  linkProducts?: boolean;
  pickupAddress?: string;
  pickupHours?: string | null;
  paymentStatus?: string;
  children?: ReactNode;
}) {
  return (
    <>
      <OrderLines lines={lines} linkProducts={linkProducts} />
      <OrderTotals order={order} />
      <OrderDelivery
        order={order}
        pickupAddress={pickupAddress}
        pickupHours={pickupHours}
        paymentStatus={paymentStatus}
      >
        {children}
      </OrderDelivery>
    </>
  );
}

/**
 * Who carries the parcel and its tracking number, as the producer gave them when shipping
 * (both order pages); nothing when she gave neither.
 */
export function OrderShipment({
  order,
}: {
  order: { carrier: string | null; trackingNumber: string | null };
}) {
  const t = useT();
  const shipment = shipmentMessage(order);
  if (!shipment) return null;
  return (
    <OrderPanel id="shipment-heading" title={t("daily.shipment.title")}>
      <p className="mt-1 break-words">{t(shipment.key, shipment.params)}</p>
    </OrderPanel>
  );
}

/** Prices that changed since the buyer put the products in the cart: the cart and checkout. */
export function PriceChanges({
  title,
  changes,
}: {
  title: string;
  changes: { sku: string; title: string; fromVnd: number; toVnd: number }[];
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3">
      <p className="font-semibold text-amber-900">{title}</p>
      <ul className="mt-1 list-disc pl-5 text-sm text-amber-900">
        {changes.map((change) => (
          <li key={change.sku}>
            {change.title}:{" "}
            {t("cart.priceChanged", {
              from: formatVnd(change.fromVnd, locale),
              to: formatVnd(change.toVnd, locale),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
