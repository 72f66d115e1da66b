import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPayment } from "~/modules/orders/checkout.server";
import { placeOrder } from "~/modules/orders/place-order.server";
import { createCheckoutSession, stripeProvider } from "~/modules/payments/stripe.server";
import { processStripeWebhook } from "~/modules/orders/card-payments.server";
import { listings, notifications, orders, paymentEvents, payments, refunds } from "~db/schema";
import { freshDb } from "../helpers/db";
import { makeMarket, newKey, SHIPPING } from "../helpers/market";
import { setTestStock } from "../helpers/stock";
import {
  fakeStripeSettings,
  sessionEvent,
  sign,
  startFakeStripeApi,
  WEBHOOK_SECRET,
  type FakeStripeApi,
} from "../helpers/stripe";

type Db = ReturnType<typeof freshDb>;

let api: FakeStripeApi;
beforeAll(async () => {
  api = await startFakeStripeApi();
});
afterAll(async () => {
  await api.stop();
});

const urls = {
  successUrl: "http://127.0.0.1/don-hang?ok=1",
  cancelUrl: "http://127.0.0.1/don-hang",
};

/** A card checkout across both producers, with its session opened on the fake Stripe. */
async function cardCheckout(db: Db, buyerUserId: number) {
  const placed = placeOrder(db, {
    buyerUserId,
    items: [
      { sku: "SP0001", qty: 2 },
      { sku: "SP0003", qty: 1 },
    ],
    shipping: SHIPPING,
    delivery: { SXA: "delivery" },
    paymentMethod: "card",
    idempotency: { scope: "t", key: newKey() },
  });
  const session = await createCheckoutSession(
    db,
    fakeStripeSettings(api.port),
    {
      checkoutId: placed.checkoutId,
      buyerEmail: "mua@example.vn",
      orders: placed.orders,
    },
    urls,
  );
  return { placed, session };
}

function deliver(
  db: Db,
  type: string,
  session: {
    id: string;
    amount_total: number | null;
    currency: string | null;
    metadata: Record<string, string> | null;
  },
  options: { eventId?: string; amount?: number; currency?: string } = {},
) {
  const payload = sessionEvent(
    type,
    {
      id: session.id,
      amount_total: options.amount ?? session.amount_total ?? 0,
      currency: options.currency ?? session.currency ?? "vnd",
      metadata: session.metadata ?? {},
    },
    options.eventId,
  );
  return processStripeWebhook(db, { payload, signature: sign(payload), secret: WEBHOOK_SECRET });
}

const statuses = (db: Db) =>
  db
    .select({ s: orders.status })
    .from(orders)
    .orderBy(orders.id)
    .all()
    .map((o) => o.s);
const stock = (db: Db, id: number) =>
  db.select({ s: listings.stock }).from(listings).where(eq(listings.id, id)).get()?.s;

describe("Stripe Checkout session", () => {
  it("is created in VND from the server's amounts, once per checkout", async () => {
    const db = freshDb();
    const m = makeMarket(db);
    const { placed, session } = await cardCheckout(db, m.buyer.id);
    const form = api.createdSessions.at(-1)!;
    expect(form.get("mode")).toBe("payment");
    expect(form.get("currency")).toBe("vnd");
    expect(form.get("line_items[0][price_data][currency]")).toBe("vnd");
    // VND is zero-decimal: 120 000 đồng is sent as 120000, not 12000000.
    expect(form.get("line_items[0][price_data][unit_amount]")).toBe("120000");
    expect(form.get("line_items[0][quantity]")).toBe("2");
    expect(form.get("line_items[1][price_data][unit_amount]")).toBe("30000");
    expect(form.get("metadata[checkout_id]")).toBe(placed.checkoutId);
    expect(session.amount_total).toBe(240000 + 30000 + 300000);
    const request = api.requests.at(-1)!;
    expect(request.idempotencyKey).toBe(`checkout-${placed.checkoutId}`);
    const refs = db.select({ ref: payments.providerRef }).from(payments).all();
    expect(refs).toEqual([{ ref: session.id }, { ref: session.id }]);
    expect(session.url).toContain(session.id);
  });

  it("cancels the orders and releases stock when Stripe cannot be reached", async () => {
    const db = freshDb();
    const m = makeMarket(db);
    const placed = placeOrder(db, {
      buyerUserId: m.buyer.id,
      items: [{ sku: "SP0001", qty: 4 }],
      shipping: SHIPPING,
      paymentMethod: "card",
      idempotency: { scope: "t", key: newKey() },
    });
    expect(stock(db, m.pepper.id)).toBe(6);
    api.failNext();
    const provider = stripeProvider({ ...fakeStripeSettings(api.port) });
    await expect(
      startPayment(
        db,
        provider,
        { checkoutId: placed.checkoutId, buyerEmail: null, orders: placed.orders },
        urls,
      ),
    ).rejects.toThrow(/Không kết nối được cổng thanh toán/);
    expect(statuses(db)).toEqual(["cancelled"]);
    expect(stock(db, m.pepper.id)).toBe(10);
  });
});

