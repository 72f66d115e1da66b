/**
 * Vietnamese text helpers shared by the server and the browser. Displayed text is never
 * changed; these produce keys for search and URLs.
 */

/** Unicode NFC, the one form every stored text is in ("Đậu" typed as NFD becomes NFC). */
export function toNfc(text: string): string {
  return text.normalize("NFC");
}

/**
 * Drops tone and vowel marks and turns đ into d, keeping case: "Đậu đen" → "Dau den" (in
 * NFD: callers that keep the text normalize it again). The core of `foldVietnamese`, for
 * places that must keep capitals (a bank transfer's message).
 */
export function removeMarks(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
}

/**
 * Folds Vietnamese for matching: NFD, drop tone and vowel marks, đ→d, lower case.
 * "Đậu đen Cồn Tiên" → "dau den con tien". (FTS5's remove_diacritics does not fold đ.)
 */
export function foldVietnamese(text: string): string {
  return removeMarks(text).toLowerCase().normalize("NFC");
}

/** A URL slug: folded, ASCII letters and digits, words joined by "-". "Hồ tiêu 500g" → "ho-tieu-500g". */
export function slugify(text: string, maxLength = 80): string {
  const slug = foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, maxLength).replace(/-+$/g, "");
}

/** Trims and normalizes user input to NFC, the form every stored text is in. */
export function cleanText(text: string): string {
  return toNfc(text).trim();
}
