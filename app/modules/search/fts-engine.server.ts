import type { Db } from "~db/client.server";
import { dayNumber, vietnamToday } from "./dates";
import { docValuesFor, type DocValues } from "./doc-values.server";
import { compileFilter, countFacets, loadCategoryTree } from "./fts-filters.server";
import { rebuildFtsIndex, removeFtsDocuments, writeFtsDocuments } from "./fts-index.server";
import { loadHits } from "./hits.server";
import { bm25Score, scoredPhrases } from "./bm25";
import { buildQueryPlan, ftsMatch, withTypoCorrections, type QueryGroup } from "./query-plan";
import { parseIdList, topPositions } from "./ranking";
import { prepared } from "./sql.server";
import { compileTiers, titleMatches, titleTier } from "./tiers";
import {
  emptyFacets,
  type ProgressFn,
  type SearchDocument,
  type SearchEngine,
  type SearchQuery,
  type SearchResult,
} from "./types";
import type { Vocabulary } from "./typos";
import { vocabularyFor } from "./vocabulary.server";

/**
 * The embedded engine: SQLite FTS5 finds the matching listings (one pass, ids only), the
 * in-memory doc values filter, count and order them. Relevance is a sequence of tiers,
 * then bm25:
 *   in stock → words matched (any mode) → words typed with marks found with those marks
 *   (title and tags) → the typed words side by side in the title → the title starting with
 *   them → all of them in the title → bm25 (title weighted highest) → newest.
 * The tiers and bm25 are computed in memory (tiers.ts, bm25.ts) on the words of each
 * listing kept in the doc values; FTS5 runs once per query, for the ids. bm25 is computed
 * for the tiers the requested page falls in, capped at RESCORE_WINDOW rows (beyond the
 * cap, equal tiers are ordered newest first), like Elasticsearch's rescoring window.
 */

/** bm25 is computed for at most this many rows (more if the requested page is deeper). */
const RESCORE_WINDOW = 100;
/** bm25 weights of title, body, tags, category, producer, commune (SEARCH_COLUMNS order). */
const BM25_WEIGHTS = [10, 1, 5, 3, 2, 2] as const;

export class FtsEngine implements SearchEngine {
  readonly name = "fts" as const;
  constructor(private readonly db: Db) {}

  async search(query: SearchQuery): Promise<SearchResult> {
    return searchFts(this.db, query);
  }
  async upsert(docs: SearchDocument[]): Promise<void> {
    writeFtsDocuments(this.db, docs);
  }
  async remove(ids: number[]): Promise<void> {
    removeFtsDocuments(this.db, ids);
  }
  async rebuild(progress?: ProgressFn): Promise<{ indexed: number }> {
    return rebuildFtsIndex(this.db, progress);
  }
  /** The FTS5 settings are the migration (tokenizer, prefixes) and this file (weights). */
  async applySettings(): Promise<void> {}
}

/** Runs a query on the embedded index (synchronous: SQLite and memory only). */
export function searchFts(db: Db, query: SearchQuery): SearchResult {
  const started = performance.now();
  const values = docValuesFor(db);
  const todayIso = query.today ?? vietnamToday();
  const today = dayNumber(todayIso);
  const tree = loadCategoryTree(db);
  const filter = compileFilter(query, values, tree, today);
  const result = (total: number, ids: number[], facets = emptyFacets()): SearchResult => ({
    total,
    page: query.page,
    perPage: query.perPage,
    hits: loadHits(db, ids, todayIso),
    facets,
    engine: "fts",
    tookMs: Math.round((performance.now() - started) * 10) / 10,
  });

  let plan = buildQueryPlan(query.q, query.matchMode);
  if (filter === null || plan.onlyStopWords) return result(0, []);
  const vocabulary = vocabularyFor(db, values.version);
  if (plan.groups.length > 0) plan = withTypoCorrections(plan, vocabulary);
  const groups = plan.groups;

  // 1. Candidates: the matching ids (and, in any mode, how many words each matched).
  let candidates: Int32Array;
  let wordsMatched: Uint8Array | null = null;
  if (groups.length === 0) {
    candidates = values.visibleIds();
  } else if (plan.mode === "all") {
    candidates = matchIds(db, ftsMatch(groups, "all"));
  } else {
    wordsMatched = new Uint8Array(values.capacity);
    for (const group of groups) {
      for (const id of matchIds(db, ftsMatch([group], "any"))) {
        if (id < values.capacity) wordsMatched[id] = (wordsMatched[id] ?? 0) + 1;
      }
    }
    const ids: number[] = [];
    for (let id = 0; id < wordsMatched.length; id++) if (wordsMatched[id]) ids.push(id);
    candidates = Int32Array.from(ids);
  }

  // 2. Filters, total and facets.
  const kept = new Int32Array(candidates.length);
  let total = 0;
  const capacity = values.capacity;
  for (let i = 0; i < candidates.length; i++) {
    const id = candidates[i] as number;
    if (id < capacity && filter(id)) kept[total++] = id;
  }
  const rows = kept.subarray(0, total);
  const facets = countFacets(rows, values, tree, today);

  // 3. The requested page.
  const offset = (query.page - 1) * query.perPage;
  const pageEnd = Math.min(offset + query.perPage, total);
  if (offset >= total) return result(total, [], facets);
  const ordered =
    query.sort === "relevance" && groups.length > 0
      ? orderByRelevance(values, rows, vocabulary, {
          groups,
          mode: plan.mode,
          wordsMatched,
          pageEnd,
        })
      : orderBySortKey(values, rows, query.sort, pageEnd);
  return result(total, ordered.slice(offset, pageEnd), facets);
}

