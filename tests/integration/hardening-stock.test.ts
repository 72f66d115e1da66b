import { randomUUID } from "node:crypto";
import { and, asc, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "~db/client.server";
import { DEMO_ACCOUNTS } from "~db/seed/demo-accounts";
import {
  cartLines,
  carts,
  listings,
  orders,
  paymentEvents,
  payments,
  producers,
  refunds,
  stockMovements,
  users,
} from "~db/schema";
import { changedTables, databaseFingerprint } from "../helpers/db-snapshot";
import { startServer, type StartedServer } from "../helpers/server";
import { ledgerMismatches, setTestStock } from "../helpers/stock";
import {
  sessionEvent,
  sign,
  startFakeStripeApi,
  WEBHOOK_SECRET,
  type FakeStripeApi,
} from "../helpers/stripe";

/**
 * Acceptance (issue 10, phantom stock): the sequences an attacker used to bring back stock
 * that was sold, replayed against the real server as a browser and Stripe would send them —
 * the buyer's forms, then signed webhook calls. Each ends with the listing's stock equal to
 * the sum of its movements, read from the database file.
 */

let api: FakeStripeApi;
let server: StartedServer;
let db: Db;
let cookie = "";
let buyerId = 0;
let listingId = 0;
let sku = "";

beforeAll(async () => {
  api = await startFakeStripeApi();
  server = await startServer({
    env: {
      STRIPE_SECRET_KEY: "sk_test_fake",
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_HOST: "127.0.0.1",
      STRIPE_API_PORT: String(api.port),
      STRIPE_API_PROTOCOL: "http",
    },
  });
  db = openDatabase(server.databasePath);
  const buyer = DEMO_ACCOUNTS.find((account) => account.key === "buyer");
  if (!buyer) throw new Error("no demo buyer");
  const login = await post("/dang-nhap", { identifier: buyer.email, password: buyer.password });
  const session = login.headers.getSetCookie().find((c) => c.startsWith("cc_session="));
  if (!session) throw new Error(`log-in failed with ${login.status}`);
  cookie = session.split(";")[0] ?? "";
  buyerId = db.select().from(users).where(eq(users.email, buyer.email)).get()?.id ?? 0;
  const onSale = db
    .select({ id: listings.id, sku: listings.sku })
    .from(listings)
    .innerJoin(producers, eq(producers.id, listings.producerId))
    .where(and(eq(listings.status, "published"), eq(producers.verificationStatus, "verified")))
    .orderBy(asc(listings.id))
    .limit(1)
    .get();
  if (!onSale) throw new Error("the demo catalog has no product on sale");
  ({ id: listingId, sku } = onSale);
  db.update(listings).set({ minOrderQty: 1 }).where(eq(listings.id, listingId)).run();
}, 300_000);

afterAll(async () => {
  db?.$client.close();
  await server?.stop();
  await api?.stop();
}, 60_000);

function post(path: string, fields: Record<string, string>) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      Origin: server.url,
      "Content-Type": "application/x-www-form-urlencoded",
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: new URLSearchParams(fields),
  });
}

function stock(): number {
  return db.select({ s: listings.stock }).from(listings).where(eq(listings.id, listingId)).get()!.s;
}

/** What the ledger of the listing says for one order: its reservations and releases. */
function movementsOfOrder(orderId: number): number[] {
  return db
    .select({ delta: stockMovements.delta })
    .from(stockMovements)
    .where(and(eq(stockMovements.listingId, listingId), eq(stockMovements.orderId, orderId)))
    .orderBy(asc(stockMovements.id))
    .all()
    .map((m) => m.delta);
}

/**
 * Checks out `qty` of the product through the site's cart and checkout forms; returns the
 * new order and, for a card, the session the server opened on the fake Stripe.
 */
async function checkout(qty: number, paymentMethod: "card" | "cod") {
  const cart = db.select().from(carts).where(eq(carts.userId, buyerId)).get();
  if (cart) db.delete(cartLines).where(eq(cartLines.cartId, cart.id)).run();
  const added = await post("/gio-hang", {
    intent: "add",
    listingId: String(listingId),
    qty: String(qty),
  });
  expect(added.status).toBe(303);
  const price = db.select().from(listings).where(eq(listings.id, listingId)).get()!.priceVnd;
  const placed = await post("/thanh-toan", {
    idempotencyKey: randomUUID(),
    name: "Phạm Thị Người Mua",
    phone: "0912 345 678",
    province: "Quảng Trị",
    commune: "phường Đông Hà",
    address: "12 Lê Duẩn, khu phố 3",
    note: "",
    paymentMethod,
    [`price.${sku}`]: String(price),
  });
  expect(placed.status).toBe(303);
  const order = db
    .select()
    .from(orders)
    .where(eq(orders.buyerUserId, buyerId))
    .orderBy(desc(orders.id))
    .get()!;
  expect(order.paymentMethod).toBe(paymentMethod);
  const payment = db.select().from(payments).where(eq(payments.orderId, order.id)).get()!;
  if (paymentMethod === "card") {
    expect(placed.headers.get("location")).toContain(`/c/pay/${payment.providerRef}`);
  }
  return { order, sessionId: payment.providerRef ?? `cs_never_opened_${order.id}` };
}

