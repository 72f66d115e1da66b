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

  it("leaves a store's words out per listing unless another store has them too", () => {
    // Store 0 is the category name: word 0 comes only from an umbrella parent for listings
    // 0–3, and listing 2 also has it in its text (store 1).
    const category = new WordStore();
    const rest = new WordStore();
    for (let id = 0; id < 6; id++) {
      category.set(id, [0, 1]);
      rest.set(id, id === 2 ? [2, 0] : [2]);
    }
    const umbrellaOnly = new Set([0]);
    const postings = Postings.buildMany([category, rest], new Uint8Array(6).fill(1), 3, {
      store: 0,
      wordsOf: (doc) => (doc < 4 ? umbrellaOnly : undefined),
    });
    expect([...postings.of(0)]).toEqual([2, 4, 5]);
    expect([...postings.of(1)]).toEqual([0, 1, 2, 3, 4, 5]);
    expect([...postings.of(2)]).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("restores lists kept apart from shared ones, which later changes to either do not mix", () => {
    // Column 0 is the category name, column 1 the rest: word 0 is only in category names.
    const category = new WordStore();
    const rest = new WordStore();
    for (let id = 0; id < 12; id++) {
      category.set(id, id % 3 === 0 ? [0, 1] : [1]);
      rest.set(id, [1 + (id % 2), 3]);
    }
    const visible = new Uint8Array(12).fill(1);
    const lists = () => ({
      all: Postings.buildMany([category, rest], visible, 4),
      other: Postings.buildMany([rest], visible, 4),
    });
    const built = lists();
    const packedAll = built.all.packed(4);
    const apart = built.other.packedApartFrom(built.all, 4);
    expect([...apart.isShared]).toEqual([0, 0, 1, 1]); // words 2 and 3 are stored once
    const all = Postings.restore(packedAll.offsets, packedAll.docs);
    const other = Postings.restoreApartFrom(all, apart.isShared, apart.offsets, apart.docs);
    const listsOf = (postings: Postings) =>
      [0, 1, 2, 3].map((w) => [...postings.of(w)].concat(-1, postings.count(w)));
    expect(listsOf(other)).toEqual(listsOf(built.other));

    // Listing 4 gains word 2 in its category's name only: the all-columns list of word 2
    // changes, the other-columns one (read from the all-columns one) must not. Listing 5
    // loses words 2 and 3 from its text, so both lists change.
    const wordsIn = (store: WordStore, id: number) => {
      const from = store.start[id] ?? 0;
      return [...store.data.subarray(from, from + (store.length[id] ?? 0))];
    };
    const wordsOf = (id: number) => ({
      all: new Set([...wordsIn(category, id), ...wordsIn(rest, id)]),
      other: new Set(wordsIn(rest, id)),
    });
    for (const [id, change] of [
      [4, () => category.set(4, [1, 2])],
      [5, () => rest.set(5, [1])],
    ] as const) {
      const before = wordsOf(id);
      change();
      const after = wordsOf(id);
      all.update(id, before.all, after.all);
      other.update(id, before.other, after.other);
    }
    const rebuilt = lists();
    expect(listsOf(all)).toEqual(listsOf(rebuilt.all));
    expect(listsOf(other)).toEqual(listsOf(rebuilt.other));
    // And packed again (the next snapshot), they read back the same.
    const again = other.packedApartFrom(all, 4);
    const packedAgain = all.packed(4);
    const allAgain = Postings.restore(packedAgain.offsets, packedAgain.docs);
    expect(
      listsOf(Postings.restoreApartFrom(allAgain, again.isShared, again.offsets, again.docs)),
    ).toEqual(listsOf(rebuilt.other));
  });

  it("keeps ids in 16 bits until one does not fit, then widens without losing any", () => {
    const store = new WordStore();
    const wordsOf = (id: number) => {
      const from = store.start[id] ?? 0;
      return [...store.data.subarray(from, from + (store.length[id] ?? 0))];
    };
    for (let id = 0; id < 2000; id++) store.set(id, [id, 65_535]);
    expect(store.data).toBeInstanceOf(Uint16Array);
    store.set(2000, [65_536, 7]);
    expect(store.data).toBeInstanceOf(Int32Array);
    expect(wordsOf(1999)).toEqual([1999, 65_535]);
    expect(wordsOf(2000)).toEqual([65_536, 7]);
    // Growing and compacting keep the wider ids.
    for (let round = 0; round < 5; round++) store.set(2000, [70_000 + round]);
    for (let id = 2001; id < 4000; id++) store.set(id, [100_000 + id]);
    expect(wordsOf(2000)).toEqual([70_004]);
    expect(wordsOf(3999)).toEqual([103_999]);
    expect(wordsOf(0)).toEqual([0, 65_535]);
  });
});
