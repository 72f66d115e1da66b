import { searchedAlternatives, type Phrase, type QueryGroup } from "./query-plan";
import { IdMarks, intersectionOf, unionOf, type Union } from "./sorted-lists";
import { occurs } from "./tiers";
import type { Postings, WordStore } from "./word-store";

/**
 * Finding the listings a query matches, in memory, with the same meaning as the FTS5
 * expression `ftsMatch` builds (query-plan.ts), except that a word a listing has only in an
 * umbrella parent category's name does not count (umbrella-words.server.ts, as Meilisearch
 * is sent only the other names): a group matches when one of its searched
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
  /** What each word matches (umbrella parents' names left out). */
  matchingPostings(): Postings;
  wordId(word: string): number;
  wordsWithPrefix(prefix: string): number[];
  /** Number of distinct words (the size of a mask over word ids). */
  readonly words: readonly string[];
}

/** Ids of the words a phrase word stands for: itself, or every word starting with it. */
function wordIds(index: MatchIndex, word: string, isPrefix: boolean): number[] {
  if (isPrefix) return index.wordsWithPrefix(word);
  const id = index.wordId(word);
  return id >= 0 ? [id] : [];
}

/** Per word of the phrase, the listings having it (a prefix last word: any word it starts). */
function wordUnions(index: MatchIndex, postings: Postings, phrase: Phrase): Union[] {
  const last = phrase.words.length - 1;
  return phrase.words.map((word, i) =>
    wordIds(index, word, phrase.prefix && i === last).map((id) => postings.of(id)),
  );
}

/**
 * The listings (ascending) having every word of the phrase anywhere, read from `postings`;
 * only those of `within` (ascending) when given.
 */
export function phraseWordsDocs(
  index: MatchIndex,
  postings: Postings,
  phrase: Phrase,
  within?: Int32Array,
): Int32Array {
  const unions = wordUnions(index, postings, phrase);
  return intersectionOf(within ? [...unions, [within]] : unions);
}

/** The same as a union: a one-word phrase's lists are left unmerged. */
function phraseWordsUnion(index: MatchIndex, postings: Postings, phrase: Phrase): Union {
  const unions = wordUnions(index, postings, phrase);
  return unions.length === 1 ? (unions[0] as Union) : [intersectionOf(unions)];
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

/** Those of `candidates` (ascending) having the phrase's words side by side in one column. */
function sideBySide(index: MatchIndex, phrase: Phrase, candidates: Int32Array): Int32Array {
  if (candidates.length === 0) return candidates;
  const masks = phraseMasks(index, phrase);
  // Short columns first (category names hold phrases such as "fish sauce" for every
  // listing of the category), the description last.
  const stores = [...index.columnWords].sort((a, b) => a.data.length - b.data.length);
  const kept = new Int32Array(candidates.length);
  let total = 0;
  for (let i = 0; i < candidates.length; i++) {
    const doc = candidates[i] as number;
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

/**
 * A group's alternatives, split: what was typed and the one-word alternatives (words
 * anywhere: a union of lists), and the phrases to be found side by side, with the
 * listings having their words anywhere (those the side-by-side check may keep).
 */
interface GroupParts {
  words: Int32Array[];
  phrases: { phrase: Phrase; docs: Int32Array }[];
}

function groupParts(index: MatchIndex, group: QueryGroup): GroupParts {
  const postings = index.matchingPostings();
  const parts: GroupParts = { words: [], phrases: [] };
  searchedAlternatives(group).forEach((phrase, a) => {
    if (a === 0 || phrase.words.length === 1) {
      parts.words.push(...phraseWordsUnion(index, postings, phrase));
    } else {
      parts.phrases.push({ phrase, docs: phraseWordsDocs(index, postings, phrase) });
    }
  });
  return parts;
}

const marks = new IdMarks();

/**
 * Those of `docs` (ascending) in the group: found by its words, or by one of its phrases
 * side by side, which is checked only on the listings the words did not find.
 */
function inGroup(index: MatchIndex, parts: GroupParts, docs: Int32Array): Int32Array {
  marks.mark(parts.words);
  let open = marks.filter(docs, false);
  for (const { phrase, docs: candidates } of parts.phrases) {
    if (open.length === 0) break;
    marks.mark([candidates]);
    marks.mark([sideBySide(index, phrase, marks.filter(open))]);
    open = marks.filter(open, false);
  }
  marks.mark([open]);
  return marks.filter(docs, false);
}

/** Listings matching one group (ascending). */
export function groupDocs(index: MatchIndex, group: QueryGroup): Int32Array {
  const parts = groupParts(index, group);
  if (parts.phrases.length === 0) return unionOf(parts.words);
  return inGroup(index, parts, unionOf([...parts.words, ...parts.phrases.map((p) => p.docs)]));
}

/**
 * Listings matching every group (ascending). The groups' lists are intersected first, a
 * phrase counting for every listing having its words anywhere (a superset); the phrases
 * are then checked side by side only on the listings every other group may have.
 */
export function matchAll(index: MatchIndex, groups: readonly QueryGroup[]): Int32Array {
  const parts = groups.map((group) => groupParts(index, group));
  let found = intersectionOf(
    parts.map(({ words, phrases }) => [...words, ...phrases.map((p) => p.docs)]),
  );
  for (const part of parts) {
    if (part.phrases.length > 0 && found.length > 0) found = inGroup(index, part, found);
  }
  return found;
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
