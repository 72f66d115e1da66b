import { unitLabel } from "~/lib/i18n/labels";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import type { Locale } from "~/lib/i18n/locales";
import { t, type MessageKey, type MessageParams } from "~/lib/i18n/translate";

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

/**
 * The stages an order is read in, on every page and tab: its status, except that a cash
 * order in `pending_payment` waits for the producer to accept it, not for money.
 */
export const ORDER_STAGES = [
  "awaiting_acceptance",
  "pending_payment",
  "confirmed",
  "shipping",
  "delivered",
  "completed",
  "cancelled",
] as const;
export type OrderStage = (typeof ORDER_STAGES)[number];

/** The stage of an order with this status and payment method. */
export function orderStage(status: OrderStatusName, paymentMethod: PaymentMethodName): OrderStage {
  return status === "pending_payment" && paymentMethod === "cod" ? "awaiting_acceptance" : status;
}

/** The statuses and payment methods an order of a stage has (the inverse of orderStage). */
export function stageCondition(stage: OrderStage): {
  status: OrderStatusName;
  /** Only this method, or every method but `exceptMethod`, or any (neither). */
  method?: PaymentMethodName;
  exceptMethod?: PaymentMethodName;
} {
  if (stage === "awaiting_acceptance") return { status: "pending_payment", method: "cod" };
  if (stage === "pending_payment") return { status: "pending_payment", exceptMethod: "cod" };
  return { status: stage };
}

/**
 * Where the money of an order's refunds stands: none recorded (null), some still owed to
 * the buyer, or all of it sent back.
 */
export type RefundState = "owed" | "settled" | null;

/** The refund state of an order from its refunds (`settledAt` null while owed). */
export function refundStateOf(
  refunds: readonly { settledAt: Date | string | null }[],
): RefundState {
  if (refunds.length === 0) return null;
  return refunds.some((refund) => refund.settledAt === null) ? "owed" : "settled";
}

const STAGE_KEYS = {
  awaiting_acceptance: "orderStatus.awaitingAcceptance",
  pending_payment: "orderStatus.pending_payment",
  confirmed: "orderStatus.confirmed",
  shipping: "orderStatus.shipping",
  delivered: "orderStatus.delivered",
  completed: "orderStatus.completed",
  cancelled: "orderStatus.cancelled",
} as const satisfies Record<OrderStage, MessageKey>;

/** The label of a stage (the inbox's tabs). */
export function orderStageKey(stage: OrderStage): MessageKey {
  return STAGE_KEYS[stage];
}

/**
 * The one wording of where an order stands, for the buyer and the producer alike: its stage
 * (status and payment method), and for a cancelled order whether its money is still owed
 * back or went back.
 */
export function orderStatusKey(order: {
  status: OrderStatusName;
  paymentMethod: PaymentMethodName;
  refundState?: RefundState;
}): MessageKey {
  if (order.status === "cancelled" && order.refundState === "owed") {
    return "daily.status.cancelledRefundOwed";
  }
  if (order.status === "cancelled" && order.refundState === "settled") {
    return "daily.status.cancelledRefunded";
  }
  return orderStageKey(orderStage(order.status, order.paymentMethod));
}

/**
 * The sentence naming who carries an order and its tracking number (the buyer's order page,
 * the producer's, the delivery note and the "shipped" notification), or null when the
 * producer gave neither.
 */
export function shipmentMessage(order: {
  carrier?: string | null;
  trackingNumber?: string | null;
}): { key: MessageKey; params: Record<string, string> } | null {
  const { carrier, trackingNumber: tracking } = order;
  if (carrier && tracking) {
    return { key: "daily.shipment.carrierAndTracking", params: { carrier, tracking } };
  }
  if (carrier) return { key: "daily.shipment.carrierOnly", params: { carrier } };
  if (tracking) return { key: "daily.shipment.trackingOnly", params: { tracking } };
  return null;
}

