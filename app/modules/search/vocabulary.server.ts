import type { Db } from "~db/client.server";
import { docValuesFor, type DocValues } from "./doc-values.server";
import { allowedTypos, editDistance, type Vocabulary } from "./typos";

/**
 * The index's folded words with the number of listings having each, for typo tolerance,
 * prefix checks and bm25's idf: read from the inverted lists of the doc values, so it is
 * current after every change at no cost. (It was read from FTS5's vocabulary table: 0.15 s
 * on the first search at 100,000 listings, and up to a minute late after a change.)
 * A word counts while some searchable listing has it in a column; the words with marks the
 * doc values also keep are in no column, so they never count.
 */

const perValues = new WeakMap<DocValues, Vocabulary>();

/** The vocabulary of a database's embedded index, up to date. */
export function vocabularyFor(db: Db): Vocabulary {
  return vocabularyOfIndex(docValuesFor(db));
}

/** A live view of the doc values' words as a vocabulary. */
export function vocabularyOfIndex(values: DocValues): Vocabulary {
  let vocabulary = perValues.get(values);
  if (!vocabulary) {
    vocabulary = liveVocabulary(values);
    perValues.set(values, vocabulary);
  }
  return vocabulary;
}

function liveVocabulary(values: DocValues): Vocabulary {
  let corrections = { generation: values.generation, byWord: new Map<string, string[]>() };
  const count = (id: number) => values.wordPostings().count(id);
  const documentsOf = (word: string) => {
    const id = values.wordId(word);
    return id >= 0 ? count(id) : 0;
  };
  return {
    has: (word) => documentsOf(word) > 0,
    hasPrefix: (prefix) => values.wordsWithPrefix(prefix).some((id) => count(id) > 0),
    isOnlyWordWithPrefix(word) {
      let isOnly = false;
      for (const id of values.wordsWithPrefix(word)) {
        if (count(id) === 0) continue;
        if (values.words[id] !== word) return false;
        isOnly = true;
      }
      return isOnly;
    },
    documents(word, isPrefix = false) {
      if (!isPrefix) return documentsOf(word);
      let total = 0;
      for (const id of values.wordsWithPrefix(word)) total += count(id);
      return total;
    },
    similar(word, limit = 4) {
      const max = allowedTypos(word);
      if (max === 0) return [];
      // Comparing a word with every indexed word of a close length costs up to 0.3 ms; the
      // answer stands while the index does not change (counts order it), so it is kept.
      if (corrections.generation !== values.generation || corrections.byWord.size > 1000) {
        corrections = { generation: values.generation, byWord: new Map() };
      }
      const key = `${limit} ${word}`;
      const known = corrections.byWord.get(key);
      if (known) return [...known];
      const found: { word: string; distance: number; documents: number }[] = [];
      for (let length = word.length - max; length <= word.length + max; length++) {
        for (const id of values.wordsOfLength(length)) {
          const documents = count(id);
          if (documents === 0) continue;
          const candidate = values.words[id] as string;
          const distance = editDistance(word, candidate, max);
          if (distance > 0 && distance <= max) found.push({ word: candidate, distance, documents });
        }
      }
      // Closest, most common, then shorter and alphabetical (the order typos.ts gives).
      found.sort(
        (a, b) =>
          a.distance - b.distance ||
          b.documents - a.documents ||
          a.word.length - b.word.length ||
          (a.word < b.word ? -1 : a.word > b.word ? 1 : 0),
      );
      const similar = found.slice(0, limit).map((f) => f.word);
      corrections.byWord.set(key, similar);
      return [...similar];
    },
  };
}
