import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, sqlList } from "./columns";
import { users } from "./accounts";
import { listings } from "./catalog";
import { orders } from "./commerce";

/**
 * Why stock moved: the listing's stock when it was created (or when the ledger began), a
 * producer's edit, an import, an order taking its lines, a cancelled order giving them back.
 */
export const STOCK_CAUSES = [
  "opening",
  "producer_edit",
  "import",
  "reservation",
  "release",
] as const;
export type StockCause = (typeof STOCK_CAUSES)[number];

/**
 * The stock ledger (docs/decisions/015): every change of `listings.stock` is one signed row
 * here, and triggers of migration 0006 keep the listing's stock equal to the sum of its rows
 * (through each row's running balance).
 */
export const stockMovements = sqliteTable(
  "stock_movements",
  {
    id: integer("id").primaryKey(),
    listingId: integer("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    delta: integer("delta").notNull(),
    /**
     * The listing's stock after this movement. Triggers check that it follows the previous
     * movement's balance and that the listing's stock equals the latest one, so the ledger is
     * guarded by one indexed lookup instead of a sum that grows with every order.
     */
    balance: integer("balance").notNull(),
    cause: text("cause", { enum: STOCK_CAUSES }).notNull(),
    /** The order that reserved or released (cause reservation or release). */
    orderId: integer("order_id").references(() => orders.id, { onDelete: "restrict" }),
    actorUserId: integer("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    // (listing_id, rowid): the latest movement of a listing is the last entry of its range.
    index("stock_movements_listing_idx").on(t.listingId),
    index("stock_movements_order_idx").on(t.orderId),
    check("stock_movements_delta_check", sql`${t.delta} <> 0`),
    check("stock_movements_balance_check", sql`${t.balance} >= 0`),
    check("stock_movements_cause_check", sql`${t.cause} in ${sqlList(STOCK_CAUSES)}`),
  ],
);
