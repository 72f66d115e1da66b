import { prepared, type Db } from "~db/client.server";
import type { DocValues } from "~/modules/search/doc-values.server";
import { buildQueryPlan, type QueryGroup } from "~/modules/search/query-plan";
import type { WordStore } from "~/modules/search/word-store";
import { markedWords } from "~/modules/search/words";

/**
 * How well a listing's words answer a request's words, from 0 to 1, computed on the
 * search index's own words (folded, stop words dropped, shared synonyms as alternatives).
 *
 * - Every word of the request weighs its inverse document frequency in the catalog,
 *   ln(1 / share): a word most listings have ("sạch", "tươi") counts little, a word few
 *   have ("tiêu", "mắm") a lot, and a word no title or tag has the most — the request asks
 *   for something the catalog does not say it sells. What is generic is learnt from the
 *   catalog, not from a word list.
 * - The goods come first: Vietnamese names the thing, then what it is for ("nón lá cho lễ
 *   tân"), so each word weighs POSITION_DECAY of the one before, and a listing must have
 *   one of the first HEAD_WORDS words the catalog knows in its title, tags or category.
 * - A title listing several goods ("đậu đen, đậu xanh") is split at commas; the best clause
 *   counts.
 * - A word found in the title counts fully, in the tags or category names almost, in the
 *   description or the producer's name and place a little.
 * - Vietnamese marks carry meaning ("thô" raw, "thổ" brocade; "dầu" oil, "đậu" bean): a
 *   word typed with marks matches the title, tags and category only with the same marks,
 *   and one whose marks no title or tag has matches only through its synonyms.
 */

/** Credit of a word found in each column (SEARCH_COLUMNS order). */
const COLUMN_CREDIT = [1, 0.35, 0.9, 0.8, 0.3, 0.3] as const;
const TITLE = 0;
const TAGS = 2;
const CATEGORY = 3;
/**
 * A word in fewer than this share of the listings is as telling as a word in none: weights
 * depend on shares, not counts, so a catalog ten times larger ranks alike.
 */
const RAREST_SHARE = 0.001;
/** A head word names the goods when found in the title, tags or category. */
const NAMING_CREDIT = 0.8;
/** Where a request's title lists several goods. */
const CLAUSE_BREAK = /[,;]/;
/** How many of the request's first known words (groups) are its head. */
const HEAD_WORDS = 2;
/** Each word weighs this much of the one before it. */
const POSITION_DECAY = 0.7;

export interface RequestWords {
  groups: QueryGroup[];
  /** Per group: its alternatives as word ids (those with a word no listing has left out). */
  alternatives: Int32Array[][];
  /** Per group: the ids of its words typed with marks (empty when typed without). */
  marked: Int32Array[];
  /** Per group: whether it is one of the first HEAD_WORDS groups the catalog knows. */
  head: boolean[];
  /** Per group: inverse document frequency, ln(1 / share of the listings having it), lowered by position. */
  weights: number[];
  total: number;
}

/**
 * The request's clauses, each as words: "đậu đen, đậu xanh cho bếp" lists two goods, and a
 * listing of either answers it, so each clause is weighed on its own. Clauses without a
 * word (", 60 kg mỗi tháng") are dropped.
 */
export function requestClauses(values: DocValues, text: string): RequestWords[] {
  return text
    .split(CLAUSE_BREAK)
    .map((clause) => requestWords(values, clause))
    .filter((words) => words.groups.length > 0);
}

/** A clause's words as search groups (numbers — quantities, sizes, years — left out) and their weights. */
function requestWords(values: DocValues, text: string): RequestWords {
  // A closing full stop: the last word is a whole word, not a prefix being typed.
  const groups = buildQueryPlan(`${text}.`, "any").groups.filter(
    (group) => !group.typed.words.some((word) => /\d/.test(word)),
  );
  const visible = Math.max(1, values.visibleCount);
  const ids = (words: readonly string[]) => Int32Array.from(words, (word) => values.wordId(word));
  const marked = groups.map((group) => ids(group.marked));
  const alternatives = groups.map((group, g) => {
    // Marks no title or tag has: what was typed is another word than the folded one found.
    const typedIsKnown = (marked[g] ?? []).every((id) => id >= 0);
    return group.alternatives
      .filter((_, a) => a > 0 || typedIsKnown)
      .map((phrase) => ids(phrase.words))
      .filter((phrase) => phrase.every((id) => id >= 0));
  });
  const postings = values.wordPostings();
  const weights = alternatives.map((phrases) => {
    // Listings having a phrase: at most as many as have its rarest word.
    const frequency = Math.max(
      0,
      ...phrases.map((phrase) => Math.min(...Array.from(phrase, (id) => postings.of(id).length))),
    );
    return Math.log(1 / Math.max(frequency / visible, RAREST_SHARE));
  });
  // The goods come first: Vietnamese names the thing, then what it is for ("nón lá cho lễ
  // tân"). Each later word weighs a little less, and the head is the first few words the
  // catalog knows.
  weights.forEach((weight, g) => (weights[g] = weight * POSITION_DECAY ** g));
  const head: boolean[] = [];
  let known = 0;
  for (const phrases of alternatives) {
    head.push(phrases.length > 0 && known < HEAD_WORDS);
    if (phrases.length > 0) known++;
  }
  return {
    groups,
    alternatives,
    marked,
    head,
    weights,
    total: weights.reduce((sum, w) => sum + w, 0),
  };
}

