import { describe, expect, it } from "vitest";
import { allowedTypos, editDistance, vocabularyOf } from "~/modules/search/typos";

describe("typo tolerance", () => {
  it("allows no typo below 5 letters, one for 5–8, two from 9", () => {
    expect(allowedTypos("tieu")).toBe(0);
    expect(allowedTypos("robus")).toBe(1);
    expect(allowedTypos("arabicaa")).toBe(1);
    expect(allowedTypos("cascaraaa")).toBe(2);
  });

  it("counts an adjacent transposition as one edit", () => {
    expect(editDistance("arabcia", "arabica", 2)).toBe(1);
    expect(editDistance("robutsa", "robusta", 2)).toBe(1);
    expect(editDistance("arabika", "arabica", 2)).toBe(1);
    expect(editDistance("dakrng", "dakrong", 2)).toBe(1);
    expect(editDistance("abc", "xyz", 1)).toBe(2);
    expect(editDistance("same", "same", 1)).toBe(0);
  });

  it("finds indexed words within the allowed edits, closest and most common first", () => {
    const vocabulary = vocabularyOf([
      ["arabica", 14],
      ["robusta", 6],
      ["cascara", 1],
      ["tieu", 30],
      ["tien", 9],
    ]);
    expect(vocabulary.similar("arabika")).toEqual(["arabica"]);
    expect(vocabulary.similar("tieo")).toEqual([]); // 4 letters: exact only
    expect(vocabulary.similar("casacra")).toEqual(["cascara"]);
    expect(vocabulary.has("tieu")).toBe(true);
    expect(vocabulary.hasPrefix("ara")).toBe(true);
    expect(vocabulary.hasPrefix("arx")).toBe(false);
    expect(vocabulary.hasPrefix("zz")).toBe(false);
  });
});
