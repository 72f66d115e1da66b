import { describe, expect, it } from "vitest";
import { searchPage } from "~/modules/search/page.server";
import {
  PAGE_PARAM,
  pageParamsOf,
  parsePageParams,
  searchHref,
} from "~/modules/search/page-params";
import { PRICE_RANGES } from "~/modules/search/price-ranges";
import { searchStatus } from "~/modules/search/search.server";
import { indexListing, pendingOutboxCount } from "~/modules/search/sync.server";
import { searchQuery } from "~/modules/search/types";
import { demoSearchDb, listingIdOf } from "../helpers/search-demo";

/**
 * What the search page and /healthz read from the search module: the page's URL (lenient,
 * Vietnamese names), the facets with category names, price-range counts, close categories
 * when nothing matched, and the search status.
 */

const kindOf = (kind: string) => (kind.toLowerCase() === "vietgap" ? "VietGAP" : null);

describe("the search page's URL", () => {
  it("reads every filter, ignores bad values and writes the same URL back", () => {
    const params = new URLSearchParams({
      q: "  cà phê ",
      "danh-muc": "ca-phe",
      xa: "xã Khe Sanh",
      ocop: "4",
      "chung-nhan": "vietgap",
      "gia-tu": "100000",
      "gia-den": "50000",
      "sap-xep": "gia-tang",
      trang: "2",
    });
    const query = parsePageParams(params, kindOf);
    expect(query).toMatchObject({
      q: "cà phê",
      category: "ca-phe",
      commune: "xã Khe Sanh",
      ocopMin: 4,
      certification: "VietGAP",
      priceMin: 50000,
      priceMax: 100000,
      sort: "price_asc",
      page: 2,
      perPage: 20,
    });
    expect(pageParamsOf(query).get(PAGE_PARAM.sort)).toBe("gia-tang");
    // A facet link keeps the other filters and goes back to the first page.
    const href = searchHref(query, { commune: null });
    expect(href).toContain("danh-muc=ca-phe");
    expect(href).not.toContain("xa=");
    expect(href).not.toContain("trang=");

    const bad = parsePageParams(
      new URLSearchParams({ "danh-muc": "Cà Phê!", ocop: "9", trang: "-1", "sap-xep": "x" }),
      kindOf,
    );
    expect(bad).toMatchObject({ category: null, ocopMin: null, page: 1, sort: "relevance" });
  });
});

describe("searchPage", () => {
  it("answers like the API, with category names and price-range counts", async () => {
    const db = await demoSearchDb();
    const { result, categories, related } = await searchPage(db, searchQuery({ q: "ca phe" }));
    expect(result.total).toBeGreaterThan(3);
    expect(related).toEqual([]);
    const coffee = categories.find((c) => c.code === "ca-phe");
    expect(coffee?.nameVi).toBe("Cà phê");
    expect(Object.keys(result.facets.category)).toContain("ca-phe");
    expect(result.priceRanges).toHaveLength(PRICE_RANGES.length);
    expect(result.priceRanges?.reduce((sum, n) => sum + n, 0)).toBe(result.total);
    // Each range's count is what filtering by it finds.
    const [first] = PRICE_RANGES;
    const cheap = await searchPage(
      db,
      searchQuery({ q: "ca phe", priceMin: first?.min ?? null, priceMax: first?.max ?? null }),
    );
    expect(cheap.result.total).toBe(result.priceRanges?.[0]);
    expect(result.hits[0]?.image === null || typeof result.hits[0]?.image?.key === "string").toBe(
      true,
    );
  });

  it("offers close categories when nothing matches all the words", async () => {
    const db = await demoSearchDb();
    const { result, related } = await searchPage(
      db,
      searchQuery({ q: "mật ong xyzkhongco", commune: "xã Khe Sanh" }),
    );
    expect(result.total).toBe(0);
    expect(related.length).toBeGreaterThan(0);
    expect(related[0]?.count).toBeGreaterThan(0);
  });
});

describe("searchStatus", () => {
  it("names the engine answering and counts the changes waiting in the outbox", async () => {
    const db = await demoSearchDb();
    const before = pendingOutboxCount(db);
    expect(searchStatus(db)).toEqual({
      answering: "fts",
      meilisearch: { configured: false, available: false },
      pendingOutbox: before,
    });
    indexListing(db, listingIdOf(db, "SP0143"));
    expect(searchStatus(db).pendingOutbox).toBe(before + 1);
  });
});
