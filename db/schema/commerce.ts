import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { createdAt, moment, sqlList, UNITS, updatedAt } from "./columns";
import { users } from "./accounts";
import { producers } from "./producers";
import { categories, listings } from "./catalog";
import { orgUnits } from "./org";

/** A cart belongs to a user, or to a guest through a cookie token (hashed). */
export const carts = sqliteTable(
  "carts",
  {
    id: integer("id").primaryKey(),
    userId: integer("user_id")
      .unique()
      .references(() => users.id, { onDelete: "cascade" }),
    guestTokenHash: text("guest_token_hash").unique(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check("carts_owner_check", sql`(${t.userId} is null) <> (${t.guestTokenHash} is null)`)],
);

export const cartLines = sqliteTable(
  "cart_lines",
  {
    cartId: integer("cart_id")
      .notNull()
      .references(() => carts.id, { onDelete: "cascade" }),
    listingId: integer("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    qty: integer("qty").notNull(),
    /** The price the buyer saw when adding, to tell them if it changed before checkout. */
    seenPriceVnd: integer("seen_price_vnd").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.cartId, t.listingId] }),
    check("cart_lines_qty_check", sql`${t.qty} >= 1`),
    check("cart_lines_price_check", sql`${t.seenPriceVnd} > 0`),
  ],
);

