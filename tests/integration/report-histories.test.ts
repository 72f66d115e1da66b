import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  acceptOrder,
  confirmReceipt,
  deliverOrder,
  shipOrder,
} from "~/modules/orders/fulfilment.server";
import { placeOrder } from "~/modules/orders/place-order.server";
import {
  listingStatusLog,
  listings,
  orderLines,
  producerCountLog,
  producers,
  reportOrders,
  reportSales,
} from "~db/schema";
import { freshDb } from "../helpers/db";
import { makeMarket, newKey, SHIPPING } from "../helpers/market";

/*
 * The report roll-ups and histories are written by SQLite triggers (migration 0008). A
 * later migration that rebuilds `orders`, `listings` or `producers` drops their triggers
 * with the old table: this test then fails, so the triggers are written again.
 */

const REPORT_TRIGGERS = [
  "listings_status_log_insert",
  "listings_status_log_update",
  "orders_completed_rollup",
  "producers_count_log_insert",
  "producers_count_log_update",
];

describe("the report roll-ups and histories", () => {
  it("has every trigger after migrating", () => {
    const db = freshDb();
    const names = db.$client
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
      .pluck()
      .all();
    expect(names).toEqual(expect.arrayContaining(REPORT_TRIGGERS));
  });

  it("counts a completed order on its Vietnam-time day and month, with the category and stars it was sold under", () => {
    const db = freshDb();
    const m = makeMarket(db);
    // Placed and completed on 30 Nov 2026 at 23:30 in Vietnam (16:30 UTC): day 2026-11-30.
    const at = new Date("2026-11-30T16:30:00Z");
    db.update(listings)
      .set({
        ocopStars: 4,
        ocopCertificateNo: "OCOP-QT-001",
        ocopIssuedOn: "2025-01-01",
        ocopExpiresOn: "2028-01-01",
      })
      .where(eq(listings.id, m.pepper.id))
      .run();
    const { orders: placed } = placeOrder(db, {
      buyerUserId: m.buyer.id,
      items: [{ sku: "SP0001", qty: 2 }],
      shipping: SHIPPING,
      paymentMethod: "cod",
      idempotency: { scope: "t", key: newKey() },
      now: at,
    });
    const order = placed[0]!;
    // An edit after the sale never moves what was sold.
    db.update(listings).set({ ocopStars: 0 }).where(eq(listings.id, m.pepper.id)).run();
    acceptOrder(db, m.actors.memberA, order.id, at);
    shipOrder(db, m.actors.memberA, order.id, at);
    deliverOrder(db, m.actors.memberA, order.id, at);
    confirmReceipt(db, m.buyer.id, order.id, at);

    const line = db.select().from(orderLines).where(eq(orderLines.orderId, order.id)).get();
    expect(line).toMatchObject({ categoryId: m.category.id, ocopStars: 4 });
    const sales = db.select().from(reportSales).all();
    expect(sales).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          grain: "day",
          period: "2026-11-30",
          producerId: m.producerA.id,
          orgUnitId: m.commune.id,
          categoryId: m.category.id,
          ocopStars: 4,
          salesVnd: 240_000,
          lines: 1,
        }),
        expect.objectContaining({ grain: "month", period: "2026-11", salesVnd: 240_000 }),
      ]),
    );
    expect(sales).toHaveLength(2);
    const counted = db.select().from(reportOrders).all();
    expect(counted.map((row) => [row.grain, row.period, row.orders, row.salesVnd])).toEqual(
      expect.arrayContaining([
        ["day", "2026-11-30", 1, 240_000],
        ["month", "2026-11", 1, 240_000],
      ]),
    );
  });

  it("records each listing status and each declared member count with its time", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const statuses = () =>
      db
        .select({ status: listingStatusLog.status })
        .from(listingStatusLog)
        .where(eq(listingStatusLog.listingId, m.pepper.id))
        .all()
        .map((row) => row.status);
    expect(statuses()).toEqual(["published"]);
    db.update(listings).set({ status: "archived" }).where(eq(listings.id, m.pepper.id)).run();
    db.update(listings).set({ title: "Tiêu đen" }).where(eq(listings.id, m.pepper.id)).run();
    expect(statuses()).toEqual(["published", "archived"]);

    db.update(producers).set({ membersWomen: 7 }).where(eq(producers.id, m.producerA.id)).run();
    db.update(producers).set({ story: "Chuyện HTX" }).where(eq(producers.id, m.producerA.id)).run();
    const counts = db
      .select({ women: producerCountLog.membersWomen })
      .from(producerCountLog)
      .where(eq(producerCountLog.producerId, m.producerA.id))
      .all()
      .map((row) => row.women);
    expect(counts).toEqual([0, 7]);
  });
});
