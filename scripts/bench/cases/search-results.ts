/**
 * What the embedded search answers at 100,000 listings, written as JSON so a change made
 * for speed can be checked to change no result (decision 031): every total, page of ids,
 * facet count, price range and correction of the bench's queries (search.ts) and of
 * others (any mode, deeper pages, filters, no words, prefixes, typos), in three states:
 * as built, after the bench's 20 renamed listings (the index followed row by row), and
 * the same from a snapshot written then, read back by a new connection.
 *
 *   npx tsx scripts/bench/cases/search-results.ts <fixture.db> <out.json>
 *
 * The fixture is generated and indexed the first time (like the bench, ~20 s) and then
 * reused: each run works on a copy, so every run starts from the same rows. Compare two
 * outputs with `cmp` (or `diff` for where they differ).
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, openMigratedDatabase, type Db } from "~db/client.server";
import { seedDemo } from "~db/seed/seed.server";
import { rebuildFtsIndex } from "~/modules/search/fts-index.server";
import { saveSearchSnapshot } from "~/modules/search/index-snapshot.server";
import { searchListings, setExternalEngine } from "~/modules/search/search.server";
import { searchQuery, type SearchQuery } from "~/modules/search/types";
import { changedListingIds, generateCatalog, MIX, renameListing } from "./search";

const LISTINGS = 100_000;
/** Fixed, so the certificates' validity does not depend on the day of the run. */
const TODAY = "2026-12-06";

const EXTRA: Partial<SearchQuery>[] = [
  { q: "" },
  { q: "", category: "ca-phe" },
  { q: "", sort: "price_desc", page: 7 },
  { q: "", certification: "VietGAP", ocopMin: 3 },
  { q: "cà phê", matchMode: "any" },
  { q: "mat ong rung", matchMode: "any" },
  { q: "nước mắm cá cơm", matchMode: "any", page: 3 },
  { q: "gạo", page: 3 },
  { q: "bánh", page: 50 },
  { q: "tiêu", sort: "newest", page: 2 },
  { q: "co" },
  { q: "ca ph" },
  { q: "nước m" },
  { q: "caphe" },
  { q: "hoong phung", page: 2 },
  { q: "arabika robutsa" },
  { q: "mật ong", priceMin: 100_000, priceMax: 300_000 },
  { q: "trà" },
  { q: "chè" },
  { q: "cà phê trà", matchMode: "any" },
  { q: "ca phe", category: "ca-phe", ocopMin: 4, page: 4 },
  { q: "gao huu co", certification: "hữu cơ", sort: "price_asc" },
  { q: "nước mắm", commune: "xã Hướng Phùng" },
  { q: "mắm", perPage: 100 },
  { q: "ruốc thịt" },
  { q: "thuyền3" },
];

const QUERIES = [...MIX.flatMap((mix) => mix.queries), ...EXTRA].map((fields) =>
  searchQuery({ ...fields, today: TODAY }),
);

async function answers(db: Db) {
  const out: unknown[] = [];
  for (const query of QUERIES) {
    const result = await searchListings(db, query);
    out.push({
      query: { ...query, today: undefined },
      total: result.total,
      ids: result.hits.map((hit) => hit.id),
      facets: result.facets,
      priceRanges: result.priceRanges,
      correctedQuery: result.correctedQuery ?? null,
    });
  }
  return out;
}

async function main([fixture, output]: string[]) {
  if (!fixture || !output) throw new Error("usage: search-results.ts <fixture.db> <out.json>");
  if (!existsSync(fixture)) {
    const db = openMigratedDatabase(fixture);
    await seedDemo(db, { today: new Date(`${TODAY}T03:00:00Z`), mode: "live" });
    generateCatalog(db, LISTINGS);
    rebuildFtsIndex(db);
    db.$client.close();
  }
  const dir = mkdtempSync(join(tmpdir(), "cungcau-search-results-"));
  try {
    const path = join(dir, "copy.db");
    copyFileSync(fixture, path);
    const db = openDatabase(path);
    setExternalEngine(db, null);
    const built = await answers(db);
    // The bench's changes (search.ts, timeChanges): 20 listings renamed, one at a time.
    changedListingIds(db).forEach((id, i) => renameListing(db, id, i));
    const changed = await answers(db);
    saveSearchSnapshot(db);
    const reopened = openDatabase(path);
    setExternalEngine(reopened, null);
    const fromSnapshot = await answers(reopened);
    db.$client.close();
    reopened.$client.close();
    writeFileSync(output, `${JSON.stringify({ built, changed, fromSnapshot }, null, 1)}\n`);
    console.log(`${QUERIES.length} queries × 3 states written to ${output}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main(process.argv.slice(2));
