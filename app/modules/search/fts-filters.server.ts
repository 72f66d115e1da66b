import { prepared, type Db } from "~db/client.server";
import { CERT_KINDS, certificationIndex } from "./certifications";
import { changeStamp } from "./change-stamp.server";
import type { DocValues } from "./doc-values.server";
import { PRICE_RANGES } from "./price-ranges";
import type { SearchFacets, SearchQuery } from "./types";
import { foldedWords } from "./words";

/**
 * Filters and facet counts of the embedded engine, over the in-memory doc values.
 * Facets are counted on the filtered result (as Meilisearch does), a listing counting
 * for its category and each parent.
 */

export interface CategoryRow {
  id: number;
  code: string;
  parent_id: number | null;
  name_vi: string;
  name_en: string;
}

export interface CategoryTree {
  byId: Map<number, CategoryRow>;
  byCode: Map<string, CategoryRow>;
}

const trees = new WeakMap<object, { stamp: number; tree: CategoryTree }>();

/** The category tree, read again only when the database may have changed (changeStamp). */
export function loadCategoryTree(db: Db): CategoryTree {
  const stamp = changeStamp(db);
  const hit = trees.get(db.$client);
  if (hit?.stamp === stamp) return hit.tree;
  const rows = prepared<CategoryRow>(
    db,
    "SELECT id, code, parent_id, name_vi, name_en FROM categories ORDER BY id",
  ).all();
  const tree = {
    byId: new Map(rows.map((r) => [r.id, r])),
    byCode: new Map(rows.map((r) => [r.code, r])),
  };
  trees.set(db.$client, { stamp, tree });
  return tree;
}

/**
 * The filters of a query as plain data read by `passes`, one function with every check in
 * it: the filter loop runs for every match (tens of thousands), and a chain of closures
 * (one per filter) cost several times more than these few comparisons.
 */
export interface RowFilter {
  visible: Uint8Array;
  campaignIds: ReadonlySet<number> | null;
  /** By category id: 1 for the category filtered on and its descendants; null: any. */
  isIncludedCategory: Uint8Array | null;
  categoryOf: Int32Array;
  /** Index into the doc values' communes; -1: any. */
  commune: number;
  communeOf: Int32Array;
  /** Valid OCOP stars per listing; 0 in `minStars` or `exactStars`: no such filter. */
  stars: Uint8Array;
  minStars: number;
  exactStars: number;
  /** Valid certification kinds per listing (bits); 0 in `certBit`: any. */
  certs: Uint8Array;
  certBit: number;
  price: Float64Array;
  priceMin: number | null;
  priceMax: number | null;
}

/** Whether listing `id` is searchable and passes every filter. */
export function passes(filter: RowFilter, id: number): boolean {
  if (filter.visible[id] !== 1) return false;
  if (filter.campaignIds !== null && !filter.campaignIds.has(id)) return false;
  const included = filter.isIncludedCategory;
  if (included !== null && included[filter.categoryOf[id] as number] !== 1) return false;
  if (filter.commune >= 0 && filter.communeOf[id] !== filter.commune) return false;
  if (filter.minStars > 0 && (filter.stars[id] ?? 0) < filter.minStars) return false;
  if (filter.exactStars !== 0 && filter.stars[id] !== filter.exactStars) return false;
  if (filter.certBit !== 0 && ((filter.certs[id] ?? 0) & filter.certBit) === 0) return false;
  // (Each array is read only when its filter is set: every read of a match's entry is
  // likely a cache miss, and the prices are the largest array.)
  if (filter.priceMin !== null && !((filter.price[id] ?? 0) >= filter.priceMin)) return false;
  if (filter.priceMax !== null && !((filter.price[id] ?? 0) <= filter.priceMax)) return false;
  return true;
}

/**
 * The filters of a query, or null when a filter names something that does not exist (an
 * unknown category or commune, a campaign not running): nothing can match then.
 * `campaignIds`: the listings of the query's campaign (campaign-filter.server.ts).
 */
export function compileFilter(
  query: SearchQuery,
  values: DocValues,
  tree: CategoryTree,
  today: number,
  campaignIds: ReadonlySet<number> | null = null,
): RowFilter | null {
  if (query.campaign && (campaignIds === null || campaignIds.size === 0)) return null;
  let isIncludedCategory: Uint8Array | null = null;
  if (query.category !== null) {
    const root = tree.byCode.get(query.category);
    if (!root) return null;
    const included = new Set<number>([root.id]);
    // Categories are a shallow tree; repeat until no child is added.
    for (let added = true; added;) {
      added = false;
      for (const row of tree.byId.values()) {
        if (row.parent_id !== null && included.has(row.parent_id) && !included.has(row.id)) {
          included.add(row.id);
          added = true;
        }
      }
    }
    // A lookup table by category id: one array read per match instead of a hash lookup.
    let maxId = 0;
    for (const id of tree.byId.keys()) if (id > maxId) maxId = id;
    isIncludedCategory = new Uint8Array(maxId + 1);
    for (const id of included) isIncludedCategory[id] = 1;
  }
  const commune = query.commune === null ? -1 : findCommune(values, query.commune);
  if (commune < 0 && query.commune !== null) return null;
  const certKind = query.certification === null ? -1 : certificationIndex(query.certification);
  if (certKind < 0 && query.certification !== null) return null;
  const valid = values.validOn(today);
  return {
    visible: values.visible,
    campaignIds: query.campaign ? campaignIds : null,
    isIncludedCategory,
    categoryOf: values.categoryId,
    commune,
    communeOf: values.communeIndex,
    stars: valid.stars,
    minStars: query.ocopMin !== null && query.ocopMin > 0 ? query.ocopMin : 0,
    exactStars: query.ocopExactly || 0,
    certs: valid.certs,
    certBit: certKind < 0 ? 0 : 1 << certKind,
    price: values.price,
    priceMin: query.priceMin,
    priceMax: query.priceMax,
  };
}

