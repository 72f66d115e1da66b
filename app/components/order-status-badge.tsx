import { useT } from "~/lib/i18n";
import {
  orderStage,
  orderStatusKey,
  type OrderStage,
  type OrderStatusName,
  type PaymentMethodName,
  type RefundState,
} from "~/lib/orders";

const COLORS: Record<OrderStage, string> = {
  awaiting_acceptance: "bg-amber-100 text-amber-900",
  pending_payment: "bg-amber-100 text-amber-900",
  confirmed: "bg-sky-100 text-sky-900",
  shipping: "bg-indigo-100 text-indigo-900",
  delivered: "bg-brand-100 text-brand-800",
  completed: "bg-stone-200 text-stone-900",
  cancelled: "bg-rose-100 text-rose-900",
};

/**
 * An order's status as a coloured pill; the text alone carries the meaning, worded by the one
 * rule of lib/orders (orderStatusKey): a cash order waiting in `pending_payment` waits for the
 * producer, not for money, and a cancelled order says whether its money is still owed back.
 */
export function OrderStatusBadge({
  status,
  paymentMethod,
  refundState = null,
}: {
  status: OrderStatusName;
  paymentMethod: PaymentMethodName;
  refundState?: RefundState;
}) {
  const t = useT();
  return (
    <span
      className={`inline-block rounded-full px-2.5 py-1 text-sm font-medium ${COLORS[orderStage(status, paymentMethod)]}`}
    >
      {t(orderStatusKey({ status, paymentMethod, refundState }))}
    </span>
  );
}
