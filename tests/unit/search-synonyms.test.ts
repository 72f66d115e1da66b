import { describe, expect, it } from "vitest";
import { meiliSynonyms, SYNONYM_GROUPS, synonymAt } from "~/modules/search/synonyms";

describe("the committed synonyms file", () => {
  it("has at least 30 groups and no phrase in two groups", () => {
    expect(SYNONYM_GROUPS.length).toBeGreaterThanOrEqual(30);
    const seen = new Map<string, string[]>();
    for (const group of SYNONYM_GROUPS) {
      expect(group.members.length).toBeGreaterThanOrEqual(2);
      for (const words of group.folded) {
        const key = words.join(" ");
        expect(seen.get(key), `"${key}" is in two groups`).toBeUndefined();
        seen.set(key, group.members);
      }
    }
  });

  it("holds the expected equivalences", () => {
    const groupOf = (phrase: string) =>
      SYNONYM_GROUPS.find((g) => g.members.includes(phrase))?.members ?? [];
    expect(groupOf("cà phê")).toEqual(expect.arrayContaining(["cafe", "coffee"]));
    expect(groupOf("nước mắm")).toContain("mắm");
    expect(groupOf("hồ tiêu")).toContain("tiêu");
    expect(groupOf("chà bông")).toContain("ruốc heo");
  });

  it("matches the longest phrase at a position", () => {
    const words = ["ca", "phe", "che", "rang"];
    expect(synonymAt(words, 0)?.length).toBe(3); // "cà phê chè" (arabica), not "cà phê"
    expect(synonymAt(["ca", "phe", "sua"], 0)?.group.members).toContain("coffee");
    expect(synonymAt(["khong", "co"], 0)).toBeNull();
  });

  it("gives Meilisearch every phrase, with and without marks, mapped to the others", () => {
    const synonyms = meiliSynonyms();
    expect(synonyms["cà phê"]).toEqual(expect.arrayContaining(["ca phe", "cafe", "coffee"]));
    expect(synonyms["ca phe"]).toEqual(expect.arrayContaining(["cà phê", "cafe"]));
    expect(synonyms["cafe"]).not.toContain("cafe");
  });
});
