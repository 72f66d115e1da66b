import { isStopWord } from "./stop-words";
import { synonymAt } from "./synonyms";
import type { MatchMode } from "./types";
import type { Vocabulary } from "./typos";
import { splitJoinedWord } from "./joined-words";
import { markedWords, typedWords } from "./words";

/**
 * Turns what a buyer typed into a plan both engines can use, and the plan into an FTS5
 * MATCH expression. The buyer's text is never handed to FTS5: it is split into words
 * here and every word becomes a quoted phrase, so quotes, `NEAR(`, `*`, `AND` and the
 * like are searched as plain words and can never be a syntax error.
 */

/** A sequence of folded words that must appear next to each other; `prefix`: the last may be a prefix. */
export interface Phrase {
  words: string[];
  prefix: boolean;
  /** A synonym's words as written in synonyms.json (lower case, with marks). */
  marked?: string[];
}

/** One thing that must match: a typed word (or a synonym phrase) and what else may stand for it. */
export interface QueryGroup {
  /** What was typed, folded. */
  typed: Phrase;
  /** `typed` first, then synonyms and typo corrections. */
  alternatives: Phrase[];
  /** The words of this group typed with marks (lower case), for "exact marks first". */
  marked: string[];
  /** What was typed for this group, lower case with marks ("500g", "cà phê"). */
  text: string;
  /** The correction a buyer is told about ("caphe" → "ca phe"), when the typed word is unknown. */
  correction?: Phrase;
}

export interface QueryPlan {
  mode: MatchMode;
  groups: QueryGroup[];
  /** True when the text had words but all were stop words (any mode): nothing can match. */
  onlyStopWords: boolean;
}

/** The shortest last word matched as a prefix. */
const MIN_PREFIX_LENGTH = 1;
/** Queries longer than this many words are cut: no buyer types more, and each costs time. */
const MAX_GROUPS = 12;

/** Builds the plan: words, stop words (any mode), synonyms and the prefix on the last word. */
export function buildQueryPlan(text: string, mode: MatchMode): QueryPlan {
  let words = typedWords(text);
  const hadWords = words.length > 0;
  if (mode === "any") {
    words = words.filter(
      (word) =>
        !(
          word.folded.length === 1 &&
          isStopWord({ marked: word.marked[0] ?? "", folded: word.folded[0] ?? "" })
        ),
    );
  }
  // The last word is still being typed unless the text ends with a space or punctuation.
  const lastIsOpen = /[\p{L}\p{N}\p{M}]$/u.test(text.normalize("NFC"));

  const flat = words.flatMap((word, w) =>
    word.folded.map((folded, p) => ({ folded, marked: word.marked[p] ?? folded, word: w })),
  );
  const groups: QueryGroup[] = [];
  let i = 0;
  while (i < flat.length && groups.length < MAX_GROUPS) {
    const synonym = synonymAt(
      flat.map((part) => part.folded),
      i,
    );
    const start = i;
    const end = synonym
      ? i + synonym.length
      : // Without a synonym, a group is one typed word (all its parts: "500g").
        flat.findIndex((part, k) => k > i && part.word !== flat[i]?.word);
    const stop = end === -1 ? flat.length : end;
    const parts = flat.slice(start, stop);
    const isLast = stop === flat.length;
    const lastPart = parts[parts.length - 1]?.folded ?? "";
    const typed: Phrase = {
      words: parts.map((part) => part.folded),
      prefix:
        isLast && lastIsOpen && lastPart.length >= MIN_PREFIX_LENGTH && !/^\d+$/.test(lastPart),
    };
    const alternatives: Phrase[] = [typed];
    if (synonym) {
      synonym.group.folded.forEach((words, k) => {
        const marked = markedWords(synonym.group.members[k] ?? "");
        if (!sameWords(words, typed.words)) alternatives.push({ words, prefix: false, marked });
      });
    }
    groups.push({
      typed,
      alternatives,
      marked: parts.filter((part) => part.marked !== part.folded).map((part) => part.marked),
      text: parts
        .map((part, k) => (k > 0 && parts[k - 1]?.word !== part.word ? " " : "") + part.marked)
        .join(""),
    });
    i = stop;
  }
  return { mode, groups, onlyStopWords: hadWords && groups.length === 0 };
}

/**
 * Adds corrections from the index vocabulary to each typed word that the index does not
 * contain (for the last word: that no indexed word starts with): the indexed words it is
 * run together from ("caphe" → "ca phe", a phrase) and typo corrections (words of 5 letters
 * or more); the first becomes the group's `correction`. Also turns a last-word prefix that
 * only one indexed word has into that exact word.
 */
