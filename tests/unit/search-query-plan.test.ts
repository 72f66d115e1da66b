import { describe, expect, it } from "vitest";
import {
  buildQueryPlan,
  ftsMatch,
  meiliQueryText,
  typedPhrase,
  withTypoCorrections,
} from "~/modules/search/query-plan";
import { vocabularyOf } from "~/modules/search/typos";

const vocabulary = vocabularyOf([
  ["arabica", 14],
  ["ca", 60],
  ["phe", 40],
  ["khe", 10],
  ["sanh", 10],
  ["tieu", 30],
]);

describe("query plan", () => {
  it("makes every typed word a group, the last one a prefix while it is being typed", () => {
    const plan = buildQueryPlan("Khe Sa", "all");
    expect(plan.groups.map((g) => g.typed)).toEqual([
      { words: ["khe"], prefix: false },
      { words: ["sa"], prefix: true },
    ]);
    // A trailing space means the last word is complete.
    expect(buildQueryPlan("khe sa ", "all").groups[1]?.typed.prefix).toBe(false);
    // Numbers are never prefixes; a word like "500g" is one group, a phrase.
    expect(buildQueryPlan("gói 500g", "all").groups[1]?.typed).toEqual({
      words: ["500", "g"],
      prefix: true,
    });
    expect(buildQueryPlan("túi 500", "all").groups[1]?.typed.prefix).toBe(false);
  });

  it("expands synonyms into alternatives of one group", () => {
    const plan = buildQueryPlan("cà phê khe sanh", "all");
    expect(plan.groups).toHaveLength(3);
    const coffee = plan.groups[0];
    expect(coffee?.typed.words).toEqual(["ca", "phe"]);
    expect(coffee?.alternatives.map((a) => a.words.join(" "))).toEqual(
      expect.arrayContaining(["ca phe", "cafe", "coffee"]),
    );
    expect(coffee?.marked).toEqual(["cà", "phê"]);
  });

  it("drops stop words and numbers in any mode only", () => {
    const sentence = "Cần mua 50 kg cà phê hạt rang mỗi tháng cho quán";
    const any = buildQueryPlan(sentence, "any");
    expect(any.groups.map((g) => g.typed.words.join(" "))).toEqual([
      "ca phe",
      "hat",
      "rang",
      "quan",
    ]);
    const all = buildQueryPlan("dầu tràm cho bé", "all");
    expect(all.groups.map((g) => g.typed.words.join(" "))).toEqual(["dau tram", "cho", "be"]);
    expect(buildQueryPlan("cần mua", "any").onlyStopWords).toBe(true);
    expect(buildQueryPlan("   ", "any").onlyStopWords).toBe(false);
    // Marks decide when typed: "cán" (a handle) is not the stop word "cần".
    expect(buildQueryPlan("chổi cán tre", "any").groups).toHaveLength(3);
  });

  it("adds typo corrections only for unknown words of 5 letters or more", () => {
    const plan = withTypoCorrections(buildQueryPlan("arabika ca", "all"), vocabulary);
    expect(plan.groups[0]?.alternatives.map((a) => a.words[0])).toEqual(["arabika", "arabica"]);
    const known = buildQueryPlan("arabica ", "all");
    expect(withTypoCorrections(known, vocabulary)).toEqual(known);
    const short = withTypoCorrections(buildQueryPlan("tiiu ", "all"), vocabulary);
    expect(short.groups[0]?.alternatives).toHaveLength(1);
  });

  it("makes a last-word prefix exact when only that indexed word starts with it", () => {
    const plan = withTypoCorrections(buildQueryPlan("khe sanh", "all"), vocabulary);
    expect(plan.groups[1]?.typed).toEqual({ words: ["sanh"], prefix: false });
    const open = withTypoCorrections(buildQueryPlan("khe sa", "all"), vocabulary);
    expect(open.groups[1]?.typed).toEqual({ words: ["sa"], prefix: true });
  });

  it("builds FTS5 expressions from quoted words only", () => {
    const plan = buildQueryPlan('NEAR("x" *) AND tiêu', "all");
    // The synonym "hồ tiêu" contains the typed word, so it adds no row: left out.
    expect(ftsMatch(plan.groups, "all")).toBe(
      '("near") AND ("x") AND ("and") AND ("tieu"* OR "pepper")',
    );
    expect(ftsMatch(buildQueryPlan("cafe sữa", "any").groups, "any")).toBe(
      '("cafe" OR "ca phe" OR "coffee") OR ("sua"*)',
    );
    // What was typed is ANDed, its synonyms stay phrases.
    expect(ftsMatch(buildQueryPlan("cà phê sữa", "all").groups, "all")).toBe(
      '(("ca" AND "phe") OR "cafe" OR "coffee") AND ("sua"*)',
    );
    // An alternative that can only match where another does is left out.
    expect(ftsMatch(buildQueryPlan("nước mắm ", "all").groups, "all")).toBe(
      '("mam" OR "fish sauce")',
    );
    expect(typedPhrase(buildQueryPlan("mật ong", "all").groups)).toEqual({
      words: ["mat", "ong"],
      prefix: true,
    });
  });

  it("sends Meilisearch the plain words, without stop words in any mode", () => {
    expect(meiliQueryText('"cà phê" -robusta', "all")).toBe("cà phê robusta");
    expect(meiliQueryText("Cần mua cà phê cho quán", "any")).toBe("cà phê quán");
    expect(meiliQueryText("cần mua", "any")).toBeNull();
  });
});