/** A commune by its exact name, else by its folded name ("xa khe sanh", "Khe Sanh"). */
function findCommune(values: DocValues, name: string): number {
  const exact = values.communeId(name);
  if (exact >= 0) return exact;
  const wanted = foldedWords(name).join(" ");
  const found = values.communes.findIndex((commune) => {
    const folded = foldedWords(commune).join(" ");
    return folded === wanted || folded.replace(/^(xa|phuong|thi tran) /, "") === wanted;
  });
  return found;
}

/** Facet counts (and matches per price range, PRICE_RANGES order) over the filtered rows. */
export function countFacets(
  rows: Int32Array,
  values: DocValues,
  tree: CategoryTree,
  today: number,
): { facets: SearchFacets; priceRanges: number[] } {
  let maxCategory = 0;
  for (const id of tree.byId.keys()) if (id > maxCategory) maxCategory = id;
  const byCategory = new Int32Array(maxCategory + 1);
  const byCommune = new Int32Array(values.communes.length);
  const byStars = new Int32Array(6);
  const byCert = new Int32Array(CERT_KINDS.length);
  const codes = values.validOn(today).facets;
  const categoryOf = values.categoryId;
  const byRange = new Int32Array(PRICE_RANGES.length);
  for (let i = 0; i < rows.length; i++) {
    const id = rows[i] as number;
    const category = categoryOf[id] as number;
    byCategory[category] = (byCategory[category] as number) + 1;
    // Price range, stars, certifications and commune as DocValues packs them (facetCode).
    const code = codes[id] as number;
    const range = code & 15;
    byRange[range] = (byRange[range] as number) + 1;
    const stars = (code >> 4) & 15;
    byStars[stars] = (byStars[stars] as number) + 1;
    const commune = code >>> 16;
    byCommune[commune] = (byCommune[commune] as number) + 1;
    const certs = (code >> 8) & 255;
    for (let k = 0; certs !== 0 && k < byCert.length; k++) {
      if (certs & (1 << k)) byCert[k] = (byCert[k] as number) + 1;
    }
  }

  const category: Record<string, number> = {};
  for (let id = 0; id < byCategory.length; id++) {
    const count = byCategory[id] ?? 0;
    if (count === 0) continue;
    // Count the listing for its category and every parent.
    let row = tree.byId.get(id);
    for (let depth = 0; row && depth < 10; depth++) {
      category[row.code] = (category[row.code] ?? 0) + count;
      row = row.parent_id === null ? undefined : tree.byId.get(row.parent_id);
    }
  }
  const commune: Record<string, number> = {};
  byCommune.forEach((count, index) => {
    const name = values.communes[index];
    if (count > 0 && name) commune[name] = count;
  });
  const ocopStars: Record<string, number> = {};
  for (const stars of [3, 4, 5]) {
    const count = byStars[stars] ?? 0;
    if (count > 0) ocopStars[String(stars)] = count;
  }
  const certification: Record<string, number> = {};
  CERT_KINDS.forEach((kind, k) => {
    const count = byCert[k] ?? 0;
    if (count > 0) certification[kind] = count;
  });
  return {
    facets: {
      category: sortByCount(category),
      commune: sortByCount(commune),
      ocop_stars: ocopStars,
      certification: sortByCount(certification),
    },
    priceRanges: Array.from(byRange),
  };
}

const collator = new Intl.Collator("vi");
/** Each facet value's place in Vietnamese alphabetical order, computed once per new set of values. */
let alphabetical = new Map<string, number>();

function alphabeticalRanks(names: readonly string[]): Map<string, number> {
  if (names.some((name) => !alphabetical.has(name))) {
    const all = [...new Set([...alphabetical.keys(), ...names])].sort(collator.compare);
    alphabetical = new Map(all.map((name, rank) => [name, rank]));
  }
  return alphabetical;
}

/**
 * Facet values most common first, equal counts in alphabetical order (JSON objects keep
 * insertion order for string keys). The collator runs once per new value, not per
 * comparison: sorting a hundred communes with it cost a millisecond per search.
 */
function sortByCount(counts: Record<string, number>): Record<string, number> {
  const entries = Object.entries(counts);
  const rank = alphabeticalRanks(entries.map(([name]) => name));
  return Object.fromEntries(
    entries.sort((a, b) => b[1] - a[1] || (rank.get(a[0]) ?? 0) - (rank.get(b[0]) ?? 0)),
  );
}
