import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MeiliEngine } from "~/modules/search/meili-engine.server";
import { searchListings, setExternalEngine } from "~/modules/search/search.server";
import {
  drainSearchOutbox,
  indexListing,
  pendingOutboxCount,
  startSearchIndexer,
} from "~/modules/search/sync.server";
import { searchQuery } from "~/modules/search/types";
import type { Db } from "~db/client.server";
import { listings, searchOutbox } from "~db/schema";
import { startFakeMeili, type FakeMeili } from "../helpers/search-fake-meili";
import { demoSearchDb, listingIdOf } from "../helpers/search-demo";
import { setTestStock } from "../helpers/stock";

/**
 * Contract tests of the Meilisearch adapter against a local server that records what the
 * adapter sends (settings, documents, deletes, searches) and answers in Meilisearch's
 * documented shapes, including a period where it is unreachable.
 */

let fake: FakeMeili;
let db: Db;
let engine: MeiliEngine;

beforeAll(async () => {
  fake = await startFakeMeili();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(async () => {
  fake.requests.length = 0;
  fake.documents.clear();
  fake.setDown(false);
  db = await demoSearchDb();
  engine = new MeiliEngine(db, { host: fake.url, apiKey: "test-key", timeoutMs: 1_000 });
  setExternalEngine(db, engine);
});
afterEach(() => {
  fake.setDown(false);
});

function change(sku: string, values: Partial<typeof listings.$inferInsert>): number {
  const id = listingIdOf(db, sku);
  db.transaction(() => {
    // Stock moves only through its ledger (docs/decisions/015).
    const { stock, ...rest } = values;
    if (Object.keys(rest).length > 0)
      db.update(listings).set(rest).where(eq(listings.id, id)).run();
    if (stock !== undefined) setTestStock(db, id, stock);
    indexListing(db, id);
  });
  return id;
}

const writes = () =>
  fake.requests.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path}`);

describe("Meilisearch adapter", () => {
  it("applies its settings by code and waits for each task", async () => {
    await engine.applySettings();
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /indexes",
      "GET /tasks/0",
      "PATCH /indexes/listings/settings",
      "GET /tasks/1",
    ]);
    expect(fake.requests[0]?.body).toEqual({ uid: "listings", primaryKey: "id" });
    const settings = fake.requests[2]?.body as Record<string, unknown>;
    expect(settings.searchableAttributes).toEqual(
      expect.arrayContaining(["title", "title_folded", "tags", "description_folded"]),
    );
    expect((settings.searchableAttributes as string[])[0]).toBe("title");
    expect(settings.filterableAttributes).toEqual(
      expect.arrayContaining([
        "category_codes",
        "commune",
        "ocop_stars",
        "certifications",
        "price_vnd",
      ]),
    );
    expect(settings.sortableAttributes).toEqual(
      expect.arrayContaining(["in_stock", "price_vnd", "published_at"]),
    );
    expect(settings.rankingRules).toEqual([
      "sort",
      "words",
      "typo",
      "proximity",
      "attribute",
      "exactness",
    ]);
    expect(settings.typoTolerance).toEqual({
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
    });
    const synonyms = settings.synonyms as Record<string, string[]>;
    expect(synonyms["cà phê"]).toEqual(expect.arrayContaining(["cafe", "coffee"]));
    expect(Object.keys(synonyms).length).toBeGreaterThanOrEqual(60);

    // Applying again: "index already exists" is fine, the settings are sent again.
    await engine.applySettings();
    expect(writes()).toHaveLength(4);
  });

  it("rebuilds: settings, then an emptied index, then every searchable listing", async () => {
    const progress: number[] = [];
    const { indexed } = await engine.rebuild((done) => progress.push(done));
    expect(indexed).toBe(220);
    expect(writes()).toEqual([
      "POST /indexes",
      "PATCH /indexes/listings/settings",
      "DELETE /indexes/listings/documents",
      "POST /indexes/listings/documents",
    ]);
    // Every write was awaited before the next one was sent.
    const sequence = fake.requests.map((r) => r.method);
    expect(sequence).toEqual(["POST", "GET", "PATCH", "GET", "DELETE", "GET", "POST", "GET"]);
    expect(fake.documents.size).toBe(220);
    expect(progress[progress.length - 1]).toBe(220);
    const doc = fake.documents.get(listingIdOf(db, "SP0127"));
    expect(doc).toMatchObject({
      sku: "SP0127",
      title: "Đậu đen xanh lòng Hải Lăng 1kg",
      title_folded: "dau den xanh long hai lang 1 kg",
      category_codes: ["gao-ngu-coc", "dau-hat"],
      in_stock: 1,
      ocop_stars: 3,
    });
    expect(fake.requests.every((r) => r.path !== "/health")).toBe(true);
  });

  it("sends changes from the outbox: upserts, and deletes for listings no longer searchable", async () => {
    await engine.rebuild();
    fake.requests.length = 0;
    const edited = change("SP0143", { priceVnd: 123_000 });
    const archived = change("SP0152", { status: "archived" });
    expect(pendingOutboxCount(db)).toBe(2);

    const result = await drainSearchOutbox(db, engine);
    expect(result).toEqual({ sent: 2, pending: 0 });
    expect(writes()).toEqual([
      "POST /indexes/listings/documents",
      "POST /indexes/listings/documents/delete-batch",
    ]);
    expect(fake.requests[0]?.body).toEqual([
      expect.objectContaining({ id: edited, price_vnd: 123_000 }),
    ]);
    expect(fake.requests.find((r) => r.path.endsWith("delete-batch"))?.body).toEqual([archived]);
    expect(fake.documents.has(archived)).toBe(false);
    expect(fake.documents.get(edited)?.price_vnd).toBe(123_000);
  });

  it("keeps the changes while Meilisearch is down and delivers them once it is back", async () => {
    await engine.rebuild();
    fake.setDown(true);

    const archived = change("SP0152", { status: "archived" });
    await expect(drainSearchOutbox(db, engine)).rejects.toThrow();
    const kept = db.select().from(searchOutbox).all();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({
      attempts: 1,
      processedAt: null,
      lastError: expect.any(String),
    });

    // Meanwhile search answers from the embedded index, with the change already in it.
    const during = await searchListings(db, searchQuery({ q: "ca phe culi" }));
    expect(during.engine).toBe("fts");
    expect(during.total).toBe(0);
    const renamed = change("SP0143", { title: "Cà phê Arabica Khe Sanh rang xay đặc biệt 500g" });
    expect(engine.isAvailable()).toBe(false);

    fake.setDown(false);
    engine.markAvailable();
    const result = await drainSearchOutbox(db, engine);
    expect(result).toEqual({ sent: 2, pending: 0 });
    expect(fake.documents.has(archived)).toBe(false);
    expect(fake.documents.get(renamed)?.title).toBe(
      "Cà phê Arabica Khe Sanh rang xay đặc biệt 500g",
    );

    const after = await searchListings(db, searchQuery({ q: "ca phe culi" }));
    expect(after.engine).toBe("meilisearch");
    expect(after.total).toBe(0);
  });

  it("searches with filters, facets and sort in Meilisearch's syntax, hits read from the catalog", async () => {
    await engine.rebuild();
    fake.requests.length = 0;
    const result = await searchListings(
      db,
      searchQuery({
        q: 'cà phê "khe sanh"',
        category: "ca-phe",
        commune: "Khe Sanh",
        ocopMin: 4,
        certification: "vietgap",
        priceMin: 100_000,
        priceMax: 400_000,
        sort: "price_asc",
        page: 1,
        perPage: 5,
        today: "2026-12-01",
      }),
    );
    const request = fake.requests.find((r) => r.path === "/indexes/listings/search");
    expect(request?.body).toEqual({
      q: "cà phê khe sanh",
      filter: [
        'category_codes = "ca-phe"',
        '(commune = "Khe Sanh" OR commune_folded = "khe sanh" OR commune_short = "khe sanh")',
        "ocop_stars >= 4",
        "ocop_expires_day >= 20788",
        'certifications = "VietGAP"',
        "price_vnd >= 100000",
        "price_vnd <= 400000",
      ],
      facets: ["category_codes", "commune", "ocop_stars", "certifications"],
      sort: ["in_stock:desc", "price_vnd:asc"],
      page: 1,
      hitsPerPage: 5,
      attributesToRetrieve: ["id"],
      matchingStrategy: "all",
    });
    expect(result.engine).toBe("meilisearch");
    expect(result.total).toBeGreaterThan(0);
    expect(result.hits[0]).toMatchObject({
      sku: expect.stringMatching(/^SP/),
      path: expect.any(String),
    });
    expect(result.facets.category["ca-phe"]).toBeGreaterThan(0);
    expect(result.facets.ocop_stars["0"]).toBeUndefined();

    fake.requests.length = 0;
    await searchListings(db, searchQuery({ q: "Cần mua cà phê cho quán", matchMode: "any" }));
    expect(fake.requests[0]?.body).toMatchObject({
      q: "cà phê quán",
      matchingStrategy: "frequency",
      sort: ["in_stock:desc"],
    });
  });

  it("drains right after the commit when the indexer runs, and on its timer", async () => {
    await engine.rebuild();
    fake.requests.length = 0;
    const indexer = startSearchIndexer(db, engine, { intervalMs: 60_000 });
    try {
      await indexer.drainNow();
      const id = change("SP0143", { stock: 0 });
      await expect.poll(() => fake.documents.get(id)?.in_stock, { timeout: 5_000 }).toBe(0);
      expect(pendingOutboxCount(db)).toBe(0);
    } finally {
      await indexer.stop();
    }
  });
});
