import { describe, expect, it } from "vitest";
import { Invalid, NotFound } from "~/lib/errors";
import { listRefundTasks } from "~/modules/money/refunds.server";
import {
  cancelOrderByStaff,
  markTransferReceived,
  shipOrder,
} from "~/modules/orders/fulfilment.server";
import { placeOrder } from "~/modules/orders/place-order.server";
import { auditLog, listings, notifications, orders, refunds } from "~db/schema";
import { freshDb } from "../helpers/db";
import { makeMarket, newKey, SHIPPING } from "../helpers/market";

/*
 * Staff cancel an open order (issue 13: a suspended producer's open orders stay for her to
 * fulfil or for staff to cancel): the stock goes back, money she received becomes her refund
 * task, both sides read the reason, and only staff who may suspend her (over the order's
 * unit) can do it.
 */

describe("staff cancel an order", () => {
  it("returns the stock, owes her received money back, tells both sides, audited", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const stockOf = (id: number) =>
      db
        .select()
        .from(listings)
        .all()
        .find((l) => l.id === id)?.stock;
    const placed = placeOrder(db, {
      buyerUserId: m.buyer.id,
      items: [{ sku: "SP0002", qty: 5 }],
      shipping: SHIPPING,
      paymentMethod: "bank_transfer",
      idempotency: { scope: "t", key: newKey() },
    }).orders[0]!;
    markTransferReceived(db, m.actors.memberA, placed.id);
    shipOrder(db, m.actors.memberA, placed.id);
    expect(stockOf(m.bulk.id)).toBe(95);

    // Not staff, or staff without producer:suspend, find nothing; a reason is needed.
    for (const actor of [m.actors.memberA, m.actors.buyer]) {
      expect(() => cancelOrderByStaff(db, actor, placed.id, "Nhà sản xuất tạm ngưng")).toThrow(
        NotFound,
      );
    }
    expect(() => cancelOrderByStaff(db, m.actors.moderator, placed.id, " x ")).toThrow(Invalid);
    expect(db.select().from(orders).get()?.status).toBe("shipping");

    cancelOrderByStaff(db, m.actors.moderator, placed.id, "Nhà sản xuất tạm ngưng");
    expect(db.select().from(orders).get()).toMatchObject({
      status: "cancelled",
      cancelledBy: "staff",
      cancelReason: "Nhà sản xuất tạm ngưng",
    });
    expect(stockOf(m.bulk.id)).toBe(100);
    // She received the transfer: the refund is hers to send, with no account given yet.
    expect(listRefundTasks(db, m.actors.memberA).open).toMatchObject([
      { orderCode: placed.code, amountVnd: 250_000, toAccountNumber: null },
    ]);
    expect(db.select().from(refunds).all()).toHaveLength(1);
    const told = db
      .select()
      .from(notifications)
      .all()
      .filter((n) => n.kind === "order.cancelled")
      .map((n) => n.userId)
      .sort();
    expect(told).toEqual([m.buyer.id, m.memberA.id].sort());
    expect(
      db
        .select()
        .from(auditLog)
        .all()
        .filter((a) => a.action === "order.cancel_by_staff"),
    ).toMatchObject([
      {
        entityId: String(placed.id),
        before: { status: "shipping" },
        actorUserId: m.actors.moderator.userId,
      },
    ]);
    // A cancelled order cannot be cancelled again.
    expect(() =>
      cancelOrderByStaff(db, m.actors.admin, placed.id, "Nhà sản xuất tạm ngưng"),
    ).toThrow(expect.objectContaining({ status: 409 }));
  });
});
