import { and, eq, inArray } from "drizzle-orm";
import Stripe from "stripe";
import { logger } from "~/modules/platform/logger.server";
import type { Db } from "~db/client.server";
import { paymentEvents, payments } from "~db/schema";

/**
 * The payment side of Stripe's webhook: the signature, what an event says about a Checkout
 * session, the record of handled events and the state of the Stripe payments. What happens
 * to the orders is the checkout's business (orders/card-payments.server.ts).
 */

/** What a Checkout session event means for the checkout it pays. */
export interface SessionEvent {
  eventId: string;
  type: string;
  /** paid: money arrived; waiting: an async method will say later; failed/expired: never. */
  kind: "paid" | "waiting" | "failed" | "expired";
  checkoutId: string | null;
  sessionId: string;
  amountTotal: number | null;
  currency: string | null;
}

const KINDS: Record<string, (session: Stripe.Checkout.Session) => SessionEvent["kind"]> = {
  // An async method (a bank debit) completes the session unpaid: wait for its own event.
  "checkout.session.completed": (session) =>
    session.payment_status === "unpaid" ? "waiting" : "paid",
  "checkout.session.async_payment_succeeded": () => "paid",
  "checkout.session.async_payment_failed": () => "failed",
  "checkout.session.expired": () => "expired",
};

/**
 * The event of a webhook call when its signature on the raw body is Stripe's and recent
 * (300 s, Stripe's default: an old, replayed signature is refused); null otherwise.
 */
export function verifyStripeEvent(input: {
  payload: string;
  signature: string | null;
  secret: string;
}): Stripe.Event | null {
  try {
    if (!input.signature) throw new Error("missing Stripe-Signature");
    return Stripe.webhooks.constructEvent(input.payload, input.signature, input.secret, 300);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    logger.warn({ reason }, "stripe webhook signature refused");
    return null;
  }
}

/** What a verified event says about a Checkout session; null for a type we do not handle. */
export function readSessionEvent(event: Stripe.Event): SessionEvent | null {
  const kindOf = KINDS[event.type];
  if (!kindOf) return null;
  const session = event.data.object as Stripe.Checkout.Session;
  return {
    eventId: event.id,
    type: event.type,
    kind: kindOf(session),
    checkoutId: session.metadata?.checkout_id ?? session.client_reference_id,
    sessionId: session.id,
    amountTotal: session.amount_total,
    currency: session.currency,
  };
}

/**
 * Records that an event is being handled (inside the caller's transaction); false when it
 * was handled before, so a redelivered event is a no-op.
 */
export function recordStripeEvent(db: Db, event: SessionEvent): boolean {
  const fresh = db
    .insert(paymentEvents)
    .values({ eventId: event.eventId, provider: "stripe", type: event.type })
    .onConflictDoNothing()
    .run();
  return fresh.changes === 1;
}

export type StripePayment = typeof payments.$inferSelect;

/** The Stripe payment of each order, by order id (orders paid otherwise have none). */
export function stripePaymentsOf(db: Db, orderIds: number[]): Map<number, StripePayment> {
  const rows = db
    .select()
    .from(payments)
    .where(and(inArray(payments.orderId, orderIds), eq(payments.provider, "stripe")))
    .all();
  return new Map(rows.map((p) => [p.orderId, p]));
}

/** The money of a Stripe payment arrived with this session. */
export function markStripePaymentPaid(db: Db, paymentId: number, sessionId: string, now: Date) {
  db.update(payments)
    .set({ status: "succeeded", paidAt: now, providerRef: sessionId, updatedAt: now })
    .where(eq(payments.id, paymentId))
    .run();
}

/** A Stripe payment that will never arrive: its session failed or expired. */
export function closeStripePayment(
  db: Db,
  paymentId: number,
  status: "failed" | "expired",
  now: Date,
) {
  db.update(payments).set({ status, updatedAt: now }).where(eq(payments.id, paymentId)).run();
}
