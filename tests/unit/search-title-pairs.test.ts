import { describe, expect, it } from "vitest";
import { unionOf } from "~/modules/search/sorted-lists";
import { TitlePairs } from "~/modules/search/title-pairs";
import { WordStore } from "~/modules/search/word-store";

/** Titles of word ids from a fixed seed (the same each run), words 0…7 so pairs repeat. */
function randomTitles(seed: number, count: number): number[][] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () =>
    Array.from({ length: Math.floor(next() * 6) }, () => Math.floor(next() * 8)),
  );
}

/** The listings whose title has `phrase` (word ids per position) side by side, read naively. */
function naive(titles: number[][], visible: Uint8Array, phrase: number[][]): number[] {
  return titles.flatMap((words, doc) =>
    visible[doc] === 1 &&
    words.some((_, at) => phrase.every((ids, k) => ids.includes(words[at + k] ?? -1)))
      ? [doc]
      : [],
  );
}

describe("title word pairs", () => {
  it.each([1, 2, 3])("find the titles holding a phrase, kept current (seed %i)", (seed) => {
    const titles = randomTitles(seed, 300);
    const store = new WordStore();
    titles.forEach((words, doc) => store.set(doc, words));
    const visible = new Uint8Array(titles.length).fill(1);
    visible[5] = 0;
    let pairs = TitlePairs.build(store, visible);
    const phrases = [
      [[1], [2]],
      [[3, 4], [5]],
      [[2], [2]],
      [[1], [2], [3]],
    ];
    const check = () => {
      for (const phrase of phrases) {
        const found = Array.from(unionOf(pairs.phraseDocs(phrase)));
        const exact = naive(titles, visible, phrase);
        if (phrase.length === 2) expect(found).toEqual(exact);
        // Longer phrases: a superset, checked word by word by the caller.
        else expect(exact.every((doc) => found.includes(doc))).toBe(true);
      }
    };
    check();
    // Retitled listings (new pairs too), one hidden: the lists follow.
    for (const doc of [0, 7, 42, 299]) {
      const after = [1, 2, 6, 7, 1, 2];
      pairs.update(doc, titles[doc] ?? [], after);
      titles[doc] = after;
    }
    pairs.update(9, titles[9] ?? [], []);
    visible[9] = 0;
    check();
    // A snapshot's copy answers the same.
    pairs = TitlePairs.restore(pairs.packed());
    check();
  });
});
