import { inTransaction, prepared, type Db } from "~db/client.server";
import { docValuesFor } from "./doc-values.server";
import { encodeSnapshot } from "./snapshot-codec.server";

/**
 * The snapshot of the embedded index kept in `listing_search_snapshot` (its head) and
 * `listing_search_snapshot_sections` (its arrays): what a starting process loads in one
 * read per array instead of building the index from every row of
 * `listing_search_docs` (about 2 s at 100,000 listings, most of it interning 7 million
 * words), then it applies the rows changed since the snapshot's `version`, as it does for
 * any change (doc-values.server.ts). The rows stay the source of truth: a snapshot missing,
 * damaged or of another format only costs the full load. A table rather than a file next
 * to the database, so a restored backup carries the snapshot of its own rows
 * (docs/decisions/031-speed-search.md).
 *
 * Written off the request path: after a rebuild, and by the server's background job once
 * enough rows changed since the stored one. Writing blocks the process for about 0.5 s at
 * 100,000 listings (about 70 MB, written from the index's arrays), so not after every
 * change: a few hundred rows changed since the snapshot cost the next start only
 * milliseconds each.
 */

/**
 * A snapshot is rewritten once this many index rows changed since it: below the doc
 * values' MAX_INCREMENTAL_ROWS, so a start never rebuilds the inverted lists.
 */
export const SNAPSHOT_AFTER_CHANGES = 1500;
const CHECK_EVERY_MS = 10 * 60_000;

/**
 * Writes this process's index (brought up to date first) as the snapshot, unless the stored
 * one is as new. Skipped inside a transaction, whose rows may still roll back.
 */
export function saveSearchSnapshot(db: Db): { version: number; bytes: number } | null {
  if (db.$client.inTransaction) return null;
  const values = docValuesFor(db);
  const version = values.version;
  // Views on the index's arrays: written below, before anything can change them.
  const { head, sections } = encodeSnapshot(values.snapshotParts());
  const isWritten = inTransaction(db, () => {
    // Rows deleted meanwhile (the table emptied for a rebuild) make this version meaningless.
    if (latestVersion(db) < version) return false;
    const isNewer =
      prepared(
        db,
        `INSERT INTO listing_search_snapshot (id, version, data) VALUES (1, ?, ?)
         ON CONFLICT (id) DO UPDATE SET version = excluded.version, data = excluded.data,
           created_at = excluded.created_at
         WHERE excluded.version > listing_search_snapshot.version`,
      ).run(version, head).changes > 0;
    if (!isNewer) return false;
    prepared(db, "DELETE FROM listing_search_snapshot_sections WHERE snapshot_id = 1").run();
    const insert = prepared(
      db,
      "INSERT INTO listing_search_snapshot_sections (snapshot_id, position, data) VALUES (1, ?, ?)",
    );
    sections.forEach((bytes, position) => insert.run(position, bytes));
    return true;
  });
  const bytes = sections.reduce((sum, section) => sum + section.byteLength, head.byteLength);
  return isWritten ? { version, bytes } : null;
}

/** Index rows written since the stored snapshot (Infinity when there is none but rows are). */
export function rowsChangedSinceSnapshot(db: Db): number {
  const stored = prepared<number>(db, "SELECT version FROM listing_search_snapshot WHERE id = 1")
    .pluck()
    .get();
  if (stored === undefined) return latestVersion(db) > 0 ? Infinity : 0;
  return (
    prepared<number>(db, "SELECT count(*) FROM listing_search_docs WHERE version > ?")
      .pluck()
      .get(stored) ?? 0
  );
}

/** Writes a new snapshot when at least `minChangedRows` index rows changed since the stored one. */
export function refreshSearchSnapshot(
  db: Db,
  minChangedRows = SNAPSHOT_AFTER_CHANGES,
): { version: number; bytes: number } | null {
  const changed = rowsChangedSinceSnapshot(db);
  if (changed === 0 || changed < minChangedRows) return null;
  return saveSearchSnapshot(db);
}

/**
 * Checks now (in a later tick) and every ten minutes whether the snapshot should be
 * rewritten. Call once per server process, after warming the index.
 */
export function scheduleSearchSnapshot(
  db: Db,
  options: { intervalMs?: number; onError?: (error: unknown) => void } = {},
): { stop(): void } {
  const run = () => {
    try {
      refreshSearchSnapshot(db);
    } catch (error) {
      options.onError?.(error);
    }
  };
  const first = setImmediate(run);
  const timer = setInterval(run, options.intervalMs ?? CHECK_EVERY_MS);
  timer.unref();
  return {
    stop() {
      clearImmediate(first);
      clearInterval(timer);
    },
  };
}

function latestVersion(db: Db): number {
  return (
    prepared<number>(db, "SELECT coalesce(max(version), 0) FROM listing_search_docs")
      .pluck()
      .get() ?? 0
  );
}
