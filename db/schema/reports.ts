import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { listings } from "./catalog";
import { producers } from "./producers";

/*
 * Derived tables for the outcome reports (docs/decisions/020-outcome-reports.md). SQLite
 * triggers in the migrations write them when an order completes, a listing changes status,
 * or a producer declares its members, so no code path can forget; `npm run cli -- report:rebuild`
 * recomputes the two sales roll-ups from the orders.
 */

export const ROLLUP_GRAINS = ["day", "month"] as const;
export type RollupGrain = (typeof ROLLUP_GRAINS)[number];

/** The key both roll-ups share: the day or month, the order's org unit and its producer. */
function rollupKey() {
  return {
    grain: text("grain", { enum: ROLLUP_GRAINS }).notNull(),
    period: text("period").notNull(),
    orgUnitId: integer("org_unit_id").notNull(),
    producerId: integer("producer_id").notNull(),
  };
}

/**
 * Sales of completed orders (Σ quantity × unit price, without delivery fees), summed by the
 * Vietnam-time day or month of completion, the order's org unit, producer, category and OCOP
 * stars. `period` is "YYYY-MM-DD" for a day, "YYYY-MM" for a month; category 0 = unknown.
 */
export const reportSales = sqliteTable(
  "report_sales",
  {
    ...rollupKey(),
    categoryId: integer("category_id").notNull(),
    ocopStars: integer("ocop_stars").notNull(),
    salesVnd: integer("sales_vnd").notNull(),
    lines: integer("lines").notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.grain, t.period, t.orgUnitId, t.producerId, t.categoryId, t.ocopStars],
    }),
  ],
);

/** Completed orders and their sales by Vietnam-time day or month, org unit and producer. */
export const reportOrders = sqliteTable(
  "report_orders",
  {
    ...rollupKey(),
    orders: integer("orders").notNull(),
    salesVnd: integer("sales_vnd").notNull(),
  },
  (t) => [primaryKey({ columns: [t.grain, t.period, t.orgUnitId, t.producerId] })],
);

/** Every status a listing has had, with when (from migration 0008 on; earlier: one row each). */
export const listingStatusLog = sqliteTable(
  "listing_status_log",
  {
    id: integer("id").primaryKey(),
    listingId: integer("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    status: text("status").notNull(),
    changedAt: integer("changed_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("listing_status_log_listing_idx").on(t.listingId, t.changedAt)],
);

/** Every member count a producer has declared, with when (the women-member figure of record). */
export const producerCountLog = sqliteTable(
  "producer_count_log",
  {
    id: integer("id").primaryKey(),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id, { onDelete: "cascade" }),
    membersTotal: integer("members_total").notNull(),
    membersWomen: integer("members_women").notNull(),
    membersEthnicMinority: integer("members_ethnic_minority").notNull(),
    membersPoorHousehold: integer("members_poor_household").notNull(),
    changedAt: integer("changed_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("producer_count_log_producer_idx").on(t.producerId, t.changedAt),
    check("producer_count_log_women_check", sql`${t.membersWomen} >= 0`),
  ],
);
