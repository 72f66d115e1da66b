import { prepared, type Db } from "~db/client.server";
import { vocabularyOf, type Vocabulary } from "./typos";
import { foldWord } from "./words";

/**
 * The index's folded words (from the fts5vocab table) for typo tolerance and prefix
 * checks, cached per database. Reading the vocabulary walks the whole index (about
 * 0.2 s at 100,000 listings), so after a change it is re-read at once only while that
 * is cheap, and otherwise at most once a minute: a word new since then can be found
 * exactly or by prefix at once, only its misspellings wait for the next read.
 */

const CHEAP_MS = 25;
const MAX_AGE_MS = 60_000;

interface Cached {
  vocabulary: Vocabulary;
  version: number;
  loadedAt: number;
  costMs: number;
}

const perDatabase = new WeakMap<object, Cached>();

export function vocabularyFor(db: Db, version: number, now = Date.now()): Vocabulary {
  const cached = perDatabase.get(db.$client);
  if (cached) {
    const isCurrent = cached.version === version;
    const mayWait = cached.costMs > CHEAP_MS && now - cached.loadedAt < MAX_AGE_MS;
    if (isCurrent || mayWait) return cached.vocabulary;
  }
  const started = performance.now();
  const rows = prepared<[term: string, doc: number]>(
    db,
    "SELECT term, doc FROM listing_search_vocab",
  )
    .raw()
    .all();
  // The `marked` column adds words with marks; typo tolerance works on folded words only.
  const vocabulary = vocabularyOf(rows.filter(([term]) => foldWord(term) === term));
  perDatabase.set(db.$client, {
    vocabulary,
    version,
    loadedAt: now,
    costMs: performance.now() - started,
  });
  return vocabulary;
}
