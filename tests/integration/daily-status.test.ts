import { describe, expect, it } from "vitest";
import { t } from "~/lib/i18n";
import { ORDER_STAGES, orderStageKey, orderStatusKey, refundStateOf } from "~/lib/orders";
import {
  acceptOrder,
  cancelOrderByProducer,
  markTransferReceived,
  shipOrder,
} from "~/modules/orders/fulfilment.server";
import { placeOrder } from "~/modules/orders/place-order.server";
import {
  countProducerOrdersByNextStep,
  countProducerOrdersByStage,
  listBuyerOrders,
} from "~/modules/orders/queries.server";
import { producerInbox } from "~/modules/orders/views.server";
import { refunds } from "~db/schema";
import { freshDb } from "../helpers/db";
import { makeMarket, newKey, SHIPPING } from "../helpers/market";

type Db = ReturnType<typeof freshDb>;

/**
 * Issue 13, "one status wording": a cash order waiting for the producer reads "Chờ người bán
 * xác nhận" on the tab that lists it, on its card and on its page, never "Chờ thanh toán";
 * the tabs and the next-step counts follow the same rule as the buttons.
 */

function place(db: Db, buyerUserId: number, paymentMethod: "cod" | "bank_transfer" | "card") {
  return placeOrder(db, {
    buyerUserId,
    items: [{ sku: "SP0001", qty: 1 }],
    shipping: SHIPPING,
    paymentMethod,
    idempotency: { scope: "t", key: newKey() },
  }).orders[0]!;
}

describe("one status wording", () => {
  it("names each stage once: a cash order waits for the producer, a transfer for the money", () => {
    const vi = (key: Parameters<typeof t>[1]) => t("vi", key);
    expect(vi(orderStatusKey({ status: "pending_payment", paymentMethod: "cod" }))).toBe(
      "Chờ người bán xác nhận",
    );
    expect(vi(orderStatusKey({ status: "pending_payment", paymentMethod: "bank_transfer" }))).toBe(
      "Chờ thanh toán",
    );
    expect(vi(orderStatusKey({ status: "pending_payment", paymentMethod: "card" }))).toBe(
      "Chờ thanh toán",
    );
    expect(vi(orderStatusKey({ status: "confirmed", paymentMethod: "cod" }))).toBe("Đã xác nhận");
    expect(
      vi(
        orderStatusKey({
          status: "cancelled",
          paymentMethod: "bank_transfer",
          refundState: "owed",
        }),
      ),
    ).toBe("Đã hủy · chờ hoàn tiền");
    expect(
      vi(
        orderStatusKey({
          status: "cancelled",
          paymentMethod: "bank_transfer",
          refundState: "settled",
        }),
      ),
    ).toBe("Đã hủy · đã hoàn tiền");
    expect(vi(orderStatusKey({ status: "cancelled", paymentMethod: "cod" }))).toBe("Đã hủy");
    expect(refundStateOf([])).toBeNull();
    expect(refundStateOf([{ settledAt: "2026-01-01T00:00:00Z" }, { settledAt: null }])).toBe(
      "owed",
    );
    expect(refundStateOf([{ settledAt: new Date() }])).toBe("settled");
  });

  it("lists each order under the tab whose label its card shows, with the tab's count", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const cod = place(db, m.buyer.id, "cod");
    const transfer = place(db, m.buyer.id, "bank_transfer");
    const card = place(db, m.buyer.id, "card");
    const accepted = place(db, m.buyer.id, "cod");
    acceptOrder(db, m.actors.memberA, accepted.id);
    const shipped = place(db, m.buyer.id, "cod");
    acceptOrder(db, m.actors.memberA, shipped.id);
    shipOrder(db, m.actors.memberA, shipped.id);

    const counts = countProducerOrdersByStage(db, [m.producerA.id]);
    expect(counts).toEqual({
      awaiting_acceptance: 1,
      pending_payment: 2,
      confirmed: 1,
      shipping: 1,
    });
    const tabOf = new Map<number, string>();
    for (const stage of ORDER_STAGES) {
      const { orders } = producerInbox(db, m.actors.memberA, { stage });
      expect(orders.length).toBe(counts[stage] ?? 0);
      for (const order of orders) {
        tabOf.set(order.id, stage);
        // The card says what the tab says.
        expect(orderStatusKey(order)).toBe(orderStageKey(stage));
      }
    }
    expect(tabOf.get(cod.id)).toBe("awaiting_acceptance");
    expect(tabOf.get(transfer.id)).toBe("pending_payment");
    expect(tabOf.get(card.id)).toBe("pending_payment");
    expect(tabOf.size).toBe(5);
    // The home's "transfers to check" link: the waiting transfers only, not the card ones.
    const transfers = producerInbox(db, m.actors.memberA, {
      stage: "pending_payment",
      paymentMethod: "bank_transfer",
    }).orders;
    expect(transfers.map((o) => o.id)).toEqual([transfer.id]);

    expect(countProducerOrdersByNextStep(db, [m.producerA.id])).toEqual({
      accept: 1,
      mark_paid: 1,
      ship: 1,
      deliver: 1,
    });
    expect(countProducerOrdersByNextStep(db, [m.producerB.id])).toEqual({
      accept: 0,
      mark_paid: 0,
      ship: 0,
      deliver: 0,
    });
  });

  it("shows a producer only her own producer's orders when she names it, all of hers otherwise", () => {
    const db = freshDb();
    const m = makeMarket(db);
    place(db, m.buyer.id, "cod");
    const both = {
      ...m.actors.memberA,
      producers: [...m.actors.memberA.producers, ...m.actors.memberB.producers],
    };
    placeOrder(db, {
      buyerUserId: m.buyer.id,
      items: [{ sku: "SP0003", qty: 1 }],
      shipping: SHIPPING,
      paymentMethod: "cod",
      idempotency: { scope: "t", key: newKey() },
    });
    expect(producerInbox(db, both).orders).toHaveLength(2);
    const onlyB = producerInbox(db, both, { producerCode: "SXB" });
    expect(onlyB.producerCode).toBe("SXB");
    expect(onlyB.orders.map((o) => o.producer.code)).toEqual(["SXB"]);
    expect(onlyB.counts).toEqual({ awaiting_acceptance: 1 });
    // Another producer's code is not a way in: she sees all of hers, nobody else's.
    expect(producerInbox(db, m.actors.memberA, { producerCode: "SXB" }).orders).toHaveLength(1);
    expect(
      producerInbox(db, m.actors.memberA, { producerCode: "SXB" }).orders[0]?.producer.code,
    ).toBe("SXA");
  });

  it("words a cancelled paid transfer by whether the money went back", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const order = place(db, m.buyer.id, "bank_transfer");
    markTransferReceived(db, m.actors.memberA, order.id);
    cancelOrderByProducer(db, m.actors.memberA, order.id, "Hết hàng");
    const listed = () => listBuyerOrders(db, m.buyer.id).find((o) => o.id === order.id);
    expect(listed()?.refundState).toBe("owed");
    expect(t("vi", orderStatusKey(listed()!))).toBe("Đã hủy · chờ hoàn tiền");
    db.update(refunds).set({ settledAt: new Date() }).run();
    expect(listed()?.refundState).toBe("settled");
    expect(t("vi", orderStatusKey(listed()!))).toBe("Đã hủy · đã hoàn tiền");
    const cash = place(db, m.buyer.id, "cod");
    cancelOrderByProducer(db, m.actors.memberA, cash.id, "Hết hàng");
    expect(listBuyerOrders(db, m.buyer.id).find((o) => o.id === cash.id)?.refundState).toBeNull();
  });
});
