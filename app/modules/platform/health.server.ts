import { sql } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { logger } from "./logger.server";

export interface Health {
  status: "ok" | "degraded";
  database: { ok: boolean; migrations: number; listings: number };
  search: { engine: "fts5"; ok: boolean };
  mode: "demo" | "live";
}

/**
 * What /healthz reports: whether the database answers (applied migrations, published
 * listings) and whether the embedded FTS5 search index can be queried. Only a failing
 * database makes the service "degraded". Errors go to the log, not to the public answer.
 */
export function checkHealth(db: Db | null, mode: "demo" | "live"): Health {
  const health: Health = {
    status: "degraded",
    database: { ok: false, migrations: 0, listings: 0 },
    search: { engine: "fts5", ok: false },
    mode,
  };
  if (db === null) return health;
  try {
    const migrations = db.get<{ n: number }>(sql`select count(*) as n from __drizzle_migrations`);
    const listings = db.get<{ n: number }>(
      sql`select count(*) as n from listings where status = 'published'`,
    );
    health.database = { ok: true, migrations: migrations.n, listings: listings.n };
    health.status = "ok";
  } catch (error) {
    logger.error({ err: error }, "health check: database query failed");
  }
  try {
    db.get(sql`select count(*) as n from listing_search`);
    health.search.ok = true;
  } catch (error) {
    logger.error({ err: error }, "health check: search index query failed");
  }
  return health;
}
