import type { DocValues } from "./doc-values.server";
import { foldWord } from "./words";

/**
 * Folded words back to how listings usually write them ("phe" → "phê"), for a corrected
 * query shown to buyers: the marked form most titles and tags use. Built once per version
 * of the doc values, and only when a correction is shown.
 */

const cache = new WeakMap<DocValues, { version: number; spell: (folded: string) => string }>();

export function spellingFor(values: DocValues): (folded: string) => string {
  const cached = cache.get(values);
  if (cached?.version === values.version) return cached.spell;
  let best: Map<string, { word: string; count: number }> | null = null;
  const spell = (folded: string): string => {
    if (best === null) {
      best = new Map();
      const marked = values.titlePostings().marked;
      values.words.forEach((word, id) => {
        const plain = foldWord(word);
        if (plain === word) return;
        const count = marked.of(id).length;
        const current = best?.get(plain);
        if (!current || count > current.count) best?.set(plain, { word, count });
      });
    }
    return best.get(folded)?.word ?? folded;
  };
  cache.set(values, { version: values.version, spell });
  return spell;
}