/** Stripe calling the webhook with a signed Checkout session event. */
async function webhook(
  type: string,
  checkout: { order: typeof orders.$inferSelect; sessionId: string },
) {
  const payload = sessionEvent(type, {
    id: checkout.sessionId,
    amount_total: checkout.order.totalVnd,
    currency: "vnd",
    metadata: { checkout_id: checkout.order.checkoutId },
  });
  const response = await fetch(`${server.url}/api/stripe/webhook`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Stripe-Signature": sign(payload) },
    body: payload,
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { outcome: string }).outcome;
}

const orderNow = (id: number) => db.select().from(orders).where(eq(orders.id, id)).get()!;

describe("phantom stock, against the real server", () => {
  it("cancel by the buyer, then a valid completed event: refunded, stock back exactly once", async () => {
    setTestStock(db, listingId, 145);
    const card = await checkout(2, "card");
    expect(stock()).toBe(143);

    const cancelled = await post(`/don-hang/${card.order.id}`, { intent: "cancel", reason: "" });
    expect(cancelled.status).toBe(303);
    expect(orderNow(card.order.id).status).toBe("cancelled");
    expect(stock()).toBe(145);

    expect(await webhook("checkout.session.completed", card)).toBe("paid");
    const after = orderNow(card.order.id);
    expect(after.status).toBe("cancelled");
    expect(
      db
        .select({ amount: refunds.amountVnd })
        .from(refunds)
        .where(eq(refunds.orderId, after.id))
        .all(),
    ).toEqual([{ amount: card.order.totalVnd }]);
    expect(stock()).toBe(145);
    expect(movementsOfOrder(card.order.id)).toEqual([-2, 2]);
    expect(ledgerMismatches(db)).toEqual([]);
  });

  it("expired, sold out by another order, then completed: refunded, stock stays 0", async () => {
    setTestStock(db, listingId, 3);
    const card = await checkout(3, "card");
    expect(stock()).toBe(0);
    expect(await webhook("checkout.session.expired", card)).toBe("expired");
    expect(stock()).toBe(3);

    const other = await checkout(3, "cod");
    expect(other.order.status).toBe("pending_payment");
    expect(stock()).toBe(0);

    expect(await webhook("checkout.session.completed", card)).toBe("paid");
    expect(orderNow(card.order.id).status).toBe("cancelled");
    expect(db.select().from(refunds).where(eq(refunds.orderId, card.order.id)).all()).toHaveLength(
      1,
    );
    expect(stock()).toBe(0);
    expect(movementsOfOrder(card.order.id)).toEqual([-3, 3]);
    expect(ledgerMismatches(db)).toEqual([]);
  });

  it("a signed expired event naming a cash-on-delivery checkout cancels nothing", async () => {
    setTestStock(db, listingId, 20);
    const cod = await checkout(2, "cod");
    const forged = { ...cod, sessionId: "cs_test_names_a_cod_checkout" };
    const before = databaseFingerprint(server.databasePath);
    const eventsBefore = db.select().from(paymentEvents).all().length;

    expect(await webhook("checkout.session.expired", forged)).toBe("ignored");
    expect(await webhook("checkout.session.async_payment_failed", forged)).toBe("ignored");
    expect(await webhook("checkout.session.completed", forged)).toBe("ignored");

    // Each verified event is recorded once (a redelivery is then a duplicate); nothing else moves.
    const after = databaseFingerprint(server.databasePath);
    expect(changedTables(before, after)).toEqual(["payment_events"]);
    expect(db.select().from(paymentEvents).all()).toHaveLength(eventsBefore + 3);
    expect(orderNow(cod.order.id).status).toBe("pending_payment");
    expect(stock()).toBe(18);
    expect(ledgerMismatches(db)).toEqual([]);
  });
});
