import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Conflict, NotFound } from "~/lib/errors";
import {
  acceptOrder,
  cancelOrderByBuyer,
  cancelOrderByProducer,
  cancelUnpaidTransfers,
  completeDeliveredOrders,
  confirmReceipt,
  deliverOrder,
  markTransferReceived,
  recordRefund,
  shipOrder,
} from "~/modules/orders/fulfilment.server";
import { placeOrder } from "~/modules/orders/place-order.server";
import {
  getBuyerOrder,
  getProducerOrder,
  listBuyerOrders,
  listPendingTransfersForStaff,
  listProducerOrders,
} from "~/modules/orders/queries.server";
import { runOrderJobs } from "~/modules/orders/jobs.server";
import { auditLog, listings, notifications, orders, payments, refunds } from "~db/schema";
import { freshDb } from "../helpers/db";
import { makeMarket, newKey, SHIPPING } from "../helpers/market";

type Db = ReturnType<typeof freshDb>;

function place(db: Db, buyerUserId: number, paymentMethod: "cod" | "bank_transfer", now?: Date) {
  return placeOrder(db, {
    buyerUserId,
    items: [{ sku: "SP0001", qty: 3 }],
    shipping: SHIPPING,
    paymentMethod,
    idempotency: { scope: "t", key: newKey() },
    now,
  }).orders[0]!;
}

const statusOf = (db: Db, id: number) =>
  db.select({ s: orders.status }).from(orders).where(eq(orders.id, id)).get()?.s;
const stockOf = (db: Db, id: number) =>
  db.select({ stock: listings.stock }).from(listings).where(eq(listings.id, id)).get()?.stock;

describe("fulfilment", () => {
  it("walks a cash-on-delivery order through every step; paid on delivery", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const order = place(db, m.buyer.id, "cod");
    acceptOrder(db, m.actors.memberA, order.id);
    expect(statusOf(db, order.id)).toBe("confirmed");
    shipOrder(db, m.actors.memberA, order.id);
    expect(statusOf(db, order.id)).toBe("shipping");
    const payment = () =>
      db.select().from(payments).where(eq(payments.orderId, order.id)).get()?.status;
    expect(payment()).toBe("pending");
    deliverOrder(db, m.actors.memberA, order.id);
    expect(statusOf(db, order.id)).toBe("delivered");
    expect(payment()).toBe("succeeded");
    confirmReceipt(db, m.buyer.id, order.id);
    expect(statusOf(db, order.id)).toBe("completed");
    const kinds = db
      .select({ kind: notifications.kind })
      .from(notifications)
      .where(eq(notifications.userId, m.buyer.id))
      .all()
      .map((n) => n.kind);
    expect(kinds).toEqual(["order.placed", "order.confirmed", "order.shipping", "order.delivered"]);
  });

  it("refuses skipped steps and other producers' orders", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const order = place(db, m.buyer.id, "cod");
    expect(() => shipOrder(db, m.actors.memberA, order.id)).toThrow(Conflict);
    expect(() => acceptOrder(db, m.actors.memberB, order.id)).toThrow(NotFound);
    expect(() => confirmReceipt(db, m.buyer.id, order.id)).toThrow(Conflict);
    expect(() => confirmReceipt(db, m.otherBuyer.id, order.id)).toThrow(NotFound);
    expect(() => getBuyerOrder(db, m.otherBuyer.id, order.id)).toThrow(NotFound);
    expect(() => getProducerOrder(db, [m.producerB.id], order.id)).toThrow(NotFound);
    expect(listBuyerOrders(db, m.otherBuyer.id)).toEqual([]);
    expect(listProducerOrders(db, [m.producerB.id])).toEqual([]);
    expect(listProducerOrders(db, [m.producerA.id]).map((o) => o.id)).toEqual([order.id]);
  });

  it("the buyer cancels before shipping, not after; stock comes back", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const first = place(db, m.buyer.id, "cod");
    expect(stockOf(db, m.pepper.id)).toBe(7);
    cancelOrderByBuyer(db, m.buyer.id, first.id, null);
    expect(statusOf(db, first.id)).toBe("cancelled");
    expect(stockOf(db, m.pepper.id)).toBe(10);
    const second = place(db, m.buyer.id, "cod");
    acceptOrder(db, m.actors.memberA, second.id);
    shipOrder(db, m.actors.memberA, second.id);
    expect(() => cancelOrderByBuyer(db, m.buyer.id, second.id, null)).toThrow(Conflict);
  });

  it("the producer cancels with a reason; money received is recorded as a refund", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const order = place(db, m.buyer.id, "bank_transfer");
    markTransferReceived(db, m.actors.memberA, order.id);
    expect(statusOf(db, order.id)).toBe("confirmed");
    expect(() => cancelOrderByProducer(db, m.actors.memberA, order.id, " ")).toThrow(/lý do/);
    cancelOrderByProducer(db, m.actors.memberA, order.id, "Hết hàng do mưa lũ");
    const row = db.select().from(orders).where(eq(orders.id, order.id)).get();
    expect(row).toMatchObject({
      status: "cancelled",
      cancelledBy: "producer",
      cancelReason: "Hết hàng do mưa lũ",
    });
    expect(stockOf(db, m.pepper.id)).toBe(10);
    expect(db.select().from(refunds).all()).toMatchObject([
      { orderId: order.id, amountVnd: 360000, reason: "Hết hàng do mưa lũ" },
    ]);
  });

  it("an admin of the subtree may mark a transfer received, audited; a moderator may not", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const order = place(db, m.buyer.id, "bank_transfer");
    expect(() => markTransferReceived(db, m.actors.moderator, order.id)).toThrow(NotFound);
    expect(listPendingTransfersForStaff(db, m.actors.admin).map((o) => o.id)).toEqual([order.id]);
    expect(listPendingTransfersForStaff(db, m.actors.moderator)).toEqual([]);
    markTransferReceived(db, m.actors.admin, order.id);
    expect(statusOf(db, order.id)).toBe("confirmed");
    expect(db.select().from(auditLog).all()).toMatchObject([
      { action: "payment.transfer_received", entityId: String(order.id), actorUserId: m.admin.id },
    ]);
  });

  it("cancels transfers unpaid after 3 days and releases their stock", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const placedAt = new Date("2026-12-01T08:00:00Z");
    const unpaid = place(db, m.buyer.id, "bank_transfer", placedAt);
    const paid = place(db, m.buyer.id, "bank_transfer", placedAt);
    markTransferReceived(db, m.actors.memberA, paid.id);
    expect(stockOf(db, m.pepper.id)).toBe(4);
    expect(cancelUnpaidTransfers(db, new Date("2026-12-04T07:59:00Z"))).toBe(0);
    expect(cancelUnpaidTransfers(db, new Date("2026-12-04T08:01:00Z"))).toBe(1);
    expect(statusOf(db, unpaid.id)).toBe("cancelled");
    expect(statusOf(db, paid.id)).toBe("confirmed");
    expect(stockOf(db, m.pepper.id)).toBe(7);
  });

  it("completes orders 7 days after delivery when the buyer does not confirm", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const order = place(db, m.buyer.id, "cod");
    const t0 = new Date("2026-12-01T08:00:00Z");
    acceptOrder(db, m.actors.memberA, order.id, t0);
    shipOrder(db, m.actors.memberA, order.id, t0);
    deliverOrder(db, m.actors.memberA, order.id, t0);
    expect(completeDeliveredOrders(db, new Date("2026-12-07T08:00:00Z"))).toBe(0);
    expect(completeDeliveredOrders(db, new Date("2026-12-08T08:01:00Z"))).toBe(1);
    expect(statusOf(db, order.id)).toBe("completed");
  });

  it("an admin records a partial refund, never more than was paid", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const order = place(db, m.buyer.id, "bank_transfer");
    expect(() =>
      recordRefund(db, m.actors.admin, { orderId: order.id, amountVnd: 1000, reason: "x" }),
    ).toThrow(/chưa có khoản thanh toán/);
    markTransferReceived(db, m.actors.memberA, order.id);
    recordRefund(db, m.actors.admin, {
      orderId: order.id,
      amountVnd: 60000,
      reason: "Thiếu 1 gói",
    });
    expect(() =>
      recordRefund(db, m.actors.admin, { orderId: order.id, amountVnd: 300001, reason: "x" }),
    ).toThrow(/từ 1 đến 300000/);
    expect(() =>
      recordRefund(db, m.actors.memberA, { orderId: order.id, amountVnd: 1, reason: "x" }),
    ).toThrow(NotFound);
  });
});

