import { sql } from "drizzle-orm";
import { integer } from "drizzle-orm/sqlite-core";

/** Milliseconds since the epoch, set by SQLite when the row is written. */
export const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

export const updatedAt = () =>
  integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

/**
 * Parameters of a stored message: plain values, or another message (a key with its own
 * parameters) rendered in the same language, e.g. a cancel reason inside a notification.
 */
export type StoredParams = Record<
  string,
  string | number | { key: string; params?: Record<string, string | number> }
>;

/** A nullable moment, e.g. `read_at`, `revoked_at`. */
export const moment = (name: string) => integer(name, { mode: "timestamp_ms" });

/** SQL list literal for CHECK constraints: ('a','b'). Values are constants from code, never input. */
export function sqlList(values: readonly string[]) {
  return sql.raw(`(${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(",")})`);
}

export const UNITS = ["kg", "gói", "hộp", "chai", "lít", "túi", "cái", "bộ", "tấm", "hũ"] as const;
export type Unit = (typeof UNITS)[number];
