import { describe, expect, it } from "vitest";
import { bm25Score, scoredPhrases } from "~/modules/search/bm25";
import { buildQueryPlan } from "~/modules/search/query-plan";
import { vocabularyOf } from "~/modules/search/typos";
import { Postings, WordStore } from "~/modules/search/word-store";
import { foldedWords } from "~/modules/search/words";

describe("bm25 in memory", () => {
  it("scores like FTS5: rarer words and shorter, weighted columns first", () => {
    const vocabulary = vocabularyOf([
      ["mat", 10],
      ["ong", 12],
      ["rung", 3],
    ]);
    const phrases = scoredPhrases(buildQueryPlan("mat ong rung", "all").groups, vocabulary, 100);
    const weights = [10, 1, 5, 3, 2, 2];
    const score = (title: string, body: string) =>
      bm25Score(phrases, [foldedWords(title), foldedWords(body), [], [], [], []], weights, 12);
    const inTitle = score("Mật ong rừng", "Chai 500ml.");
    const inBody = score("Chai thủy tinh", "Mật ong rừng 500ml.");
    const longerTitle = score("Mật ong rừng Hướng Phùng chai lớn 1 lít", "Chai 500ml.");
    expect(inTitle).toBeGreaterThan(longerTitle);
    expect(longerTitle).toBeGreaterThan(inBody);
    expect(score("Trà gừng", "Gừng tươi.")).toBe(0);
  });
});

describe("word store and postings", () => {
  it("keeps each listing's words, reclaims replaced ones, and lists listings per word", () => {
    const store = new WordStore();
    for (let round = 0; round < 50; round++) {
      for (let id = 0; id < 40; id++) store.set(id, [id % 7, round % 5, 3]);
    }
    expect([
      ...store.data.subarray(store.start[5], (store.start[5] ?? 0) + (store.length[5] ?? 0)),
    ]).toEqual([5, 4, 3]);
    store.clear(6);
    const visible = new Uint8Array(40).fill(1);
    visible[7] = 0;
    const postings = Postings.build(store, visible, 10);
    expect([...postings.of(5)]).toEqual([5, 12, 19, 26, 33]);
    expect(postings.of(3)).toHaveLength(38); // not 6 (cleared) nor 7 (hidden)
    expect(postings.of(99)).toHaveLength(0);
  });
});
