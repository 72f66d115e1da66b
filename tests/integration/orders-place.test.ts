import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addToCart, getCart } from "~/modules/orders/cart.server";
import {
  IdempotencyKeyReused,
  InvalidOrder,
  OutOfStock,
  PriceChanged,
} from "~/modules/orders/errors.server";
import { getCheckoutView, placeCheckout } from "~/modules/orders/checkout.server";
import { placeOrder, type PlaceOrderInput } from "~/modules/orders/place-order.server";
import {
  listings,
  notifications,
  orderLines,
  orders,
  commissionRates,
  outboundMessages,
  payments,
} from "~db/schema";
import { freshDb } from "../helpers/db";
import { makeMarket, newKey, SHIPPING } from "../helpers/market";
import { setTestStock } from "../helpers/stock";

function input(buyerUserId: number, overrides: Partial<PlaceOrderInput> = {}): PlaceOrderInput {
  return {
    buyerUserId,
    items: [
      { sku: "SP0001", qty: 2 },
      { sku: "SP0003", qty: 1 },
    ],
    shipping: SHIPPING,
    delivery: { SXA: "delivery" },
    paymentMethod: "cod",
    idempotency: { scope: "test", key: newKey() },
    ...overrides,
  };
}

const stockOf = (db: ReturnType<typeof freshDb>, id: number) =>
  db.select({ stock: listings.stock }).from(listings).where(eq(listings.id, id)).get()?.stock;

