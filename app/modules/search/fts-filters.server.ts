import type { Db } from "~db/client.server";
import { CERT_KINDS, certificationIndex } from "./certifications";
import type { DocValues } from "./doc-values.server";
import { prepared } from "./sql.server";
import type { SearchFacets, SearchQuery } from "./types";
import { foldedWords } from "./words";

/**
 * Filters and facet counts of the embedded engine, over the in-memory doc values.
 * Facets are counted on the filtered result (as Meilisearch does), a listing counting
 * for its category and each parent.
 */

interface CategoryRow {
  id: number;
  code: string;
  parent_id: number | null;
}

export interface CategoryTree {
  byId: Map<number, CategoryRow>;
  byCode: Map<string, CategoryRow>;
}

export function loadCategoryTree(db: Db): CategoryTree {
  const rows = prepared(db, "SELECT id, code, parent_id FROM categories").all() as CategoryRow[];
  return {
    byId: new Map(rows.map((r) => [r.id, r])),
    byCode: new Map(rows.map((r) => [r.code, r])),
  };
}

export type RowFilter = (id: number) => boolean;

/**
 * The filters of a query as one predicate, or null when a filter names something that
 * does not exist (an unknown category or commune): nothing can match then.
 */
export function compileFilter(
  query: SearchQuery,
  values: DocValues,
  tree: CategoryTree,
  today: number,
): RowFilter | null {
  const checks: RowFilter[] = [];
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
    checks.push((id) => included.has(values.categoryId[id] ?? 0));
  }
  if (query.commune !== null) {
    const index = findCommune(values, query.commune);
    if (index < 0) return null;
    checks.push((id) => values.communeIndex[id] === index);
  }
  const valid = values.validOn(today);
  if (query.ocopMin !== null && query.ocopMin > 0) {
    const min = query.ocopMin;
    checks.push((id) => (valid.stars[id] ?? 0) >= min);
  }
  if (query.certification !== null) {
    const k = certificationIndex(query.certification);
    if (k < 0) return null;
    const bit = 1 << k;
    checks.push((id) => ((valid.certs[id] ?? 0) & bit) !== 0);
  }
  if (query.priceMin !== null) {
    const min = query.priceMin;
    checks.push((id) => (values.price[id] ?? 0) >= min);
  }
  if (query.priceMax !== null) {
    const max = query.priceMax;
    checks.push((id) => (values.price[id] ?? 0) <= max);
  }
  const visible = values.visible;
  if (checks.length === 0) return (id) => visible[id] === 1;
  return (id) => {
    if (visible[id] !== 1) return false;
    for (let c = 0; c < checks.length; c++) if (!(checks[c] as RowFilter)(id)) return false;
    return true;
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

/** Facet counts over the filtered rows. */
export function countFacets(
  rows: Int32Array,
  values: DocValues,
  tree: CategoryTree,
  today: number,
): SearchFacets {
  let maxCategory = 0;
  for (const id of tree.byId.keys()) if (id > maxCategory) maxCategory = id;
  const byCategory = new Int32Array(maxCategory + 1);
  const byCommune = new Int32Array(values.communes.length);
  const byStars = new Int32Array(6);
  const byCert = new Int32Array(CERT_KINDS.length);
  const valid = values.validOn(today);
  const categoryOf = values.categoryId;
  const communeOf = values.communeIndex;
  for (let i = 0; i < rows.length; i++) {
    const id = rows[i] as number;
    const category = categoryOf[id] as number;
    byCategory[category] = (byCategory[category] as number) + 1;
    const commune = communeOf[id] as number;
    byCommune[commune] = (byCommune[commune] as number) + 1;
    const stars = valid.stars[id] as number;
    byStars[stars] = (byStars[stars] as number) + 1;
    const certs = valid.certs[id] as number;
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
    category: sortByCount(category),
    commune: sortByCount(commune),
    ocop_stars: ocopStars,
    certification: sortByCount(certification),
  };
}

const collator = new Intl.Collator("vi");

/** Facet values most common first (JSON objects keep insertion order for string keys). */
function sortByCount(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(counts).sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0])),
  );
}
