import { useT } from "~/lib/i18n";
import type { OrderStatusName, PaymentMethodName } from "~/lib/orders";

const COLORS: Record<OrderStatusName, string> = {
  pending_payment: "bg-amber-100 text-amber-900",
  confirmed: "bg-sky-100 text-sky-900",
  shipping: "bg-indigo-100 text-indigo-900",
  delivered: "bg-brand-100 text-brand-800",
  completed: "bg-stone-200 text-stone-900",
  cancelled: "bg-rose-100 text-rose-900",
};

/**
 * An order's status as a coloured pill; the text alone carries the meaning. A cash-on-delivery
 * order waiting in `pending_payment` waits for the producer, not for money: it says so.
 */
export function OrderStatusBadge({
  status,
  paymentMethod,
}: {
  status: OrderStatusName;
  paymentMethod?: PaymentMethodName;
}) {
  const t = useT();
  const label =
    status === "pending_payment" && paymentMethod === "cod"
      ? t("orderStatus.awaitingAcceptance")
      : t(`orderStatus.${status}`);
  return (
    <span className={`inline-block rounded-full px-2.5 py-1 text-sm font-medium ${COLORS[status]}`}>
      {label}
    </span>
  );
}
