import { describe, expect, it } from "vitest";
import { bm25Score, scoredPhrases } from "~/modules/search/bm25";
import { buildQueryPlan } from "~/modules/search/query-plan";
import { compileTiers, titleMatches, titleTier } from "~/modules/search/tiers";
import { vocabularyOf } from "~/modules/search/typos";
import { Postings, WordStore } from "~/modules/search/word-store";
import { foldedWords, markedWords } from "~/modules/search/words";

/** A tiny in-memory index of titles, as the doc values hold it. */
function index(titles: string[]) {
  const words: string[] = [];
  const ids = new Map<string, number>();
  const idOf = (word: string) => {
    if (!ids.has(word)) {
      ids.set(word, words.length);
      words.push(word);
    }
    return ids.get(word) ?? -1;
  };
  const folded = new WordStore();
  const marked = new WordStore();
  titles.forEach((title, id) => {
    folded.set(id, foldedWords(title).map(idOf));
    marked.set(id, markedWords(title).map(idOf));
  });
  const dictionary = { words, wordId: (word: string) => ids.get(word) ?? -1 };
  const visible = new Uint8Array(titles.length).fill(1);
  const postings = {
    title: Postings.build(folded, visible, words.length),
    marked: Postings.build(marked, visible, words.length),
  };
  return { dictionary, folded, postings };
}

function tiersFor(titles: string[], q: string, mode: "all" | "any" = "all"): number[] {
  const { dictionary, folded, postings } = index(titles);
  const groups = buildQueryPlan(q, mode).groups;
  const compiled = compileTiers(groups, dictionary);
  const rows = Int32Array.from(titles.map((_, i) => i));
  const matches = titleMatches(compiled, postings, folded, rows, titles.length);
  return titles.map((_, id) => titleTier(compiled, matches, folded, id, mode));
}

describe("ranking tiers", () => {
  it("puts exactly-marked words first, then the words side by side, then the title start", () => {
    const [sugar, fern, other] = tiersFor(
      ["Đường phèn Cam Lộ", "Dương xỉ rừng", "Mứt gừng ít đường"],
      "đường",
    );
    expect(sugar).toBeGreaterThan(fern ?? 0);
    expect(other).toBeGreaterThan(fern ?? 0); // "đường" with its marks, not at the start
    expect(sugar).toBeGreaterThan(other ?? 0); // and at the start
  });

  it("rewards the typed words together and in the title", () => {
    const tiers = tiersFor(
      ["Mật ong rừng Hướng Phùng", "Cà phê sơ chế mật ong", "Trà gừng", "Ong mật rừng"],
      "mat ong",
    );
    expect(tiers[0]).toBe(4 + 2); // side by side, at the start
    expect(tiers[1]).toBe(4 + 1); // side by side, in the title
    expect(tiers[2]).toBe(0);
    expect(tiers[3]).toBe(1); // both words, not together
  });

  it("counts synonym phrases and prefixes as the group they stand for", () => {
    const tiers = tiersFor(["Cà phê Khe Sanh", "Cafe Khe Sanh", "Coffee beans"], "coffee kh");
    expect(tiers).toEqual([1, 1, 0]);
  });
});

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
