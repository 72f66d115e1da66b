import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { en } from "~/lib/i18n/en";
import { t } from "~/lib/i18n";
import {
  MAX_LISTINGS_PER_PRODUCER,
  matchesForRequest,
  type RequestMatch,
  type RequestToMatch,
} from "~/modules/demand/matching.server";
import { producerPlace } from "~/modules/demand/matching-places";
import type { Db } from "~db/client.server";
import { demoSearchDb } from "../helpers/search-demo";

/**
 * The matcher on the demo catalog (a fresh seeded database): what lowers a match and what
 * removes it, its reasons in both languages, and the committed fixture of demo requests.
 */

let db: Db;
beforeAll(async () => {
  db = await demoSearchDb();
});

interface ListingFacts {
  id: number;
  sku: string;
  title: string;
  unit: string;
  stock: number;
  min_order_qty: number;
  category_id: number;
  producer_id: number;
  commune: string;
  address: string;
}

function listing(where: string): ListingFacts {
  const row = db.$client
    .prepare(
      `SELECT l.id, l.sku, l.title, l.unit, l.stock, l.min_order_qty, l.category_id,
              l.producer_id, p.commune, p.address
       FROM listings l JOIN producers p ON p.id = l.producer_id
       WHERE l.status = 'published' AND p.verification_status = 'verified' AND ${where}
       ORDER BY l.id LIMIT 1`,
    )
    .get() as ListingFacts | undefined;
  if (!row) throw new Error(`no demo listing where ${where}`);
  return row;
}

/** A request asking for exactly this listing's goods, in its unit, delivered far away. */
function requestFor(facts: ListingFacts, fields: Partial<RequestToMatch> = {}): RequestToMatch {
  return {
    title: facts.title,
    description: "",
    categoryId: facts.category_id,
    quantity: Math.max(1, Math.min(facts.stock, facts.min_order_qty)),
    unit: facts.unit,
    provinceCode: "01",
    communeCode: null,
    deliveryLocation: "Thành phố Hà Nội",
    ...fields,
  };
}

function matchOf(matches: RequestMatch[], facts: ListingFacts): RequestMatch | undefined {
  return matches.find((match) => match.listing?.id === facts.id);
}

const keys = (match: RequestMatch | undefined) => match?.reasons.map((reason) => reason.key) ?? [];

