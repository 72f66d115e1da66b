import { prepared, type Db } from "~db/client.server";
import type { DocValues } from "./doc-values.server";
import type { Phrase, QueryGroup } from "./query-plan";
import { isUmbrellaName } from "./category-names";
import { phraseWordsDocs } from "./match";
import { IdMarks, unionOf } from "./sorted-lists";
import { changeStamp } from "./change-stamp.server";
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
const cached = new WeakMap<object, { stamp: number; signature: string; words: CategoryWords }>();

/** Per category id: its own folded words, and those only its umbrella parents' names have. */
function categoryWords(db: Db): CategoryWords {
  const stamp = changeStamp(db);
  const hit = cached.get(db.$client);
  if (hit?.stamp === stamp) return hit.words;
  const rows = prepared<CategoryNames>(
    db,
    "SELECT id, parent_id, name_vi, name_en FROM categories ORDER BY id",
  ).all();
  const signature = JSON.stringify(rows);
  if (hit?.signature === signature) {
    hit.stamp = stamp;
    return hit.words;
  }
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
  cached.set(db.$client, { stamp, signature, words: result });
  return result;
}

function wordMatches(typed: string, isPrefix: boolean, word: string): boolean {
  return isPrefix ? word.startsWith(typed) : word === typed;
}

/** A group's holders among the matches checked (reused across queries). */
const holding = new IdMarks();

/** Whether one of the phrase's words may stand for `word` (itself, or a prefix of it). */
function touches(alternative: Phrase, word: string): boolean {
  return alternative.words.some((typed, i) =>
    wordMatches(typed, alternative.prefix && i === alternative.words.length - 1, word),
  );
}

/**
 * The matches (all mode, ascending `candidates`) to drop because a group was found only in
 * an umbrella parent's name, ascending, or null when no group can match such a name
 * (nothing to check).
 */
export function categoryScope(
  db: Db,
  values: DocValues,
  groups: readonly QueryGroup[],
  candidates: Int32Array,
): Int32Array | null {
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
  // Sized for every category, so the scan below never reads past the end (the slow path).
  let maxCategory = 0;
  for (const categoryId of categories.keys()) maxCategory = Math.max(maxCategory, categoryId);
  const flagsByCategory = new Int32Array(maxCategory + 1);
  for (const [categoryId, touched] of flagged) {
    for (const g of touched) {
      flagsByCategory[categoryId] = (flagsByCategory[categoryId] ?? 0) | (1 << g);
    }
  }
  // Only the matches in a flagged category need the check: per group, those to check.
  const checked = groups.map((_, g) => checkedScratch(g, candidates.length));
  const counts = new Int32Array(groups.length);
  const categoryOf = values.categoryId;
  for (let i = 0; i < candidates.length; i++) {
    const id = candidates[i] as number;
    let flags = flagsByCategory[categoryOf[id] as number] ?? 0;
    for (; flags !== 0; flags &= flags - 1) {
      const g = 31 - Math.clz32(flags & -flags);
      const n = counts[g] as number;
      (checked[g] as Int32Array)[n] = id;
      counts[g] = n + 1;
    }
  }
  // A group holds outside the category column when a word of a one-word alternative, or
  // every word of a longer one, is anywhere else (as the match reads what was typed); a
  // prefix stands for every word it starts. Read from the inverted lists of the other
  // columns, intersected with the matches to check (scanning their words cost up to 5 ms;
  // marking the holders over the whole index, up to 0.4 ms).
  const postings = values.otherColumnPostings();
  const drops = checked.flatMap((scratch, g) => {
    const within = scratch.subarray(0, counts[g]);
    if (within.length === 0) return [];
    holding.mark(
      (groups[g] as QueryGroup).alternatives
        .filter((alternative) => alternative.words.length <= 30)
        .map((alternative) => phraseWordsDocs(values, postings, alternative, within)),
    );
    return [holding.filter(within, false)];
  });
  return unionOf(drops);
}

/** Per group, a buffer for the matches to check, reused from one query to the next. */
const checkedBuffers: Int32Array[] = [];
function checkedScratch(g: number, length: number): Int32Array {
  let buffer = checkedBuffers[g];
  if (!buffer || buffer.length < length) {
    buffer = new Int32Array(Math.max(length, Math.ceil((buffer?.length ?? 0) * 1.5)));
    checkedBuffers[g] = buffer;
  }
  return buffer;
}
