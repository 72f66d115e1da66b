import { describe, expect, it } from "vitest";
import { isUmbrellaName, searchableCategoryNames } from "~/modules/search/category-names";
import { readIntent } from "~/modules/search/intent";
import { splitJoinedWord } from "~/modules/search/joined-words";
import { buildQueryPlan, correctedText, withTypoCorrections } from "~/modules/search/query-plan";
import { vocabularyOf } from "~/modules/search/typos";

const vocabulary = vocabularyOf([
  ["ca", 40],
  ["phe", 30],
  ["cap", 2],
  ["he", 3],
  ["nuoc", 50],
  ["mam", 20],
  ["ho", 25],
  ["tieu", 25],
  ["den", 12],
  ["robusta", 8],
]);

describe("product codes and OCOP words (readIntent)", () => {
  it("takes a product code out of the words, upper case, whatever case was typed", () => {
    expect(readIntent("SP0001")).toMatchObject({ text: "", codes: ["SP0001"], ocopStars: null });
    expect(readIntent("sp0152 cà phê")).toMatchObject({ text: "cà phê", codes: ["SP0152"] });
  });

  it("leaves sizes and other words with digits alone", () => {
    expect(readIntent("tiêu 500g")).toMatchObject({ text: "tiêu 500g", codes: [] });
    expect(readIntent("40 độ đạm")).toMatchObject({ text: "40 độ đạm", codes: [] });
  });

  it("reads OCOP alone as any stars and OCOP with stars as exactly those", () => {
    expect(readIntent("ocop")).toMatchObject({ text: "", ocopStars: 0, ocopWords: ["ocop"] });
    expect(readIntent("OCOP 4 sao")).toMatchObject({ text: "", ocopStars: 4 });
    expect(readIntent("nước mắm ocop 5*")).toMatchObject({ text: "nước mắm", ocopStars: 5 });
    expect(readIntent("ocop 3sao tiêu")).toMatchObject({ text: "tiêu", ocopStars: 3 });
  });

  it("reads star words only next to OCOP: 'sao' is a word of its own otherwise", () => {
    expect(readIntent("4 sao")).toMatchObject({ text: "4 sao", ocopStars: null });
  });
});

describe("words typed without their spaces (splitJoinedWord)", () => {
  it("splits into indexed words, preferring the split whose rarest word is the most common", () => {
    expect(splitJoinedWord("caphe", vocabulary)).toEqual(["ca", "phe"]);
    expect(splitJoinedWord("nuocmam", vocabulary)).toEqual(["nuoc", "mam"]);
    expect(splitJoinedWord("hotieuden", vocabulary)).toEqual(["ho", "tieu", "den"]);
  });

  it("does not split indexed words, short words, numbers or what no indexed words make", () => {
    expect(splitJoinedWord("robusta", vocabulary)).toBeNull();
    expect(splitJoinedWord("cah", vocabulary)).toBeNull();
    expect(splitJoinedWord("ca500", vocabulary)).toBeNull();
    expect(splitJoinedWord("xyzabc", vocabulary)).toBeNull();
  });

  it("makes the split a phrase alternative and the group's correction, told as 'did you mean'", () => {
    const plan = withTypoCorrections(buildQueryPlan("caphe robutsa", "all"), vocabulary);
    expect(plan.groups[0]?.alternatives).toContainEqual({ words: ["ca", "phe"], prefix: false });
    expect(plan.groups[0]?.correction).toEqual({ words: ["ca", "phe"], prefix: false });
    expect(plan.groups[1]?.correction).toEqual({ words: ["robusta"], prefix: false });
    const marks: Record<string, string> = { ca: "cà", phe: "phê" };
    expect(correctedText(plan.groups, (word) => marks[word] ?? word)).toBe("cà phê robusta");
    expect(correctedText(buildQueryPlan("cà phê", "all").groups)).toBeNull();
  });
});

describe("category names as search reads them", () => {
  it("leaves out parents named as a list of kinds, keeps single-kind parents and the own name", () => {
    expect(isUmbrellaName("Cà phê & trà")).toBe(true);
    expect(isUmbrellaName("Rau, củ & nấm tươi")).toBe(true);
    expect(isUmbrellaName("Gia vị")).toBe(false);
    expect(
      searchableCategoryNames(["Cà phê & trà", "Coffee & tea", "Trà & trà thảo mộc", "Tea"]),
    ).toEqual(["Trà & trà thảo mộc", "Tea"]);
    expect(searchableCategoryNames(["Gia vị", "Spices & condiments", "Hồ tiêu", "Pepper"])).toEqual(
      ["Gia vị", "Hồ tiêu", "Pepper"],
    );
  });
});
