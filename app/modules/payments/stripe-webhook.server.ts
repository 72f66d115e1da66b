import { and, eq, inArray } from "drizzle-orm";
import Stripe from "stripe";
import { writeAudit } from "~/modules/platform/audit.server";
import { applyCancellation } from "~/modules/orders/fulfilment.server";
import { notifyOrderEvent } from "~/modules/orders/notify.server";
import { reserveOrderStock } from "~/modules/orders/stock.server";
import { deliverQueuedEmailsSoon } from "~/modules/platform/mailer.server";
import { logger } from "~/modules/platform/logger.server";
import type { Db } from "~db/client.server";
import { orders, paymentEvents, payments } from "~db/schema";

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

const HANDLED = new Set([
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "checkout.session.expired",
]);

/**
 * Entry point of the webhook route: verifies the signature on the raw body first (a forged
 * or stale one is refused with 400 and changes nothing), then handles the event once.
 */
export function processStripeWebhook(
  db: Db,
  input: { payload: string; signature: string | null; secret: string; now?: Date },
): WebhookResult {
  let event: Stripe.Event;
  try {
    if (!input.signature) throw new Error("missing Stripe-Signature");
    // 300 s tolerance (Stripe's default): an old, replayed signature is refused.
    event = Stripe.webhooks.constructEvent(input.payload, input.signature, input.secret, 300);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    logger.warn({ reason }, "stripe webhook signature refused");
    return { status: 400, outcome: "bad_signature" };
  }
  const result = handleStripeEvent(db, event, input.now ?? new Date());
  deliverQueuedEmailsSoon(db);
  return result;
}

type SessionOrders = {
  list: (typeof orders.$inferSelect)[];
  session: Stripe.Checkout.Session;
};

/**
 * Applies one verified event in a single `BEGIN IMMEDIATE` transaction together with the
 * record of its id, so a redelivered event is a no-op and a crash leaves no half state.
 */
export function handleStripeEvent(db: Db, event: Stripe.Event, now: Date): WebhookResult {
  if (!HANDLED.has(event.type)) return { status: 200, outcome: "ignored" };
  const session = event.data.object as Stripe.Checkout.Session;
  return db.$client
    .transaction((): WebhookResult => {
      const fresh = db
        .insert(paymentEvents)
        .values({ eventId: event.id, provider: "stripe", type: event.type })
        .onConflictDoNothing()
        .run();
      if (fresh.changes === 0) return { status: 200, outcome: "duplicate" };

      const checkoutId = session.metadata?.checkout_id ?? session.client_reference_id;
      const list = checkoutId
        ? db.select().from(orders).where(eq(orders.checkoutId, checkoutId)).all()
        : [];
      if (list.length === 0) {
        logger.warn({ eventId: event.id, sessionId: session.id }, "stripe event for no checkout");
        return { status: 200, outcome: "unknown_checkout" };
      }
      const target = { list, session };
      switch (event.type) {
        case "checkout.session.completed":
          return session.payment_status === "unpaid"
            ? { status: 200, outcome: "waiting" } // an async method: wait for its own event
            : settlePaid(db, target, event.id, now);
        case "checkout.session.async_payment_succeeded":
          return settlePaid(db, target, event.id, now);
        case "checkout.session.async_payment_failed":
          return cancelUnpaid(db, target, "failed", "Thanh toán thẻ không thành công.", now);
        default:
          return cancelUnpaid(
            db,
            target,
            "expired",
            "Phiên thanh toán thẻ đã hết hạn, đơn hàng đã tự động hủy.",
            now,
          );
      }
    })
    .immediate();
}

function stripePayments(db: Db, orderIds: number[]) {
  return db
    .select()
    .from(payments)
    .where(and(inArray(payments.orderId, orderIds), eq(payments.provider, "stripe")))
    .all();
}

/** Money arrived: confirm the orders, unless the amount or currency is not what we asked. */
function settlePaid(
  db: Db,
  { list, session }: SessionOrders,
  eventId: string,
  now: Date,
): WebhookResult {
  const expected = list.reduce((sum, o) => sum + o.totalVnd, 0);
  if (session.amount_total !== expected || session.currency?.toLowerCase() !== "vnd") {
    logger.error(
      { sessionId: session.id, amount: session.amount_total, currency: session.currency, expected },
      "stripe amount mismatch: orders not confirmed",
    );
    const first = list[0];
    writeAudit(db, {
      actorUserId: null,
      action: "payment.amount_mismatch",
      entityType: "checkout",
      entityId: first?.checkoutId ?? session.id,
      orgUnitId: first?.orgUnitId ?? null,
      after: {
        eventId,
        sessionId: session.id,
        amount: session.amount_total,
        currency: session.currency,
        expected,
      },
    });
    return { status: 200, outcome: "amount_mismatch" };
  }
  const byOrder = new Map(
    stripePayments(
      db,
      list.map((o) => o.id),
    ).map((p) => [p.orderId, p]),
  );
  for (const order of list) {
    const payment = byOrder.get(order.id);
    if (!payment || payment.status === "succeeded") continue;
    db.update(payments)
      .set({ status: "succeeded", paidAt: now, providerRef: session.id, updatedAt: now })
      .where(eq(payments.id, payment.id))
      .run();
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
  return { status: 200, outcome: "paid" };
}

/**
 * The payment went through for an order we had already cancelled (an `expired` or `failed`
 * event handled first, or the buyer cancelling while on Stripe's page). A system
 * cancellation is undone if the stock is still there; otherwise the money is recorded as a
 * refund owed to the buyer.
 */
function reviveOrRefund(db: Db, order: typeof orders.$inferSelect, now: Date) {
  if (order.cancelledBy === "system" && reserveOrderStock(db, order.id)) {
    db.update(orders)
      .set({
        status: "confirmed",
        confirmedAt: now,
        cancelledAt: null,
        cancelledBy: null,
        cancelReason: null,
        paymentDueAt: null,
        updatedAt: now,
      })
      .where(eq(orders.id, order.id))
      .run();
    notifyOrderEvent(db, order, "paid");
    return;
  }
  applyCancellation(
    db,
    order,
    order.cancelReason ?? "Đơn đã hủy trước khi nhận được tiền.",
    null,
    now,
  );
}

/**
 * The session will never be paid: cancel the orders still waiting for it and release their
 * stock. Orders already paid (events out of order) are left alone.
 */
function cancelUnpaid(
  db: Db,
  { list }: SessionOrders,
  outcome: "failed" | "expired",
  reason: string,
  now: Date,
): WebhookResult {
  const byOrder = new Map(
    stripePayments(
      db,
      list.map((o) => o.id),
    ).map((p) => [p.orderId, p]),
  );
  let changed = false;
  for (const order of list) {
    const payment = byOrder.get(order.id);
    if (payment?.status === "succeeded" || order.status !== "pending_payment") continue;
    const result = db
      .update(orders)
      .set({
        status: "cancelled",
        cancelledAt: now,
        cancelledBy: "system",
        cancelReason: reason,
        updatedAt: now,
      })
      .where(and(eq(orders.id, order.id), eq(orders.status, "pending_payment")))
      .run();
    if (result.changes !== 1) continue;
    applyCancellation(db, order, reason, null, now);
    if (payment) {
      db.update(payments)
        .set({ status: outcome, updatedAt: now })
        .where(eq(payments.id, payment.id))
        .run();
    }
    notifyOrderEvent(db, { ...order, cancelReason: reason }, "cancelled");
    changed = true;
  }
  return { status: 200, outcome: changed ? outcome : "nothing_to_do" };
}
