import type { Db } from "~db/client.server";
import { dayNumber, vietnamToday } from "~/lib/dates";
import { runningCampaignListingIds } from "./campaign-filter.server";
import { docValuesFor, type DocValues } from "./doc-values.server";
import { compileFilter, countFacets, loadCategoryTree, passes } from "./fts-filters.server";
import { rebuildFtsIndex, removeFtsDocuments, writeFtsDocuments } from "./fts-index.server";
import { loadHits } from "./hits.server";
import { bm25Of, scoredPhrases, type Occurrences } from "./bm25";
import { matchAll, matchAny } from "./match";
import { resolveIntent } from "./intent.server";
import { buildQueryPlan, correctedText, withTypoCorrections, type QueryGroup } from "./query-plan";
import { spellingFor } from "./spelling.server";
import { topPositions } from "./ranking";
import { IdMarks } from "./sorted-lists";
import { PRICE_RANGES } from "./price-ranges";
import {
  compileTiers,
  GROUP_BITS,
  idsOf,
  MARKS_SHIFT,
  occurs,
  occursAt,
  occurrencesIn,
  phraseMasks,
  titleMatches,
  WHOLE_SHIFT,
} from "./tiers";
import {
  emptyFacets,
  type ProgressFn,
  type SearchDocument,
  type SearchFacets,
  type SearchEngine,
  type SearchQuery,
  type SearchResult,
} from "./types";
import type { Vocabulary } from "./typos";
import type { WordStore } from "./word-store";
import { vocabularyOfIndex } from "./vocabulary.server";

/**
 * The embedded engine: the words of every listing are stored in SQLite (the FTS5 table
 * `listing_search`, whose vocabulary serves typo tolerance, and `listing_search_docs`),
 * and mirrored in this process's memory (doc values) with an inverted list per word, where
 * matching (match.ts, the same meaning as the FTS5 expression of query-plan.ts), filters,
 * facets and ordering run. Relevance is a sequence of tiers, then bm25:
 *   a typed product code's listing → in stock → words matched (any mode) → words typed with
 *   marks found with those marks (title and tags) → all of them whole words in the title →
 *   the typed words side by side in the title → the title starting with them → all of them
 *   in the title → bm25 (title weighted highest) → newest.
 * The tiers and bm25 are computed in memory (tiers.ts, bm25.ts) on the words of each
 * listing kept in the doc values. bm25 is computed
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

/**
 * Runs a query on the embedded index (synchronous: SQLite and memory only). Product codes
 * and OCOP words are read first (intent.server.ts): a typed code's listing comes first.
 */