describe("matchesForRequest", () => {
  it("ranks by score, one match per listing, a few listings per producer at most", async () => {
    const facts = listing("l.stock > 0");
    const matches = await matchesForRequest(db, requestFor(facts), { limit: 50 });
    expect(matches.length).toBeGreaterThan(0);
    expect(matchOf(matches, facts)).toBeDefined();
    const scores = matches.map((match) => match.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const ids = matches.map((match) => match.listing?.id);
    expect(new Set(ids).size).toBe(ids.length);
    const perProducer = new Map<number, number>();
    for (const match of matches) {
      perProducer.set(match.producer.id, (perProducer.get(match.producer.id) ?? 0) + 1);
    }
    expect(Math.max(...perProducer.values())).toBeLessThanOrEqual(MAX_LISTINGS_PER_PRODUCER);
    expect(matches[0]?.producer.code).toMatch(/^SX\d+$/);
    expect(matches[0]?.listing?.sku).toMatch(/^SP\d+$/);
  });

  it("too little stock lowers a match and says so, never removes it", async () => {
    const facts = listing("l.stock > 0");
    const enough = matchOf(await matchesForRequest(db, requestFor(facts), { limit: 50 }), facts);
    const tooMuch = requestFor(facts, { quantity: facts.stock + 1000 });
    const short = matchOf(await matchesForRequest(db, tooMuch, { limit: 50 }), facts);
    expect(keys(enough)).toContain("demand.match.stockEnough");
    expect(short?.reasons).toContainEqual({
      key: "demand.match.stockShort",
      params: { stock: facts.stock, quantity: facts.stock + 1000, unit: facts.unit },
    });
    expect(short?.score ?? Infinity).toBeLessThan(enough?.score ?? 0);
  });

  it("a minimum order above the quantity lowers a match and says so", async () => {
    const facts = listing("l.min_order_qty > 1 AND l.stock > 0");
    const atMinimum = requestFor(facts, { quantity: facts.min_order_qty });
    const below = requestFor(facts, { quantity: 1 });
    const kept = matchOf(await matchesForRequest(db, atMinimum, { limit: 50 }), facts);
    const lowered = matchOf(await matchesForRequest(db, below, { limit: 50 }), facts);
    expect(lowered?.reasons).toContainEqual({
      key: "demand.match.minimumOrder",
      params: { minimum: facts.min_order_qty, unit: facts.unit },
    });
    expect(keys(kept)).not.toContain("demand.match.minimumOrder");
    expect(lowered?.score ?? Infinity).toBeLessThan(kept?.score ?? 0);
  });

  it("another unit lowers a match and says so", async () => {
    const facts = listing("l.unit <> 'lít' AND l.stock > 0");
    const same = matchOf(await matchesForRequest(db, requestFor(facts), { limit: 50 }), facts);
    const other = requestFor(facts, { unit: "lít" });
    const lowered = matchOf(await matchesForRequest(db, other, { limit: 50 }), facts);
    expect(lowered?.reasons).toContainEqual({
      key: "demand.match.otherUnit",
      params: { unit: facts.unit, wanted: "lít" },
    });
    expect(lowered?.score ?? Infinity).toBeLessThan(same?.score ?? 0);
  });

  it("names the category, the place, OCOP stars and certifications", async () => {
    const facts = listing(
      `l.ocop_stars > 0 AND l.ocop_expires_on > date('now') AND l.ocop_badge_hidden = 0
       AND EXISTS (SELECT 1 FROM listing_certifications c WHERE c.listing_id = l.id)`,
    );
    // The request names its place by official codes; the producer's is free text.
    const commune = producerPlace(facts.commune, facts.address).commune;
    expect(commune, `${facts.commune} is an official commune`).toBeTruthy();
    const near = requestFor(facts, {
      provinceCode: commune?.provinceOfficialCode ?? null,
      communeCode: commune?.code ?? null,
      deliveryLocation: commune?.name ?? "",
    });
    const match = matchOf(await matchesForRequest(db, near, { limit: 50 }), facts);
    expect(keys(match)).toEqual(
      expect.arrayContaining([
        "demand.match.sameCategory",
        "demand.match.sameCommune",
        "demand.match.ocop",
        "demand.match.certification",
      ]),
    );
    const far = matchOf(await matchesForRequest(db, requestFor(facts), { limit: 50 }), facts);
    expect(keys(far)).not.toContain("demand.match.sameCommune");
    expect(far?.score ?? Infinity).toBeLessThan(match?.score ?? 0);
  });

  it("says why in Vietnamese and in English, with every parameter filled in", async () => {
    const facts = listing("l.stock > 0");
    const matches = await matchesForRequest(db, requestFor(facts), { limit: 50 });
    for (const { reasons } of matches) {
      for (const { key, params } of reasons) {
        for (const locale of ["vi", "en"] as const) {
          const text = t(locale, key, params);
          expect(text).not.toMatch(/[{}]/);
          expect(text.length).toBeGreaterThan(3);
        }
        expect(Object.hasOwn(en, key)).toBe(true);
      }
    }
    const match = matchOf(matches, facts);
    const category = match?.reasons.find((r) => r.key === "demand.match.sameCategory");
    const name = db.$client
      .prepare("SELECT name_vi FROM categories WHERE id = ?")
      .pluck()
      .get(facts.category_id) as string;
    expect(t("vi", "demand.match.sameCategory", category?.params)).toBe(`cùng danh mục ${name}`);
  });

  it("gives no match at all for words the catalog does not have", async () => {
    const facts = listing("1 = 1");
    for (const title of ["Cần mua xyzzy qwrtp blorf", "Cần mua 50 kg mỗi tháng", ""]) {
      expect(await matchesForRequest(db, requestFor(facts, { title }))).toEqual([]);
    }
  });

  it("never matches a listing that is not published or whose producer is not verified", async () => {
    const facts = listing("l.stock > 0");
    const request = requestFor(facts);
    expect(matchOf(await matchesForRequest(db, request, { limit: 50 }), facts)).toBeDefined();
    const setStatus = db.$client.prepare("UPDATE listings SET status = ? WHERE id = ?");
    const setProducer = db.$client.prepare(
      "UPDATE producers SET verification_status = ? WHERE id = ?",
    );
    try {
      for (const status of ["archived", "pending", "draft"]) {
        setStatus.run(status, facts.id);
        expect(matchOf(await matchesForRequest(db, request, { limit: 50 }), facts)).toBeUndefined();
      }
      setStatus.run("published", facts.id);
      setProducer.run("suspended", facts.producer_id);
      const matches = await matchesForRequest(db, request, { limit: 50 });
      expect(matches.filter((match) => match.producer.id === facts.producer_id)).toEqual([]);
    } finally {
      setStatus.run("published", facts.id);
      setProducer.run("verified", facts.producer_id);
    }
  });

  it("reads a stored request by id, and refuses an unknown one", async () => {
    const row = db.$client
      .prepare(
        `SELECT id, title, description, category_id AS categoryId, quantity, unit,
                province_code AS provinceCode, commune_code AS communeCode,
                delivery_location AS deliveryLocation
         FROM purchase_requests ORDER BY code LIMIT 1`,
      )
      .get() as RequestToMatch & { id: number };
    const byId = await matchesForRequest(db, row.id, { limit: 5 });
    expect(byId).toEqual(await matchesForRequest(db, row, { limit: 5 }));
    expect(byId.length).toBeGreaterThan(0);
    expect(byId.length).toBeLessThanOrEqual(5);
    await expect(matchesForRequest(db, 999_999)).rejects.toMatchObject({ status: 404 });
  });
});

interface FixtureRow {
  code: string;
  /** 0: the request must have no match at all. */
  within: number;
  accept: string[];
  why: string;
}

const fixture = JSON.parse(
  readFileSync(new URL("../fixtures/request-matches.json", import.meta.url), "utf8"),
) as { requests: FixtureRow[] };

/** Where each accepted sku ranks (1-based) among all the matches, or "–". */
function ranksFound(matches: RequestMatch[], accept: readonly string[]): string {
  const skus = matches.map((match) => match.listing?.sku);
  return accept.map((sku) => `${sku}:${skus.indexOf(sku) + 1 || "–"}`).join(" ");
}

describe("the committed fixture of demo requests (tests/fixtures/request-matches.json)", () => {
  it.each(fixture.requests.map((row) => [row.code, row] as const))("%s", async (code, row) => {
    const id = db.$client
      .prepare("SELECT id FROM purchase_requests WHERE code = ?")
      .pluck()
      .get(code) as number | undefined;
    expect(id, `${code} is not a demo request`).toBeDefined();
    const matches = await matchesForRequest(db, id ?? 0, { limit: 100 });
    const top = matches.slice(0, row.within).map((match) => match.listing?.sku);
    const table = [
      `${code}: ${matches.length} matches; accepted within ${row.within}`,
      `  ranks found: ${ranksFound(matches, row.accept) || "(none accepted)"}`,
      `  first ${Math.max(row.within, 5)}: ${
        matches
          .slice(0, Math.max(row.within, 5))
          .map((match) => `${match.listing?.sku} ${match.score}`)
          .join(", ") || "(no match)"
      }`,
    ].join("\n");
    if (row.within === 0) expect(matches, table).toEqual([]);
    else
      expect(
        top.some((sku) => sku !== undefined && row.accept.includes(sku)),
        table,
      ).toBe(true);
  });
});
