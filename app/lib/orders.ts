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

/**
 * What the platform holds for a producer. Only card payments pass through the platform
 * (cash and transfers go straight to the producer), so:
 *   balance = collected − commission − refunds − payouts
 * `When` is a Date on the server and its JSON string on the page.
 */
export interface ProducerStatement<When = Date> {
  producer: { id: number; code: string; name: string };
  collectedVnd: number;
  commissionVnd: number;
  refundsVnd: number;
  payoutsVnd: number;
  balanceVnd: number;
  entries: {
    at: When;
    kind: "payment" | "commission" | "refund" | "payout";
    reference: string;
    amountVnd: number;
  }[];
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
