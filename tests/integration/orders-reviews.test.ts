import { describe, expect, it } from "vitest";
import { Conflict, Forbidden } from "~/lib/errors";
import {
  acceptOrder,
  confirmReceipt,
  deliverOrder,
  shipOrder,
} from "~/modules/orders/fulfilment.server";
import { placeOrder } from "~/modules/orders/place-order.server";
import {
  createReview,
  getListingReviews,
  listReviewsForStaff,
  setReviewHidden,
} from "~/modules/orders/reviews.server";
import { setDbForTests } from "~/modules/platform/db.server";
import { loader as productPageLoader } from "~/routes/san-pham.$slug";
import { auditLog } from "~db/schema";
import { freshDb } from "../helpers/db";
import { makeMarket, newKey, SHIPPING } from "../helpers/market";

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
