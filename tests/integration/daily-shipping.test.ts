import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Invalid } from "~/lib/errors";
import { acceptOrder, shipOrder } from "~/modules/orders/fulfilment.server";
import { placeOrder } from "~/modules/orders/place-order.server";
import { getProducerOrder } from "~/modules/orders/queries.server";
import { applyProducerAction } from "~/modules/orders/views.server";
import { renderNotice } from "~/modules/notifications/messages";
import { buyerProfiles, notifications, orders } from "~db/schema";
import { freshDb } from "../helpers/db";
import { makeMarket, newKey, SHIPPING } from "../helpers/market";

type Db = ReturnType<typeof freshDb>;

/**
 * Issue 13, shipping details: "Đã gửi hàng" takes a carrier and a tracking number (both
 * optional, validated), stores them on the order and tells the buyer; the delivery note's
 * data carries the buyer's business name and tax code when she has them.
 */

function confirmedOrder(db: Db, m: ReturnType<typeof makeMarket>) {
  const order = placeOrder(db, {
    buyerUserId: m.buyer.id,
    items: [{ sku: "SP0001", qty: 1 }],
    shipping: SHIPPING,
    paymentMethod: "cod",
    idempotency: { scope: "t", key: newKey() },
  }).orders[0]!;
  acceptOrder(db, m.actors.memberA, order.id);
  return order;
}

const shippingNotices = (db: Db, userId: number) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, "order.shipping")))
    .all()
    .map((n) => ({ key: n.messageKey, ...renderNotice("vi", n.messageKey, n.params) }));

describe("shipping with a carrier and a tracking number", () => {
  it("stores both on the order and tells the buyer in the notification", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const order = confirmedOrder(db, m);
    applyProducerAction(db, m.actors.memberA, {
      orderId: order.id,
      action: "ship",
      carrier: "  Viettel Post ",
      trackingNumber: "VTP-123456789",
    });
    const row = db.select().from(orders).where(eq(orders.id, order.id)).get();
    expect(row).toMatchObject({
      status: "shipping",
      carrier: "Viettel Post",
      trackingNumber: "VTP-123456789",
    });
    expect(shippingNotices(db, m.buyer.id)).toEqual([
      {
        key: "daily.notice.shipped",
        title: `Đơn ${order.code} đang giao`,
        body: "Hàng đã rời nơi sản xuất. Đơn vị vận chuyển: Viettel Post · Mã vận đơn: VTP-123456789",
      },
    ]);
    expect(
      renderNotice("en", "daily.notice.shipped", {
        code: order.code,
        shipment: { key: "daily.shipment.trackingOnly", params: { tracking: "X-1" } },
      }).body,
    ).toBe("The goods have left the producer. Tracking number: X-1");
  });

  it("ships without them as before: nothing stored, the plain notification", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const order = confirmedOrder(db, m);
    shipOrder(db, m.actors.memberA, order.id, new Date(), { carrier: "", trackingNumber: "" });
    const row = db.select().from(orders).where(eq(orders.id, order.id)).get();
    expect(row).toMatchObject({ status: "shipping", carrier: null, trackingNumber: null });
    expect(shippingNotices(db, m.buyer.id)).toEqual([
      {
        key: "notice.order.buyer.shipping",
        title: `Đơn ${order.code} đang giao`,
        body: "Hàng đã rời nơi sản xuất.",
      },
    ]);
  });

  it("refuses a carrier over 60 characters and a tracking number beyond [A-Za-z0-9-]{1,40}, changing nothing", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const order = confirmedOrder(db, m);
    const refusals: [{ carrier?: string; trackingNumber?: string }, string, string][] = [
      [{ carrier: "x".repeat(61) }, "carrier", "daily.ship.error.carrier"],
      [{ trackingNumber: "AB 123" }, "trackingNumber", "daily.ship.error.tracking"],
      [{ trackingNumber: "MÃ-123" }, "trackingNumber", "daily.ship.error.tracking"],
      [{ trackingNumber: "A".repeat(41) }, "trackingNumber", "daily.ship.error.tracking"],
      [{ carrier: "GHN\nGHTK" }, "carrier", "errors.input.lineBreak"],
    ];
    for (const [shipment, field, key] of refusals) {
      let refused: unknown;
      try {
        shipOrder(db, m.actors.memberA, order.id, new Date(), shipment);
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(Invalid);
      expect(refused).toMatchObject({ messageKey: key, details: { field } });
    }
    expect(db.select().from(orders).where(eq(orders.id, order.id)).get()).toMatchObject({
      status: "confirmed",
      carrier: null,
      trackingNumber: null,
    });
    expect(shippingNotices(db, m.buyer.id)).toEqual([]);
    // Exactly 60 and 40 characters are fine.
    shipOrder(db, m.actors.memberA, order.id, new Date(), {
      carrier: "c".repeat(60),
      trackingNumber: "T".repeat(40),
    });
    expect(shippingNotices(db, m.buyer.id)).toHaveLength(1);
    expect(db.select().from(orders).where(eq(orders.id, order.id)).get()?.carrier).toHaveLength(60);
  });

  it("gives the delivery note the buyer's business name and tax code when she has them", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const order = confirmedOrder(db, m);
    const buyerOf = () => getProducerOrder(db, [m.producerA.id], order.id).buyer;
    expect(buyerOf()).toMatchObject({ companyName: null, taxCode: null });
    db.insert(buyerProfiles)
      .values({
        userId: m.buyer.id,
        kind: "restaurant",
        companyName: "Nhà hàng Sông Hiếu",
        taxCode: "3200123456",
      })
      .run();
    expect(buyerOf()).toMatchObject({ companyName: "Nhà hàng Sông Hiếu", taxCode: "3200123456" });
  });
});
