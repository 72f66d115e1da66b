import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asc, eq, inArray } from "drizzle-orm";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { describe, expect, it } from "vitest";
import { commitImport } from "~/modules/import/commit.server";
import type { ImportPlan, ProductValues } from "~/modules/import/plan.server";
import { createListing, updateListing } from "~/modules/listings/lifecycle.server";
import { processStripeWebhook } from "~/modules/orders/card-payments.server";
import {
  applyCancellation,
  cancelOrderByBuyer,
  cancelOrderByProducer,
} from "~/modules/orders/fulfilment.server";
import { placeOrder } from "~/modules/orders/place-order.server";
import { releaseOrderStock, reserveOrderAgain } from "~/modules/stock/movements.server";
import { openDatabase, openMigratedDatabase, type Db } from "~db/client.server";
import { seedDemo } from "~db/seed/seed.server";
import {
  listings,
  orderLines,
  orders,
  paymentEvents,
  payments,
  refunds,
  stockMovements,
} from "~db/schema";
import { freshDb } from "../helpers/db";
import { makeMarket, newKey, SHIPPING } from "../helpers/market";
import { projectRoot } from "../helpers/server";
import { ledgerMismatches, setTestStock } from "../helpers/stock";
import { sessionEvent, sign, WEBHOOK_SECRET } from "../helpers/stripe";
import { listingInput } from "../helpers/supply";

const stockOf = (db: Db, id: number) =>
  db.select({ s: listings.stock }).from(listings).where(eq(listings.id, id)).get()?.s;

const movementsOf = (db: Db, listingId: number) =>
  db
    .select({
      delta: stockMovements.delta,
      cause: stockMovements.cause,
      orderId: stockMovements.orderId,
      actorUserId: stockMovements.actorUserId,
    })
    .from(stockMovements)
    .where(eq(stockMovements.listingId, listingId))
    .orderBy(asc(stockMovements.id))
    .all();

function order(db: Db, buyerUserId: number, paymentMethod: "card" | "cod", qty = 2) {
  const placed = placeOrder(db, {
    buyerUserId,
    items: [
      { sku: "SP0001", qty },
      { sku: "SP0003", qty: 1 },
    ],
    shipping: SHIPPING,
    paymentMethod,
    idempotency: { scope: "t", key: newKey() },
  });
  const sessionId = `cs_${placed.checkoutId}`;
  if (paymentMethod === "card") {
    // What stripe.server.ts records when it opens the checkout's session.
    db.update(payments)
      .set({ providerRef: sessionId })
      .where(
        inArray(
          payments.orderId,
          placed.orders.map((o) => o.id),
        ),
      )
      .run();
  }
  return { ...placed, sessionId };
}

function deliver(
  db: Db,
  type: string,
  checkout: { checkoutId: string; sessionId: string; orders: { totalVnd: number }[] },
) {
  const payload = sessionEvent(type, {
    id: checkout.sessionId,
    amount_total: checkout.orders.reduce((sum, o) => sum + o.totalVnd, 0),
    currency: "vnd",
    metadata: { checkout_id: checkout.checkoutId },
  });
  return processStripeWebhook(db, { payload, signature: sign(payload), secret: WEBHOOK_SECRET });
}

const orderRow = (db: Db, id: number) => db.select().from(orders).where(eq(orders.id, id)).get()!;