describe("Stripe webhook", () => {
  it("refuses a forged or stale signature with 400 and changes nothing", async () => {
    const db = freshDb();
    const m = makeMarket(db);
    const { session } = await cardCheckout(db, m.buyer.id);
    const payload = sessionEvent("checkout.session.completed", {
      id: session.id,
      amount_total: session.amount_total ?? 0,
      currency: "vnd",
      metadata: session.metadata ?? {},
    });
    const forged = processStripeWebhook(db, {
      payload,
      signature: sign(payload, { secret: "whsec_not_ours" }),
      secret: WEBHOOK_SECRET,
    });
    const stale = processStripeWebhook(db, {
      payload,
      signature: sign(payload, { timestamp: Math.floor(Date.now() / 1000) - 600 }),
      secret: WEBHOOK_SECRET,
    });
    const tampered = processStripeWebhook(db, {
      payload: payload.replace('"amount_total":570000', '"amount_total":570001'),
      signature: sign(payload),
      secret: WEBHOOK_SECRET,
    });
    const missing = processStripeWebhook(db, { payload, signature: null, secret: WEBHOOK_SECRET });
    for (const result of [forged, stale, tampered, missing]) {
      expect(result).toEqual({ status: 400, outcome: "bad_signature" });
    }
    expect(statuses(db)).toEqual(["pending_payment", "pending_payment"]);
    expect(db.select().from(paymentEvents).all()).toEqual([]);
  });

  it("confirms once when the same event is delivered twice", async () => {
    const db = freshDb();
    const m = makeMarket(db);
    const { session } = await cardCheckout(db, m.buyer.id);
    const first = deliver(db, "checkout.session.completed", session, { eventId: "evt_same" });
    const second = deliver(db, "checkout.session.completed", session, { eventId: "evt_same" });
    expect(first).toEqual({ status: 200, outcome: "paid" });
    expect(second).toEqual({ status: 200, outcome: "duplicate" });
    expect(statuses(db)).toEqual(["confirmed", "confirmed"]);
    const paidNotices = db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, "order.paid"))
      .all();
    // One buyer notice and one producer notice per order, not twice that.
    expect(paidNotices).toHaveLength(4);
    expect(db.select({ s: payments.status }).from(payments).all()).toEqual([
      { s: "succeeded" },
      { s: "succeeded" },
    ]);
  });

  it("an expired event after completion changes nothing", async () => {
    const db = freshDb();
    const m = makeMarket(db);
    const { session } = await cardCheckout(db, m.buyer.id);
    deliver(db, "checkout.session.completed", session);
    expect(deliver(db, "checkout.session.expired", session).outcome).toBe("nothing_to_do");
    expect(statuses(db)).toEqual(["confirmed", "confirmed"]);
    expect(stock(db, m.pepper.id)).toBe(8);
  });

  it("expired delivered before completed does not leave a paid order cancelled", async () => {
    const db = freshDb();
    const m = makeMarket(db);
    const { session } = await cardCheckout(db, m.buyer.id);
    expect(deliver(db, "checkout.session.expired", session).outcome).toBe("expired");
    expect(statuses(db)).toEqual(["cancelled", "cancelled"]);
    expect(stock(db, m.pepper.id)).toBe(10);
    expect(deliver(db, "checkout.session.completed", session).outcome).toBe("paid");
    expect(statuses(db)).toEqual(["confirmed", "confirmed"]);
    expect(stock(db, m.pepper.id)).toBe(8);
    expect(db.select().from(refunds).all()).toEqual([]);
  });

  it("records a refund when the stock of an expired order was sold meanwhile", async () => {
    const db = freshDb();
    const m = makeMarket(db);
    const { session } = await cardCheckout(db, m.buyer.id);
    deliver(db, "checkout.session.expired", session);
    setTestStock(db, m.squid.id, 0);
    deliver(db, "checkout.session.completed", session);
    expect(statuses(db)).toEqual(["confirmed", "cancelled"]);
    expect(db.select({ amount: refunds.amountVnd }).from(refunds).all()).toEqual([
      { amount: 300000 },
    ]);
  });

  it("a mismatched amount or currency does not confirm", async () => {
    const db = freshDb();
    const m = makeMarket(db);
    const { session } = await cardCheckout(db, m.buyer.id);
    expect(deliver(db, "checkout.session.completed", session, { amount: 1000 }).outcome).toBe(
      "amount_mismatch",
    );
    expect(deliver(db, "checkout.session.completed", session, { currency: "usd" }).outcome).toBe(
      "amount_mismatch",
    );
    expect(statuses(db)).toEqual(["pending_payment", "pending_payment"]);
    expect(db.select({ s: payments.status }).from(payments).all()).toEqual([
      { s: "pending" },
      { s: "pending" },
    ]);
  });

  it("expiry of an unpaid session cancels the orders and releases the stock", async () => {
    const db = freshDb();
    const m = makeMarket(db);
    const { session } = await cardCheckout(db, m.buyer.id);
    expect(stock(db, m.squid.id)).toBe(3);
    expect(deliver(db, "checkout.session.expired", session).outcome).toBe("expired");
    expect(statuses(db)).toEqual(["cancelled", "cancelled"]);
    expect(stock(db, m.squid.id)).toBe(4);
    expect(db.select({ s: payments.status }).from(payments).all()).toEqual([
      { s: "expired" },
      { s: "expired" },
    ]);
  });

  it("waits for async payments, then follows their success or failure", async () => {
    const db = freshDb();
    const m = makeMarket(db);
    const { session } = await cardCheckout(db, m.buyer.id);
    const payload = sessionEvent("checkout.session.completed", {
      id: session.id,
      amount_total: session.amount_total ?? 0,
      currency: "vnd",
      payment_status: "unpaid",
      metadata: session.metadata ?? {},
    });
    expect(
      processStripeWebhook(db, { payload, signature: sign(payload), secret: WEBHOOK_SECRET }),
    ).toEqual({ status: 200, outcome: "waiting" });
    expect(statuses(db)).toEqual(["pending_payment", "pending_payment"]);
    expect(deliver(db, "checkout.session.async_payment_failed", session).outcome).toBe("failed");
    expect(statuses(db)).toEqual(["cancelled", "cancelled"]);

    const second = await cardCheckout(db, m.buyer.id);
    expect(deliver(db, "checkout.session.async_payment_succeeded", second.session).outcome).toBe(
      "paid",
    );
    expect(statuses(db)).toEqual(["cancelled", "cancelled", "confirmed", "confirmed"]);
  });

  it("ignores event types it does not handle with 200", () => {
    const db = freshDb();
    const payload = JSON.stringify({
      id: "evt_x",
      object: "event",
      type: "charge.refunded",
      data: { object: {} },
    });
    expect(
      processStripeWebhook(db, { payload, signature: sign(payload), secret: WEBHOOK_SECRET }),
    ).toEqual({ status: 200, outcome: "ignored" });
  });
});
