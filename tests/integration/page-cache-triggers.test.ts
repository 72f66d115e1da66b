import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listings, pageCacheGeneration } from "~db/schema";
import { freshDb } from "../helpers/db";
import { makeMarket } from "../helpers/market";

/**
 * The page cache trusts a stored page until the database's generation moves
 * (docs/decisions/033-page-cache.md). Every table must be on one side: watched (a trigger per
 * insert, update and delete bumps the generation) or private (no public page shows it). A new
 * table fails here until someone decides which.
 */

/** Tables no anonymous public page reads, with why. */
const PRIVATE_TABLES = new Set([
  // Bookkeeping of the database and the app itself.
  "__drizzle_migrations",
  "page_cache_generation",
  "backups",
  "idempotency_keys",
  "rate_limit_events",
  "login_failures",
  "one_time_codes",
  "audit_log",
  "outbound_messages",
  "search_outbox",
  "staff_work_alerts",
  "assist_contexts",
  // A signed-in person's own things: their pages are never cached.
  "sessions",
  "api_tokens",
  "carts",
  "cart_lines",
  "buyer_addresses",
  "notifications",
  "notification_preferences",
  "invitations",
  "producer_team_invites",
  "producer_memberships",
  "staff_memberships",
  "offer_messages",
  "request_invitations",
  "request_match_notices",
  "invoice_requests",
  "payments",
  "payment_events",
  "payouts",
  "commission_rates",
  // The Union's records and reports, shown to staff only.
  "union_members",
  "union_officers",
  "report_orders",
  "report_sales",
  "listing_status_log",
  "producer_count_log",
  // Stock movements are a ledger; the stock a page shows is listings.stock.
  "stock_movements",
]);

/** The embedded search index: derived from listings, which are watched. */
const SEARCH_INDEX = /^listing_search(_|$)/;

describe("the page cache's generation", () => {
  it("is bumped by every table a public page may show, and no table is forgotten", () => {
    const db = freshDb();
    const tables = db.$client
      .prepare<[], string>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
      .pluck()
      .all();
    const triggers = new Set(
      db.$client
        .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        .pluck()
        .all(),
    );
    const watched = tables.filter(
      (table) => !PRIVATE_TABLES.has(table) && !SEARCH_INDEX.test(table),
    );
    expect(watched).toEqual(expect.arrayContaining(["listings", "producers", "reviews"]));
    const missing = watched.flatMap((table) =>
      ["insert", "update", "delete"]
        .map((operation) => `page_cache_${table}_${operation}`)
        .filter((trigger) => !triggers.has(trigger)),
    );
    expect(missing).toEqual([]);
    // A private table that gets triggers all the same would only cost hits: say which it is.
    const alsoWatched = [...PRIVATE_TABLES].filter((table) =>
      triggers.has(`page_cache_${table}_update`),
    );
    expect(alsoWatched).toEqual([]);
    // Names in the private list that are no table any more.
    expect([...PRIVATE_TABLES].filter((table) => !tables.includes(table))).toEqual([]);
  });

  it("moves with a change in the same transaction, and not with a read", () => {
    const db = freshDb();
    const generation = () =>
      db.select().from(pageCacheGeneration).where(eq(pageCacheGeneration.id, 1)).get()
        ?.generation ?? Number.NaN;
    const market = makeMarket(db);
    const before = generation();
    db.select().from(listings).all();
    expect(generation()).toBe(before);
    db.update(listings).set({ priceVnd: 99_000 }).where(eq(listings.id, market.pepper.id)).run();
    expect(generation()).toBe(before + 1);
    // A change rolled back leaves the generation where it was.
    expect(() =>
      db.transaction(() => {
        db.update(listings).set({ priceVnd: 1 }).where(eq(listings.id, market.pepper.id)).run();
        throw new Error("rolled back");
      }),
    ).toThrow("rolled back");
    expect(generation()).toBe(before + 1);
  });
});
