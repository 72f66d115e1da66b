import Database from "better-sqlite3";
import { createHash } from "node:crypto";

/** A digest of every row of every table of a database file, by table name. */
export type DatabaseFingerprint = Record<string, string>;

/**
 * Reads a (possibly running server's) SQLite file read-only and digests each table's rows in
 * rowid order, so a test can show that a refused request changed nothing. Tables without a
 * rowid are digested in their natural order.
 */
export function databaseFingerprint(path: string): DatabaseFingerprint {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all();
    const fingerprint: DatabaseFingerprint = {};
    for (const { name } of tables) {
      const quoted = `"${name.replaceAll('"', '""')}"`;
      let rows: unknown[];
      try {
        rows = db.prepare(`SELECT * FROM ${quoted} ORDER BY rowid`).raw().all();
      } catch {
        // WITHOUT ROWID tables and virtual tables that cannot order by rowid.
        rows = db.prepare(`SELECT * FROM ${quoted}`).raw().all();
      }
      const hash = createHash("sha256");
      for (const row of rows) {
        hash.update(
          JSON.stringify(row, (_key, value: unknown) =>
            Buffer.isBuffer(value) ? value.toString("hex") : value,
          ),
        );
        hash.update("\n");
      }
      fingerprint[name] = `${rows.length}:${hash.digest("hex").slice(0, 16)}`;
    }
    return fingerprint;
  } finally {
    db.close();
  }
}

/** The tables whose rows differ between two fingerprints (added and removed tables too). */
export function changedTables(
  before: DatabaseFingerprint,
  after: DatabaseFingerprint,
  ignore: readonly string[] = [],
): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => !ignore.includes(name) && before[name] !== after[name]).sort();
}
