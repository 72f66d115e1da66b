import { prepared, type Db } from "~db/client.server";
import type { DocValues } from "~/modules/search/doc-values.server";
import { buildQueryPlan, type QueryGroup } from "~/modules/search/query-plan";
import type { WordStore } from "~/modules/search/word-store";
import { SYNONYM_GROUPS } from "~/modules/search/synonyms";
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
 *   the request's head in its title, tags or category: the first title word the catalog
 *   knows that the description says again (the goods she means, not "nguyên liệu" or "thu
 *   mua"), else the first one the catalog knows.
 * - The description's sentences that speak of the title's words are more clauses, read
 *   from the first word they share with the title and worth a little less: "Cần thực phẩm
 *   khô…" is answered by "…cá khô, tôm khô hoặc ruốc…". They never bring other goods: their
 *   listing must still name the title's head.
 * - A title listing several goods ("đậu đen, đậu xanh") is split at commas; the best clause
 *   counts.
 * - A word found in the title counts fully, in the tags or category names almost, in the
 *   description or the producer's name and place a little.
 * - Vietnamese marks carry meaning ("thô" raw, "thổ" brocade; "dầu" oil, "đậu" bean): a
 *   word typed with marks matches the title, tags and category only with the same marks,
 *   and one whose marks no title or tag has matches only through its synonyms — and only
 *   synonyms written with its marks ("chế" is not "chè", so not "trà").
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
/** How many of the request's first known words (groups) are its head: the goods' name. */
const HEAD_WORDS = 1;
/** Each word weighs this much of the one before it. */
const POSITION_DECAY = 0.7;
/** Where a description's clauses end. */
const DESCRIPTION_BREAK = /[,;.!?\n]/;
/** A clause of the description that repeats a word of the title is worth this much of a title's. */
const DESCRIPTION_CREDIT = 0.7;

export interface RequestWords {
  groups: QueryGroup[];
  /** Per group: its alternatives as word ids (those with a word no listing has left out). */
  alternatives: Int32Array[][];
  /** Per group: the ids of its words typed with marks (empty when typed without). */
  marked: Int32Array[];
  /** Per group: whether it names the goods a listing must name (requestClauses). */
  head: boolean[];
  /** Per group: the share of the listings having it (0 for a word none has). */
  shares: number[];
  /** Per group: inverse document frequency, ln(1 / share of the listings having it), lowered by position. */
  weights: number[];
  total: number;
  /** What the clause's relevance is worth: 1 in the title, DESCRIPTION_CREDIT in the description. */
  credit: number;
}

/**
 * The request's clauses, each as words: "đậu đen, đậu xanh cho bếp" lists two goods, and a
 * listing of either answers it, so each clause is weighed on its own. Clauses without a
 * word (", 60 kg mỗi tháng") are dropped. The description's sentences that speak of the
 * title's words follow, worth DESCRIPTION_CREDIT of a title's clause.
 */
export function requestClauses(values: DocValues, title: string, description = ""): RequestWords[] {
  const titleClauses = title
    .split(CLAUSE_BREAK)
    .map((clause) => requestWords(values, clause, 1))
    .filter((words) => words.groups.length > 0);
  // A sentence of the description speaks of the title's goods from the first word it shares
  // with the title; what comes before is how the buyer says it ("Chuỗi cần nguồn trái cây…").
  const titleTyped = new Set(
    titleClauses.flatMap((clause) => clause.groups.flatMap((group) => group.typed.words)),
  );
  const described = description
    .split(DESCRIPTION_BREAK)
    .map((sentence) =>
      requestWords(values, sentence, DESCRIPTION_CREDIT, (group) =>
        group.typed.words.some((word) => titleTyped.has(word)),
      ),
    )
    .filter((words) => words.groups.length > 0);
  // The title's words the description says again are the goods the buyer means; those said
  // once ("nguyên liệu", "thu mua", "nhập") are how she asks. The head is the first of them.
  const describedIds = wordIdsOf(described, () => true);
  const repeated = (phrases: Int32Array[]) =>
    phrases.some((phrase) => phrase.some((id) => describedIds.has(id)));
  for (const clause of titleClauses) {
    if (clause.alternatives.some(repeated)) clause.head = firstKnown(clause.alternatives, repeated);
  }
  // A listing answers a sentence of the description only if it names the title's goods:
  // the description adds words, never other goods.
  const headIds = wordIdsOf(titleClauses, (clause, g) => clause.head[g] === true);
  for (const sentence of described) {
    sentence.head = sentence.alternatives.map((phrases) =>
      phrases.some((phrase) => phrase.some((id) => headIds.has(id))),
    );
  }
  return [...titleClauses, ...described];
}

/** The word ids of the groups `include` picks, over all clauses. */
function wordIdsOf(
  clauses: readonly RequestWords[],
  include: (clause: RequestWords, group: number) => boolean,
): Set<number> {
  const ids = new Set<number>();
  for (const clause of clauses) {
    clause.alternatives.forEach((phrases, g) => {
      if (include(clause, g)) for (const phrase of phrases) phrase.forEach((id) => ids.add(id));
    });
  }
  return ids;
}

/** Per group: whether it is one of the first HEAD_WORDS groups the catalog knows that pass `counts`. */
function firstKnown(
  alternatives: readonly Int32Array[][],
  counts: (phrases: Int32Array[]) => boolean = () => true,
): boolean[] {
  let known = 0;
  return alternatives.map((phrases) => {
    const isHead = phrases.length > 0 && counts(phrases) && known < HEAD_WORDS;
    if (isHead) known++;
    return isHead;
  });
}

/**
 * A clause's words as search groups (numbers — quantities, sizes, years — left out) and
 * their weights, from the first group `startsAt` accepts.
 */
function requestWords(
  values: DocValues,
  text: string,
  credit: number,
  startsAt: (group: QueryGroup) => boolean = () => true,
): RequestWords {
  // A closing full stop: the last word is a whole word, not a prefix being typed.
  const planned = buildQueryPlan(`${text}.`, "any").groups.filter(
    (group) => !group.typed.words.some((word) => /\d/.test(word)),
  );
  const visible = Math.max(1, values.visibleCount);
  const ids = (words: readonly string[]) => Int32Array.from(words, (word) => values.wordId(word));
  const known = planned.map((group) => {
    const marked = ids(group.marked);
    // Marks no title or tag has: what was typed is another word than the folded one found.
    const typedIsKnown = marked.every((id) => id >= 0);
    const synonymsFit = sameMarksAsASynonym(group);
    const phrases = group.alternatives
      .filter((_, a) => (a > 0 ? synonymsFit : typedIsKnown))
      .map((phrase) => ids(phrase.words))
      .filter((phrase) => phrase.every((id) => id >= 0));
    return { group, marked, phrases };
  });
  const start = known.findIndex((word) => startsAt(word.group));
  const kept = start < 0 ? [] : known.slice(start);
  const groups = kept.map((word) => word.group);
  const marked = kept.map((word) => word.marked);
  const alternatives = kept.map((word) => word.phrases);
  const postings = values.wordPostings();
  // Listings having a phrase: at most as many as have its rarest word.
  const shares = alternatives.map(
    (phrases) =>
      Math.max(
        0,
        ...phrases.map((phrase) => Math.min(...Array.from(phrase, (id) => postings.of(id).length))),
      ) / visible,
  );
  const weights = shares.map((share) => Math.log(1 / Math.max(share, RAREST_SHARE)));
  // The goods come first: Vietnamese names the thing, then what it is for ("nón lá cho lễ
  // tân"). Each later word weighs a little less, and the head is the first few words the
  // catalog knows.
  weights.forEach((weight, g) => (weights[g] = weight * POSITION_DECAY ** g));
  const head = firstKnown(alternatives);
  return {
    groups,
    alternatives,
    marked,
    head,
    shares,
    weights,
    total: weights.reduce((sum, w) => sum + w, 0),
    credit,
  };
}

/**
 * Synonyms are found on folded words, but a word typed with marks is one word: "chế" (to
 * mix) is not "chè" (tea), "chuỗi" (a chain) is not "chuối" (banana). Its synonyms count only
 * when one of the synonym group's phrases is written with the same marks.
 */
function sameMarksAsASynonym(group: QueryGroup): boolean {
  if (group.marked.length === 0 || group.alternatives.length < 2) return true;
  const typed = group.typed.words.join(" ");
  const marks = group.marked.join(" ");
  return SYNONYM_GROUPS.some((synonyms) =>
    synonyms.members.some((member, m) => {
      const folded = synonyms.folded[m] ?? [];
      if (folded.join(" ") !== typed) return false;
      const written = markedWords(member);
      return written.filter((word, w) => word !== folded[w]).join(" ") === marks;
    }),
  );
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
  return { score: (gained / words.total) * words.credit, namesTheGoods };
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
