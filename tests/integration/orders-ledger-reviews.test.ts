import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Conflict, Forbidden } from "~/lib/errors";
import {
  acceptOrder,
  confirmReceipt,
  deliverOrder,
  recordRefund,
  shipOrder,
} from "~/modules/orders/fulfilment.server";
import {
  commissionOn,
  getProducerStatement,
  getStatementForStaff,
  listProducerBalances,
  recordPayout,
} from "~/modules/orders/ledger.server";
import { placeOrder } from "~/modules/orders/place-order.server";
import {
  createReview,
  getListingReviews,
  listReviewsForStaff,
  setReviewHidden,
} from "~/modules/orders/reviews.server";
import { processStripeWebhook } from "~/modules/orders/card-payments.server";
import { setDbForTests } from "~/modules/platform/db.server";
import { loader as productPageLoader } from "~/routes/san-pham.$slug";
import { auditLog, payments } from "~db/schema";
import { freshDb } from "../helpers/db";
import { makeMarket, newKey, SHIPPING } from "../helpers/market";
import { sessionEvent, sign, WEBHOOK_SECRET } from "../helpers/stripe";

type Db = ReturnType<typeof freshDb>;

function payByCard(
  db: Db,
  buyerUserId: number,
  items: { sku: string; qty: number }[],
  delivery = {},
) {
  const placed = placeOrder(db, {
    buyerUserId,
    items,
    shipping: SHIPPING,
    delivery,
    paymentMethod: "card",
    idempotency: { scope: "t", key: newKey() },
  });
  // The session the checkout opened (stripe.server.ts records its id on the payments);
  // an event of any other session is not acted on.
  const sessionId = `cs_${placed.checkoutId}`;
  db.update(payments)
    .set({ providerRef: sessionId })
    .where(
      inArray(
        payments.orderId,
        placed.orders.map((o) => o.id),
      ),
    )
    .run();
  const payload = sessionEvent("checkout.session.completed", {
    id: sessionId,
    amount_total: placed.orders.reduce((s, o) => s + o.totalVnd, 0),
    currency: "vnd",
    metadata: { checkout_id: placed.checkoutId },
  });
  const result = processStripeWebhook(db, {
    payload,
    signature: sign(payload),
    secret: WEBHOOK_SECRET,
  });
  expect(result.outcome).toBe("paid");
  return placed.orders[0]!;
}

describe("ledger", () => {
  it("balance = collected − commission − refunds − payouts on a fixed sequence", () => {
    const db = freshDb();
    const m = makeMarket(db, { commissionBasisPoints: 333 });
    // Two card payments for producer A: 2 × 120 000 + 30 000 delivery, then 5 × 50 000.
    payByCard(db, m.buyer.id, [{ sku: "SP0001", qty: 2 }], { SXA: "delivery" });
    const second = payByCard(db, m.buyer.id, [{ sku: "SP0002", qty: 5 }]);
    // Cash on delivery never passes through the platform: not in the ledger.
    const cod = placeOrder(db, {
      buyerUserId: m.buyer.id,
      items: [{ sku: "SP0001", qty: 1 }],
      shipping: SHIPPING,
      paymentMethod: "cod",
      idempotency: { scope: "t", key: newKey() },
    }).orders[0]!;
    acceptOrder(db, m.actors.memberA, cod.id);
    shipOrder(db, m.actors.memberA, cod.id);
    deliverOrder(db, m.actors.memberA, cod.id);
    recordRefund(db, m.actors.admin, {
      orderId: second.id,
      amountVnd: 50000,
      reason: "Thiếu hàng",
    });
    recordPayout(db, m.actors.admin, {
      producerId: m.producerA.id,
      amountVnd: 400000,
      reference: "UNC-001",
      paidOn: "2026-12-05",
    });

    expect(commissionOn(270000, 333)).toBe(8991);
    expect(commissionOn(250000, 333)).toBe(8325);
    const statement = getProducerStatement(db, m.producerA.id);
    expect(statement).toMatchObject({
      collectedVnd: 520000,
      commissionVnd: 17316,
      refundsVnd: 50000,
      payoutsVnd: 400000,
      balanceVnd: 52684,
    });
    expect(statement.entries.map((e) => [e.kind, e.amountVnd])).toEqual([
      ["payment", 270000],
      ["commission", -8991],
      ["payment", 250000],
      ["commission", -8325],
      ["refund", -50000],
      ["payout", -400000],
    ]);
    // A payout above the balance is refused; staff without payout:manage cannot record one.
    expect(() =>
      recordPayout(db, m.actors.admin, {
        producerId: m.producerA.id,
        amountVnd: 52685,
        reference: "UNC-002",
        paidOn: "2026-12-06",
      }),
    ).toThrow(/52684/);
    expect(() =>
      recordPayout(db, m.actors.moderator, {
        producerId: m.producerA.id,
        amountVnd: 1,
        reference: "x",
        paidOn: "2026-12-06",
      }),
    ).toThrow(Forbidden);
    expect(listProducerBalances(db, m.actors.admin).map((b) => b.balanceVnd)).toEqual([52684]);
    expect(getStatementForStaff(db, m.actors.admin, m.producerA.id).balanceVnd).toBe(52684);
    expect(
      db
        .select()
        .from(auditLog)
        .all()
        .map((a) => a.action),
    ).toEqual(["refund.record", "payout.record"]);
  });
});

