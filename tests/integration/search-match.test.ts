import { beforeAll, describe, expect, it } from "vitest";
import { searchableCategoryNames } from "~/modules/search/category-names";
import { docValuesFor } from "~/modules/search/doc-values.server";
import { loadSearchDocuments } from "~/modules/search/documents.server";
import { matchAll, matchAny } from "~/modules/search/match";
import { buildQueryPlan, ftsMatch, withTypoCorrections } from "~/modules/search/query-plan";
import { vocabularyFor } from "~/modules/search/vocabulary.server";
import type { MatchMode } from "~/modules/search/types";
import { indexText } from "~/modules/search/words";
import type { Db } from "~db/client.server";
import { demoSearchDb } from "../helpers/search-demo";

/**
 * The embedded engine matches in memory (match.ts); FTS5 keeps the same words. Both must
 * find exactly the same listings for every kind of query: marks or none, prefixes,
 * synonyms (phrases such as "fish sauce"), typo corrections, several words, any mode. An
 * umbrella parent category's name ("Cà phê & trà") does not match in memory: FTS5 is asked
 * here on a copy of the index whose category column holds only the names Meilisearch is
 * sent (searchableCategoryNames), so a tea is found by neither as "cà phê".
 */

const QUERIES = [
  "ca phe khe sanh",
  "cà phê",
  "tiêu",
  "nước mắm",
  "nuoc mam ca com",
  "mat ong rung",
  "đậu đen",
  "dau",
  "b",
  "arabika",
  "hoong phung",
  "chà bông",
  "fish sauce",
  "gao huu co ",
  "500g",
  'NEAR( "mat" * AND',
  "không có gì như thế này",
];

let db: Db;
beforeAll(async () => {
  db = await demoSearchDb();
  db.$client.exec(`CREATE VIRTUAL TABLE temp.reference USING fts5(
    title, body, tags, category, producer, commune,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`);
  const rows = db.$client
    .prepare(
      `SELECT listing_id, title_words, body_words, tags_words, producer_words, commune_words
       FROM listing_search_docs WHERE is_visible = 1`,
    )
    .raw()
    .all() as [number, string, string, string, string, string][];
  const { docs } = loadSearchDocuments(
    db,
    rows.map(([id]) => id),
  );
  const categoryOf = new Map(docs.map((doc) => [doc.id, doc.categoryNames]));
  const insert = db.$client.prepare(
    `INSERT INTO temp.reference (rowid, title, body, tags, category, producer, commune)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const [id, title, body, tags, producer, commune] of rows) {
    const category = indexText(...searchableCategoryNames(categoryOf.get(id) ?? []));
    insert.run(id, title, body, tags, category, producer, commune);
  }
});

function ftsIds(match: string): number[] {
  return db.$client
    .prepare("SELECT rowid FROM temp.reference WHERE reference MATCH ? ORDER BY rowid")
    .pluck()
    .all(match) as number[];
}

function planFor(q: string, mode: MatchMode) {
  return withTypoCorrections(buildQueryPlan(q, mode), vocabularyFor(db));
}

describe("in-memory matching", () => {
  it.each(QUERIES)("finds what FTS5 finds for %j (all words)", (q) => {
    const plan = planFor(q, "all");
    if (plan.groups.length === 0) return expect(plan.groups).toEqual([]);
    const inMemory = Array.from(matchAll(docValuesFor(db), plan.groups));
    expect(inMemory).toEqual(ftsIds(ftsMatch(plan.groups, "all")));
  });

  it.each(QUERIES)("counts the words FTS5 matches for %j (any word)", (q) => {
    const plan = planFor(q, "any");
    const counts = matchAny(docValuesFor(db), plan.groups);
    const expected = new Map<number, number>();
    for (const group of plan.groups) {
      for (const id of ftsIds(ftsMatch([group], "any"))) {
        expected.set(id, (expected.get(id) ?? 0) + 1);
      }
    }
    const found = new Map<number, number>();
    counts.forEach((count, id) => {
      if (count > 0) found.set(id, count);
    });
    expect(found).toEqual(expected);
  });

  it("matches something for the common queries (the comparison is not vacuous)", () => {
    const plan = planFor("cà phê", "all");
    expect(matchAll(docValuesFor(db), plan.groups).length).toBeGreaterThan(5);
  });
});