describe("order jobs", () => {
  it("runOrderJobs cancels stale transfers and lost card sessions, completes old deliveries", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const t0 = new Date("2026-12-01T08:00:00Z");
    const transfer = place(db, m.buyer.id, "bank_transfer", t0);
    const card = placeOrder(db, {
      buyerUserId: m.buyer.id,
      items: [{ sku: "SP0001", qty: 1 }],
      shipping: SHIPPING,
      paymentMethod: "card",
      idempotency: { scope: "t", key: newKey() },
      now: t0,
    }).orders[0]!;
    // The session would have been opened for an hour.
    db.update(orders)
      .set({ paymentDueAt: new Date(t0.getTime() + 60 * 60 * 1000) })
      .where(eq(orders.id, card.id))
      .run();
    const cod = place(db, m.buyer.id, "cod", t0);
    acceptOrder(db, m.actors.memberA, cod.id, t0);
    shipOrder(db, m.actors.memberA, cod.id, t0);
    deliverOrder(db, m.actors.memberA, cod.id, t0);
    expect(stockOf(db, m.pepper.id)).toBe(3);

    expect(runOrderJobs(db, new Date("2026-12-01T09:30:00Z"))).toEqual({
      cancelledTransfers: 0,
      cancelledCardCheckouts: 0,
      completed: 0,
    });
    expect(runOrderJobs(db, new Date("2026-12-09T09:30:00Z"))).toEqual({
      cancelledTransfers: 1,
      cancelledCardCheckouts: 1,
      completed: 1,
    });
    expect([statusOf(db, transfer.id), statusOf(db, card.id), statusOf(db, cod.id)]).toEqual([
      "cancelled",
      "cancelled",
      "completed",
    ]);
    expect(stockOf(db, m.pepper.id)).toBe(7);
  });
});