describe("placeOrder", () => {
  it("makes one order per producer with prices and fees from the database", () => {
    const db = freshDb();
    const m = makeMarket(db, { commissionBasisPoints: 250 });
    const result = placeOrder(db, input(m.buyer.id));
    expect(result.replayed).toBe(false);
    expect(result.orders).toHaveLength(2);
    const [a, b] = result.orders;
    expect(a?.producer.code).toBe("SXA");
    expect(a?.deliveryMethod).toBe("delivery");
    expect(a?.subtotalVnd).toBe(240000);
    expect(a?.deliveryFeeVnd).toBe(30000);
    expect(a?.totalVnd).toBe(270000);
    expect(b?.producer.code).toBe("SXB");
    expect(b?.deliveryMethod).toBe("pickup");
    expect(b?.totalVnd).toBe(300000);
    expect(a?.status).toBe("pending_payment");

    const rows = db.select().from(orders).all();
    expect(rows.every((o) => o.checkoutId === result.checkoutId)).toBe(true);
    expect(rows.every((o) => o.commissionBasisPoints === 250)).toBe(true);
    expect(db.select().from(orderLines).all()).toHaveLength(2);
    expect(
      db
        .select()
        .from(payments)
        .all()
        .map((p) => p.provider),
    ).toEqual(["cod", "cod"]);
    expect(stockOf(db, m.pepper.id)).toBe(8);
    expect(stockOf(db, m.squid.id)).toBe(3);
    // The producers' members and the buyer are told, in the app and by (captured) e-mail.
    const notified = db
      .select()
      .from(notifications)
      .all()
      .map((n) => n.userId);
    expect(notified).toEqual(expect.arrayContaining([m.buyer.id, m.memberA.id, m.memberB.id]));
    const mails = db
      .select()
      .from(outboundMessages)
      .all()
      .map((o) => o.recipient);
    expect(mails).toEqual(
      expect.arrayContaining(["a@example.vn", "b@example.vn", "mua@example.vn"]),
    );
  });

  it("snapshots the commission of the deepest org unit on the producer's path with a rate", () => {
    const db = freshDb();
    const m = makeMarket(db);
    db.insert(commissionRates)
      .values({ orgUnitId: m.province.id, basisPoints: 150, startsOn: "2000-01-01" })
      .run();
    const first = placeOrder(db, input(m.buyer.id)).orders[0]!;
    db.insert(commissionRates)
      .values({ orgUnitId: m.commune.id, basisPoints: 75, startsOn: "2000-01-01" })
      .run();
    const second = placeOrder(db, input(m.buyer.id)).orders[0]!;
    const rate = (id: number) =>
      db.select().from(orders).where(eq(orders.id, id)).get()?.commissionBasisPoints;
    expect([rate(first.id), rate(second.id)]).toEqual([150, 75]);
  });

  it("the same key and input give the first answer and make nothing twice", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const key = newKey();
    const first = placeOrder(db, input(m.buyer.id, { idempotency: { scope: "s", key } }));
    const again = placeOrder(db, input(m.buyer.id, { idempotency: { scope: "s", key } }));
    expect(again.replayed).toBe(true);
    expect(again.checkoutId).toBe(first.checkoutId);
    expect(again.orders).toEqual(first.orders);
    expect(db.select().from(orders).all()).toHaveLength(2);
    expect(stockOf(db, m.pepper.id)).toBe(8);
    expect(() =>
      placeOrder(
        db,
        input(m.buyer.id, {
          idempotency: { scope: "s", key },
          items: [{ sku: "SP0001", qty: 1 }],
        }),
      ),
    ).toThrow(IdempotencyKeyReused);
  });

  it("names each sku not on sale and each below its minimum, and changes nothing", () => {
    const db = freshDb();
    const m = makeMarket(db);
    db.update(listings).set({ status: "archived" }).where(eq(listings.id, m.squid.id)).run();
    let error: unknown;
    try {
      placeOrder(
        db,
        input(m.buyer.id, {
          items: [
            { sku: "SP0001", qty: 1 },
            { sku: "SP0002", qty: 2 },
            { sku: "SP0003", qty: 1 },
            { sku: "NOPE", qty: 1 },
          ],
        }),
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidOrder);
    const problems = (error as InvalidOrder).problems;
    expect(problems.notOnSale.sort()).toEqual(["NOPE", "SP0003"]);
    expect(problems.belowMinOrder).toEqual([{ sku: "SP0002", minOrderQty: 5 }]);
    expect(db.select().from(orders).all()).toHaveLength(0);
    expect(stockOf(db, m.pepper.id)).toBe(10);
  });

  it("refuses short stock naming the skus, without a half-made order", () => {
    const db = freshDb();
    const m = makeMarket(db);
    let error: unknown;
    try {
      placeOrder(
        db,
        input(m.buyer.id, {
          items: [
            { sku: "SP0001", qty: 5 },
            { sku: "SP0003", qty: 5 },
          ],
        }),
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OutOfStock);
    expect((error as OutOfStock).details).toMatchObject({ skus: ["SP0003"] });
    expect(db.select().from(orders).all()).toHaveLength(0);
    expect(stockOf(db, m.pepper.id)).toBe(10);
  });

  it("sells the last units exactly once and never below zero", () => {
    const db = freshDb();
    const m = makeMarket(db);
    let ok = 0;
    let short = 0;
    for (let i = 0; i < 15; i++) {
      try {
        placeOrder(db, input(m.buyer.id, { items: [{ sku: "SP0001", qty: 1 }], delivery: {} }));
        ok += 1;
      } catch (e) {
        if (e instanceof OutOfStock) short += 1;
        else throw e;
      }
    }
    expect([ok, short]).toEqual([10, 5]);
    expect(stockOf(db, m.pepper.id)).toBe(0);
    // Stock is written only through its ledger, and the CHECK constraint is the last line of defence.
    expect(() =>
      db.$client.prepare("update listings set stock = stock - 1 where id = ?").run(m.pepper.id),
    ).toThrow(/sum of its stock_movements/);
    expect(() => setTestStock(db, m.pepper.id, -1)).toThrow(/CHECK/);
  });

  it("stops when a price changed since the buyer saw it", () => {
    const db = freshDb();
    const m = makeMarket(db);
    addToCart(db, { userId: m.buyer.id }, m.pepper.id, 1);
    db.update(listings).set({ priceVnd: 130000 }).where(eq(listings.id, m.pepper.id)).run();
    const cart = getCart(db, { userId: m.buyer.id });
    const items = cart.groups.flatMap((g) =>
      g.lines.map((l) => ({ sku: l.sku, qty: l.qty, expectedPriceVnd: l.seenPriceVnd })),
    );
    expect(() => placeOrder(db, input(m.buyer.id, { items, delivery: {} }))).toThrow(PriceChanged);
    const confirmed = items.map((i) => ({ ...i, expectedPriceVnd: 130000 }));
    const result = placeOrder(
      db,
      input(m.buyer.id, { items: confirmed, delivery: {}, clearCart: true }),
    );
    expect(result.orders[0]?.totalVnd).toBe(130000);
    expect(getCart(db, { userId: m.buyer.id }).itemCount).toBe(0);
  });

  it("rejects a delivery choice for a producer not in the order", () => {
    const db = freshDb();
    const m = makeMarket(db);
    expect(() =>
      placeOrder(
        db,
        input(m.buyer.id, { items: [{ sku: "SP0001", qty: 1 }], delivery: { SXB: "delivery" } }),
      ),
    ).toThrow(/delivery\.SXB/);
  });

  it("gives a bank transfer three days to arrive", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const now = new Date("2026-12-01T08:00:00Z");
    // Producer A's product only: B has no bank account, so takes no transfer.
    const result = placeOrder(
      db,
      input(m.buyer.id, {
        items: [{ sku: "SP0001", qty: 1 }],
        paymentMethod: "bank_transfer",
        now,
      }),
    );
    const order = db
      .select()
      .from(orders)
      .where(eq(orders.id, result.orders[0]?.id ?? 0))
      .get();
    expect(order?.paymentDueAt?.toISOString()).toBe("2026-12-04T08:00:00.000Z");
  });

  it("the web checkout orders what is in the cart, once per form", async () => {
    const db = freshDb();
    const m = makeMarket(db);
    addToCart(db, { userId: m.buyer.id }, m.pepper.id, 2);
    addToCart(db, { userId: m.buyer.id }, m.squid.id, 1);
    const view = getCheckoutView(db, m.buyer.id);
    expect(view.provinces).toHaveLength(34);
    expect(view.paymentMethods).toEqual(expect.arrayContaining(["cod", "bank_transfer"]));
    expect(view.cart.groups).toHaveLength(2);
    const form = {
      shipping: { ...SHIPPING, province: "quang-tri" },
      note: null,
      paymentMethod: "cod" as const,
      delivery: { SXB: "delivery" as const },
      seenPrices: { SP0001: 120000, SP0003: 300000 },
      idempotencyKey: view.idempotencyKey,
    };
    const placed = await placeCheckout(db, m.buyer.id, form, { origin: "http://localhost" });
    expect(placed.redirectTo).toBe(`/don-hang?dat-hang=${placed.checkoutId}`);
    const again = await placeCheckout(db, m.buyer.id, form, { origin: "http://localhost" });
    expect(again.checkoutId).toBe(placed.checkoutId);
    const rows = db.select().from(orders).all();
    expect(rows).toHaveLength(2);
    expect(rows.map((o) => o.shipProvince)).toEqual(["Quảng Trị", "Quảng Trị"]);
    expect(rows.find((o) => o.deliveryFeeVnd > 0)?.totalVnd).toBe(320000);
    expect(getCart(db, { userId: m.buyer.id }).itemCount).toBe(0);
    await expect(
      placeCheckout(
        db,
        m.buyer.id,
        { ...form, shipping: { ...SHIPPING, province: "Quảng Bình" }, idempotencyKey: "x" },
        { origin: "http://localhost" },
      ),
    ).rejects.toThrow(InvalidOrder);
  });
});
