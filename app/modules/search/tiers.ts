import { typedPhrase, type Phrase, type QueryGroup } from "./query-plan";
import { IdMarks } from "./sorted-lists";
import type { TitlePairs } from "./title-pairs";
import type { Postings, WordIds, WordStore } from "./word-store";

/**
 * The ranking tiers of the embedded engine, computed in memory on word ids (see
 * doc-values.server.ts): whether a title holds all the query's words, starts with them,
 * has them side by side, and how many words typed with marks the title and tags carry
 * with exactly those marks. The query's words are looked up in inverted lists of titles
 * (one pass over the listings having each word), so a match costs a couple of array reads
 * more: this runs for every match, tens of thousands at 100,000 listings.
 */

export interface WordDictionary {
  words: readonly string[];
  wordId(word: string): number;
  /** Ids of the words starting with `prefix` (else every word is compared). */
  wordsWithPrefix?(prefix: string): number[];
}

export interface CompiledTiers {
  /** Per group, the ids of the words that alone stand for it (a prefix: several). */
  groupWords: number[][];
  allGroups: number;
  /** Multi-word synonyms of a group: its bit and the phrase's word masks. */
  phrases: { groupBit: number; masks: Uint8Array[] }[];
  /** Groups typed as several words ("500g", a synonym span): their bit and each word's ids. */
  typedSpans: { groupBit: number; words: number[][] }[];
  /** The typed words as a phrase: per position, a mask over word ids. */
  typed: Uint8Array[];
  isMultiWord: boolean;
  /** Ids of the (at most 3) words typed with marks that some title or tag has. */
  markedWords: number[];
  /**
   * Per group, the words that stand for it as whole words (not as the start of a longer
   * word: "trà", not "tranh"): folded ids looked up in titles, and, for synonyms written
   * with marks, marked ids looked up in titles and tags ("chè", not "sơ chế").
   */
  wholeWords: { folded: number[]; marked: number[] }[];
  /** Groups of several words (spans, synonym phrases): their title match is whole words. */
  spanGroups: number;
}

/** A mask over word ids: the word itself, or every word starting with it. */
function wordMask(word: string, isPrefix: boolean, dictionary: WordDictionary): Uint8Array {
  const mask = new Uint8Array(dictionary.words.length);
  if (!isPrefix) {
    const id = dictionary.wordId(word);
    if (id >= 0) mask[id] = 1;
    return mask;
  }
  if (dictionary.wordsWithPrefix) {
    // A binary search in the sorted dictionary: comparing every word cost up to a millisecond.
    for (const id of dictionary.wordsWithPrefix(word)) mask[id] = 1;
    return mask;
  }
  dictionary.words.forEach((candidate, id) => {
    if (candidate.startsWith(word)) mask[id] = 1;
  });
  return mask;
}

export function phraseMasks(phrase: Phrase, dictionary: WordDictionary): Uint8Array[] {
  return phrase.words.map((word, i) =>
    wordMask(word, phrase.prefix && i === phrase.words.length - 1, dictionary),
  );
}

/** The word ids a mask holds. */
export function idsOf(mask: Uint8Array): number[] {
  const ids: number[] = [];
  for (let id = 0; id < mask.length; id++) if (mask[id]) ids.push(id);
  return ids;
}

export function compileTiers(
  groups: readonly QueryGroup[],
  dictionary: WordDictionary,
): CompiledTiers {
  const typed = typedPhrase(groups);
  const phrases: CompiledTiers["phrases"] = [];
  const typedSpans: CompiledTiers["typedSpans"] = [];
  const wholeWords = groups.map((group) => {
    const folded = new Set<number>();
    const marked = new Set<number>();
    for (const alternative of group.alternatives) {
      if (alternative.words.length !== 1) continue;
      const word = alternative.words[0] ?? "";
      const spelled = alternative.marked?.[0];
      if (spelled !== undefined && spelled !== word) {
        const id = dictionary.wordId(spelled);
        if (id >= 0) marked.add(id);
      } else {
        const id = dictionary.wordId(word);
        if (id >= 0) folded.add(id);
      }
    }
    return { folded: [...folded], marked: [...marked] };
  });
  let spanGroups = 0;
  groups.forEach((group, g) => {
    if (group.typed.words.length > 1) spanGroups |= 1 << g;
  });
  const groupWords = groups.map((group, g) => {
    const typedWord = group.typed.words.length === 1 ? group.typed.words[0] : undefined;
    const words = new Set<number>();
    group.alternatives.forEach((alternative, a) => {
      if (alternative.words.length === 1) {
        const mask = wordMask(alternative.words[0] ?? "", alternative.prefix, dictionary);
        for (const id of idsOf(mask)) words.add(id);
      } else if (a === 0) {
        // What was typed counts when all its words are in the title, as it is found (ANDed).
        typedSpans.push({
          groupBit: 1 << g,
          words: phraseMasks(alternative, dictionary).map(idsOf),
        });
      } else if (typedWord === undefined || !alternative.words.includes(typedWord)) {
        // (A synonym phrase holding the typed word matches only where that word already did.)
        phrases.push({ groupBit: 1 << g, masks: phraseMasks(alternative, dictionary) });
      }
    });
    return [...words];
  });
  return {
    groupWords,
    // At most 12 groups (query-plan.ts), so the bits fit a small integer.
    allGroups: (1 << Math.min(groups.length, 30)) - 1,
    phrases,
    typedSpans,
    typed: phraseMasks(typed, dictionary),
    isMultiWord: typed.words.length > 1,
    markedWords: [...new Set(groups.flatMap((g) => g.marked))]
      .slice(0, 3)
      .map((word) => dictionary.wordId(word))
      .filter((id) => id >= 0),
    wholeWords,
    spanGroups,
  };
}

