import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { vietnamToday } from "~/lib/dates";
import { producerMonthSales } from "~/modules/money/sales.server";
import {
  acceptOrder,
  cancelOrderByProducer,
  confirmReceipt,
  deliverOrder,
  markTransferReceived,
  shipOrder,
} from "~/modules/orders/fulfilment.server";
import { placeOrder } from "~/modules/orders/place-order.server";
import { countOwedRefunds, getWorkspaceHome } from "~/modules/producers/home.server";
import { listings, producers, refunds } from "~db/schema";
import { freshDb } from "../helpers/db";
import { makeMarket, newKey, SHIPPING } from "../helpers/market";

type Db = ReturnType<typeof freshDb>;
type Market = ReturnType<typeof makeMarket>;

/**
 * Issue 13, the workspace home: what waits for the producer — orders to accept, transfers to
 * check, orders to ship and to mark delivered, refunds to send back, listings sent back,
 * certificates about to expire — and her sales this month, for her producers only.
 */

const DAY_MS = 86_400_000;

function place(db: Db, m: Market, paymentMethod: "cod" | "bank_transfer", qty = 1) {
  return placeOrder(db, {
    buyerUserId: m.buyer.id,
    items: [{ sku: "SP0001", qty }],
    shipping: SHIPPING,
    paymentMethod,
    idempotency: { scope: "t", key: newKey() },
  }).orders[0]!;
}

function dayFromToday(days: number): string {
  return vietnamToday(new Date(Date.now() + days * DAY_MS));
}

describe("the workspace home", () => {
  it("lists what waits for her and her sales this month, figures written by hand", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const a = m.actors.memberA;
    // Orders at each step: one to accept, one transfer to check, two to ship, one on its way.
    place(db, m, "cod");
    place(db, m, "bank_transfer");
    for (const method of ["cod", "cod"] as const) {
      acceptOrder(db, a, place(db, m, method).id);
    }
    const onItsWay = place(db, m, "cod");
    acceptOrder(db, a, onItsWay.id);
    shipOrder(db, a, onItsWay.id);
    // A completed cash order of 2 × 120.000 ₫, picked up (no delivery fee).
    const sold = place(db, m, "cod", 2);
    acceptOrder(db, a, sold.id);
    shipOrder(db, a, sold.id);
    deliverOrder(db, a, sold.id);
    confirmReceipt(db, m.buyer.id, sold.id);
    // A transfer of 120.000 ₫ received and then cancelled by her: to send back.
    const refunded = place(db, m, "bank_transfer");
    markTransferReceived(db, a, refunded.id);
    cancelOrderByProducer(db, a, refunded.id, "Hết hàng");
    // One listing sent back; one OCOP certificate expiring in 10 days, another in 60.
    db.update(listings)
      .set({ status: "changes_requested" })
      .where(eq(listings.sku, "SP0002"))
      .run();
    db.update(listings)
      .set({
        ocopStars: 3,
        ocopCertificateNo: "OCOP-1",
        ocopIssuedOn: "2024-01-01",
        ocopExpiresOn: dayFromToday(10),
      })
      .where(eq(listings.sku, "SP0001"))
      .run();

    const [home, ...others] = getWorkspaceHome(db, a);
    expect(others).toEqual([]);
    expect(home?.code).toBe("SXA");
    expect(home?.todo).toEqual({
      ordersToAccept: 1,
      transfersToCheck: 1,
      ordersToShip: 2,
      ordersToDeliver: 1,
      refundsToMake: { count: 1, amountVnd: 120_000 },
      requestsToAnswer: 0,
      listingsSentBack: 1,
      expiringCertificates: [
        {
          sku: "SP0001",
          title: "Sản phẩm SP0001",
          kind: "OCOP",
          expiresOn: dayFromToday(10),
        },
      ],
    });
    const month = vietnamToday().slice(0, 7);
    expect(home?.sales).toEqual({ month, salesVnd: 240_000, completedOrders: 1 });
    // The same figure as the ledger's and the Union report's (one definition).
    expect(home?.sales.salesVnd).toBe(producerMonthSales(db, m.producerA.id, month).salesVnd);
    expect(countOwedRefunds(db, a)).toBe(1);

    // Once she sent the money back, the task leaves the home and the menu's count.
    db.update(refunds).set({ settledAt: new Date() }).run();
    expect(getWorkspaceHome(db, a)[0]?.todo.refundsToMake).toEqual({ count: 0, amountVnd: 0 });
    expect(countOwedRefunds(db, a)).toBe(0);
  });

  it("shows another producer's member nothing of hers", () => {
    const db = freshDb();
    const m = makeMarket(db);
    place(db, m, "cod");
    const [home] = getWorkspaceHome(db, m.actors.memberB);
    expect(home?.code).toBe("SXB");
    expect(home?.todo).toMatchObject({
      ordersToAccept: 0,
      transfersToCheck: 0,
      refundsToMake: { count: 0, amountVnd: 0 },
      expiringCertificates: [],
    });
    expect(home?.sales.salesVnd).toBe(0);
    expect(getWorkspaceHome(db, m.actors.buyer)).toEqual([]);
  });

  it("tells a suspended producer why", () => {
    const db = freshDb();
    const m = makeMarket(db);
    expect(getWorkspaceHome(db, m.actors.memberA)[0]?.suspensionReason).toBeNull();
    db.update(producers)
      .set({
        verificationStatus: "suspended",
        suspensionReason: "Sản phẩm không đúng mô tả",
        suspendedAt: new Date(),
      })
      .where(eq(producers.id, m.producerA.id))
      .run();
    expect(getWorkspaceHome(db, m.actors.memberA)[0]).toMatchObject({
      verificationStatus: "suspended",
      suspensionReason: "Sản phẩm không đúng mô tả",
    });
  });
});
