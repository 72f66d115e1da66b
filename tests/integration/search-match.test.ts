import { beforeAll, describe, expect, it } from "vitest";
import { docValuesFor } from "~/modules/search/doc-values.server";
import { matchAll, matchAny } from "~/modules/search/match";
import { buildQueryPlan, ftsMatch, withTypoCorrections } from "~/modules/search/query-plan";
import { vocabularyFor } from "~/modules/search/vocabulary.server";
import type { MatchMode } from "~/modules/search/types";
import type { Db } from "~db/client.server";
import { demoSearchDb } from "../helpers/search-demo";

/**
 * The embedded engine matches in memory (match.ts); FTS5 keeps the same words. Both must
 * find exactly the same listings for every kind of query: marks or none, prefixes,
 * synonyms (phrases such as "fish sauce"), typo corrections, several words, any mode.
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
});

function ftsIds(match: string): number[] {
  return (
    db.$client
      .prepare("SELECT rowid FROM listing_search WHERE listing_search MATCH ? ORDER BY rowid")
      .pluck()
      .all(match) as number[]
  ).filter((id) => docValuesFor(db).visible[id] === 1);
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
