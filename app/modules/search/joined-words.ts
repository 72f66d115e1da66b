import type { Vocabulary } from "./typos";

/**
 * Words typed without their spaces: many buyers write "caphe", "nuocmam", "hotieu" (phones
 * make the space a second tap). Vietnamese words are single syllables, so a folded word the
 * index does not know is split into indexed words, and the split whose rarest part is the
 * most common wins ("ca phe" over "cap he"). Pure: works on any vocabulary.
 */

/** Shorter words are real words or typos, not two words run together. */
const MIN_JOINED_LENGTH = 4;
/** The shortest part: one-letter "words" would split anything. */
const MIN_PART_LENGTH = 2;
/** Beyond this many parts a split is more likely a coincidence than what was meant. */
const MAX_PARTS = 3;

/** The indexed words a run-together word is made of, or null when it is none. */
export function splitJoinedWord(word: string, vocabulary: Vocabulary): string[] | null {
  if (word.length < MIN_JOINED_LENGTH || /\d/.test(word)) return null;
  const best = bestSplit(word, vocabulary, MAX_PARTS);
  return best && best.parts.length > 1 ? best.parts : null;
}

interface Split {
  parts: string[];
  /** Listings having the rarest part: the split's plausibility. */
  weight: number;
}

function bestSplit(word: string, vocabulary: Vocabulary, maxParts: number): Split | null {
  let best: Split | null = null;
  const consider = (candidate: Split) => {
    // Fewer parts first (a real two-word split beats three), then the more common rarest part.
    if (
      best === null ||
      candidate.parts.length < best.parts.length ||
      (candidate.parts.length === best.parts.length && candidate.weight > best.weight)
    ) {
      best = candidate;
    }
  };
  const whole = vocabulary.documents(word);
  if (whole > 0) return { parts: [word], weight: whole };
  if (maxParts < 2) return null;
  for (let at = MIN_PART_LENGTH; at <= word.length - MIN_PART_LENGTH; at++) {
    const head = word.slice(0, at);
    const headCount = vocabulary.documents(head);
    if (headCount === 0) continue;
    const rest = bestSplit(word.slice(at), vocabulary, maxParts - 1);
    if (rest) {
      consider({ parts: [head, ...rest.parts], weight: Math.min(headCount, rest.weight) });
    }
  }
  return best;
}
