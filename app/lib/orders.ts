/**
 * The order life cycle, shared by the modules (which enforce it) and the pages (which show
 * the next action). Every order starts in `pending_payment`: for cash on delivery that means
 * "waiting for the producer to accept", for a transfer or a card "waiting for the money".
 */
export const ORDER_STATUS_FLOW = [
  "pending_payment",
  "confirmed",
  "shipping",
  "delivered",
  "completed",
] as const;

export type OrderStatusName = (typeof ORDER_STATUS_FLOW)[number] | "cancelled";
export type PaymentMethodName = "cod" | "bank_transfer" | "card";

/** What the producer can do next on an order, in the order of the buttons. */
export type ProducerAction = "accept" | "mark_paid" | "ship" | "deliver" | "cancel";
/** What the buyer can do next. */
export type BuyerAction = "pay_card" | "cancel" | "confirm_receipt" | "review";

/** Days a bank transfer may stay unpaid before the order is cancelled and stock released. */
export const TRANSFER_PAYMENT_DAYS = 3;
/** Days after delivery when an order completes by itself if the buyer does not confirm. */
export const AUTO_COMPLETE_DAYS = 7;

export function producerActions(status: OrderStatusName, method: PaymentMethodName) {
  const actions: ProducerAction[] = [];
  if (status === "pending_payment" && method === "cod") actions.push("accept");
  if (status === "pending_payment" && method === "bank_transfer") actions.push("mark_paid");
  if (status === "confirmed") actions.push("ship");
  if (status === "shipping") actions.push("deliver");
  if (status === "pending_payment" || status === "confirmed" || status === "shipping") {
    actions.push("cancel");
  }
  return actions;
}

export function buyerActions(status: OrderStatusName, method: PaymentMethodName) {
  const actions: BuyerAction[] = [];
  if (status === "pending_payment" && method === "card") actions.push("pay_card");
  if (status === "pending_payment" || status === "confirmed") actions.push("cancel");
  if (status === "delivered") actions.push("confirm_receipt");
  if (status === "completed") actions.push("review");
  return actions;
}