export const ORDER_STATUSES = [
  "pending_payment",
  "confirmed",
  "shipping",
  "delivered",
  "completed",
  "cancelled",
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const PAYMENT_METHODS = ["cod", "bank_transfer", "card"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const DELIVERY_METHODS = ["pickup", "delivery"] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

/** One order per producer; a checkout across producers makes several sharing `checkoutId`. */
export const orders = sqliteTable(
  "orders",
  {
    id: integer("id").primaryKey(),
    code: text("code").notNull().unique(),
    checkoutId: text("checkout_id").notNull(),
    buyerUserId: integer("buyer_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id, { onDelete: "restrict" }),
    /** The producer's org unit when the order was placed, for reports that must not move. */
    orgUnitId: integer("org_unit_id")
      .notNull()
      .references(() => orgUnits.id, { onDelete: "restrict" }),
    status: text("status", { enum: ORDER_STATUSES }).notNull(),
    paymentMethod: text("payment_method", { enum: PAYMENT_METHODS }).notNull(),
    deliveryMethod: text("delivery_method", { enum: DELIVERY_METHODS }).notNull(),
    subtotalVnd: integer("subtotal_vnd").notNull(),
    deliveryFeeVnd: integer("delivery_fee_vnd").notNull().default(0),
    totalVnd: integer("total_vnd").notNull(),
    commissionBasisPoints: integer("commission_basis_points").notNull().default(0),
    shipName: text("ship_name").notNull(),
    shipPhone: text("ship_phone").notNull(),
    shipProvince: text("ship_province").notNull(),
    shipCommune: text("ship_commune").notNull(),
    shipAddress: text("ship_address").notNull(),
    note: text("note"),
    /** Typed by the buyer or producer; a reason the system gives is `cancel_reason_key` instead. */
    cancelReason: text("cancel_reason"),
    /** A message key (notifications catalog, `cancelReason.*`) rendered in the reader's language. */
    cancelReasonKey: text("cancel_reason_key"),
    cancelledBy: text("cancelled_by", { enum: ["buyer", "producer", "system", "staff"] }),
    paymentDueAt: moment("payment_due_at"),
    confirmedAt: moment("confirmed_at"),
    shippedAt: moment("shipped_at"),
    deliveredAt: moment("delivered_at"),
    completedAt: moment("completed_at"),
    cancelledAt: moment("cancelled_at"),
    /** Who carries the parcel and its tracking number, typed by the producer when shipping (optional). */
    carrier: text("carrier"),
    trackingNumber: text("tracking_number"),
    /** When the order gave its stock back; set once, so a second release changes nothing. */
    stockReleasedAt: moment("stock_released_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("orders_buyer_idx").on(t.buyerUserId, t.createdAt),
    index("orders_producer_idx").on(t.producerId, t.status),
    index("orders_checkout_idx").on(t.checkoutId),
    index("orders_org_unit_idx").on(t.orgUnitId, t.createdAt),
    // Campaign figures (home page, campaign pages, reports) read the orders placed within a
    // campaign's days: without it every view scanned every order.
    index("orders_created_idx").on(t.createdAt),
    // Reports count distinct buyers of the orders completed in a period.
    index("orders_completed_idx")
      .on(t.completedAt, t.orgUnitId, t.buyerUserId)
      .where(sql`${t.status} = 'completed'`),
    check("orders_status_check", sql`${t.status} in ${sqlList(ORDER_STATUSES)}`),
    check("orders_payment_method_check", sql`${t.paymentMethod} in ${sqlList(PAYMENT_METHODS)}`),
    check("orders_delivery_method_check", sql`${t.deliveryMethod} in ${sqlList(DELIVERY_METHODS)}`),
    check(
      "orders_amounts_check",
      sql`${t.subtotalVnd} >= 0 and ${t.deliveryFeeVnd} >= 0 and ${t.totalVnd} = ${t.subtotalVnd} + ${t.deliveryFeeVnd}`,
    ),
    check("orders_cancel_check", sql`${t.status} <> 'cancelled' or ${t.cancelledAt} is not null`),
  ],
);

export const orderLines = sqliteTable(
  "order_lines",
  {
    id: integer("id").primaryKey(),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    /** Null for goods sold from a producer's free-text offer (no listing): nothing in stock moves. */
    listingId: integer("listing_id").references(() => listings.id, { onDelete: "restrict" }),
    sku: text("sku").notNull(),
    title: text("title").notNull(),
    unit: text("unit", { enum: UNITS }).notNull(),
    unitPriceVnd: integer("unit_price_vnd").notNull(),
    qty: integer("qty").notNull(),
    /** What the line took from stock when placed (0 for goods made to order); a release gives back this. */
    reservedQty: integer("reserved_qty").notNull().default(0),
    lineTotalVnd: integer("line_total_vnd").notNull(),
    /**
     * The category and OCOP stars of the goods when the order was placed (the listing's, or
     * the purchase request's category for goods made to order), so reports never move when
     * a listing is edited later. Null only on lines older than this column.
     */
    categoryId: integer("category_id").references(() => categories.id, { onDelete: "restrict" }),
    ocopStars: integer("ocop_stars").notNull().default(0),
  },
  (t) => [
    index("order_lines_order_idx").on(t.orderId),
    index("order_lines_listing_idx").on(t.listingId),
    check("order_lines_qty_check", sql`${t.qty} >= 1`),
    check("order_lines_reserved_check", sql`${t.reservedQty} between 0 and ${t.qty}`),
    check("order_lines_unlisted_check", sql`${t.listingId} is not null or ${t.reservedQty} = 0`),
    check(
      "order_lines_total_check",
      sql`${t.unitPriceVnd} > 0 and ${t.lineTotalVnd} = ${t.unitPriceVnd} * ${t.qty}`,
    ),
  ],
);

export const PAYMENT_PROVIDERS = ["cod", "bank_transfer", "stripe"] as const;
export const PAYMENT_STATUSES = ["pending", "succeeded", "failed", "expired", "cancelled"] as const;

/** Money moving for an order; a Stripe session paying several orders makes one row per order. */
export const payments = sqliteTable(
  "payments",
  {
    id: integer("id").primaryKey(),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "restrict" }),
    provider: text("provider", { enum: PAYMENT_PROVIDERS }).notNull(),
    providerRef: text("provider_ref"),
    amountVnd: integer("amount_vnd").notNull(),
    currency: text("currency").notNull().default("VND"),
    status: text("status", { enum: PAYMENT_STATUSES }).notNull().default("pending"),
    paidAt: moment("paid_at"),
    recordedByUserId: integer("recorded_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("payments_order_idx").on(t.orderId),
    index("payments_provider_ref_idx").on(t.provider, t.providerRef),
    check("payments_provider_check", sql`${t.provider} in ${sqlList(PAYMENT_PROVIDERS)}`),
    check("payments_status_check", sql`${t.status} in ${sqlList(PAYMENT_STATUSES)}`),
    check("payments_amount_check", sql`${t.amountVnd} > 0`),
    check("payments_currency_check", sql`${t.currency} = 'VND'`),
  ],
);

/** Webhook events already handled, so a redelivered event changes nothing. */
export const paymentEvents = sqliteTable("payment_events", {
  eventId: text("event_id").primaryKey(),
  provider: text("provider").notNull(),
  type: text("type").notNull(),
  receivedAt: createdAt(),
});

export const refunds = sqliteTable(
  "refunds",
  {
    id: integer("id").primaryKey(),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "restrict" }),
    paymentId: integer("payment_id").references(() => payments.id, { onDelete: "restrict" }),
    amountVnd: integer("amount_vnd").notNull(),
    /** Typed by a person; a reason the system gives is `reason_key` instead. */
    reason: text("reason"),
    reasonKey: text("reason_key"),
    recordedByUserId: integer("recorded_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    /**
     * The account the buyer asked the money back to (a cancelled bank transfer: the producer
     * who received it sends it back herself).
     */
    toBankBin: text("to_bank_bin"),
    toAccountNumber: text("to_account_number"),
    toAccountName: text("to_account_name"),
    /**
     * When the money actually went back. Null while it is still owed: for a bank transfer the
     * refund is then a task for the producer until she marks it done; the platform's card
     * refunds are settled when recorded.
     */
    settledAt: moment("settled_at"),
    settledByUserId: integer("settled_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
  },
  (t) => [
    index("refunds_order_idx").on(t.orderId),
    index("refunds_unsettled_idx")
      .on(t.orderId)
      .where(sql`${t.settledAt} is null`),
    index("refunds_created_idx").on(t.createdAt),
    check("refunds_amount_check", sql`${t.amountVnd} > 0`),
  ],
);

/**
 * The commission rate on card payments for the producers of an org unit and its subtree, from
 * a date on (a Vietnam calendar day). An order takes the rate in force on the day it is placed
 * at the nearest unit above its producer that has one, and keeps it (orders.commission_basis_points).
 */
export const commissionRates = sqliteTable(
  "commission_rates",
  {
    id: integer("id").primaryKey(),
    orgUnitId: integer("org_unit_id")
      .notNull()
      .references(() => orgUnits.id, { onDelete: "restrict" }),
    basisPoints: integer("basis_points").notNull(),
    startsOn: text("starts_on").notNull(),
    setByUserId: integer("set_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("commission_rates_unit_start_idx").on(t.orgUnitId, t.startsOn),
    check("commission_rates_basis_points_check", sql`${t.basisPoints} between 0 and 10000`),
    check(
      "commission_rates_starts_on_check",
      sql`${t.startsOn} glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`,
    ),
  ],
);

/** Money the platform passed on to a producer. */
export const payouts = sqliteTable(
  "payouts",
  {
    id: integer("id").primaryKey(),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id, { onDelete: "restrict" }),
    amountVnd: integer("amount_vnd").notNull(),
    reference: text("reference").notNull(),
    note: text("note"),
    paidOn: text("paid_on").notNull(),
    recordedByUserId: integer("recorded_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
  },
  (t) => [
    index("payouts_producer_idx").on(t.producerId),
    check("payouts_amount_check", sql`${t.amountVnd} > 0`),
  ],
);

/** A buyer's rating of a product from a completed order; staff may hide it. */
export const reviews = sqliteTable(
  "reviews",
  {
    id: integer("id").primaryKey(),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    listingId: integer("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    buyerUserId: integer("buyer_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    rating: integer("rating").notNull(),
    comment: text("comment").notNull().default(""),
    isHidden: integer("is_hidden", { mode: "boolean" }).notNull().default(false),
    hiddenByUserId: integer("hidden_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("reviews_order_listing_idx").on(t.orderId, t.listingId),
    index("reviews_listing_idx").on(t.listingId, t.isHidden),
    check("reviews_rating_check", sql`${t.rating} between 1 and 5`),
  ],
);

/** Stored answers for idempotent API calls: the same key and body replays the first answer. */
export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    statusCode: integer("status_code"),
    responseBody: text("response_body"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);
