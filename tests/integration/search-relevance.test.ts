import { parse } from "csv-parse/sync";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchFts } from "~/modules/search/fts-engine.server";
import { MeiliEngine } from "~/modules/search/meili-engine.server";
import { searchQuery } from "~/modules/search/types";
import type { Db } from "~db/client.server";
import { demoSearchDb } from "../helpers/search-demo";

/**
 * The committed relevance fixture: for each query, the expected product must be in the
 * top 3 on the demo catalog. Kinds: no marks, đ, typos, synonyms, near-duplicates.
 */
interface FixtureRow {
  query: string;
  expected_sku: string;
  kind: string;
  note: string;
}
const fixture = parse(
  readFileSync(new URL("../fixtures/search-relevance.csv", import.meta.url), "utf8"),
  { columns: true, skip_empty_lines: true },
) as FixtureRow[];

describe("relevance fixture on the embedded FTS5 engine", () => {
  let db: Db;
  beforeAll(async () => {
    db = await demoSearchDb();
  });

  it("has at least 30 rows covering every kind", () => {
    expect(fixture.length).toBeGreaterThanOrEqual(30);
    const kinds = new Set(fixture.map((row) => row.kind));
    for (const kind of ["no marks", "đ", "typo", "synonym", "near-duplicate"]) {
      expect(kinds, `kind ${kind}`).toContain(kind);
    }
  });

  it.each(fixture)("$query → $expected_sku in the top 3 ($kind)", (row) => {
    const result = searchFts(db, searchQuery({ q: row.query, perPage: 3 }));
    expect(result.hits.map((hit) => hit.sku)).toContain(row.expected_sku);
  });
});

const meiliHost = process.env.MEILI_HOST;
if (!meiliHost) {
  console.warn(
    'search-relevance: MEILI_HOST is not set, so the suite "relevance fixture on a real ' +
      'Meilisearch server" was SKIPPED (it runs against a real server when MEILI_HOST is set).',
  );
}

describe.runIf(Boolean(meiliHost))("relevance fixture on a real Meilisearch server", () => {
  let db: Db;
  let engine: MeiliEngine;
  const indexUid = `cungcau_test_${Date.now()}`;

  beforeAll(async () => {
    db = await demoSearchDb();
    engine = new MeiliEngine(db, {
      host: meiliHost ?? "",
      apiKey: process.env.MEILI_API_KEY,
      indexUid,
      timeoutMs: 10_000,
    });
    await engine.rebuild();
  }, 120_000);

  afterAll(async () => {
    await fetch(`${meiliHost}/indexes/${indexUid}`, {
      method: "DELETE",
      headers: process.env.MEILI_API_KEY
        ? { Authorization: `Bearer ${process.env.MEILI_API_KEY}` }
        : {},
    });
  });

  it.each(fixture)("$query → $expected_sku in the top 3 ($kind)", async (row) => {
    const result = await engine.search(searchQuery({ q: row.query, perPage: 3 }));
    expect(result.engine).toBe("meilisearch");
    expect(result.hits.map((hit) => hit.sku)).toContain(row.expected_sku);
  });
});