/** Ids of the rows matching an FTS5 expression built by query-plan.ts. */
function matchIds(db: Db, match: string): Int32Array {
  const list = prepared(
    db,
    "SELECT group_concat(rowid) FROM listing_search WHERE listing_search MATCH ?",
  )
    .pluck()
    .get(match) as string | null;
  return parseIdList(list);
}

/** In stock first, then price, or newest (also the order without words). */
function orderBySortKey(
  values: DocValues,
  rows: Int32Array,
  sort: SearchQuery["sort"],
  pageEnd: number,
): number[] {
  const keys = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const id = rows[i] ?? 0;
    const stock = (values.inStock[id] ?? 0) * 2 ** 42;
    const price = values.price[id] ?? 0;
    keys[i] =
      sort === "price_asc"
        ? stock + (2 ** 41 - price)
        : sort === "price_desc"
          ? stock + price
          : stock + (values.publishedAt[id] ?? 0);
  }
  return topPositions(keys, rows, pageEnd).map((i) => rows[i] ?? 0);
}

function orderByRelevance(
  values: DocValues,
  rows: Int32Array,
  vocabulary: Vocabulary,
  options: {
    groups: QueryGroup[];
    mode: SearchQuery["matchMode"];
    wordsMatched: Uint8Array | null;
    pageEnd: number;
  },
): number[] {
  const { groups, mode, wordsMatched, pageEnd } = options;
  const compiled = compileTiers(groups, values);
  const matches = titleMatches(
    compiled,
    values.titlePostings(),
    values.titleWords,
    rows,
    values.capacity,
  );
  const tiers = new Float64Array(rows.length);
  const keys = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const id = rows[i] ?? 0;
    const tier =
      (values.inStock[id] ?? 0) * 2 ** 12 +
      Math.min(wordsMatched?.[id] ?? 0, 15) * 2 ** 8 +
      titleTier(compiled, matches, values.titleWords, id, mode);
    tiers[i] = tier;
    keys[i] = tier * 2 ** 32 + (values.publishedAt[id] ?? 0);
  }

  // The rescoring window: every row in the tiers the page reaches, up to the cap (or the
  // page, if deeper). `top` is best first, so those rows are a prefix of it.
  const top = topPositions(keys, rows, Math.max(pageEnd, RESCORE_WINDOW));
  const boundary = tiers[top[pageEnd - 1] ?? 0] ?? 0;
  let windowSize = pageEnd;
  while (windowSize < top.length && (tiers[top[windowSize] ?? 0] ?? 0) >= boundary) windowSize++;
  const window = top.slice(0, windowSize);

  const phrases = scoredPhrases(groups, vocabulary, values.visibleCount);
  const averageLength = values.totalLength / Math.max(1, values.visibleCount);
  const scores = new Float64Array(rows.length);
  for (const i of window) {
    scores[i] = bm25Score(phrases, values.columnTexts(rows[i] ?? 0), BM25_WEIGHTS, averageLength);
  }
  window.sort(
    (a, b) =>
      (tiers[b] ?? 0) - (tiers[a] ?? 0) ||
      (scores[b] ?? 0) - (scores[a] ?? 0) ||
      (keys[b] ?? 0) - (keys[a] ?? 0) ||
      (rows[b] ?? 0) - (rows[a] ?? 0),
  );
  return window.map((i) => rows[i] ?? 0);
}
