import { and, eq } from "drizzle-orm";
import {
  closeStripePayment,
  markStripePaymentPaid,
  readSessionEvent,
  recordStripeEvent,
  stripePaymentsOf,
  verifyStripeEvent,
  type SessionEvent,
  type StripePayment,
} from "~/modules/payments/stripe-webhook.server";
import { writeAudit } from "~/modules/platform/audit.server";
import { logger } from "~/modules/platform/logger.server";
import { asReasonKey, type Reason, type ReasonKey } from "~/modules/notifications/messages";
import { deliverQueuedEmailsSoon } from "~/modules/platform/mailer.server";
import type { Db } from "~db/client.server";
import { orders } from "~db/schema";
import { reserveOrderAgain } from "~/modules/stock/movements.server";
import { applyCancellation, refundReceivedPayments } from "./fulfilment.server";
import { notifyOrderEvent } from "./notify.server";

export type WebhookOutcome =
  | "bad_signature"
  | "duplicate"
  | "ignored"
  | "unknown_checkout"
  | "amount_mismatch"
  | "paid"
  | "waiting"
  | "failed"
  | "expired"
  | "nothing_to_do";

export interface WebhookResult {
  status: number;
  outcome: WebhookOutcome;
}

type CheckoutOrders = (typeof orders.$inferSelect)[];

/**
 * Entry point of the Stripe webhook route: the payments module checks the signature on the
 * raw body first (a forged or stale one is refused with 400 and changes nothing), then the
 * orders of the checkout follow the event, once.
 */
export function processStripeWebhook(
  db: Db,
  input: { payload: string; signature: string | null; secret: string; now?: Date },
): WebhookResult {
  const verified = verifyStripeEvent(input);
  if (!verified) return { status: 400, outcome: "bad_signature" };
  const event = readSessionEvent(verified);
  if (!event) return { status: 200, outcome: "ignored" };
  const result = applySessionEvent(db, event, input.now ?? new Date());
  deliverQueuedEmailsSoon(db);
  return result;
}

/** A card order of the checkout with its Stripe payment, opened by the event's session. */
interface PayingOrder {
  order: CheckoutOrders[number];
  payment: StripePayment;
}

/**
 * The orders this session pays: card orders whose Stripe payment was opened with this very
 * session. A checkout paid on delivery or by bank transfer has none, so a signed event that
 * names it (by mistake or on purpose) finds nothing to act on.
 */
function ordersPaidBy(db: Db, list: CheckoutOrders, sessionId: string): PayingOrder[] {
  const byOrder = stripePaymentsOf(
    db,
    list.map((o) => o.id),
  );
  return list.flatMap((order) => {
    const payment = byOrder.get(order.id);
    return order.paymentMethod === "card" && payment?.providerRef === sessionId
      ? [{ order, payment }]
      : [];
  });
}

/**
 * Applies one verified event in a single `BEGIN IMMEDIATE` transaction together with the
 * record of its id, so a redelivered event is a no-op and a crash leaves no half state.
 */
function applySessionEvent(db: Db, event: SessionEvent, now: Date): WebhookResult {
  return db.$client
    .transaction((): WebhookResult => {
      if (!recordStripeEvent(db, event)) return { status: 200, outcome: "duplicate" };
      const list = event.checkoutId
        ? db.select().from(orders).where(eq(orders.checkoutId, event.checkoutId)).all()
        : [];
      if (list.length === 0) {
        logger.warn(
          { eventId: event.eventId, sessionId: event.sessionId },
          "stripe event for no checkout",
        );
        return { status: 200, outcome: "unknown_checkout" };
      }
      const paying = ordersPaidBy(db, list, event.sessionId);
      if (paying.length === 0) {
        logger.warn(
          { eventId: event.eventId, sessionId: event.sessionId, checkoutId: event.checkoutId },
          "stripe event for a checkout this session does not pay: ignored",
        );
        return { status: 200, outcome: "ignored" };
      }
      switch (event.kind) {
        case "waiting":
          return {
            status: 200,
            outcome: paying.some(isAwaitingPayment) ? "waiting" : "nothing_to_do",
          };
        case "paid":
          return settlePaid(db, paying, event, now);
        case "failed":
          return cancelUnpaid(db, paying, "failed", "cancelReason.cardFailed", now);
        case "expired":
          return cancelUnpaid(db, paying, "expired", "cancelReason.cardExpired", now);
      }
    })
    .immediate();
}

