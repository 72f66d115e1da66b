import { prepared, type Db } from "~db/client.server";
import type { DocValues } from "./doc-values.server";
import type { QueryGroup } from "./query-plan";
import { SEARCH_COLUMNS } from "./doc-values.server";
import { isUmbrellaName } from "./category-names";
import { foldedWords } from "./words";

/**
 * A listing is indexed with the names of its category and of the parents (so "gia vị"
 * finds pepper), but a parent named as a list of kinds is an umbrella: "Cà phê & trà" must
 * not make a tea answer "cà phê". This check drops a match whose words come only from such
 * a parent's name (umbrellaName) and not from the listing's own category. It runs only when
 * a query word is such a word for some category, and then only on that category's
 * listings: other queries pay nothing.
 */

const CATEGORY_COLUMN = SEARCH_COLUMNS.indexOf("category");

interface CategoryNames {
  id: number;
  parent_id: number | null;
  name_vi: string;
  name_en: string;
}

/** Per category id: its own folded words, and those only its parents' names have. */
function categoryWords(db: Db): Map<number, { own: Set<string>; parentOnly: string[] }> {
  const rows = prepared<CategoryNames>(
    db,
    "SELECT id, parent_id, name_vi, name_en FROM categories",
  ).all();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const result = new Map<number, { own: Set<string>; parentOnly: string[] }>();
  for (const row of rows) {
    const own = new Set(foldedWords(`${row.name_vi} ${row.name_en}`));
    const parentOnly = new Set<string>();
    const seen = new Set<number>([row.id]);
    for (let parent = byId.get(row.parent_id ?? -1); parent && !seen.has(parent.id);) {
      seen.add(parent.id);
      for (const name of [parent.name_vi, parent.name_en]) {
        if (!isUmbrellaName(name)) continue;
        for (const word of foldedWords(name)) if (!own.has(word)) parentOnly.add(word);
      }
      parent = byId.get(parent.parent_id ?? -1);
    }
    result.set(row.id, { own, parentOnly: [...parentOnly] });
  }
  return result;
}

function wordMatches(typed: string, isPrefix: boolean, word: string): boolean {
  return isPrefix ? word.startsWith(typed) : word === typed;
}

/**
 * A predicate keeping the matches (all mode) that hold every group outside their parents'
 * names, or null when no group can match a parent's name (nothing to check).
 */
export function categoryScope(
  db: Db,
  values: DocValues,
  groups: readonly QueryGroup[],
): ((id: number) => boolean) | null {
  const categories = categoryWords(db);
  const flagged = new Set<number>();
  for (const [categoryId, { parentOnly }] of categories) {
    const touches = groups.some((group) =>
      group.alternatives.some((alternative) =>
        alternative.words.some((typed, i) => {
          const isPrefix = alternative.prefix && i === alternative.words.length - 1;
          return parentOnly.some((word) => wordMatches(typed, isPrefix, word));
        }),
      ),
    );
    if (touches) flagged.add(categoryId);
  }
  if (flagged.size === 0) return null;
  return (id) => {
    const categoryId = values.categoryId[id] ?? -1;
    if (!flagged.has(categoryId)) return true;
    const words = new Set(categories.get(categoryId)?.own ?? []);
    values.columnWords.forEach((store, c) => {
      if (c === CATEGORY_COLUMN) return;
      const from = store.start[id] ?? 0;
      const end = from + (store.length[id] ?? 0);
      for (let i = from; i < end; i++) words.add(values.words[store.data[i] as number] ?? "");
    });
    return groups.every((group) =>
      group.alternatives.some((alternative) =>
        alternative.words.every((typed, i) => {
          const isPrefix = alternative.prefix && i === alternative.words.length - 1;
          if (!isPrefix) return words.has(typed);
          for (const word of words) if (word.startsWith(typed)) return true;
          return false;
        }),
      ),
    );
  };
}