/** One line of an order as it was bought: the price and title of that moment. */
export interface OrderLine {
  sku: string;
  title: string;
  unit: string;
  qty: number;
  unitPriceVnd: number;
  lineTotalVnd: number;
}

/** What the producer can do next on an order, in the order of the buttons. */
export type ProducerAction = "accept" | "mark_paid" | "ship" | "deliver" | "cancel";
/** What the buyer can do next. */
export type BuyerAction = "pay_card" | "cancel" | "confirm_receipt" | "review";

/** Days a bank transfer may stay unpaid before the order is cancelled and stock released. */
export const TRANSFER_PAYMENT_DAYS = 3;
/** Days after an order ended (completed or cancelled) that each side still sees the other's phone. */
export const CONTACT_DAYS_AFTER_END = 30;

/**
 * Whether the buyer and the producer still see each other's contact phone on an order:
 * while it is open, and for CONTACT_DAYS_AFTER_END days after it completed or was cancelled.
 */
export function isContactVisible(
  order: { status: OrderStatusName; completedAt: Date | null; cancelledAt: Date | null },
  now: Date = new Date(),
): boolean {
  const endedAt =
    order.status === "completed"
      ? order.completedAt
      : order.status === "cancelled"
        ? order.cancelledAt
        : null;
  if (order.status !== "completed" && order.status !== "cancelled") return true;
  if (!endedAt) return false;
  return now.getTime() - endedAt.getTime() <= CONTACT_DAYS_AFTER_END * 24 * 60 * 60 * 1000;
}

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

/** A message to show someone later, in their language: a catalog key and its parameters. */
export interface OrderMessage {
  key: MessageKey;
  params?: MessageParams;
}

/** Why a quantity of a product cannot be ordered; `unit` is translated when shown. */
export interface QuantityProblem {
  key: MessageKey;
  params: { title: string; min?: number; stock?: number };
  unit: string;
}

/** Why `qty` of a listing cannot be ordered now, or null. Shared by the cart and checkout. */
export function quantityProblem(
  listing: { title: string; unit: string; minOrderQty: number; stock: number },
  qty: number,
  isOnSale: boolean,
): QuantityProblem | null {
  const { title, unit } = listing;
  if (!isOnSale) return { key: "cartProblem.notOnSale", params: { title }, unit };
  if (qty < listing.minOrderQty) {
    return { key: "cartProblem.belowMinOrder", params: { title, min: listing.minOrderQty }, unit };
  }
  if (qty > listing.stock) {
    return listing.stock === 0
      ? { key: "cartProblem.soldOut", params: { title }, unit }
      : { key: "cartProblem.lowStock", params: { title, stock: listing.stock }, unit };
  }
  return null;
}

/** The parameters of a quantity problem in one language (the unit's word translated). */
export function quantityProblemParams(locale: Locale, problem: QuantityProblem): MessageParams {
  const params: MessageParams = {
    title: problem.params.title,
    unit: unitLabel(locale, problem.unit),
  };
  if (problem.params.min !== undefined) params.min = problem.params.min;
  if (problem.params.stock !== undefined) params.stock = problem.params.stock;
  return params;
}

/** A quantity problem as a sentence in `locale`. */
export function quantityProblemText(locale: Locale, problem: QuantityProblem): string {
  return t(locale, problem.key, quantityProblemParams(locale, problem));
}

/** The title tags of a page of the orders area: `key` in the reader's language. */
export function pageTitleMeta(
  matches: readonly { id: string; data: unknown }[],
  key: MessageKey,
  params?: MessageParams,
) {
  const locale = localeFromMatches(matches);
  return pageMeta(locale, t(locale, key, params));
}

/** The meta function of both order pages (buyer's and workspace's): "Đơn hàng DH…". */
export function orderPageMeta({
  data,
  matches,
}: {
  data?: { order: { code: string } };
  matches: readonly { id: string; data: unknown }[];
}) {
  return pageTitleMeta(matches, "order.title", { code: data?.order.code ?? "" });
}
