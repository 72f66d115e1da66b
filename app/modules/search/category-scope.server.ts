import { prepared, type Db } from "~db/client.server";
import type { DocValues } from "./doc-values.server";
import type { Phrase, QueryGroup } from "./query-plan";
import { isUmbrellaName } from "./category-names";
import { phraseWordsUnion } from "./match";
import { IdMarks, type Union } from "./sorted-lists";
import { foldedWords } from "./words";

/**
 * A listing is indexed with the names of its category and of the parents (so "gia vị"
 * finds pepper), but a parent named as a list of kinds is an umbrella: "Cà phê & trà" must
 * not make a tea answer "cà phê". This check drops a match whose words come only from such
 * a parent's name (umbrellaName) and not from the listing's own category. It runs only when
 * a query word is such a word for some category, and then only on that category's
 * listings: other queries pay nothing.
 */

interface CategoryNames {
  id: number;
  parent_id: number | null;
  name_vi: string;
  name_en: string;
}

type CategoryWords = Map<number, { own: Set<string>; parentOnly: string[] }>;

/** The folded words per category, kept while the categories' names stay the same. */
const cached = new WeakMap<object, { signature: string; words: CategoryWords }>();

/** Per category id: its own folded words, and those only its umbrella parents' names have. */
function categoryWords(db: Db): CategoryWords {
  const rows = prepared<CategoryNames>(
    db,
    "SELECT id, parent_id, name_vi, name_en FROM categories ORDER BY id",
  ).all();
  const signature = JSON.stringify(rows);
  const hit = cached.get(db.$client);
  if (hit?.signature === signature) return hit.words;
  const byId = new Map(rows.map((row) => [row.id, row]));
  const result: CategoryWords = new Map();
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
  cached.set(db.$client, { signature, words: result });
  return result;
}

function wordMatches(typed: string, isPrefix: boolean, word: string): boolean {
  return isPrefix ? word.startsWith(typed) : word === typed;
}

/** Which listings hold each flagged group (one set of marks per group, kept between queries). */
const holderMarks: IdMarks[] = [];

/** Whether one of the phrase's words may stand for `word` (itself, or a prefix of it). */
function touches(alternative: Phrase, word: string): boolean {
  return alternative.words.some((typed, i) =>
    wordMatches(typed, alternative.prefix && i === alternative.words.length - 1, word),
  );
}

/**
 * A predicate keeping the matches (all mode) that hold every group outside their umbrella
 * parents' names, or null when no group can match such a name (nothing to check).
 */
export function categoryScope(
  db: Db,
  values: DocValues,
  groups: readonly QueryGroup[],
): ((id: number) => boolean) | null {
  const categories = categoryWords(db);
  // Per category: the groups that one of its umbrella words may have matched.
  const flagged = new Map<number, number[]>();
  for (const [categoryId, { own, parentOnly }] of categories) {
    // A group its own category's name may stand for needs no check ("trà" for a tea).
    const touched = groups.flatMap((group, g) =>
      group.alternatives.some((alternative) =>
        parentOnly.some((word) => touches(alternative, word)),
      ) && !group.alternatives.some((alternative) => [...own].some((w) => touches(alternative, w)))
        ? [g]
        : [],
    );
    if (touched.length > 0) flagged.set(categoryId, touched);
  }
  if (flagged.size === 0) return null;
  // Per group, which listings hold it outside the category column: a word of a one-word
  // alternative, or every word of a longer one, anywhere (as the match reads what was
  // typed); a prefix stands for every word it starts. Read from the inverted lists of the
  // other columns, once per query, as ascending lists (scanning each flagged match's words
  // cost up to 5 ms; marking arrays over every listing id, up to 1 ms).
  const postings = values.otherColumnPostings();
  const holdersOf = (group: QueryGroup): Union =>
    group.alternatives
      .filter((alternative) => alternative.words.length <= 30)
      .flatMap((alternative) => phraseWordsUnion(values, postings, alternative));
  // Marked only for the groups some flagged category has (marks reused across queries).
  const holders = new Map<number, IdMarks>();
  for (const touched of flagged.values()) {
    for (const g of touched) {
      if (holders.has(g)) continue;
      const marks = (holderMarks[holders.size] ??= new IdMarks());
      marks.mark(holdersOf(groups[g] as QueryGroup));
      holders.set(g, marks);
    }
  }
  const isHolder = (id: number, g: number): boolean => holders.get(g)?.has(id) === true;
  // An array by category id: one read per match for the (usual) unflagged category.
  const byCategory: (number[] | undefined)[] = [];
  for (const [categoryId, touched] of flagged) byCategory[categoryId] = touched;
  return (id) => {
    const touched = byCategory[values.categoryId[id] as number];
    return touched === undefined || touched.every((g) => isHolder(id, g));
  };
}