export function searchFts(db: Db, typedQuery: SearchQuery): SearchResult {
  const started = performance.now();
  const values = docValuesFor(db);
  const { query, pinnedIds, taken } = resolveIntent(db, typedQuery);
  let correctedQuery: string | undefined;
  const todayIso = query.today ?? vietnamToday();
  const today = dayNumber(todayIso);
  const tree = loadCategoryTree(db);
  const campaignIds = query.campaign
    ? runningCampaignListingIds(db, query.campaign, todayIso)
    : null;
  const filter = compileFilter(query, values, tree, today, campaignIds);
  const result = (
    total: number,
    ids: number[],
    counted: { facets: SearchFacets; priceRanges: number[] } = {
      facets: emptyFacets(),
      priceRanges: PRICE_RANGES.map(() => 0),
    },
  ): SearchResult => ({
    total,
    page: query.page,
    perPage: query.perPage,
    hits: loadHits(db, ids, todayIso),
    facets: counted.facets,
    priceRanges: counted.priceRanges,
    engine: "fts",
    tookMs: Math.round((performance.now() - started) * 10) / 10,
    ...(correctedQuery === undefined ? {} : { correctedQuery }),
  });

  let plan = buildQueryPlan(query.q, query.matchMode);
  if (filter === null || plan.onlyStopWords) return result(0, []);
  const vocabulary = vocabularyOfIndex(values);
  if (plan.groups.length > 0) plan = withTypoCorrections(plan, vocabulary);
  const groups = plan.groups;
  const corrected = correctedText(groups, spellingFor(values));
  if (corrected !== null) correctedQuery = [corrected, ...taken].join(" ");
  const pinned = pinnedIds.filter((id) => id < values.capacity && values.visible[id] === 1);

  // 1. Candidates: the matching ids (and, in any mode, how many words each matched).
  let candidates: Int32Array;
  let wordsMatched: Uint8Array | null = null;
  if (groups.length === 0) {
    candidates = pinned.length > 0 ? Int32Array.from(pinned) : values.visibleIds();
  } else if (plan.mode === "all") {
    candidates = matchAll(values, groups);
  } else {
    wordsMatched = matchAny(values, groups);
    const ids: number[] = [];
    for (let id = 0; id < wordsMatched.length; id++) if (wordsMatched[id]) ids.push(id);
    candidates = Int32Array.from(ids);
  }
  if (groups.length > 0 && pinned.length > 0) {
    const matched = new Set(candidates);
    const extra = pinned.filter((id) => !matched.has(id));
    if (extra.length > 0) candidates = Int32Array.from([...candidates, ...extra]);
  }

  // 2. Filters, total and facets.
  const kept = scratchInts(candidates.length);
  let total = 0;
  const capacity = values.capacity;
  for (let i = 0; i < candidates.length; i++) {
    const id = candidates[i] as number;
    if (id < capacity && passes(filter, id)) kept[total++] = id;
  }
  const rows = kept.subarray(0, total);
  const counted = query.facets === false ? undefined : countFacets(rows, values, tree, today);

  // 3. The requested page.
  const offset = (query.page - 1) * query.perPage;
  const pageEnd = Math.min(offset + query.perPage, total);
  if (offset >= total) return result(total, [], counted);
  const ordered =
    query.sort === "relevance" && groups.length > 0
      ? orderByRelevance(values, rows, vocabulary, {
          groups,
          mode: plan.mode,
          wordsMatched,
          pageEnd,
          pinned,
        })
      : orderBySortKey(values, rows, query.sort, pageEnd, pinned);
  return result(total, ordered.slice(offset, pageEnd), counted);
}

