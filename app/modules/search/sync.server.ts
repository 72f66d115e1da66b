import { prepared, inTransaction, type Db } from "~db/client.server";
import { listingIdsOfProducer, loadSearchDocuments } from "./documents.server";
import { refreshFtsDocuments } from "./fts-index.server";
import type { SearchEngine } from "./types";

/**
 * Keeping the indexes in step with the catalog, without losing a change.
 *
 * - The embedded index is updated inside the caller's transaction (`indexListing`), so
 *   search never disagrees with a committed catalog.
 * - In that same transaction a `search_outbox` row records the change for an external
 *   engine. `drainSearchOutbox` sends pending rows (re-reading each listing, so the latest
 *   state wins whatever the order of changes) and marks them processed only once the
 *   engine confirmed; while it is unreachable the rows stay and are retried.
 * - `startSearchIndexer` drains right after each commit (indexListing pokes it; the drain
 *   runs on a later tick, after the synchronous transaction has committed) and on a timer.
 */

/** Call inside the transaction that changed a listing (any change: text, price, status…). */
export function indexListing(db: Db, listingId: number): void {
  indexListings(db, [listingId]);
}

/** Several listings at once (a producer suspended, a category renamed…). */
export function indexListings(db: Db, listingIds: readonly number[]): void {
  if (listingIds.length === 0) return;
  inTransaction(db, () => {
    const batch = refreshFtsDocuments(db, listingIds);
    const hidden = new Set(batch.hiddenIds);
    const outbox = prepared(
      db,
      // A listing deleted from the catalog has no row to point at (and nothing to index).
      `INSERT INTO search_outbox (listing_id, operation)
       SELECT id, ? FROM listings WHERE id = ?`,
    );
    for (const id of new Set(listingIds)) outbox.run(hidden.has(id) ? "delete" : "upsert", id);
  });
  pokeIndexer(db);
}

/** Every listing of a producer, after its verification status or name changed. */
export function indexProducerListings(db: Db, producerId: number): void {
  indexListings(db, listingIdsOfProducer(db, producerId));
}

export interface DrainResult {
  /** Outbox rows delivered (or, with no external engine, settled). */
  sent: number;
  /** Rows still waiting. */
  pending: number;
}

const DRAIN_BATCH = 500;
const KEEP_PROCESSED_MS = 86_400_000;

/** Rows not yet delivered. */
export function pendingOutboxCount(db: Db): number {
  return (
    prepared<number>(db, "SELECT count(*) FROM search_outbox WHERE processed_at IS NULL")
      .pluck()
      .get() ?? 0
  );
}

/**
 * Sends pending outbox rows to `engine` in batches; with `engine` null (no external engine
 * configured) the rows are only settled. Throws when the engine fails: the rows of the
 * failed batch stay pending, with the attempt and the error recorded.
 */
export async function drainSearchOutbox(
  db: Db,
  engine: SearchEngine | null,
  now: () => number = Date.now,
): Promise<DrainResult> {
  let sent = 0;
  for (;;) {
    const rows = prepared<[id: number, listingId: number]>(
      db,
      `SELECT id, listing_id FROM search_outbox WHERE processed_at IS NULL ORDER BY id LIMIT ?`,
    )
      .raw()
      .all(DRAIN_BATCH);
    if (rows.length === 0) break;
    const rowIds = JSON.stringify(rows.map(([id]) => id));
    if (engine) {
      const batch = loadSearchDocuments(db, [...new Set(rows.map(([, listingId]) => listingId))]);
      try {
        await engine.upsert(batch.docs);
        await engine.remove(batch.hiddenIds);
      } catch (error) {
        prepared(
          db,
          `UPDATE search_outbox SET attempts = attempts + 1, last_error = ?
           WHERE id IN (SELECT value FROM json_each(?))`,
        ).run(String(error instanceof Error ? error.message : error).slice(0, 500), rowIds);
        throw error;
      }
    }
    prepared(
      db,
      `UPDATE search_outbox SET processed_at = ?, last_error = NULL
       WHERE id IN (SELECT value FROM json_each(?))`,
    ).run(now(), rowIds);
    sent += rows.length;
  }
  prepared(db, "DELETE FROM search_outbox WHERE processed_at < ?").run(now() - KEEP_PROCESSED_MS);
  return { sent, pending: pendingOutboxCount(db) };
}

/** Marks every pending row processed, after a full rebuild of the external engine. */
export function settleOutboxUpTo(db: Db, lastId: number, now = Date.now()): void {
  prepared(
    db,
    "UPDATE search_outbox SET processed_at = ? WHERE processed_at IS NULL AND id <= ?",
  ).run(now, lastId);
}

/** The newest outbox row's id (0 when empty): what a full rebuild settles up to. */
export function lastOutboxId(db: Db): number {
  return prepared<number>(db, "SELECT coalesce(max(id), 0) FROM search_outbox").pluck().get() ?? 0;
}

export interface SearchIndexer {
  /** Drains now (or, if a drain is running, once more right after it). */
  drainNow(): Promise<DrainResult | null>;
  stop(): Promise<void>;
}

interface IndexerOptions {
  intervalMs?: number;
  onError?: (error: unknown) => void;
  onRecovered?: () => void;
}

const indexers = new WeakMap<object, SearchIndexer>();

/** Tells this process's indexer (if any) that a transaction added outbox rows. */
function pokeIndexer(db: Db): void {
  const indexer = indexers.get(db.$client);
  if (!indexer) return;
  // setImmediate runs after the current synchronous transaction has committed.
  setImmediate(() => void indexer.drainNow());
}

/** Starts draining the outbox to `engine` after every change and every `intervalMs`. */
export function startSearchIndexer(
  db: Db,
  engine: SearchEngine | null,
  options: IndexerOptions = {},
): SearchIndexer {
  let running: Promise<DrainResult | null> | null = null;
  let again = false;
  let failing = false;
  let stopped = false;

  const runOnce = async (): Promise<DrainResult | null> => {
    try {
      const result = await drainSearchOutbox(db, engine);
      if (failing) options.onRecovered?.();
      failing = false;
      return result;
    } catch (error) {
      if (!failing) options.onError?.(error);
      failing = true;
      return null;
    }
  };

  const indexer: SearchIndexer = {
    drainNow() {
      if (stopped) return Promise.resolve(null);
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        let result = await runOnce();
        while (again && !stopped) {
          again = false;
          result = await runOnce();
        }
        running = null;
        return result;
      })();
      return running;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      indexers.delete(db.$client);
      await running;
    },
  };
  const timer = setInterval(() => void indexer.drainNow(), options.intervalMs ?? 5_000);
  timer.unref();
  indexers.set(db.$client, indexer);
  void indexer.drainNow();
  return indexer;
}
