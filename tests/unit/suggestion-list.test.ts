import { describe, expect, it } from "vitest";
import {
  SUGGEST_MAX_LENGTH,
  suggestionsUrl,
  toSuggestionList,
} from "~/components/search/suggestion-list";
import { fillIn, readData } from "~/islands/texts";

/** What the React combobox and the island's header search share, and how the island reads its words. */
describe("suggestion list", () => {
  it("asks only for words within the endpoint's limits, trimmed", () => {
    expect(suggestionsUrl(" c ")).toBeNull();
    expect(suggestionsUrl("x".repeat(SUGGEST_MAX_LENGTH + 1))).toBeNull();
    expect(suggestionsUrl("  cà phê ")).toBe("/tim-kiem/goi-y?q=c%C3%A0+ph%C3%AA");
    expect(suggestionsUrl("x".repeat(SUGGEST_MAX_LENGTH))).not.toBeNull();
  });

  it("keeps only well-formed suggestions of a well-formed answer", () => {
    const good = { sku: "SP1", title: "Cà phê", priceVnd: 90000, unit: "gói", path: "/san-pham/a" };
    expect(
      toSuggestionList({
        suggestions: [good, { ...good, priceVnd: "90000" }, null, "x"],
        correctedQuery: 3,
        searchPath: "/tim-kiem?q=ca",
      }),
    ).toEqual({ suggestions: [good], correctedQuery: null, searchPath: "/tim-kiem?q=ca" });
    expect(toSuggestionList({ suggestions: [good] })).toBeNull();
    expect(toSuggestionList(null)).toBeNull();
    expect(toSuggestionList("[]")).toBeNull();
  });
});

describe("the island's words", () => {
  it("fills in the marks it is given and leaves the others", () => {
    expect(fillIn("{price}/{unit}", { price: "90.000 ₫", unit: "gói" })).toBe("90.000 ₫/gói");
    expect(fillIn("{count} gợi ý {other}", { count: "6" })).toBe("6 gợi ý {other}");
  });

  it("reads a data attribute only when every named field has its type", () => {
    const check = { label: "string", priceVnd: "number", units: "object" } as const;
    expect(readData('{"label":"Gợi ý","priceVnd":90000,"units":{},"extra":1}', check)).toEqual({
      label: "Gợi ý",
      priceVnd: 90000,
      units: {},
      extra: 1,
    });
    expect(readData('{"label":"Gợi ý","priceVnd":"90000","units":{}}', check)).toBeNull();
    expect(readData('{"label":"Gợi ý","priceVnd":90000,"units":null}', check)).toBeNull();
    expect(readData("not json", check)).toBeNull();
    expect(readData(undefined, check)).toBeNull();
    expect(readData("[]", check)).toBeNull();
  });
});