/** A typed code's listing first, then in stock, then price, or newest (also the order without words). */
function orderBySortKey(
  values: DocValues,
  rows: Int32Array,
  sort: SearchQuery["sort"],
  pageEnd: number,
  pinned: readonly number[],
): number[] {
  const keys = scratchFloats(0, rows.length);
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
    if (pinned.length > 0 && pinned.includes(id)) keys[i] = (keys[i] ?? 0) + 2 ** 43;
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
    pinned: readonly number[];
  },
): number[] {
  const { groups, mode, wordsMatched, pageEnd, pinned } = options;
  const compiled = compileTiers(groups, values);
  const titles = values.titleWords;
  const pairs = values.titlePairs();
  const lists = { ...values.titlePostings(), pairs };
  const packed = titleMatches(compiled, lists, titles, rows, values.capacity);
  const tiers = scratchFloats(0, rows.length);
  const keys = scratchFloats(1, rows.length);
  // The tier loop runs for every match (tens of thousands): everything it reads is hoisted.
  const inStock = values.inStock;
  const publishedAt = values.publishedAt;
  const allGroups = compiled.allGroups;
  const isAll = mode === "all";
  const titleData = titles.data;
  const titleStart = titles.start;
  const titleLength = titles.length;
  const typed = compiled.typed;
  const isMultiWord = compiled.isMultiWord;
  const firstWords = values.titleFirstWords();
  const secondWords = values.titleSecondWords();
  const typedFirst = typed[0] ?? new Uint8Array(0);
  const typedSecond = typed[1] ?? new Uint8Array(0);
  const spanGroups = compiled.spanGroups;
  // The titles having the typed words side by side, from the lists of title word pairs:
  // exactly those for two words; for more, the titles to check word by word.
  if (isMultiWord) adjacentTitles.mark(pairs.phraseDocs(typed.map(idsOf)));
  const isPairExact = typed.length === 2;
  for (let i = 0; i < rows.length; i++) {
    const id = rows[i] as number;
    const title = packed[id] as number;
    let tier = (inStock[id] as number) * 4096 + (title >>> MARKS_SHIFT) * 16;
    if (wordsMatched !== null) tier += Math.min(wordsMatched[id] as number, 15) * 256;
    const bits = title & GROUP_BITS;
    if (isAll ? (bits & allGroups) === allGroups : bits !== 0) {
      // The title holds every group (any mode: one): does it start with, or hold, the words as typed?
      // The first two words from their own arrays; the title's words only for three or more.
      const firstFits = typedFirst[firstWords[id] as number] === 1;
      let startsWith = firstFits && !isMultiWord;
      let adjacent = false;
      if (isMultiWord && adjacentTitles.has(id)) {
        if (isPairExact) {
          adjacent = true;
          startsWith = firstFits && typedSecond[secondWords[id] as number] === 1;
        } else {
          const from = titleStart[id] as number;
          const end = from + (titleLength[id] as number);
          adjacent = occurs(titleData, from, end, typed);
          startsWith = adjacent && firstFits && occursAt(titleData, from, end, typed);
        }
      }
      // Whole words in the title rank above the start of longer ones ("trà" above "tranh"):
      // what buyers type (all mode); any mode ranks by the number of words matched.
      const whole = (title >> WHOLE_SHIFT) & GROUP_BITS;
      const isWhole = isAll && ((whole | (bits & spanGroups)) & allGroups) === allGroups;
      tier += (isWhole ? 8 : 0) + (adjacent ? 4 : 0) + (startsWith ? 2 : 1);
    }
    if (pinned.length > 0 && pinned.includes(id)) tier += 65536;
    tiers[i] = tier;
    keys[i] = tier * 2 ** 32 + (publishedAt[id] as number);
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
  // bm25 on the words' ids (a phrase as masks over the dictionary, as the tiers read titles):
  // turning each listing's words back into text cost more than the scoring.
  const masks = phrases.map(({ phrase }) => phraseMasks(phrase, values));
  const stores = values.columnWords;
  const lengths = stores.map(() => 0);
  const scores = new Map<number, number>();
  for (const i of window) {
    const id = rows[i] ?? 0;
    stores.forEach((store, c) => (lengths[c] = store.length[id] ?? 0));
    const occurrencesOf: Occurrences = (p, c) => {
      const store = stores[c] as WordStore;
      const from = store.start[id] ?? 0;
      return occurrencesIn(store.data, from, from + (lengths[c] ?? 0), masks[p] ?? []);
    };
    scores.set(i, bm25Of(phrases, lengths, occurrencesOf, BM25_WEIGHTS, averageLength));
  }
  window.sort(
    (a, b) =>
      (tiers[b] ?? 0) - (tiers[a] ?? 0) ||
      (scores.get(b) ?? 0) - (scores.get(a) ?? 0) ||
      (keys[b] ?? 0) - (keys[a] ?? 0) ||
      (rows[b] ?? 0) - (rows[a] ?? 0),
  );
  return window.map((i) => rows[i] ?? 0);
}

/** The titles having the typed words side by side (reused from one search to the next). */
const adjacentTitles = new IdMarks();

let intScratch = new Int32Array(0);
/** The filtered ids' buffer, reused (the caller reads it before the next search). */
function scratchInts(length: number): Int32Array {
  if (intScratch.length < length)
    intScratch = new Int32Array(Math.max(length, Math.ceil(intScratch.length * 1.5)));
  return intScratch;
}

/**
 * Per-row work arrays reused from one search to the next (a search runs synchronously, so
 * one set per process is enough): allocating tens of thousands of doubles per query keeps
 * the garbage collector busy for nothing.
 */
const floatScratch: Float64Array[] = [];
function scratchFloats(slot: number, length: number): Float64Array {
  let buffer = floatScratch[slot];
  if (!buffer || buffer.length < length) {
    buffer = new Float64Array(Math.max(length, Math.ceil((buffer?.length ?? 0) * 1.5), 1024));
    floatScratch[slot] = buffer;
  }
  return buffer.subarray(0, length);
}