/**
 * Per listing id, packed in one number (one read per match in the ranking loop instead of
 * three): which groups its title holds (bits 0–11, `& GROUP_BITS`), which of them as
 * whole words (the same bits shifted by WHOLE_SHIFT), and how many marked words it has
 * (from MARKS_SHIFT up).
 */
export const GROUP_BITS = 0xfff;
export const WHOLE_SHIFT = 12;
export const MARKS_SHIFT = 24;

/**
 * An array over every listing id reused from one query to the next (a search runs
 * synchronously): a fresh 100,000-entry array per query costs more in zeroing and garbage
 * collection than the loops that fill it. Cleared before each use.
 */
let packedScratch: Int32Array = new Int32Array(0);
let spanScratch: Int32Array = new Int32Array(0);
const rowMarks = new IdMarks();

function zeroed(buffer: Int32Array, capacity: number): Int32Array {
  if (buffer.length !== capacity) return new Int32Array(capacity);
  buffer.fill(0);
  return buffer;
}

/** Sets `bits` on every listing of the lists. */
function orInto(packed: Int32Array, lists: readonly Int32Array[], bits: number): void {
  for (const docs of lists) {
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i] as number;
      packed[doc] = (packed[doc] as number) | bits;
    }
  }
}

/**
 * Reads the inverted lists of the query's words once for the whole query. The array
 * returned is valid until the next call (it is reused).
 */
export function titleMatches(
  compiled: CompiledTiers,
  postings: { title: Postings; marked: Postings; pairs: TitlePairs },
  titles: WordStore,
  rows: Int32Array,
  capacity: number,
): Int32Array {
  const packed = (packedScratch = zeroed(packedScratch, capacity));
  const titleLists = (words: readonly number[]) => words.map((word) => postings.title.of(word));
  compiled.groupWords.forEach((words, g) => orInto(packed, titleLists(words), 1 << g));
  for (const { groupBit, words } of compiled.typedSpans) {
    const seen = (spanScratch = zeroed(spanScratch, capacity));
    const all = (1 << words.length) - 1;
    words.forEach((ids, w) => orInto(seen, titleLists(ids), 1 << w));
    // Only the listings having the span's first word can have all of them.
    for (const docs of titleLists(words[0] ?? [])) {
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i] as number;
        if (seen[doc] === all) packed[doc] = (packed[doc] as number) | groupBit;
      }
    }
  }
  if (compiled.phrases.length > 0) rowMarks.mark([rows]);
  for (const { groupBit, masks } of compiled.phrases) {
    // Only the titles having each pair of the phrase's consecutive words can hold it
    // (exactly those for two words); none can when a word of it is in no title at all.
    const ids = masks.map(idsOf);
    if (ids.some((list) => list.length === 0)) continue;
    const isExact = masks.length === 2;
    for (const docs of postings.pairs.phraseDocs(ids)) {
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i] as number;
        if (!rowMarks.has(doc) || (packed[doc] as number) & groupBit) continue;
        const from = titles.start[doc] as number;
        const end = from + (titles.length[doc] as number);
        if (isExact || occurs(titles.data, from, end, masks)) {
          packed[doc] = (packed[doc] as number) | groupBit;
        }
      }
    }
  }
  for (const word of compiled.markedWords) {
    const docs = postings.marked.of(word);
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i] as number;
      packed[doc] = (packed[doc] as number) + (1 << MARKS_SHIFT);
    }
  }
  compiled.wholeWords.forEach(({ folded, marked }, g) => {
    const bit = 1 << (g + WHOLE_SHIFT);
    orInto(packed, titleLists(folded), bit);
    orInto(
      packed,
      marked.map((word) => postings.marked.of(word)),
      bit,
    );
  });
  return packed;
}

/** Whether the phrase (masks per position) occurs in `data` at `at` (the text ending at `end`). */
export function occursAt(data: WordIds, at: number, end: number, phrase: Uint8Array[]): boolean {
  const length = phrase.length;
  if (length === 0 || at + length > end) return false;
  for (let k = 0; k < length; k++) {
    if ((phrase[k] as Uint8Array)[data[at + k] as number] !== 1) return false;
  }
  return true;
}

/** How many times the phrase occurs in `data[from, end)` (bm25's term frequency). */
export function occurrencesIn(
  data: WordIds,
  from: number,
  end: number,
  phrase: Uint8Array[],
): number {
  // (An empty phrase "occurs" at every position and at the end, as bm25.ts counts it.)
  if (phrase.length === 0) return Math.max(0, end - from + 1);
  let count = 0;
  for (let at = from; at + phrase.length <= end; at++) {
    if (occursAt(data, at, end, phrase)) count++;
  }
  return count;
}

/** Whether the phrase occurs anywhere in `data[from, end)`. */
export function occurs(data: WordIds, from: number, end: number, phrase: Uint8Array[]): boolean {
  const first = phrase[0];
  if (first === undefined) return false;
  // The first word's mask alone rejects almost every position.
  for (let at = from; at + phrase.length <= end; at++) {
    if (first[data[at] as number] === 1 && occursAt(data, at, end, phrase)) return true;
  }
  return false;
}