describe("the stock ledger", () => {
  it("starts every listing with an opening movement equal to its stock", () => {
    const db = freshDb();
    const m = makeMarket(db);
    expect(movementsOf(db, m.pepper.id)).toEqual([
      { delta: 10, cause: "opening", orderId: null, actorUserId: null },
    ]);
    expect(ledgerMismatches(db)).toEqual([]);
  });

  it("refuses a stock written around it, and keeps its movements append-only", () => {
    const db = freshDb();
    const m = makeMarket(db);
    expect(() =>
      db.update(listings).set({ stock: 99 }).where(eq(listings.id, m.pepper.id)).run(),
    ).toThrow(/sum of its stock_movements/);
    expect(() => db.$client.prepare("UPDATE stock_movements SET delta = 99").run()).toThrow(
      /append-only/,
    );
    expect(() => db.$client.prepare("DELETE FROM stock_movements").run()).toThrow(/append-only/);
    expect(() =>
      db.$client
        .prepare(
          "INSERT INTO stock_movements (listing_id, delta, cause, balance) VALUES (?, 0, 'opening', 10)",
        )
        .run(m.pepper.id),
    ).toThrow(/CHECK/);
    // A movement whose balance does not follow the previous one (10 + 5 is not 99) is refused.
    expect(() =>
      db.$client
        .prepare(
          "INSERT INTO stock_movements (listing_id, delta, cause, balance) VALUES (?, 5, 'producer_edit', 99)",
        )
        .run(m.pepper.id),
    ).toThrow(/previous balance plus its delta/);
    expect(stockOf(db, m.pepper.id)).toBe(10);
    // Other columns of the listing are written as before.
    db.update(listings).set({ priceVnd: 1000 }).where(eq(listings.id, m.pepper.id)).run();
    expect(ledgerMismatches(db)).toEqual([]);
  });

  it("records what each line reserved, with the order, and releases exactly that once", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const placed = order(db, m.buyer.id, "cod", 3);
    const [a] = placed.orders;
    const lines = db
      .select({ qty: orderLines.qty, reserved: orderLines.reservedQty })
      .from(orderLines)
      .where(eq(orderLines.orderId, a!.id))
      .all();
    expect(lines).toEqual([{ qty: 3, reserved: 3 }]);
    expect(movementsOf(db, m.pepper.id).at(-1)).toEqual({
      delta: -3,
      cause: "reservation",
      orderId: a!.id,
      actorUserId: null,
    });
    expect(stockOf(db, m.pepper.id)).toBe(7);

    cancelOrderByBuyer(db, m.buyer.id, a!.id, null);
    expect(stockOf(db, m.pepper.id)).toBe(10);
    expect(orderRow(db, a!.id).stockReleasedAt).not.toBeNull();
    // However it is reached again, a released order gives nothing more back.
    expect(releaseOrderStock(db, a!.id, null)).toBe(false);
    applyCancellation(
      db,
      orderRow(db, a!.id),
      { key: "cancelReason.buyerGaveNone" },
      null,
      new Date(),
    );
    expect(stockOf(db, m.pepper.id)).toBe(10);
    expect(movementsOf(db, m.pepper.id).map((mv) => mv.delta)).toEqual([10, -3, 3]);
    expect(ledgerMismatches(db)).toEqual([]);
  });

  it("gives back what a line reserved, not what it ordered (a line made to order reserves 0)", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const placed = order(db, m.buyer.id, "cod", 2);
    const [a] = placed.orders;
    // A line made to order: part of the order, nothing taken from stock.
    db.insert(orderLines)
      .values({
        orderId: a!.id,
        listingId: m.bulk.id,
        sku: "SP0002",
        title: "Làm theo đơn",
        unit: "gói",
        unitPriceVnd: 50000,
        qty: 7,
        reservedQty: 0,
        lineTotalVnd: 350000,
      })
      .run();
    cancelOrderByProducer(db, m.actors.memberA, a!.id, "hết hàng");
    expect(stockOf(db, m.bulk.id)).toBe(100);
    expect(stockOf(db, m.pepper.id)).toBe(10);
    expect(movementsOf(db, m.bulk.id)).toHaveLength(1);
  });

  it("takes a released order's stock again all or nothing", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const placed = order(db, m.buyer.id, "cod", 2);
    const both = placed.orders.map((o) => o.id);
    for (const id of both) releaseOrderStock(db, id, null);
    expect([stockOf(db, m.pepper.id), stockOf(db, m.squid.id)]).toEqual([10, 4]);
    expect(reserveOrderAgain(db, both[0]!)).toBe(true);
    expect(reserveOrderAgain(db, both[0]!)).toBe(false);
    expect(stockOf(db, m.pepper.id)).toBe(8);
    setTestStock(db, m.squid.id, 0);
    expect(reserveOrderAgain(db, both[1]!)).toBe(false);
    expect(stockOf(db, m.squid.id)).toBe(0);
    expect(orderRow(db, both[1]!).stockReleasedAt).not.toBeNull();
    expect(ledgerMismatches(db)).toEqual([]);
  });

  it("records a producer's edit and an import as movements with who made them", async () => {
    const db = freshDb();
    const m = makeMarket(db);
    const input = listingInput(m.category.id, { title: "Sản phẩm SP0001", stock: 25 });
    await updateListing(db, m.actors.memberA, "SP0001", input);
    const placed = order(db, m.buyer.id, "cod", 5);
    expect(stockOf(db, m.pepper.id)).toBe(20);
    // The producer's form said 25 before the order: the edit moves from what is there now.
    await updateListing(db, m.actors.memberA, "SP0001", { ...input, stock: 18 });
    const values: ProductValues = {
      sku: "SP0001",
      producerCode: "SXA",
      title: "Sản phẩm SP0001",
      categoryId: m.category.id,
      description: input.description,
      priceVnd: 120000,
      unit: "gói",
      minOrderQty: 1,
      stock: 30,
      ocopStars: 0,
      ocopCertificateNo: null,
      ocopIssuedOn: null,
      ocopExpiresOn: null,
      certifications: [],
      season: "quanh năm",
      tags: [],
    };
    const plan: ImportPlan = {
      problems: [],
      producers: [],
      products: [{ row: 2, existingId: m.pepper.id, values }],
      counts: { producers: { create: 0, update: 0 }, products: { create: 0, update: 1 } },
    };
    await commitImport(db, { kind: "staff", userId: m.admin.id, paths: ["/1/"] }, plan);
    expect(movementsOf(db, m.pepper.id)).toEqual([
      { delta: 10, cause: "opening", orderId: null, actorUserId: null },
      { delta: 15, cause: "producer_edit", orderId: null, actorUserId: m.memberA.id },
      { delta: -5, cause: "reservation", orderId: placed.orders[0]!.id, actorUserId: null },
      { delta: -2, cause: "producer_edit", orderId: null, actorUserId: m.memberA.id },
      { delta: 12, cause: "import", orderId: null, actorUserId: m.admin.id },
    ]);
    expect(stockOf(db, m.pepper.id)).toBe(30);
    // Saving the same stock again moves nothing.
    await updateListing(db, m.actors.memberA, "SP0001", { ...input, stock: 30 });
    expect(movementsOf(db, m.pepper.id)).toHaveLength(5);
    // A new listing opens with its stock.
    const created = createListing(db, m.actors.memberA, m.producerA.id, {
      ...input,
      title: "Mới",
      stock: 6,
    });
    expect(movementsOf(db, created.id)).toEqual([
      { delta: 6, cause: "opening", orderId: null, actorUserId: null },
    ]);
    expect(ledgerMismatches(db)).toEqual([]);
  });
});

