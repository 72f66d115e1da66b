import { searchedAlternatives, type Phrase, type QueryGroup } from "./query-plan";
import { occurs } from "./tiers";
import type { Postings, WordStore } from "./word-store";

/**
 * Finding the listings a query matches, in memory, with the same meaning as the FTS5
 * expression `ftsMatch` builds (query-plan.ts): a group matches when one of its searched
 * alternatives does; the first alternative (what was typed) needs all its words anywhere
 * in the listing, the others (synonym phrases, typo corrections) their words side by side
 * in one column; a prefix alternative matches every word starting with it. All mode: every
 * group; any mode: at least one, counting how many.
 *
 * The inverted lists come from the doc values (every column's word ids), so this reads a
 * few arrays instead of walking FTS5 doclists row by row through SQLite: at 100,000
 * listings a common word matches 20,000 of them, which FTS5 returned in 5–10 ms and this
 * in well under one.
 */

export interface MatchIndex {
  capacity: number;
  /** Every column's words per listing (SEARCH_COLUMNS order). */
  columnWords: readonly WordStore[];
  wordPostings(): Postings;
  wordId(word: string): number;
  wordsWithPrefix(prefix: string): number[];
  /** Number of distinct words (the size of a mask over word ids). */
  readonly words: readonly string[];
}

/** Scratch counters over every listing id, reused from one query to the next. */
let counts = new Uint8Array(0);
function zeroedCounts(capacity: number): Uint8Array {
  if (counts.length !== capacity) counts = new Uint8Array(capacity);
  else counts.fill(0);
  return counts;
}

let coveredScratch = new Uint8Array(0);
function zeroedCovered(capacity: number): Uint8Array {
  if (coveredScratch.length !== capacity) coveredScratch = new Uint8Array(capacity);
  else coveredScratch.fill(0);
  return coveredScratch;
}

/** Ids of the words a phrase word stands for: itself, or every word starting with it. */
function wordIds(index: MatchIndex, word: string, isPrefix: boolean): number[] {
  if (isPrefix) return index.wordsWithPrefix(word);
  const id = index.wordId(word);
  return id >= 0 ? [id] : [];
}

/** The listings (ascending) having any of these words. */
function union(index: MatchIndex, ids: readonly number[]): Int32Array {
  const postings = index.wordPostings();
  if (ids.length === 0) return new Int32Array(0);
  if (ids.length === 1) return postings.of(ids[0] as number);
  const seen = zeroedCounts(index.capacity);
  let total = 0;
  for (const id of ids) {
    const docs = postings.of(id);
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i] as number;
      if (seen[doc] === 0) {
        seen[doc] = 1;
        total++;
      }
    }
  }
  return collect(seen, 1, total);
}

/** The ids (ascending) whose counter equals `wanted`. */
function collect(seen: Uint8Array, wanted: number, expected: number): Int32Array {
  const out = new Int32Array(expected);
  let next = 0;
  for (let doc = 0; doc < seen.length && next < expected; doc++) {
    if (seen[doc] === wanted) out[next++] = doc;
  }
  return next === expected ? out : out.subarray(0, next);
}

/** The listings (ascending) in every list; lists hold each listing once. */
function intersect(capacity: number, lists: readonly Int32Array[]): Int32Array {
  if (lists.length === 0) return new Int32Array(0);
  if (lists.length === 1) return lists[0] as Int32Array;
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  const smallest = sorted[0] as Int32Array;
  if (smallest.length === 0) return smallest;
  const seen = zeroedCounts(capacity);
  for (let i = 0; i < smallest.length; i++) seen[smallest[i] as number] = 1;
  let level = 1;
  let total = smallest.length;
  for (const list of sorted.slice(1)) {
    total = 0;
    for (let i = 0; i < list.length; i++) {
      const doc = list[i] as number;
      if (seen[doc] === level) {
        seen[doc] = level + 1;
        total++;
      }
    }
    level++;
    if (total === 0) return new Int32Array(0);
  }
  return collect(seen, level, total);
}

/** A mask over word ids per position of a phrase. */
function phraseMasks(index: MatchIndex, phrase: Phrase): Uint8Array[] {
  return phrase.words.map((word, i) => {
    const mask = new Uint8Array(index.words.length);
    for (const id of wordIds(index, word, phrase.prefix && i === phrase.words.length - 1)) {
      mask[id] = 1;
    }
    return mask;
  });
}

/**
 * Listings having an alternative: all its words anywhere (`asWords`) or side by side.
 * Listings already `covered` by another alternative of the group may be left out.
 */
function alternativeDocs(
  index: MatchIndex,
  phrase: Phrase,
  asWords: boolean,
  covered: Uint8Array,
): Int32Array {
  const last = phrase.words.length - 1;
  const perWord = phrase.words.map((word, i) =>
    union(index, wordIds(index, word, phrase.prefix && i === last)),
  );
  const candidates = intersect(index.capacity, perWord);
  if (asWords || phrase.words.length === 1 || candidates.length === 0) return candidates;
  const masks = phraseMasks(index, phrase);
  // Short columns first (category names hold phrases such as "fish sauce" for every
  // listing of the category), the description last.
  const stores = [...index.columnWords].sort((a, b) => a.data.length - b.data.length);
  const kept = new Int32Array(candidates.length);
  let total = 0;
  for (let i = 0; i < candidates.length; i++) {
    const doc = candidates[i] as number;
    if (covered[doc] === 1) continue;
    for (const store of stores) {
      if (doc >= store.start.length) continue;
      const from = store.start[doc] as number;
      const end = from + (store.length[doc] as number);
      if (occurs(store.data, from, end, masks)) {
        kept[total++] = doc;
        break;
      }
    }
  }
  return kept.subarray(0, total);
}

/** Listings matching one group (ascending). */
export function groupDocs(index: MatchIndex, group: QueryGroup): Int32Array {
  const alternatives = searchedAlternatives(group);
  if (alternatives.length === 1) {
    return alternativeDocs(index, alternatives[0] as Phrase, true, new Uint8Array(0));
  }
  // Each alternative adds the listings not covered yet (a phrase is verified only on those).
  const covered = zeroedCovered(index.capacity);
  let total = 0;
  alternatives.forEach((alternative, a) => {
    const docs = alternativeDocs(index, alternative, a === 0, covered);
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i] as number;
      if (covered[doc] === 0) {
        covered[doc] = 1;
        total++;
      }
    }
  });
  return collect(covered, 1, total);
}

/** Listings matching every group (ascending). */
export function matchAll(index: MatchIndex, groups: readonly QueryGroup[]): Int32Array {
  // (Each group's list is a fresh array or an inverted list, never the scratch counters.)
  const lists = groups.map((group) => groupDocs(index, group));
  return intersect(index.capacity, lists);
}

/** Any mode: how many groups each listing matches (0: none), per listing id. */
export function matchAny(index: MatchIndex, groups: readonly QueryGroup[]): Uint8Array {
  const lists = groups.map((group) => groupDocs(index, group));
  const matched = new Uint8Array(index.capacity);
  for (const docs of lists) {
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i] as number;
      matched[doc] = (matched[doc] as number) + 1;
    }
  }
  return matched;
}
