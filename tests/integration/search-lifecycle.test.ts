import { eq, sql } from "drizzle-orm";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { searchFts } from "~/modules/search/fts-engine.server";
import { PRICE_RANGES } from "~/modules/search/price-ranges";
import { rebuildFtsIndex } from "~/modules/search/fts-index.server";
import { indexListing, indexProducerListings } from "~/modules/search/sync.server";
import { searchQuery } from "~/modules/search/types";
import { openDatabase, openMigratedDatabase, type Db } from "~db/client.server";
import { categories, listings, producers, searchOutbox } from "~db/schema";
import { seedDemo } from "~db/seed/seed.server";
import { demoSearchDb, listingIdOf, skusFor } from "../helpers/search-demo";
import { setTestStock } from "../helpers/stock";

/** The PRICE_RANGES index of a price (bounds inclusive, whole đồng). */
function rangeIndex(price: number): number {
  return PRICE_RANGES.findIndex((range) => range.max === null || price <= range.max);
}

/** Changes a listing the way the catalog module does: the update and the index in one transaction. */
function change(db: Db, sku: string, values: Partial<typeof listings.$inferInsert>): number {
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

function outboxOf(db: Db, listingId: number) {
  return db
    .select({ operation: searchOutbox.operation, processedAt: searchOutbox.processedAt })
    .from(searchOutbox)
    .where(eq(searchOutbox.listingId, listingId))
    .all();
}

function addListing(
  db: Db,
  fields: { sku: string; title: string; status?: "draft" | "published" },
) {
  const producer = db.select({ id: producers.id }).from(producers).limit(1).get();
  const category = db
    .select({ id: categories.id })
    .from(categories)
    .where(eq(categories.code, "dac-san-che-bien"))
    .get();
  if (!producer || !category) throw new Error("demo catalog missing");
  const published = fields.status === "published";
  return db.transaction(() => {
    const { id } = db
      .insert(listings)
      .values({
        sku: fields.sku,
        producerId: producer.id,
        title: fields.title,
        slug: `${fields.sku.toLowerCase()}-test`,
        description: "Sản phẩm thử nghiệm.",
        categoryId: category.id,
        priceVnd: 50_000,
        unit: "gói",
        stock: 10,
        status: fields.status ?? "draft",
        publishedAt: published ? new Date() : null,
      })
      .returning({ id: listings.id })
      .get();
    indexListing(db, id);
    return id;
  });
}

describe("search follows the catalog right after each change", () => {
  let db: Db;
  beforeEach(async () => {
    db = await demoSearchDb();
  });

  it("finds a listing once published, not while it is a draft", () => {
    const id = addListing(db, { sku: "TEST01", title: "Mứt gừng Triệu Phong hũ 300g" });
    expect(skusFor(db, { q: "mut gung trieu phong" })).not.toContain("TEST01");
    expect(outboxOf(db, id).map((row) => row.operation)).toEqual(["delete"]);

    change(db, "TEST01", { status: "published", publishedAt: new Date() });
    expect(skusFor(db, { q: "mut gung trieu phong" })[0]).toBe("TEST01");
    expect(outboxOf(db, id).map((row) => row.operation)).toEqual(["delete", "upsert"]);
  });

  it("finds an edited listing by its new words only, and ranks it by its new price", () => {
    change(db, "SP0030", {
      title: "Chà bông gà xé Hồ Xá hộp 200g",
      description: "Gà ta xé sợi, rim khô.",
      tags: ["chà bông gà"],
    });
    expect(skusFor(db, { q: "heo" })).not.toContain("SP0030");
    expect(skusFor(db, { q: "ruoc heo" })).toEqual(["SP0030"]); // still its synonym "chà bông"
    expect(skusFor(db, { q: "cha bong ga xe" })).toEqual(["SP0030"]);

    change(db, "SP0143", { priceVnd: 1_000 });
    expect(skusFor(db, { q: "ca phe", sort: "price_asc" })[0]).toBe("SP0143");
  });

  it("does not find an archived listing", () => {
    const id = change(db, "SP0152", { status: "archived" });
    expect(skusFor(db, { q: "ca phe culi" })).toEqual([]);
    expect(outboxOf(db, id).map((row) => row.operation)).toEqual(["delete"]);
    change(db, "SP0152", { status: "published" });
    expect(skusFor(db, { q: "ca phe culi" })).toEqual(["SP0152"]);
  });

  it("finds an out-of-stock listing but ranks it after those in stock, whatever the sort", () => {
    const before = skusFor(db, { q: "ca phe arabica khe sanh" });
    expect(before.indexOf("SP0143")).toBeLessThan(before.length - 1);
    change(db, "SP0143", { stock: 0 });
    const after = skusFor(db, { q: "ca phe arabica khe sanh" });
    expect(after).toHaveLength(before.length);
    expect(after[after.length - 1]).toBe("SP0143");
    change(db, "SP0143", { priceVnd: 1_000 });
    const cheapest = skusFor(db, { q: "ca phe arabica khe sanh", sort: "price_asc" });
    expect(cheapest[cheapest.length - 1]).toBe("SP0143");
  });

  it("hides every listing of a suspended producer and shows them again once verified", () => {
    const producer = db.select().from(producers).where(eq(producers.code, "SX030")).get();
    if (!producer) throw new Error("no SX030");
    const suspend = (status: "suspended" | "verified") =>
      db.transaction(() => {
        db.update(producers)
          .set({ verificationStatus: status })
          .where(eq(producers.id, producer.id))
          .run();
        indexProducerListings(db, producer.id);
      });
    expect(skusFor(db, { q: "arabica khe sanh rang xay" })).toContain("SP0143");
    suspend("suspended");
    const found = skusFor(db, { q: "ca phe" });
    expect(found).not.toContain("SP0143");
    expect(found).toContain("SP0150"); // the other Khe Sanh coffee producer (SX031)
    suspend("verified");
    expect(skusFor(db, { q: "arabica khe sanh rang xay" })).toContain("SP0143");
  });

  it("ranks words typed with their marks first: đường before dương, and the reverse", () => {
    addListing(db, { sku: "TEST02", title: "Dương xỉ rừng sấy khô", status: "published" });
    addListing(db, { sku: "TEST03", title: "Đường phèn Cam Lộ hũ 500g", status: "published" });
    // "Rổ tre đan tay đường kính 40cm" (SP0067) is an exactly-marked "đường" too.
    const sugar = skusFor(db, { q: "đường" });
    expect(sugar.indexOf("TEST03")).toBeLessThan(sugar.indexOf("TEST02"));
    expect(sugar.indexOf("SP0067")).toBeLessThan(sugar.indexOf("TEST02"));
    const fern = skusFor(db, { q: "dương" });
    expect(fern[0]).toBe("TEST02");
    expect(skusFor(db, { q: "duong" })).toEqual(expect.arrayContaining(["TEST02", "TEST03"]));
  });

  it("rolls a change back together with the listing when the transaction fails", () => {
    const id = listingIdOf(db, "SP0152");
    expect(() =>
      db.transaction(() => {
        db.update(listings).set({ status: "archived" }).where(eq(listings.id, id)).run();
        indexListing(db, id);
        throw new Error("something later failed");
      }),
    ).toThrow("something later failed");
    expect(skusFor(db, { q: "ca phe culi" })).toEqual(["SP0152"]);
    expect(outboxOf(db, id)).toEqual([]);
  });
});

describe("text that is FTS5 syntax is searched as plain words", () => {
  const inputs = [
    '"',
    '"cà phê',
    "NEAR(",
    "NEAR(cà phê, 2)",
    "*",
    "cà*",
    "AND",
    "cà AND phê",
    "OR NOT",
    "tiêu -đen",
    "{title}: mật",
    "title:mật",
    "^cà",
    "(((",
    "a + b",
    "'; DROP TABLE listings; --",
    "\u0000\u0001",
    "🍯 mật ong",
    "x".repeat(200),
  ];

  it("never errors, in either match mode, and still finds the plain words", async () => {
    const db = await demoSearchDb();
    for (const q of inputs) {
      for (const matchMode of ["all", "any"] as const) {
        const result = searchFts(db, searchQuery({ q, matchMode }));
        expect(result.total, q).toBeGreaterThanOrEqual(0);
      }
    }
    expect(skusFor(db, { q: '"cà phê culi"' })).toEqual(["SP0152"]);
    expect(skusFor(db, { q: "{title}: cà* phê culi^" })).toEqual([]); // "title" is a word too
    expect(skusFor(db, { q: "cà* phê* (culi)" })).toEqual(["SP0152"]);
    expect(skusFor(db, { q: 'mật "ong" rừng*' })).toContain("SP0183");
  });
});

describe("filters, facets, sorting and pages", () => {
  let db: Db;
  beforeEach(async () => {
    db = await demoSearchDb();
  });

  it("counts facets on the result, categories with their parents", () => {
    const result = searchFts(db, searchQuery({ q: "ca phe arabica" }));
    expect(result.total).toBeGreaterThan(5);
    expect(result.facets.category["ca-phe-tra"]).toBeGreaterThanOrEqual(
      result.facets.category["ca-phe"] ?? 0,
    );
    const topLevel = db
      .select({ code: categories.code })
      .from(categories)
      .where(sql`${categories.parentId} is null`)
      .all()
      .map((c) => c.code);
    const categorySum = Object.entries(result.facets.category)
      .filter(([code]) => topLevel.includes(code))
      .reduce((sum, [, n]) => sum + n, 0);
    expect(categorySum).toBe(result.total);
    expect(Object.values(result.facets.commune).reduce((a, b) => a + b, 0)).toBe(result.total);
    expect(result.facets.commune["xã Khe Sanh"]).toBeGreaterThan(0);
    expect(result.facets.certification.VietGAP).toBeGreaterThan(0);

    const filtered = searchFts(db, searchQuery({ q: "ca phe arabica", category: "ca-phe-tra" }));
    expect(filtered.total).toBe(result.facets.category["ca-phe-tra"]);
    const byCommune = searchFts(db, searchQuery({ q: "ca phe arabica", commune: "khe sanh" }));
    expect(byCommune.total).toBe(result.facets.commune["xã Khe Sanh"]);
  });

  it("counts a changed price in its new range at once (facets read packed per listing)", () => {
    const query = searchQuery({ q: "ca phe arabica" });
    const before = searchFts(db, query);
    const hit = before.hits[0];
    if (!hit) throw new Error("no hit");
    const moved = hit.priceVnd > 500_000 ? 40_000 : 600_000;
    change(db, hit.sku, { priceVnd: moved });
    const expected = [...(before.priceRanges ?? [])];
    expected[rangeIndex(hit.priceVnd)] = (expected[rangeIndex(hit.priceVnd)] ?? 0) - 1;
    expected[rangeIndex(moved)] = (expected[rangeIndex(moved)] ?? 0) + 1;
    expect(searchFts(db, query).priceRanges).toEqual(expected);
    expect(skusFor(db, { q: "ca phe arabica", priceMin: moved, priceMax: moved })).toContain(
      hit.sku,
    );
  });

  it("filters on a category added since the last search (the category tree is kept only until a change)", () => {
    expect(skusFor(db, { q: "ca phe arabica" }).length).toBeGreaterThan(0);
    const parent = db.select().from(categories).where(eq(categories.code, "ca-phe")).get();
    if (!parent) throw new Error("demo catalog missing");
    const { id } = db
      .insert(categories)
      .values({
        code: "ca-phe-thu",
        nameVi: "Cà phê thử",
        nameEn: "Test coffee",
        parentId: parent.id,
      })
      .returning({ id: categories.id })
      .get();
    const [sku] = skusFor(db, { q: "ca phe arabica" });
    change(db, sku ?? "", { categoryId: id });
    expect(skusFor(db, { q: "ca phe arabica", category: "ca-phe-thu" })).toEqual([sku]);
    expect(skusFor(db, { q: "ca phe arabica", category: "ca-phe" })).toContain(sku);
  });

  it("counts and filters OCOP stars of valid certificates only", () => {
    // SP0157 (4 stars) expired before the reference day; SP0143 (5 stars) is valid.
    const result = searchFts(db, searchQuery({ q: "huong phung honey" }));
    expect(result.hits.map((h) => h.sku)).toContain("SP0157");
    expect(result.hits.find((h) => h.sku === "SP0157")?.ocopStars).toBe(0);
    expect(result.facets.ocop_stars["4"]).toBeUndefined();
    expect(skusFor(db, { q: "huong phung honey", ocopMin: 4 })).toEqual([]);

    const five = skusFor(db, { ocopMin: 5 });
    expect(five).toContain("SP0143");
    change(db, "SP0143", { ocopBadgeHidden: true });
    expect(skusFor(db, { ocopMin: 5 })).not.toContain("SP0143");
    // Checked against the given day: on the day after it expires, a certificate no longer counts.
    const row = db.select().from(listings).where(eq(listings.sku, "SP0144")).get();
    const expires = row?.ocopExpiresOn ?? "";
    const dayAfter = new Date(Date.parse(`${expires}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    expect(skusFor(db, { ocopMin: 5, today: expires })).toContain("SP0144");
    expect(skusFor(db, { ocopMin: 5, today: dayAfter })).not.toContain("SP0144");
  });

  it("filters by certification and price, sorts, and pages without overlap", () => {
    const organic = searchFts(db, searchQuery({ certification: "hữu cơ", perPage: 100 }));
    expect(organic.total).toBe(8);
    expect(organic.facets.certification["hữu cơ"]).toBe(8);
    const cheap = searchFts(db, searchQuery({ q: "gao", priceMax: 40_000, sort: "price_desc" }));
    const prices = cheap.hits.map((h) => h.priceVnd);
    expect(prices.every((p) => p <= 40_000)).toBe(true);
    expect([...prices].sort((a, b) => b - a)).toEqual(prices);

    const all = searchFts(db, searchQuery({ q: "tiêu", perPage: 100 })).hits.map((h) => h.sku);
    const page1 = searchFts(db, searchQuery({ q: "tiêu", perPage: 10, page: 1 }));
    const page2 = searchFts(db, searchQuery({ q: "tiêu", perPage: 10, page: 2 }));
    expect(page1.total).toBe(all.length);
    expect([...page1.hits, ...page2.hits].map((h) => h.sku)).toEqual(all.slice(0, 20));
    const beyond = searchFts(db, searchQuery({ q: "tiêu", perPage: 10, page: 99 }));
    expect(beyond.hits).toEqual([]);
    expect(beyond.total).toBe(all.length);
  });

  it("answers nothing for an unknown category or only stop words, and everything for no words", () => {
    expect(searchFts(db, searchQuery({ category: "khong-co" })).total).toBe(0);
    expect(searchFts(db, searchQuery({ q: "cần mua cho", matchMode: "any" })).total).toBe(0);
    expect(searchFts(db, searchQuery({})).total).toBe(220);
    const newest = searchFts(db, searchQuery({ sort: "newest", perPage: 5 })).hits;
    expect(newest).toHaveLength(5);
  });

  it("matches a whole purchase request sentence in any mode, best matches first", () => {
    const result = searchFts(
      db,
      searchQuery({ q: "Cần mua 50 kg cà phê hạt rang mỗi tháng cho quán", matchMode: "any" }),
    );
    expect(result.hits.slice(0, 3).map((h) => h.sku)).toEqual(
      expect.arrayContaining(["SP0145", "SP0150"]),
    );
  });
});

describe("the embedded index across processes and rebuilds", () => {
  it("sees a change another connection committed (another server process)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cungcau-search-"));
    try {
      const file = join(dir, "app.db");
      const writer = openMigratedDatabase(file);
      await seedDemo(writer, { today: new Date(), mode: "live" });
      const reader = openDatabase(file);
      expect(skusFor(reader, { q: "ca phe culi" })).toEqual(["SP0152"]);
      change(writer, "SP0152", { status: "archived" });
      expect(skusFor(reader, { q: "ca phe culi" })).toEqual([]);
      change(writer, "SP0152", { status: "published", title: "Cà phê Culi Robusta đặc biệt" });
      expect(skusFor(reader, { q: "culi dac biet" })).toEqual(["SP0152"]);
      // A new word is corrected from the vocabulary at once while reading it is cheap.
      expect(skusFor(reader, { q: "culi dac bietx" })).toEqual(["SP0152"]);
      reader.$client.close();
      writer.$client.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("rebuilds the index from the catalog, with progress, after it went wrong", async () => {
    const db = await demoSearchDb();
    // Both derived tables lost: the words (FTS5) and the values search matches on.
    db.run(sql`INSERT INTO listing_search(listing_search) VALUES ('delete-all')`);
    db.run(sql`DELETE FROM listing_search_docs`);
    expect(skusFor(db, { q: "ca phe culi" })).toEqual([]);
    const progress: [number, number][] = [];
    expect(rebuildFtsIndex(db, (done, total) => progress.push([done, total]))).toEqual({
      indexed: 220,
    });
    expect(progress[0]).toEqual([0, 220]);
    expect(progress[progress.length - 1]).toEqual([220, 220]);
    expect(skusFor(db, { q: "ca phe culi" })).toEqual(["SP0152"]);
  });
});
