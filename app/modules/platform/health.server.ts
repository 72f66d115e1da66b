import { sql } from "drizzle-orm";
import { createHash, timingSafeEqual } from "node:crypto";
import { prepared, type Db } from "~db/client.server";
import { lastBackup } from "./backups.server";
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

/** What /healthz adds for operators (loopback callers, or with the operations token). */
export interface OperationsDetails {
  /** Messages (e-mail, SMS, Zalo) waiting to be sent, and the oldest one's age. */
  outbox: {
    pending: number;
    oldestPendingAt: string | null;
    byChannel: Record<string, number>;
  };
  /** The notification delivery queue: waiting (some after a failed try) and given up. */
  notifications: { pending: number; retrying: number; failed: number };
  backup: { lastFinishedAt: string | null; sizeBytes: number | null };
}

/** The outbox backlog, the delivery queue and the last backup; null parts when unreadable. */
export function operationsDetails(db: Db): OperationsDetails | null {
  try {
    const channels = prepared<{ channel: string; n: number; oldest: number }>(
      db,
      `SELECT channel, count(*) AS n, min(created_at) AS oldest FROM outbound_messages
       WHERE sent_at IS NULL AND failed_at IS NULL GROUP BY channel`,
    ).all();
    const queue = prepared<{ retrying: number; failed: number }>(
      db,
      `SELECT coalesce(sum(sent_at IS NULL AND failed_at IS NULL AND attempts > 0), 0) AS retrying,
              coalesce(sum(failed_at IS NOT NULL), 0) AS failed
       FROM outbound_messages`,
    ).get()!;
    const pending = channels.reduce((sum, c) => sum + c.n, 0);
    const oldest = channels.length === 0 ? null : Math.min(...channels.map((c) => c.oldest));
    const backup = lastBackup(db);
    return {
      outbox: {
        pending,
        oldestPendingAt: oldest === null ? null : new Date(oldest).toISOString(),
        byChannel: Object.fromEntries(channels.map((c) => [c.channel, c.n])),
      },
      notifications: { pending, retrying: queue.retrying, failed: queue.failed },
      backup: {
        lastFinishedAt: backup ? backup.finishedAt.toISOString() : null,
        sizeBytes: backup?.sizeBytes ?? null,
      },
    };
  } catch (error) {
    logger.error({ err: error }, "health check: operations details failed");
    return null;
  }
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

/**
 * Whether a /healthz caller may read the operations details: from this machine (the client
 * address as the server sees it; behind a proxy set TRUST_PROXY=1, or every visitor would
 * look local), or with `Authorization: Bearer <OPS_TOKEN>`.
 */
export function mayReadOperations(
  clientIp: string,
  authorization: string | null,
  opsToken: string | undefined,
): boolean {
  if (LOOPBACK.has(clientIp) || clientIp.startsWith("127.")) return true;
  if (!opsToken || !authorization) return false;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) return false;
  const given = createHash("sha256").update(match[1]!).digest();
  const expected = createHash("sha256").update(opsToken).digest();
  return timingSafeEqual(given, expected);
}