export function withTypoCorrections(plan: QueryPlan, vocabulary: Vocabulary): QueryPlan {
  const groups = plan.groups.map((group) => {
    const last = group.typed.words[group.typed.words.length - 1] ?? "";
    if (group.typed.prefix && vocabulary.isOnlyWordWithPrefix(last)) {
      // A prefix that only the word itself starts with matches exactly that word: say so,
      // an exact term is cheaper to look up (and may make another alternative redundant).
      const exact = { ...group.typed, prefix: false };
      group = { ...group, typed: exact, alternatives: [exact, ...group.alternatives.slice(1)] };
    }
    if (group.typed.words.length !== 1) return group;
    const word = group.typed.words[0] ?? "";
    if (/\d/.test(word)) return group;
    const known = group.typed.prefix ? vocabulary.hasPrefix(word) : vocabulary.has(word);
    if (known) return group;
    const split = splitJoinedWord(word, vocabulary);
    const corrections: Phrase[] = [
      ...(split ? [{ words: split, prefix: false }] : []),
      ...vocabulary.similar(word).map((w) => ({ words: [w], prefix: false })),
    ];
    const [correction] = corrections;
    if (correction === undefined) return group;
    return { ...group, alternatives: [...group.alternatives, ...corrections], correction };
  });
  return { ...plan, groups };
}

/**
 * The query with its corrections applied ("caphe rang" → "ca phe rang"), or null when no
 * word needed one: the search page offers it as "did you mean". `spell` gives a folded
 * word its usual marks ("phe" → "phê") where the index knows them.
 */
export function correctedText(
  groups: readonly QueryGroup[],
  spell: (folded: string) => string = (folded) => folded,
): string | null {
  if (!groups.some((group) => group.correction)) return null;
  return groups
    .map((group) => (group.correction ? group.correction.words.map(spell).join(" ") : group.text))
    .join(" ");
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((word, i) => word === b[i]);
}

/** A phrase as FTS5 syntax. Words are letters and digits only (words.ts): quoting is safe. */
export function ftsPhrase(phrase: Phrase): string {
  return `"${phrase.words.join(" ")}"${phrase.prefix ? "*" : ""}`;
}

/**
 * What was typed, as FTS5 syntax for finding rows: several words are ANDed rather than
 * matched as a phrase, as they would be if no synonym had joined them into one group
 * (checking positions over the whole doclists of common words costs about as much again,
 * and the ranking tiers reward the words side by side anyway). Synonyms stay phrases:
 * "ruốc thịt" must not match "ruốc" and "thịt" far apart.
 */
function ftsTyped(phrase: Phrase): string {
  if (phrase.words.length === 1) return ftsPhrase(phrase);
  const last = phrase.words.length - 1;
  return `(${phrase.words
    .map((word, i) => ftsPhrase({ words: [word], prefix: phrase.prefix && i === last }))
    .join(" AND ")})`;
}

/**
 * The alternatives of a group worth searching for: one that can only match where another
 * already does adds no row and costs a lookup, so it is left out, e.g. "ho tieu" when
 * "tieu" was typed, or "nuoc mam" (typed) next to its synonym "mam".
 */
export function searchedAlternatives(group: QueryGroup): Phrase[] {
  const covers = (broad: Phrase, narrow: Phrase) =>
    broad !== narrow &&
    broad.words.every((word, i) => {
      const isPrefix = broad.prefix && i === broad.words.length - 1;
      return narrow.words.some((other, j) => {
        const otherIsPrefix = narrow.prefix && j === narrow.words.length - 1;
        // An exact word covers only itself; a prefix covers words (not prefixes) it starts.
        return isPrefix ? other.startsWith(word) : other === word && !otherIsPrefix;
      });
    });
  const kept = group.alternatives.filter(
    (alternative, i) =>
      !group.alternatives.some(
        (other, j) => covers(other, alternative) && (!covers(alternative, other) || j < i),
      ),
  );
  return kept.length > 0 ? kept : group.alternatives.slice(0, 1);
}

export function ftsGroup(group: QueryGroup): string {
  const [typed, ...others] = searchedAlternatives(group);
  const terms = [typed ? ftsTyped(typed) : '""', ...others.map(ftsPhrase)];
  return `(${terms.join(" OR ")})`;
}

/** The whole query: every group (all) or at least one (any). */
export function ftsMatch(groups: readonly QueryGroup[], mode: MatchMode): string {
  return groups.map(ftsGroup).join(mode === "all" ? " AND " : " OR ");
}

/** The typed words as one phrase, the last one a prefix if it is being typed. */
export function typedPhrase(groups: readonly QueryGroup[]): Phrase {
  return {
    words: groups.flatMap((g) => g.typed.words),
    prefix: groups[groups.length - 1]?.typed.prefix ?? false,
  };
}

/**
 * The text sent to Meilisearch: the typed words only, so quotes and a leading "-" (phrase
 * and negative search there) are plain words too; stop words dropped in any mode. Null
 * when only stop words were typed (nothing can match).
 */
export function meiliQueryText(text: string, mode: MatchMode): string | null {
  const words = text.normalize("NFC").match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  if (mode === "all") return words.join(" ");
  const kept = words.filter((word) => {
    const parts = typedWords(word);
    const only = parts.length === 1 && parts[0]?.marked.length === 1 ? parts[0] : null;
    return !(only && isStopWord({ marked: only.marked[0] ?? "", folded: only.folded[0] ?? "" }));
  });
  return kept.length === 0 && words.length > 0 ? null : kept.join(" ");
}