describe("payment events and stock", () => {
  it("a card order the buyer cancelled is refunded when paid, its stock released once", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const placed = order(db, m.buyer.id, "card");
    for (const o of placed.orders) cancelOrderByBuyer(db, m.buyer.id, o.id, null);
    expect(stockOf(db, m.pepper.id)).toBe(10);
    expect(deliver(db, "checkout.session.completed", placed).outcome).toBe("paid");
    expect(placed.orders.map((o) => orderRow(db, o.id).status)).toEqual(["cancelled", "cancelled"]);
    expect(db.select({ amount: refunds.amountVnd }).from(refunds).all()).toHaveLength(2);
    expect([stockOf(db, m.pepper.id), stockOf(db, m.squid.id)]).toEqual([10, 4]);
    expect(ledgerMismatches(db)).toEqual([]);
  });

  it("an expired card order is revived when paid if the stock is there, else refunded without touching stock", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const placed = order(db, m.buyer.id, "card");
    expect(deliver(db, "checkout.session.expired", placed).outcome).toBe("expired");
    expect(stockOf(db, m.squid.id)).toBe(4);
    // The squid sells out to someone else meanwhile.
    placeOrder(db, {
      buyerUserId: m.otherBuyer.id,
      items: [{ sku: "SP0003", qty: 4 }],
      shipping: SHIPPING,
      paymentMethod: "cod",
      idempotency: { scope: "t", key: newKey() },
    });
    expect(stockOf(db, m.squid.id)).toBe(0);
    expect(deliver(db, "checkout.session.completed", placed).outcome).toBe("paid");
    const [pepperOrder, squidOrder] = placed.orders.map((o) => orderRow(db, o.id));
    expect(pepperOrder!.status).toBe("confirmed");
    expect(pepperOrder!.stockReleasedAt).toBeNull();
    expect(squidOrder!.status).toBe("cancelled");
    expect(db.select({ orderId: refunds.orderId }).from(refunds).all()).toEqual([
      { orderId: squidOrder!.id },
    ]);
    expect([stockOf(db, m.pepper.id), stockOf(db, m.squid.id)]).toEqual([8, 0]);
    expect(ledgerMismatches(db)).toEqual([]);
  });

  it("a signed event naming a cash-on-delivery checkout changes no order", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const placed = order(db, m.buyer.id, "cod");
    const before = db.select().from(orders).all();
    for (const type of [
      "checkout.session.expired",
      "checkout.session.async_payment_failed",
      "checkout.session.completed",
    ]) {
      expect(deliver(db, type, placed)).toEqual({ status: 200, outcome: "ignored" });
    }
    expect(db.select().from(orders).all()).toEqual(before);
    expect(db.select({ s: payments.status }).from(payments).all()).toEqual([
      { s: "pending" },
      { s: "pending" },
    ]);
    expect(db.select().from(paymentEvents).all()).toHaveLength(3);
    expect(stockOf(db, m.pepper.id)).toBe(8);
  });

  it("an event of another session than the one the payment opened is ignored", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const placed = order(db, m.buyer.id, "card");
    const forged = { ...placed, sessionId: "cs_someone_else" };
    expect(deliver(db, "checkout.session.expired", forged).outcome).toBe("ignored");
    expect(placed.orders.map((o) => orderRow(db, o.id).status)).toEqual([
      "pending_payment",
      "pending_payment",
    ]);
  });
});

