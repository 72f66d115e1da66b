import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~db/client.server";
import { orderLines, orders, payments } from "~db/schema";
import { postOrder, prepareApiBuyer, stockOf } from "../helpers/api-orders";
import { startServer, type StartedServer } from "../helpers/server";
import { sessionEvent, sign, WEBHOOK_SECRET } from "../helpers/stripe";

/**
 * Acceptance: 50 concurrent POST /api/v1/orders against the real server for a listing with
 * 10 in stock → exactly 10 × 201 and 40 × 409, no 5xx, stock 0, no half-made order; then the
 * same with two server processes on one database file.
 */

let first: StartedServer;
let second: StartedServer | undefined;

beforeAll(async () => {
  first = await startServer({ env: { STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET } });
}, 300_000);

afterAll(async () => {
  await second?.stop();
  await first?.stop();
}, 60_000);

function checkNoHalfMadeOrder(
  db: Db,
  buyer: { listingId: number; userId: number },
  expectedOrders: number,
) {
  // This buyer's orders only: the demo data has orders of its own (one made from an offer).
  const ordered = db
    .select({ n: sql<number>`count(distinct ${orderLines.orderId})` })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(and(eq(orderLines.listingId, buyer.listingId), eq(orders.buyerUserId, buyer.userId)))
    .get()?.n;
  expect(ordered).toBe(expectedOrders);
  // Every order has its lines and its payment row: nothing was written half-way.
  const orphanOrders = db
    .select({ n: sql<number>`count(*)` })
    .from(orders)
    .where(
      sql`not exists (select 1 from ${orderLines} where ${orderLines.orderId} = ${orders.id})
        or not exists (select 1 from ${payments} where ${payments.orderId} = ${orders.id})`,
    )
    .get()?.n;
  expect(orphanOrders).toBe(0);
}

async function fire(urls: string[], token: string, sku: string, count: number) {
  const responses = await Promise.all(
    Array.from({ length: count }, (_, i) => postOrder(urls[i % urls.length] ?? "", token, sku)),
  );
  const bodies = await Promise.all(responses.map((r) => r.json() as Promise<unknown>));
  const tally: Record<number, number> = {};
  for (const r of responses) tally[r.status] = (tally[r.status] ?? 0) + 1;
  return { tally, bodies, statuses: responses.map((r) => r.status) };
}

describe("POST /api/v1/orders under concurrency", () => {
  it("one server: 50 buyers, 10 in stock → 10 × 201, 40 × 409, stock 0", async () => {
    const buyer = prepareApiBuyer(first.databasePath, { sku: "SP0001", stock: 10 });
    try {
      const { tally, bodies, statuses } = await fire([first.url], buyer.token, buyer.sku, 50);
      expect(tally).toEqual({ 201: 10, 409: 40 });
      const conflict = bodies[statuses.indexOf(409)] as { error: { details: { skus: string[] } } };
      expect(conflict.error.details.skus).toEqual(["SP0001"]);
      expect(stockOf(buyer.db, buyer.listingId)).toBe(0);
      checkNoHalfMadeOrder(buyer.db, buyer, 10);
    } finally {
      buyer.db.$client.close();
    }
  }, 120_000);

  it("two server processes on one database file: still exactly 10", async () => {
    second = await startServer({
      env: { DATABASE_PATH: first.databasePath, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET },
    });
    const buyer = prepareApiBuyer(first.databasePath, { sku: "SP0002", stock: 10 });
    try {
      const { tally } = await fire([first.url, second.url], buyer.token, buyer.sku, 50);
      expect(tally).toEqual({ 201: 10, 409: 40 });
      expect(stockOf(buyer.db, buyer.listingId)).toBe(0);
      checkNoHalfMadeOrder(buyer.db, buyer, 10);
    } finally {
      buyer.db.$client.close();
    }
  }, 300_000);

  it("answers 401 without a token, replays a key, and shows only the caller's orders", async () => {
    const buyer = prepareApiBuyer(first.databasePath, { sku: "SP0003", stock: 5 });
    const other = prepareApiBuyer(first.databasePath, { sku: "SP0003", stock: 5 });
    try {
      const anonymous = await fetch(`${first.url}/api/v1/orders`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Idempotency-Key": "x" },
        body: "{}",
      });
      expect(anonymous.status).toBe(401);
      const bad = await postOrder(first.url, "cc_" + "x".repeat(43), buyer.sku);
      expect(bad.status).toBe(401);

      const a = await postOrder(first.url, buyer.token, buyer.sku, { key: "same-key" });
      const b = await postOrder(first.url, buyer.token, buyer.sku, { key: "same-key" });
      expect([a.status, b.status]).toEqual([201, 201]);
      const created = (await a.json()) as { orders: { id: number }[] };
      expect(await b.json()).toEqual(created);
      const changed = await postOrder(first.url, buyer.token, buyer.sku, {
        key: "same-key",
        qty: 2,
      });
      expect(changed.status).toBe(422);
      expect(stockOf(buyer.db, buyer.listingId)).toBe(4);

      const id = created.orders[0]?.id;
      const own = await fetch(`${first.url}/api/v1/orders/${id}`, {
        headers: { Authorization: `Bearer ${buyer.token}` },
      });
      expect(own.status).toBe(200);
      const foreign = await fetch(`${first.url}/api/v1/orders/${id}`, {
        headers: { Authorization: `Bearer ${other.token}` },
      });
      expect(foreign.status).toBe(404);
    } finally {
      buyer.db.$client.close();
      other.db.$client.close();
    }
  }, 60_000);

  it("the Stripe webhook route refuses a forged signature with 400", async () => {
    const payload = sessionEvent("checkout.session.completed", {
      id: "cs_forged",
      amount_total: 1,
      currency: "vnd",
      metadata: { checkout_id: "nope" },
    });
    const forged = await fetch(`${first.url}/api/stripe/webhook`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "Stripe-Signature": sign(payload, { secret: "whsec_forged" }),
      },
      body: payload,
    });
    expect(forged.status).toBe(400);
    const genuine = await fetch(`${first.url}/api/stripe/webhook`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Stripe-Signature": sign(payload) },
      body: payload,
    });
    expect(genuine.status).toBe(200);
    expect(await genuine.json()).toEqual({ received: true, outcome: "unknown_checkout" });
  }, 30_000);
});
