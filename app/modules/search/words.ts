import { foldVietnamese } from "~/lib/text";

/**
 * Splitting text into the words search indexes and matches. The same functions prepare
 * the indexed text and the buyer's query, so both sides always agree. Numbers are split
 * from letters ("500g" → "500 g", "1,5kg" → "1 5 kg") so "500 g" and "500g" match alike.
 */

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const FOLDED_WORD = /[\p{L}\p{N}]+/gu;
const HAS_DIGIT = /\d/;
/** Folded Vietnamese is plain ASCII: then a simpler (several times faster) pattern does. */
const ASCII = /^[ -~\t\n\r]*$/;
const ASCII_WORD = /[a-z0-9]+/g;
const DIGITS_OR_NOT = /\d+|\D+/g;

/** Words as typed, NFC lower case, marks kept: "Đậu đen 1kg" → ["đậu", "đen", "1", "kg"]. */
export function markedWords(text: string): string[] {
  return splitAll(text.normalize("NFC").toLowerCase().match(WORD));
}

/** Words folded for matching: "Đậu đen 1kg" → ["dau", "den", "1", "kg"]. */
export function foldedWords(text: string): string[] {
  // Folding the whole text at once is much faster than word by word (a rebuild folds a lot).
  const folded = foldVietnamese(text);
  return splitAll(folded.match(ASCII.test(folded) ? ASCII_WORD : FOLDED_WORD));
}

/** One word folded: marks removed, đ → d, and anything but letters and digits dropped. */
export function foldWord(word: string): string {
  return (foldVietnamese(word).match(FOLDED_WORD) ?? []).join("");
}

/** Text as the index stores it: folded words separated by spaces. */
export function indexText(...texts: string[]): string {
  return texts.flatMap(foldedWords).join(" ");
}

/** Title and tags as the `marked` column stores them: lower case, marks kept. */
export function markedIndexText(...texts: string[]): string {
  return texts.flatMap(markedWords).join(" ");
}

/** Numbers split from letters: "500g" → ["500", "g"] (only digits 0–9 count as numbers). */
function splitDigits(word: string): string[] {
  return HAS_DIGIT.test(word) ? (word.match(DIGITS_OR_NOT) ?? []) : [word];
}

function splitAll(words: RegExpMatchArray | null): string[] {
  if (!words) return [];
  const result: string[] = [];
  for (const word of words) {
    if (HAS_DIGIT.test(word)) result.push(...splitDigits(word));
    else result.push(word);
  }
  return result;
}

/** The words of a query in the order typed, each as its marked parts (one word may be "500g"). */
export interface TypedWord {
  /** Lower-case parts with marks, e.g. ["500", "g"] or ["đường"]. */
  marked: string[];
  /** The same parts folded. */
  folded: string[];
}

/** Splits a query into typed words, keeping which parts came from one word. */
export function typedWords(text: string): TypedWord[] {
  const lower = text.normalize("NFC").toLowerCase();
  const words: TypedWord[] = [];
  for (const match of lower.matchAll(WORD)) {
    const marked = splitDigits(match[0]);
    const folded = marked.map(foldWord);
    if (folded.every((part) => part !== "")) words.push({ marked, folded });
  }
  return words;
}