/** Category id → the ids of the marked words of its names (Vietnamese and English) and its parents'. */
export type CategoryWords = Map<number, Set<number>>;

/** The marked words of every category's names, with its parents' (categories are few). */
export function categoryWords(db: Db, values: DocValues): CategoryWords {
  const rows = prepared<{ id: number; parent_id: number | null; name_vi: string; name_en: string }>(
    db,
    "SELECT id, parent_id, name_vi, name_en FROM categories",
  ).all();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const result: CategoryWords = new Map();
  for (const row of rows) {
    const words = new Set<number>();
    const seen = new Set<number>();
    for (let node = byId.get(row.id); node && !seen.has(node.id);) {
      seen.add(node.id);
      for (const word of markedWords(`${node.name_vi} ${node.name_en}`)) {
        words.add(values.wordId(word));
      }
      node = node.parent_id === null ? undefined : byId.get(node.parent_id);
    }
    result.set(row.id, words);
  }
  return result;
}

export interface Relevance {
  /** 0…1: the weighted share of the request's words the listing has. */
  score: number;
  /** Whether one of the request's head words is in the listing's title, tags or category. */
  namesTheGoods: boolean;
}

/** The relevance of one listing to the best of the request's clauses that names its goods. */
export function relevanceOf(
  values: DocValues,
  clauses: readonly RequestWords[],
  categories: CategoryWords,
  listingId: number,
): Relevance {
  let best: Relevance = { score: 0, namesTheGoods: false };
  for (const words of clauses) {
    const relevance = clauseRelevance(values, words, categories, listingId);
    if (relevance.namesTheGoods && (!best.namesTheGoods || relevance.score > best.score)) {
      best = relevance;
    }
  }
  return best;
}

function clauseRelevance(
  values: DocValues,
  words: RequestWords,
  categories: CategoryWords,
  listingId: number,
): Relevance {
  if (words.total === 0) return { score: 0, namesTheGoods: false };
  const categoryMarked = categories.get(values.categoryId[listingId] ?? -1);
  let gained = 0;
  let namesTheGoods = false;
  words.alternatives.forEach((phrases, g) => {
    const marked = words.marked[g] ?? new Int32Array(0);
    let credit = 0;
    values.columnWords.forEach((store, c) => {
      const columnCredit = COLUMN_CREDIT[c] ?? 0;
      if (columnCredit <= credit) return;
      const found = phrases.some((phrase, a) => {
        if (!contains(store, listingId, phrase)) return false;
        // Synonyms are other words: their marks are not the typed ones.
        if (a > 0 || marked.length === 0) return true;
        if (c === TITLE || c === TAGS) {
          return marked.every((id) => contains(values.markedWords, listingId, [id]));
        }
        if (c === CATEGORY) return marked.every((id) => categoryMarked?.has(id) ?? false);
        return true;
      });
      if (found) credit = columnCredit;
    });
    if (credit >= NAMING_CREDIT && words.head[g]) namesTheGoods = true;
    gained += credit * (words.weights[g] ?? 0);
  });
  return { score: gained / words.total, namesTheGoods };
}

/** Whether a listing's words in one store hold the phrase's word ids side by side. */
function contains(store: WordStore, id: number, phrase: ArrayLike<number>): boolean {
  const from = store.start[id] ?? 0;
  const end = from + (store.length[id] ?? 0) - phrase.length;
  const first = phrase[0];
  for (let i = from; i <= end; i++) {
    if (store.data[i] !== first) continue;
    let k = 1;
    while (k < phrase.length && store.data[i + k] === phrase[k]) k++;
    if (k === phrase.length) return true;
  }
  return false;
}
