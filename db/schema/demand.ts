import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, moment, sqlList, UNITS, updatedAt } from "./columns";
import { users } from "./accounts";
import { categories, listings } from "./catalog";
import { producers } from "./producers";
import { orgUnits } from "./org";

export const RECURRENCES = ["none", "weekly", "monthly"] as const;
export const PURCHASE_REQUEST_STATUSES = ["open", "closed", "fulfilled"] as const;

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
    deliveryLocation: text("delivery_location").notNull(),
    neededBy: text("needed_by").notNull(),
    recurrence: text("recurrence", { enum: RECURRENCES }).notNull().default("none"),
    status: text("status", { enum: PURCHASE_REQUEST_STATUSES }).notNull().default("open"),
    isHidden: integer("is_hidden", { mode: "boolean" }).notNull().default(false),
    hiddenReason: text("hidden_reason"),
    hiddenByUserId: integer("hidden_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("purchase_requests_status_idx").on(t.status, t.isHidden, t.neededBy),
    index("purchase_requests_buyer_idx").on(t.buyerUserId),
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
  ],
);

export const OFFER_STATUSES = ["submitted", "accepted", "declined", "withdrawn"] as const;

/** A producer's answer to a purchase request. */
export const offers = sqliteTable(
  "offers",
  {
    id: integer("id").primaryKey(),
    purchaseRequestId: integer("purchase_request_id")
      .notNull()
      .references(() => purchaseRequests.id, { onDelete: "cascade" }),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id, { onDelete: "cascade" }),
    listingId: integer("listing_id").references(() => listings.id, { onDelete: "set null" }),
    priceVnd: integer("price_vnd").notNull(),
    quantity: integer("quantity").notNull(),
    message: text("message").notNull().default(""),
    status: text("status", { enum: OFFER_STATUSES }).notNull().default("submitted"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("offers_request_idx").on(t.purchaseRequestId),
    index("offers_producer_idx").on(t.producerId),
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
    description: text("description").notNull(),
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
  ],
);
