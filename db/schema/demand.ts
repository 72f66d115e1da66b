import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { createdAt, moment, sqlList, UNITS, updatedAt } from "./columns";
import { users } from "./accounts";
import { categories, listings } from "./catalog";
import { producers } from "./producers";
import { orgUnits } from "./org";
import { orders } from "./commerce";

export const RECURRENCES = ["none", "weekly", "monthly"] as const;
export const PURCHASE_REQUEST_STATUSES = ["open", "closed", "fulfilled"] as const;
/** Why a request stopped taking offers: its owner closed it, or its date passed. */
export const PURCHASE_REQUEST_CLOSE_REASONS = ["owner", "expired"] as const;

/** A buyer's public "cần mua" post that producers answer with offers. */
export const purchaseRequests = sqliteTable(
  "purchase_requests",
  {
    id: integer("id").primaryKey(),
    code: text("code").notNull().unique(),
    buyerUserId: integer("buyer_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    categoryId: integer("category_id").references(() => categories.id, { onDelete: "set null" }),
    quantity: integer("quantity").notNull(),
    unit: text("unit", { enum: UNITS }).notNull(),
    /** Null means "giá thỏa thuận" (negotiable). */
    targetPriceVnd: integer("target_price_vnd"),
    /** The delivery place as people read it ("phường Đông Hà, tỉnh Quảng Trị"), kept with the codes. */
    deliveryLocation: text("delivery_location").notNull(),
    /** Official codes of the delivery province and commune (db/seed/places/communes.csv). */
    provinceCode: text("province_code"),
    communeCode: text("commune_code"),
    /** The org unit covering the delivery commune, else the province's: whose staff look after it. */
    orgUnitId: integer("org_unit_id").references(() => orgUnits.id, { onDelete: "restrict" }),
    /** A one-off request: needed by this day. A recurring one: its end date (last day it runs). */
    neededBy: text("needed_by").notNull(),
    recurrence: text("recurrence", { enum: RECURRENCES }).notNull().default("none"),
    status: text("status", { enum: PURCHASE_REQUEST_STATUSES }).notNull().default("open"),
    isHidden: integer("is_hidden", { mode: "boolean" }).notNull().default(false),
    hiddenReason: text("hidden_reason"),
    hiddenByUserId: integer("hidden_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    hiddenAt: moment("hidden_at"),
    closedAt: moment("closed_at"),
    closeReason: text("close_reason", { enum: PURCHASE_REQUEST_CLOSE_REASONS }),
    fulfilledAt: moment("fulfilled_at"),
    /** When the stored matches (request_matches) were last computed; null = never. */
    matchedAt: moment("matched_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("purchase_requests_status_idx").on(t.status, t.isHidden, t.neededBy),
    index("purchase_requests_buyer_idx").on(t.buyerUserId, t.createdAt),
    index("purchase_requests_org_unit_idx").on(t.orgUnitId, t.status),
    check("purchase_requests_quantity_check", sql`${t.quantity} >= 1`),
    check("purchase_requests_unit_check", sql`${t.unit} in ${sqlList(UNITS)}`),
    check(
      "purchase_requests_price_check",
      sql`${t.targetPriceVnd} is null or ${t.targetPriceVnd} > 0`,
    ),
    check("purchase_requests_recurrence_check", sql`${t.recurrence} in ${sqlList(RECURRENCES)}`),
    check(
      "purchase_requests_status_check",
      sql`${t.status} in ${sqlList(PURCHASE_REQUEST_STATUSES)}`,
    ),
    check(
      "purchase_requests_close_reason_check",
      sql`${t.closeReason} is null or ${t.closeReason} in ${sqlList(PURCHASE_REQUEST_CLOSE_REASONS)}`,
    ),
  ],
);

/**
 * The columns every answer to a request starts with (an offer, a stored match, an
 * invitation): its id, the request and the producer, both going with their rows.
 */
function requestAndProducer() {
  return {
    id: integer("id").primaryKey(),
    purchaseRequestId: integer("purchase_request_id")
      .notNull()
      .references(() => purchaseRequests.id, { onDelete: "cascade" }),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id, { onDelete: "cascade" }),
  };
}

export const OFFER_STATUSES = ["submitted", "accepted", "declined", "withdrawn"] as const;

/** A producer's answer to a purchase request. */
export const offers = sqliteTable(
  "offers",
  {
    ...requestAndProducer(),
    /** One of the producer's listings, or null for free-text goods (`goods`). */
    listingId: integer("listing_id").references(() => listings.id, { onDelete: "set null" }),
    /** What is offered, as the buyer reads it: the listing's title when offered from a listing. */
    goods: text("goods").notNull().default(""),
    unit: text("unit", { enum: UNITS }).notNull().default("kg"),
    /** Price per unit in đồng. */
    priceVnd: integer("price_vnd").notNull(),
    quantity: integer("quantity").notNull(),
    /** The day the producer can deliver (YYYY-MM-DD). */
    deliveryOn: text("delivery_on"),
    message: text("message").notNull().default(""),
    status: text("status", { enum: OFFER_STATUSES }).notNull().default("submitted"),
    /**
     * For a recurring request, the period an accepted offer fills ("2026-W49", "2026-12");
     * "once" for a one-off request. At most one accepted offer per request and period.
     */
    periodKey: text("period_key"),
    /** The order made when the buyer accepted this offer. */
    orderId: integer("order_id").references(() => orders.id, { onDelete: "set null" }),
    decidedAt: moment("decided_at"),
    withdrawnAt: moment("withdrawn_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("offers_request_idx").on(t.purchaseRequestId, t.status),
    index("offers_producer_idx").on(t.producerId, t.status),
    uniqueIndex("offers_one_accepted_per_period_idx")
      .on(t.purchaseRequestId, t.periodKey)
      .where(sql`status = 'accepted'`),
    uniqueIndex("offers_one_open_per_producer_idx")
      .on(t.purchaseRequestId, t.producerId)
      .where(sql`status = 'submitted'`),
    check("offers_unit_check", sql`${t.unit} in ${sqlList(UNITS)}`),
    check("offers_accepted_check", sql`${t.status} <> 'accepted' or ${t.periodKey} is not null`),
    check("offers_price_check", sql`${t.priceVnd} > 0`),
    check("offers_quantity_check", sql`${t.quantity} >= 1`),
    check("offers_status_check", sql`${t.status} in ${sqlList(OFFER_STATUSES)}`),
  ],
);

export const offerMessages = sqliteTable(
  "offer_messages",
  {
    id: integer("id").primaryKey(),
    offerId: integer("offer_id")
      .notNull()
      .references(() => offers.id, { onDelete: "cascade" }),
    authorUserId: integer("author_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    readAt: moment("read_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("offer_messages_offer_idx").on(t.offerId, t.createdAt),
    check("offer_messages_body_check", sql`length(${t.body}) between 1 and 4000`),
  ],
);

/** A deal made outside the platform that staff record so outcomes are counted. */
export const offlineDeals = sqliteTable(
  "offline_deals",
  {
    id: integer("id").primaryKey(),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id, { onDelete: "restrict" }),
    orgUnitId: integer("org_unit_id")
      .notNull()
      .references(() => orgUnits.id, { onDelete: "restrict" }),
    purchaseRequestId: integer("purchase_request_id").references(() => purchaseRequests.id, {
      onDelete: "set null",
    }),
    buyerName: text("buyer_name").notNull(),
    /** The goods, in words ("gạo hữu cơ ST25"). */
    description: text("description").notNull(),
    quantity: integer("quantity"),
    unit: text("unit", { enum: UNITS }),
    amountVnd: integer("amount_vnd").notNull(),
    dealOn: text("deal_on").notNull(),
    recordedByUserId: integer("recorded_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
  },
  (t) => [
    index("offline_deals_org_idx").on(t.orgUnitId, t.dealOn),
    check("offline_deals_amount_check", sql`${t.amountVnd} > 0`),
    check("offline_deals_quantity_check", sql`${t.quantity} is null or ${t.quantity} >= 1`),
    check("offline_deals_unit_check", sql`${t.unit} is null or ${t.unit} in ${sqlList(UNITS)}`),
  ],
);

/**
 * The stored result of matching a request (app/modules/demand/matching.server.ts): one row per
 * matched listing (or producer, when `listing_id` is null), replaced whenever the request is
 * matched again. The producers' inboxes, the digest and the staff list read it.
 */
export const requestMatches = sqliteTable(
  "request_matches",
  {
    ...requestAndProducer(),
    listingId: integer("listing_id").references(() => listings.id, { onDelete: "cascade" }),
    /** 1 = best. */
    rank: integer("rank").notNull(),
    score: real("score").notNull(),
    /** The reasons as message keys with parameters, rendered in the reader's language. */
    reasons: text("reasons", { mode: "json" })
      .$type<{ key: string; params?: Record<string, string | number> }[]>()
      .notNull()
      .default([]),
    createdAt: createdAt(),
  },
  (t) => [
    index("request_matches_request_idx").on(t.purchaseRequestId, t.rank),
    index("request_matches_producer_idx").on(t.producerId, t.purchaseRequestId),
  ],
);

/**
 * Which (producer, request) pairs a producer has already been told about in a daily digest,
 * so the next digest names only new matches.
 */
export const requestMatchNotices = sqliteTable(
  "request_match_notices",
  {
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id, { onDelete: "cascade" }),
    purchaseRequestId: integer("purchase_request_id")
      .notNull()
      .references(() => purchaseRequests.id, { onDelete: "cascade" }),
    notifiedAt: integer("notified_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.producerId, t.purchaseRequestId] })],
);

/** Union staff asking a specific producer to answer a request (shows in its inbox). */
export const requestInvitations = sqliteTable(
  "request_invitations",
  {
    ...requestAndProducer(),
    invitedByUserId: integer("invited_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    note: text("note").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("request_invitations_pair_idx").on(t.purchaseRequestId, t.producerId),
    index("request_invitations_producer_idx").on(t.producerId, t.createdAt),
  ],
);
