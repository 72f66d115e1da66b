import data from "./synonyms.json";
import { foldedWords } from "./words";

/**
 * The committed synonyms (synonyms.json), used by both engines: the FTS5 engine expands a
 * query with them, the Meilisearch engine sends them as its `synonyms` setting.
 */

export interface SynonymGroup {
  /** The phrases as written in synonyms.json. */
  members: string[];
  /** The same phrases as folded words. */
  folded: string[][];
}

export const SYNONYM_GROUPS: SynonymGroup[] = data.groups.map((members) => ({
  members,
  folded: members.map((member) => foldedWords(member)),
}));

/** First folded word → the phrases starting with it, longest first. */
const byFirstWord = new Map<string, { group: SynonymGroup; words: string[] }[]>();
for (const group of SYNONYM_GROUPS) {
  for (const words of group.folded) {
    const first = words[0];
    if (first === undefined) continue;
    const list = byFirstWord.get(first) ?? [];
    list.push({ group, words });
    list.sort((a, b) => b.words.length - a.words.length);
    byFirstWord.set(first, list);
  }
}

/** The longest synonym phrase starting at `words[start]`, with the group it belongs to. */
export function synonymAt(
  words: readonly string[],
  start: number,
): { group: SynonymGroup; length: number } | null {
  const first = words[start];
  if (first === undefined) return null;
  for (const candidate of byFirstWord.get(first) ?? []) {
    const fits = candidate.words.every((word, i) => words[start + i] === word);
    if (fits) return { group: candidate.group, length: candidate.words.length };
  }
  return null;
}

/**
 * Meilisearch's `synonyms` setting: every phrase, with and without marks, maps to all
 * the other phrases of its group (Meilisearch synonyms are one-way, so each is listed).
 */
export function meiliSynonyms(): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const group of SYNONYM_GROUPS) {
    const forms = new Set<string>();
    group.members.forEach((member, i) => {
      forms.add(member.normalize("NFC").toLowerCase());
      forms.add((group.folded[i] ?? []).join(" "));
    });
    for (const form of forms) {
      result[form] = [...forms].filter((other) => other !== form);
    }
  }
  return result;
}