describe("reviews", () => {
  it("only after completion, once per product, hidden by staff with an audit entry", async () => {
    const db = freshDb();
    const m = makeMarket(db);
    const order = placeOrder(db, {
      buyerUserId: m.buyer.id,
      items: [{ sku: "SP0001", qty: 1 }],
      shipping: SHIPPING,
      paymentMethod: "cod",
      idempotency: { scope: "t", key: newKey() },
    }).orders[0]!;
    const review = { orderId: order.id, listingId: m.pepper.id, rating: 5, comment: "Tiêu thơm" };
    expect(() => createReview(db, m.buyer.id, review)).toThrow(Conflict);
    acceptOrder(db, m.actors.memberA, order.id);
    shipOrder(db, m.actors.memberA, order.id);
    deliverOrder(db, m.actors.memberA, order.id);
    confirmReceipt(db, m.buyer.id, order.id);
    expect(() => createReview(db, m.otherBuyer.id, review)).toThrow(/Không tìm thấy/);
    expect(() => createReview(db, m.buyer.id, { ...review, rating: 6 })).toThrow(/1 đến 5/);
    expect(() => createReview(db, m.buyer.id, { ...review, listingId: m.squid.id })).toThrow(
      /không có trong đơn/,
    );
    createReview(db, m.buyer.id, review);
    expect(() => createReview(db, m.buyer.id, review)).toThrow(/đã đánh giá/);
    const shown = getListingReviews(db, m.pepper.id);
    expect(shown).toMatchObject({ average: 5, count: 1 });
    expect(shown.reviews[0]).toMatchObject({ comment: "Tiêu thơm", authorName: "Người Mua" });

    // The product page shows the average and the review.
    setDbForTests(db);
    const productPage = () =>
      productPageLoader({
        request: new Request(`http://localhost/san-pham/${m.pepper.slug}`),
        params: { slug: m.pepper.slug },
        context: { clientIp: "127.0.0.1" },
      });
    expect((await productPage()).reviews).toMatchObject({
      average: 5,
      count: 1,
      reviews: [{ comment: "Tiêu thơm", rating: 5 }],
    });

    const id = shown.reviews[0]!.id;
    expect(() => setReviewHidden(db, m.actors.memberA, id, true)).toThrow(Forbidden);
    expect(listReviewsForStaff(db, m.actors.memberA)).toEqual([]);
    setReviewHidden(db, m.actors.moderator, id, true);
    expect(listReviewsForStaff(db, m.actors.moderator)).toMatchObject([{ id, isHidden: true }]);
    expect(getListingReviews(db, m.pepper.id)).toMatchObject({ average: null, count: 0 });
    expect((await productPage()).reviews).toMatchObject({ count: 0, reviews: [] });
    expect(db.select().from(auditLog).all()).toMatchObject([
      { action: "review.hide", entityType: "review", entityId: String(id) },
    ]);
  });
});