/** The order still waits for this payment: neither paid, closed nor moved on. */
function isAwaitingPayment({ order, payment }: PayingOrder): boolean {
  return order.status === "pending_payment" && payment.status === "pending";
}

/** Money arrived: confirm the orders, unless the amount or currency is not what we asked. */
function settlePaid(db: Db, paying: PayingOrder[], event: SessionEvent, now: Date): WebhookResult {
  const expected = paying.reduce((sum, { order }) => sum + order.totalVnd, 0);
  if (event.amountTotal !== expected || event.currency?.toLowerCase() !== "vnd") {
    logger.error(
      {
        sessionId: event.sessionId,
        amount: event.amountTotal,
        currency: event.currency,
        expected,
      },
      "stripe amount mismatch: orders not confirmed",
    );
    const first = paying[0]?.order;
    writeAudit(db, {
      actorUserId: null,
      action: "payment.amount_mismatch",
      entityType: "checkout",
      entityId: first?.checkoutId ?? event.sessionId,
      orgUnitId: first?.orgUnitId ?? null,
      after: {
        eventId: event.eventId,
        sessionId: event.sessionId,
        amount: event.amountTotal,
        currency: event.currency,
        expected,
      },
    });
    return { status: 200, outcome: "amount_mismatch" };
  }
  let changed = false;
  for (const { order, payment } of paying) {
    if (payment.status === "succeeded") continue;
    markStripePaymentPaid(db, payment.id, event.sessionId, now);
    changed = true;
    if (order.status === "pending_payment") {
      db.update(orders)
        .set({ status: "confirmed", confirmedAt: now, paymentDueAt: null, updatedAt: now })
        .where(and(eq(orders.id, order.id), eq(orders.status, "pending_payment")))
        .run();
      notifyOrderEvent(db, order, "paid");
    } else if (order.status === "cancelled") {
      reviveOrRefund(db, order, now);
    }
  }
  return { status: 200, outcome: changed ? "paid" : "nothing_to_do" };
}

/**
 * The payment went through for an order we had already cancelled (an `expired` or `failed`
 * event handled first, or the buyer cancelling while on Stripe's page). Its stock was
 * released with the cancellation. A system cancellation is undone only if every line can
 * take its stock again; otherwise, and always for an order the buyer or producer cancelled,
 * the order stays cancelled and the money is recorded as a refund owed to the buyer, with
 * the stock left as it is.
 */
function reviveOrRefund(db: Db, order: CheckoutOrders[number], now: Date) {
  if (order.cancelledBy === "system" && reserveOrderAgain(db, order.id)) {
    db.update(orders)
      .set({
        status: "confirmed",
        confirmedAt: now,
        cancelledAt: null,
        cancelledBy: null,
        cancelReason: null,
        cancelReasonKey: null,
        paymentDueAt: null,
        updatedAt: now,
      })
      .where(and(eq(orders.id, order.id), eq(orders.status, "cancelled")))
      .run();
    notifyOrderEvent(db, order, "paid");
    return;
  }
  const reason: Reason = order.cancelReason
    ? { text: order.cancelReason }
    : { key: asReasonKey(order.cancelReasonKey) ?? "cancelReason.cancelledBeforePayment" };
  refundReceivedPayments(db, order, reason, null);
}

/**
 * The session will never be paid: cancel the orders still waiting for it and release their
 * stock. Orders already paid or cancelled (events out of order) are left alone.
 */
function cancelUnpaid(
  db: Db,
  paying: PayingOrder[],
  outcome: "failed" | "expired",
  reason: ReasonKey,
  now: Date,
): WebhookResult {
  let changed = false;
  for (const entry of paying) {
    if (!isAwaitingPayment(entry)) continue;
    const { order, payment } = entry;
    const result = db
      .update(orders)
      .set({
        status: "cancelled",
        cancelledAt: now,
        cancelledBy: "system",
        cancelReasonKey: reason,
        updatedAt: now,
      })
      .where(and(eq(orders.id, order.id), eq(orders.status, "pending_payment")))
      .run();
    if (result.changes !== 1) continue;
    applyCancellation(db, order, { key: reason }, null, now);
    closeStripePayment(db, payment.id, outcome, now);
    notifyOrderEvent(db, { ...order, cancelReasonKey: reason }, "cancelled");
    changed = true;
  }
  return { status: 200, outcome: changed ? outcome : "nothing_to_do" };
}
