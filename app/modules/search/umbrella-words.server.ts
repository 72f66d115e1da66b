import type { Db } from "~db/client.server";
import { searchableCategoryNames } from "./category-names";
import { loadCategoryTree, type CategoryRow, type CategoryTree } from "./fts-filters.server";
import { foldedWords } from "./words";

/**
 * A listing is indexed with the names of its category and of the parents (so "gia vị"
 * finds pepper), but a parent named as a list of kinds is an umbrella: "Cà phê & trà" must
 * not make a tea answer "cà phê". The embedded engine's matching lists leave out, for each
 * listing, the words its category column has only from such a parent's name: the words of
 * the names Meilisearch is sent (`searchableCategoryNames`) stay, so both engines match on
 * the same category names. The column's words themselves are kept, so bm25 and the tiers
 * read the names as before.
 */

export interface UmbrellaWords {
  /** Changes whenever a category's name or parent changes (what the lists were built with). */
  signature: string;
  /** Per category id, the folded words only its umbrella parents' names have (none: absent). */
  byCategory: ReadonlyMap<number, ReadonlySet<string>>;
}

/** Per category tree read (loadCategoryTree), and the last answer per database. */
const perTree = new WeakMap<CategoryTree, UmbrellaWords>();
const lastOf = new WeakMap<object, UmbrellaWords>();

/** The umbrella-only words of every category, from the category tree search reads anyway. */
export function umbrellaWords(db: Db): UmbrellaWords {
  const tree = loadCategoryTree(db);
  const hit = perTree.get(tree);
  if (hit) return hit;
  const rows = [...tree.byId.values()];
  const signature = JSON.stringify(
    rows.map((row) => [row.id, row.parent_id, row.name_vi, row.name_en]),
  );
  // The tree is read again after any write: the words are worked out again only when the
  // categories themselves changed.
  const last = lastOf.get(db.$client);
  const words =
    last?.signature === signature ? last : { signature, byCategory: umbrellaOnly(tree.byId) };
  perTree.set(tree, words);
  lastOf.set(db.$client, words);
  return words;
}

function umbrellaOnly(byId: ReadonlyMap<number, CategoryRow>): Map<number, Set<string>> {
  const result = new Map<number, Set<string>>();
  for (const row of byId.values()) {
    // The chain top-level first, as the index's category column names it.
    const chain: CategoryRow[] = [];
    for (let at: CategoryRow | undefined = row; at && !chain.includes(at);) {
      chain.unshift(at);
      at = at.parent_id === null ? undefined : byId.get(at.parent_id);
    }
    const names = chain.flatMap((category) => [category.name_vi, category.name_en]);
    const searchable = new Set(foldedWords(searchableCategoryNames(names).join(" ")));
    const umbrella = new Set(foldedWords(names.join(" ")).filter((w) => !searchable.has(w)));
    if (umbrella.size > 0) result.set(row.id, umbrella);
  }
  return result;
}