describe("seed and migration", () => {
  it("the demo seed leaves every listing's stock equal to its movements", async () => {
    const db = freshDb();
    await seedDemo(db, { today: new Date("2027-03-15T05:00:00Z"), mode: "demo" });
    const stocked = db.$client
      .prepare("SELECT count(*) AS n FROM listings WHERE stock > 0")
      .get() as { n: number };
    expect(stocked.n).toBeGreaterThan(100);
    expect(ledgerMismatches(db)).toEqual([]);
  });

  it("migration 0006 opens the ledger of existing listings and marks existing orders", () => {
    const dir = mkdtempSync(join(tmpdir(), "cungcau-ledger-"));
    try {
      // The migrations as they were before the ledger: 0006 and every later one removed.
      const before = join(dir, "migrations");
      cpSync(join(projectRoot, "db", "migrations"), before, { recursive: true });
      const journalPath = join(before, "meta", "_journal.json");
      const journal = JSON.parse(readFileSync(journalPath, "utf8")) as {
        entries: { tag: string }[];
      };
      const later = journal.entries.filter((e) => e.tag >= "0006_stock_ledger");
      for (const entry of later) rmSync(join(before, `${entry.tag}.sql`));
      journal.entries = journal.entries.filter((e) => !later.includes(e));
      writeFileSync(journalPath, JSON.stringify(journal));
      const path = join(dir, "app.db");
      const old = openDatabase(path);
      migrate(old, { migrationsFolder: before });
      const m = makeMarket(old);
      const insertOrder = old.$client.prepare(
        `INSERT INTO orders (code, checkout_id, buyer_user_id, producer_id, org_unit_id, status,
           payment_method, delivery_method, subtotal_vnd, total_vnd, ship_name, ship_phone,
           ship_province, ship_commune, ship_address, cancelled_at)
         VALUES (?, 'c', ?, ?, 2, ?, 'cod', 'pickup', 240000, 240000, 'A', '0901234567', 'P', 'X', 'Y', ?)`,
      );
      const live = insertOrder.run("DH1", m.buyer.id, m.producerA.id, "confirmed", null);
      const gone = insertOrder.run(
        "DH2",
        m.buyer.id,
        m.producerA.id,
        "cancelled",
        1_700_000_000_000,
      );
      for (const o of [live, gone]) {
        old.$client
          .prepare(
            `INSERT INTO order_lines (order_id, listing_id, sku, title, unit, unit_price_vnd, qty, line_total_vnd)
             VALUES (?, ?, 'SP0001', 't', 'gói', 120000, 2, 240000)`,
          )
          .run(o.lastInsertRowid, m.pepper.id);
      }
      old.$client.close();

      const db = openMigratedDatabase(path);
      expect(ledgerMismatches(db)).toEqual([]);
      expect(movementsOf(db, m.squid.id)).toEqual([
        { delta: 4, cause: "opening", orderId: null, actorUserId: null },
      ]);
      expect(
        db.select({ q: orderLines.qty, r: orderLines.reservedQty }).from(orderLines).all(),
      ).toEqual([
        { q: 2, r: 2 },
        { q: 2, r: 2 },
      ]);
      const released = db
        .select({ code: orders.code, at: orders.stockReleasedAt })
        .from(orders)
        .orderBy(asc(orders.id))
        .all();
      expect(released).toEqual([
        { code: "DH1", at: null },
        { code: "DH2", at: new Date(1_700_000_000_000) },
      ]);
      // The cancelled order was released when it was cancelled: nothing more comes back.
      expect(releaseOrderStock(db, Number(gone.lastInsertRowid), null)).toBe(false);
      expect(stockOf(db, m.pepper.id)).toBe(10);
      db.$client.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
