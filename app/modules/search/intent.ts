import { foldVietnamese } from "~/lib/text";

/**
 * What a buyer means by some words that are not words of a listing: a product code
 * ("SP0001", printed on the product page) and the OCOP label with its stars ("ocop",
 * "ocop 4 sao", "OCOP 5*"). Both engines take them out of the text and turn them into
 * a pinned product and a filter. Pure: the engines check that a code exists.
 */

export interface QueryIntent {
  /** What is left to search for as words. */
  text: string;
  /** Tokens shaped like product codes, upper case, in the order typed (not yet checked). */
  codes: string[];
  /**
   * OCOP asked for by name: the exact stars ("ocop 4 sao": 4), 0 for any OCOP product
   * ("ocop" alone), null when OCOP was not named.
   */
  ocopStars: number | null;
  /** The OCOP tokens taken out of the text, as typed (to rebuild a corrected query). */
  ocopWords: string[];
}

/** A product code: a few letters and at least three digits, maybe with a dash ("SP0001"). */
const CODE = /^[\p{L}]{1,5}-?\d{3,}$/u;
const OCOP = /^ocop$/;
/** Stars as buyers write them after OCOP: "4 sao", "4sao", "4*", "4 *", "4 ★". */
const STARS = /^([1-5])\s*(?:sao|\*|★)$/;
const STARS_WORD = /^(?:sao|\*|★)$/;
const STARS_NUMBER = /^[1-5]$/;

/** Splits the typed text into words, a product code, and OCOP with its stars. */
export function readIntent(text: string): QueryIntent {
  const tokens = text
    .normalize("NFC")
    .split(/[\s,;]+/u)
    .filter(Boolean);
  const folded = tokens.map((token) => foldVietnamese(token).replace(/[.!?:]+$/u, ""));
  const isOcop = folded.some((token) => OCOP.test(token));
  const kept: string[] = [];
  const codes: string[] = [];
  const ocopWords: string[] = [];
  let ocopStars: number | null = isOcop ? 0 : null;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? "";
    const word = folded[i] ?? "";
    if (CODE.test(word) && /^[a-z]+-?\d+$/.test(word)) {
      codes.push(token.toUpperCase());
      continue;
    }
    if (!isOcop) {
      kept.push(token);
      continue;
    }
    if (OCOP.test(word)) {
      ocopWords.push(token);
      continue;
    }
    const joined = STARS.exec(word);
    if (joined) {
      ocopStars = Number(joined[1]);
      ocopWords.push(token);
      continue;
    }
    const next = folded[i + 1] ?? "";
    if (STARS_NUMBER.test(word) && STARS_WORD.test(next)) {
      ocopStars = Number(word);
      ocopWords.push(token, tokens[i + 1] ?? "");
      i++;
      continue;
    }
    kept.push(token);
  }
  return { text: kept.join(" "), codes, ocopStars, ocopWords };
}
