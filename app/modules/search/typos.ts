/**
 * Typo tolerance on folded words, the same rule as the Meilisearch settings: no typo
 * below 5 letters, one edit for 5–8 letters, two from 9.
 */

export const ONE_TYPO_FROM = 5;
export const TWO_TYPOS_FROM = 9;

/** How many edits a word of this length may have. */
export function allowedTypos(word: string): number {
  if (word.length >= TWO_TYPOS_FROM) return 2;
  if (word.length >= ONE_TYPO_FROM) return 1;
  return 0;
}

/**
 * Edit distance with adjacent transpositions counting as one edit ("arabcia" → "arabica"
 * is 1), or `max + 1` as soon as it is certainly above `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  let before = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length] ?? max + 1, max + 1);
}

/** The index's words, as typo tolerance and prefix matching need them. */
export interface Vocabulary {
  has(word: string): boolean;
  hasPrefix(prefix: string): boolean;
  /** Whether the word is indexed and no other indexed word starts with it. */
  isOnlyWordWithPrefix(word: string): boolean;
  /** Listings containing the word (or, for a prefix, a word starting with it; summed). */
  documents(word: string, isPrefix?: boolean): number;
  /** Indexed words within `allowedTypos(word)` edits, closest and most common first. */
  similar(word: string, limit?: number): string[];
}

/** A vocabulary over a fixed list of words with their document counts. */
export function vocabularyOf(entries: Iterable<[word: string, documents: number]>): Vocabulary {
  const counts = new Map(entries);
  const sorted = [...counts.keys()].sort();
  const byLength = new Map<number, string[]>();
  for (const word of sorted) {
    const list = byLength.get(word.length) ?? [];
    list.push(word);
    byLength.set(word.length, list);
  }
  /** The index of the first word not below `prefix`. */
  const lowerBound = (prefix: string) => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((sorted[mid] ?? "") < prefix) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  return {
    has: (word) => counts.has(word),
    hasPrefix: (prefix) => (sorted[lowerBound(prefix)] ?? "").startsWith(prefix),
    isOnlyWordWithPrefix(word) {
      const at = lowerBound(word);
      return sorted[at] === word && !(sorted[at + 1] ?? "").startsWith(word);
    },
    documents(word, isPrefix = false) {
      if (!isPrefix) return counts.get(word) ?? 0;
      let total = 0;
      for (let i = lowerBound(word); i < sorted.length; i++) {
        const candidate = sorted[i] ?? "";
        if (!candidate.startsWith(word)) break;
        total += counts.get(candidate) ?? 0;
      }
      return total;
    },
    similar(word, limit = 4) {
      const max = allowedTypos(word);
      if (max === 0) return [];
      const found: { word: string; distance: number; documents: number }[] = [];
      for (let length = word.length - max; length <= word.length + max; length++) {
        for (const candidate of byLength.get(length) ?? []) {
          const distance = editDistance(word, candidate, max);
          if (distance > 0 && distance <= max) {
            found.push({ word: candidate, distance, documents: counts.get(candidate) ?? 0 });
          }
        }
      }
      found.sort((a, b) => a.distance - b.distance || b.documents - a.documents);
      return found.slice(0, limit).map((f) => f.word);
    },
  };
}
