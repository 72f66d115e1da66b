import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { searchFts } from "~/modules/search/fts-engine.server";
import { MeiliEngine } from "~/modules/search/meili-engine.server";
import { searchListings, setExternalEngine } from "~/modules/search/search.server";
import { searchQuery } from "~/modules/search/types";
import type { Db } from "~db/client.server";
import { startFakeMeili, type FakeMeili } from "../helpers/search-fake-meili";
import { demoSearchDb, skusFor } from "../helpers/search-demo";

/**
 * Search that forgives (issue 14): run-together words, product codes, OCOP words, "did you
 * mean", categories that keep to themselves and whole words first, on the demo catalog;
 * and the same rules sent to Meilisearch (against the recording fake).
 */

describe("the embedded engine forgives what buyers type", () => {
  let db: Db;
  beforeAll(async () => {
    db = await demoSearchDb();
  });
  const search = (fields: Parameters<typeof searchQuery>[0]) =>
    searchFts(db, searchQuery({ perPage: 100, ...fields }));

  it("finds coffee as 'caphe', 'ca phe', 'cafe' and 'cà phê', and fish sauce as 'nuocmam'", () => {
    const coffee = skusFor(db, { q: "cà phê" });
    expect(coffee.length).toBeGreaterThan(10);
    for (const q of ["caphe", "ca phe", "cafe", "Caphe"]) {
      expect(new Set(skusFor(db, { q })), q).toEqual(new Set(coffee));
    }
    const fishSauce = search({ q: "nuocmam" });
    expect(fishSauce.hits.slice(0, 8).every((hit) => /nước mắm/i.test(hit.title))).toBe(true);
  });

  it("says what it corrected, with marks, and nothing when every word was known", () => {
    expect(search({ q: "caphe" }).correctedQuery).toBe("cà phê");
    expect(search({ q: "nuocmam cua viet" }).correctedQuery).toBe("nước mắm cua viet");
    expect(search({ q: "robutsa ocop" }).correctedQuery).toBe("robusta ocop");
    expect(search({ q: "cà phê" }).correctedQuery).toBeUndefined();
  });

  it("finds a product by its exact code first, and only it when only the code was typed", () => {
    expect(skusFor(db, { q: "SP0001" })).toEqual(["SP0001"]);
    expect(skusFor(db, { q: "sp0152" })).toEqual(["SP0152"]);
    const mixed = skusFor(db, { q: "SP0131 tiêu" });
    expect(mixed[0]).toBe("SP0131");
    expect(mixed.length).toBeGreaterThan(5);
    // A code the catalog does not have is searched as words (and finds nothing here).
    expect(skusFor(db, { q: "SP9999" })).toEqual([]);
    // Filters still apply to a typed code.
    expect(skusFor(db, { q: "SP0001", category: "ca-phe" })).toEqual([]);
  });

  it("reads 'ocop' as OCOP products and 'ocop 4 sao' as those with exactly 4 stars", () => {
    const any = search({ q: "ocop" });
    expect(any.total).toBeGreaterThan(10);
    expect(any.hits.every((hit) => hit.ocopStars > 0)).toBe(true);
    const four = search({ q: "ocop 4 sao" });
    expect(four.total).toBeGreaterThan(3);
    expect(four.hits.every((hit) => hit.ocopStars === 4)).toBe(true);
    const fishSauce = search({ q: "nước mắm OCOP 5 sao" });
    expect(fishSauce.hits.map((hit) => hit.sku)).toEqual(["SP0131"]);
  });

  it("keeps a category filter to that category, and an umbrella's name to its own goods", () => {
    const inCoffeeAndTea = search({ q: "ca phe", category: "ca-phe-tra" });
    expect(inCoffeeAndTea.total).toBeGreaterThan(0);
    for (const hit of inCoffeeAndTea.hits) {
      expect(["ca-phe", "tra"]).toContain(hit.categoryCode);
      // A tea is found only when its own words speak of coffee ("Trà hoa cà phê").
      if (hit.categoryCode === "tra") expect(hit.title.toLowerCase()).toContain("cà phê");
    }
    expect(inCoffeeAndTea.hits.map((hit) => hit.sku)).not.toContain("SP0064");
    for (const hit of search({ q: "tra", category: "ca-phe" }).hits) {
      expect(hit.categoryCode).toBe("ca-phe");
    }
    // A single-kind parent still names its goods: "gia vị" finds pepper.
    expect(skusFor(db, { q: "gia vi" })).toContain("SP0002");
  });

  it("puts whole-word title matches first: the first 10 for 'tra' are teas", () => {
    const first = search({ q: "tra" }).hits.slice(0, 10);
    expect(first).toHaveLength(10);
    for (const hit of first) {
      expect(hit.title.toLowerCase(), hit.sku).toMatch(/(^|\s)(trà|chè)(\s|$)/u);
    }
    const titles = search({ q: "tra" }).hits.map((hit) => hit.title);
    const tranh = titles.findIndex((title) => title.startsWith("Tranh"));
    const lastTea = titles.findLastIndex((title) => /(^|\s)trà(\s|$)/iu.test(title));
    expect(tranh === -1 || tranh > lastTea).toBe(true);
  });
});

describe("the Meilisearch adapter gets the same synonyms and corrections", () => {
  let fake: FakeMeili;
  let db: Db;
  let engine: MeiliEngine;
  beforeAll(async () => {
    fake = await startFakeMeili();
    db = await demoSearchDb();
    engine = new MeiliEngine(db, { host: fake.url, apiKey: "test-key", timeoutMs: 5_000 });
    setExternalEngine(db, engine);
    await engine.rebuild();
  }, 60_000);
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(() => {
    fake.requests.length = 0;
  });
  const searches = () =>
    fake.requests
      .filter((r) => r.path === "/indexes/listings/search")
      .map((r) => r.body as { q: string; filter: string[] });

  it("sends the joined-word split and the typo correction, and returns the 'did you mean'", async () => {
    const result = await searchListings(db, searchQuery({ q: "caphe robutsa" }));
    expect(searches()[0]?.q).toBe("cà phê robusta");
    expect(result.correctedQuery).toBe("cà phê robusta");
    expect(result.engine).toBe("meilisearch");
  });

  it("sends a typed code as a sku filter and OCOP stars as an exact filter", async () => {
    const byCode = await searchListings(db, searchQuery({ q: "sp0001" }));
    expect(searches()[0]).toMatchObject({ q: "", filter: ['sku IN ["SP0001"]'] });
    expect(byCode.hits[0]?.sku).toBe("SP0001");
    fake.requests.length = 0;
    await searchListings(db, searchQuery({ q: "nước mắm ocop 4 sao", today: "2026-12-01" }));
    expect(searches()[0]).toMatchObject({
      q: "nước mắm",
      filter: ["ocop_stars = 4", "ocop_expires_day >= 20788"],
    });
  });

  it("sends the synonyms of synonyms.json and no umbrella category names", async () => {
    await engine.applySettings();
    const settings = fake.requests.find((r) => r.path === "/indexes/listings/settings")?.body as {
      synonyms: Record<string, string[]>;
      filterableAttributes: string[];
    };
    expect(settings.synonyms["cafe"]).toContain("cà phê");
    expect(settings.filterableAttributes).toContain("sku");
    const tea = [...fake.documents.values()].find((doc) => doc.sku === "SP0064");
    expect(tea?.category_names).toEqual(["Trà & trà thảo mộc", "Tea & herbal tea"]);
  });
});
