import { searchedAlternatives, type Phrase, type QueryGroup } from "./query-plan";
import type { Vocabulary } from "./typos";

/**
 * bm25 as SQLite FTS5 computes it (k1 = 1.2, b = 0.75, per-column weights, one term per
 * phrase of the query), but over the words kept in memory, for the few best rows only.
 * FTS5's own bm25() walks every matching row's word positions over the whole index, which
 * at 100,000 listings costs more than all the rest of a search together.
 *
 *   score = Σ phrases idf · tf·(k1+1) / (tf + k1·(1 − b + b·|D|/avg|D|)),
 *   tf = Σ columns weight · occurrences,  idf = ln((N − n + 0.5) / (n + 0.5)) (≥ 1e-6).
 */

const K1 = 1.2;
const B = 0.75;

export interface ScoredPhrase {
  phrase: Phrase;
  idf: number;
}

/** The phrases of the query with their idf (n = listings containing the phrase, estimated). */
export function scoredPhrases(
  groups: readonly QueryGroup[],
  vocabulary: Vocabulary,
  listings: number,
): ScoredPhrase[] {
  const idf = (phrase: Phrase) => {
    // A phrase is in at most as many listings as its rarest word.
    const n = Math.min(
      ...phrase.words.map((word, i) =>
        vocabulary.documents(word, phrase.prefix && i === phrase.words.length - 1),
      ),
    );
    const value = Math.log((listings - n + 0.5) / (n + 0.5));
    return value > 1e-6 ? value : 1e-6;
  };
  return groups.flatMap((group) =>
    searchedAlternatives(group).map((phrase) => ({ phrase, idf: idf(phrase) })),
  );
}

/** Occurrences of a phrase in one column's words. */
function occurrences(words: readonly string[], phrase: Phrase): number {
  const length = phrase.words.length;
  const last = length - 1;
  let count = 0;
  for (let at = 0; at + length <= words.length; at++) {
    let k = 0;
    while (k < length) {
      const word = words[at + k] ?? "";
      const wanted = phrase.words[k] ?? "";
      const ok = phrase.prefix && k === last ? word.startsWith(wanted) : word === wanted;
      if (!ok) break;
      k++;
    }
    if (k === length) count++;
  }
  return count;
}

/** How often phrase `p` (of the scored phrases) occurs in column `c` of one listing. */
export type Occurrences = (p: number, c: number) => number;

/**
 * The bm25 score of one listing (higher is better, unlike FTS5's negated value), from
 * its columns' lengths in words and the phrases' occurrences in each column.
 */
export function bm25Of(
  phrases: readonly ScoredPhrase[],
  columnLengths: readonly number[],
  occurrencesOf: Occurrences,
  weights: readonly number[],
  averageLength: number,
): number {
  let documentLength = 0;
  for (const length of columnLengths) documentLength += length;
  const norm = K1 * (1 - B + (B * documentLength) / (averageLength || 1));
  let score = 0;
  phrases.forEach(({ idf }, p) => {
    let tf = 0;
    for (let c = 0; c < columnLengths.length; c++) {
      const weight = weights[c] ?? 0;
      if (weight > 0) tf += weight * occurrencesOf(p, c);
    }
    if (tf > 0) score += (idf * tf * (K1 + 1)) / (tf + norm);
  });
  return score;
}

/** The bm25 score of one listing given as words per column. */
export function bm25Score(
  phrases: readonly ScoredPhrase[],
  columns: readonly (readonly string[])[],
  weights: readonly number[],
  averageLength: number,
): number {
  return bm25Of(
    phrases,
    columns.map((words) => words.length),
    (p, c) => occurrences(columns[c] ?? [], (phrases[p] as ScoredPhrase).phrase),
    weights,
    averageLength,
  );
}
