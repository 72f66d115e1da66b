import { prepared, type Db } from "~db/client.server";
import { isUmbrellaName } from "./category-names";
import { changeStamp } from "./change-stamp.server";
import { foldedWords } from "./words";

/**
 * A listing is indexed with the names of its category and of the parents (so "gia vị"
 * finds pepper), but a parent named as a list of kinds is an umbrella: "Cà phê & trà" must
 * not make a tea answer "cà phê". The embedded engine's matching lists leave out, for each
 * listing, the words its category column has only from such a parent's name: the words of
 * the names Meilisearch is sent (`searchableCategoryNames`) stay, so both engines find the
 * same listings. The column's words themselves are kept, so bm25 and the tiers read the
 * names as before.
 */

interface CategoryNames {
  id: number;
  parent_id: number | null;
  name_vi: string;
  name_en: string;
}

export interface UmbrellaWords {
  /** Changes whenever a category's name or parent changes (what the lists were built with). */
  signature: string;
  /** Per category id, the folded words only its umbrella parents' names have (none: absent). */
  byCategory: ReadonlyMap<number, ReadonlySet<string>>;
}

const cached = new WeakMap<object, { stamp: number; words: UmbrellaWords }>();

/** The umbrella-only words of every category, read again only when the database may have changed. */
export function umbrellaWords(db: Db): UmbrellaWords {
  const stamp = changeStamp(db);
  const hit = cached.get(db.$client);
  if (hit?.stamp === stamp) return hit.words;
  const rows = prepared<CategoryNames>(
    db,
    "SELECT id, parent_id, name_vi, name_en FROM categories ORDER BY id",
  ).all();
  const signature = JSON.stringify(rows);
  if (hit?.words.signature === signature) {
    hit.stamp = stamp;
    return hit.words;
  }
  const words: UmbrellaWords = { signature, byCategory: umbrellaOnly(rows) };
  cached.set(db.$client, { stamp, words });
  return words;
}

function umbrellaOnly(rows: readonly CategoryNames[]): Map<number, Set<string>> {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const result = new Map<number, Set<string>>();
  for (const row of rows) {
    const searchable = new Set(foldedWords(`${row.name_vi} ${row.name_en}`));
    const umbrella = new Set<string>();
    const seen = new Set<number>([row.id]);
    for (let parent = byId.get(row.parent_id ?? -1); parent && !seen.has(parent.id);) {
      seen.add(parent.id);
      for (const name of [parent.name_vi, parent.name_en]) {
        for (const word of foldedWords(name))
          (isUmbrellaName(name) ? umbrella : searchable).add(word);
      }
      parent = byId.get(parent.parent_id ?? -1);
    }
    for (const word of searchable) umbrella.delete(word);
    if (umbrella.size > 0) result.set(row.id, umbrella);
  }
  return result;
}
