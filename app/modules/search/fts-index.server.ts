import { prepared, inTransaction, type Db } from "~db/client.server";
import {
  countListings,
  loadSearchDocuments,
  loadSearchDocumentsAfter,
  type DocumentBatch,
} from "./documents.server";
import { saveSearchSnapshot } from "./index-snapshot.server";
import type { ProgressFn, SearchDocument } from "./types";
import { indexText, markedIndexText } from "./words";

/**
 * Writes the embedded index: the words (FTS5 table `listing_search`) and the values to
 * filter, count, sort and rank on (`listing_search_docs`), always together and synchronously,
 * so a caller can update the index inside the transaction that changed the listing.
 */

/** Larger batches write fewer FTS5 segments, so less merging; still short transactions. */
const REBUILD_BATCH = 5000;

const INSERT_WORDS = `INSERT INTO listing_search
  (rowid, title, body, tags, category, producer, commune) VALUES (?, ?, ?, ?, ?, ?, ?)`;
const IS_INDEXED = "SELECT is_visible FROM listing_search_docs WHERE listing_id = ?";
const UPSERT_VALUES = `INSERT OR REPLACE INTO listing_search_docs
  (listing_id, is_visible, category_id, commune, price_vnd, stock, ocop_stars, ocop_expires_on,
   certifications, published_at, title_words, body_words, tags_words, category_words,
   producer_words, commune_words, marked_words, version)
  VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const HIDE_VALUES = `UPDATE listing_search_docs SET is_visible = 0, version = ?
  WHERE listing_id = ? AND is_visible = 1`;
const DELETE_WORDS = "DELETE FROM listing_search WHERE rowid = ?";

/** The next write's version: every process compares it with the one it last read. */
function nextVersion(db: Db): number {
  return (
    prepared<number>(db, "SELECT coalesce(max(version), 0) + 1 FROM listing_search_docs")
      .pluck()
      .get() ?? 1
  );
}

/** Adds or replaces documents and removes hidden listings, in one transaction (or the caller's). */
export function writeFtsDocuments(
  db: Db,
  docs: readonly SearchDocument[],
  hiddenIds: readonly number[] = [],
): void {
  if (docs.length === 0 && hiddenIds.length === 0) return;
  inTransaction(db, () => {
    const version = nextVersion(db);
    const words = prepared(db, INSERT_WORDS);
    const values = prepared(db, UPSERT_VALUES);
    const isIndexed = prepared<number>(db, IS_INDEXED).pluck();
    const deleteWords = prepared(db, DELETE_WORDS);
    const columnsOf = docs.map(
      (doc) =>
        [
          indexText(doc.title),
          indexText(doc.description),
          indexText(...doc.tags),
          repeatedIndexText(doc.categoryNames),
          repeatedIndexText([doc.producerName]),
          repeatedIndexText([doc.commune]),
        ] as const,
    );
    // All FTS5 writes first, then the other table's: FTS5 flushes its pending terms into
    // a new segment whenever another statement opens a savepoint, so interleaving the two
    // tables wrote one tiny segment per listing (a rebuild took 6 s more, then merged them).
    docs.forEach((doc, i) => {
      // Deleting a row that is not there would still cost a tombstone in the FTS5 index.
      if (isIndexed.get(doc.id) === 1) deleteWords.run(doc.id);
      words.run(doc.id, ...(columnsOf[i] as Columns));
    });
    const hide = prepared(db, HIDE_VALUES);
    const hidden = hiddenIds.filter((id) => hide.run(version, id).changes > 0);
    for (const id of hidden) deleteWords.run(id);
    docs.forEach((doc, i) => {
      values.run(
        doc.id,
        doc.categoryId,
        doc.commune,
        doc.priceVnd,
        doc.stock,
        doc.ocopStars,
        doc.ocopExpiresOn,
        JSON.stringify(doc.certifications.map((c) => [c.kind, c.expiresOn])),
        doc.publishedAt,
        ...(columnsOf[i] as Columns),
        markedIndexText(doc.title, ...doc.tags),
        version,
      );
    });
  });
}

type Columns = readonly [string, string, string, string, string, string];

/**
 * The index text of names many listings share (their categories, producer, commune),
 * remembered for the last few hundred names: a rebuild folds each once, not once per listing.
 */
const repeatedTexts = new Map<string, string>();
function repeatedIndexText(names: readonly string[]): string {
  const key = names.join("\u0000");
  let text = repeatedTexts.get(key);
  if (text === undefined) {
    text = indexText(...names);
    if (repeatedTexts.size >= 2000) repeatedTexts.clear();
    repeatedTexts.set(key, text);
  }
  return text;
}

/** Removes listings from the embedded index. */
export function removeFtsDocuments(db: Db, ids: readonly number[]): void {
  writeFtsDocuments(db, [], ids);
}

/** Re-reads these listings from the catalog and updates the embedded index. */
export function refreshFtsDocuments(db: Db, ids: readonly number[]): DocumentBatch {
  const batch = loadSearchDocuments(db, ids);
  writeFtsDocuments(db, batch.docs, batch.hiddenIds);
  return batch;
}

/**
 * Rebuilds the embedded index from the catalog in batches of 5,000 listings, each in its
 * own transaction so a running server keeps writing meanwhile; the index stays complete
 * during the rebuild (rows are replaced, never emptied first). Returns how many listings
 * are searchable. The seed calls it once the demo catalog is in. Ends by writing the
 * in-memory index's snapshot (index-snapshot.server.ts), so the next start loads it in one
 * read; not inside a caller's transaction (the seed's), where the server writes it later.
 */
export function rebuildFtsIndex(db: Db, onProgress?: ProgressFn): { indexed: number } {
  const total = countListings(db);
  let afterId = 0;
  let done = 0;
  let indexed = 0;
  onProgress?.(0, total);
  // Each batch adds an FTS5 segment; merging them as they come would rewrite the index
  // over and over. Merge once, at the end ('optimize'), and restore the defaults after.
  // (Literal values: FTS5 refuses these settings as bound REALs, which JS numbers bind as.)
  const setting = (name: "automerge" | "crisismerge", value: number) =>
    db.$client.exec(
      `INSERT INTO listing_search(listing_search, rank) VALUES ('${name}', ${Math.trunc(value)})`,
    );
  setting("automerge", 0);
  setting("crisismerge", 1000);
  try {
    for (;;) {
      const batch = loadSearchDocumentsAfter(db, afterId, REBUILD_BATCH);
      if (batch.lastId === null) break;
      writeFtsDocuments(db, batch.docs, batch.hiddenIds);
      afterId = batch.lastId;
      done += batch.docs.length + batch.hiddenIds.length;
      indexed += batch.docs.length;
      onProgress?.(Math.min(done, total), total);
    }
  } finally {
    setting("automerge", 4);
    setting("crisismerge", 16);
  }
  inTransaction(db, () => {
    // Listings deleted from the catalog since they were indexed.
    const gone = prepared<number>(
      db,
      `SELECT listing_id FROM listing_search_docs
       WHERE is_visible = 1 AND listing_id NOT IN (SELECT id FROM listings)`,
    )
      .pluck()
      .all();
    removeFtsDocuments(db, gone);
    // Merge the index segments written batch by batch: fewer, larger segments read faster.
    db.$client.exec("INSERT INTO listing_search(listing_search) VALUES ('optimize')");
  });
  saveSearchSnapshot(db);
  return { indexed };
}
