import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { Conflict, Invalid, NotFound } from "~/lib/errors";
import { cleanText } from "~/lib/text";
import type { SignedInActor } from "~/modules/auth/actor";
import { requirePermission } from "~/modules/auth/permissions.server";
import { listOf, preparedQuery, type Db } from "~db/client.server";
import { listings, orderLines, orders, orgUnits, reviews, users } from "~db/schema";
import { writeAudit } from "~/modules/platform/audit.server";
import { notifyOrderEvent } from "./notify.server";
import { staffSubtree } from "./queries.server";

/**
 * The buyer rates one product of one of their completed orders (1–5 stars and a comment).
 * One review per product per order.
 */
export function createReview(
  db: Db,
  buyerUserId: number,
  input: { orderId: number; listingId: number; rating: number; comment: string },
) {
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) {
    throw new Invalid("review.error.rating", {}, { field: "rating" });
  }
  const comment = cleanText(input.comment);
  if (comment.length > 2000) {
    throw new Invalid("review.error.comment", {}, { field: "comment" });
  }
  return db.$client
    .transaction(() => {
      const order = db
        .select()
        .from(orders)
        .where(and(eq(orders.id, input.orderId), eq(orders.buyerUserId, buyerUserId)))
        .get();
      if (!order) throw new NotFound("orderError.notFound");
      if (order.status !== "completed") {
        throw new Conflict("orderError.reviewTooEarly");
      }
      const line = db
        .select({ id: orderLines.id })
        .from(orderLines)
        .where(and(eq(orderLines.orderId, order.id), eq(orderLines.listingId, input.listingId)))
        .get();
      if (!line) throw new NotFound("orderError.productNotInOrder");
      const review = db
        .insert(reviews)
        .values({
          orderId: order.id,
          listingId: input.listingId,
          buyerUserId,
          rating: input.rating,
          comment,
        })
        .onConflictDoNothing()
        .returning()
        .get();
      if (!review) throw new Conflict("orderError.alreadyReviewed");
      notifyOrderEvent(db, order, "reviewed");
      return review;
    })
    .immediate();
}

export interface ListingReviews {
  average: number | null;
  count: number;
  reviews: { id: number; rating: number; comment: string; authorName: string; createdAt: Date }[];
}

// The product page reads both on every view: prepared once per connection.
const visibleReviewsOf = () =>
  and(eq(reviews.listingId, sql.placeholder("listingId")), eq(reviews.isHidden, false));

const reviewStatsOf = (db: Db) =>
  db
    .select({ count: sql<number>`count(*)`, average: sql<number | null>`avg(${reviews.rating})` })
    .from(reviews)
    .where(visibleReviewsOf())
    .prepare();

const newestReviewsOf = (db: Db) =>
  db
    .select({
      id: reviews.id,
      rating: reviews.rating,
      comment: reviews.comment,
      authorName: users.displayName,
      createdAt: reviews.createdAt,
    })
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.buyerUserId))
    .where(visibleReviewsOf())
    .orderBy(desc(reviews.createdAt), desc(reviews.id))
    .limit(sql.placeholder("limit"))
    .prepare();

/** Visible reviews of a product with their average, for the product page. */
export function getListingReviews(db: Db, listingId: number, limit = 20): ListingReviews {
  const stats = preparedQuery(db, reviewStatsOf).get({ listingId });
  const rows = preparedQuery(db, newestReviewsOf).all({ listingId, limit });
  const count = stats?.count ?? 0;
  return {
    count,
    average: count > 0 && stats?.average != null ? Math.round(stats.average * 10) / 10 : null,
    reviews: rows,
  };
}

/** A product's rating as cards show it: the average of its visible reviews and their count. */
export interface ListingRating {
  average: number;
  count: number;
}

/**
 * The ratings of many products in one grouped query (a home page section, a grid of cards);
 * products without visible reviews are absent from the map.
 */
export function getListingRatings(db: Db, listingIds: number[]): Map<number, ListingRating> {
  const ratings = new Map<number, ListingRating>();
  const ids = [...new Set(listingIds)];
  if (ids.length === 0) return ratings;
  const rows = preparedQuery(db, ratingsOf).all({ ids: JSON.stringify(ids) });
  for (const row of rows) {
    ratings.set(row.listingId, { count: row.count, average: Math.round(row.average * 10) / 10 });
  }
  return ratings;
}

// Every page of cards reads their ratings: prepared once per connection, the ids as one list.
const ratingsOf = (db: Db) =>
  db
    .select({
      listingId: reviews.listingId,
      count: sql<number>`count(*)`,
      average: sql<number>`avg(${reviews.rating})`,
    })
    .from(reviews)
    .where(and(inArray(reviews.listingId, listOf("ids")), eq(reviews.isHidden, false)))
    .groupBy(reviews.listingId)
    .prepare();

/** Cards (search hits, a grid) with their rating attached: null before anyone rated them. */
export function withRatings<Card extends { id: number }>(
  db: Db,
  cards: Card[],
): (Card & { rating: ListingRating | null })[] {
  const ratings = getListingRatings(
    db,
    cards.map((card) => card.id),
  );
  return cards.map((card) => ({ ...card, rating: ratings.get(card.id) ?? null }));
}

/**
 * Staff with `review:hide` over the order's org unit hide (or show again) a review; audited.
 */
export function setReviewHidden(
  db: Db,
  actor: SignedInActor,
  reviewId: number,
  isHidden: boolean,
  ipAddress: string | null = null,
) {
  const row = db
    .select({ review: reviews, orgUnitId: orders.orgUnitId, path: orgUnits.path })
    .from(reviews)
    .innerJoin(orders, eq(orders.id, reviews.orderId))
    .innerJoin(orgUnits, eq(orgUnits.id, orders.orgUnitId))
    .where(eq(reviews.id, reviewId))
    .get();
  if (!row) throw new NotFound("orderError.reviewNotFound");
  requirePermission(actor, "review:hide", row.path);
  db.$client
    .transaction(() => {
      db.update(reviews)
        .set({ isHidden, hiddenByUserId: isHidden ? actor.userId : null })
        .where(eq(reviews.id, reviewId))
        .run();
      writeAudit(db, {
        actorUserId: actor.userId,
        action: isHidden ? "review.hide" : "review.show",
        entityType: "review",
        entityId: reviewId,
        orgUnitId: row.orgUnitId,
        before: { isHidden: row.review.isHidden },
        after: { isHidden },
        ipAddress,
      });
    })
    .immediate();
}

/** Recent reviews on orders of the staff member's subtree (review:hide), for moderation. */
export function listReviewsForStaff(db: Db, actor: SignedInActor, limit = 100) {
  const inSubtree = staffSubtree(actor, "review:hide");
  if (!inSubtree) return [];
  return db
    .select({
      id: reviews.id,
      rating: reviews.rating,
      comment: reviews.comment,
      isHidden: reviews.isHidden,
      createdAt: reviews.createdAt,
      authorName: users.displayName,
      listingTitle: listings.title,
      listingSlug: listings.slug,
      orderCode: orders.code,
    })
    .from(reviews)
    .innerJoin(orders, eq(orders.id, reviews.orderId))
    .innerJoin(orgUnits, eq(orgUnits.id, orders.orgUnitId))
    .innerJoin(users, eq(users.id, reviews.buyerUserId))
    .innerJoin(listings, eq(listings.id, reviews.listingId))
    .where(inSubtree)
    .orderBy(desc(reviews.createdAt), desc(reviews.id))
    .limit(limit)
    .all();
}
