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

/**
 * Characters no person types and no page should store (docs/decisions/014): C0 controls but
 * tab and line breaks, DEL, C1 controls, the bidi embeddings, overrides and isolates that
 * reorder what is shown ("Trojan Source"), noncharacters, and halves of a surrogate pair.
 */
const CONTROL_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- finding control characters is this pattern's job
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Line breaks as browsers and other systems send them: CR LF, CR, LF, U+2028, U+2029. */
const LINE_BREAKS = /\r\n?|[\n\u2028\u2029]/g;

/**
 * Invisible characters with no meaning in Vietnamese text that arrive by copy and paste
 * (zero-width space, word joiner, byte-order mark): dropped without a word, since a message
 * could only ask the person to delete something they cannot see. ZWJ and ZWNJ stay: emoji
 * sequences need them.
 */
const INVISIBLE_CHARACTERS = /[\u200B\u2060\uFEFF]/g;

/** What makes typed text unacceptable: a control character, or a line break in a one-line field. */
export type TextProblem = "control" | "lineBreak";

/** The problem of text for a one-line field (`line`) or a long text (`long`), or null. */
export function textProblem(text: string, kind: "line" | "long"): TextProblem | null {
  if (CONTROL_CHARACTERS.test(text)) return "control";
  if (kind === "line" && /[\r\n\u2028\u2029]/.test(text)) return "lineBreak";
  return null;
}

/**
 * Trims and normalizes user input to NFC, the form every stored text is in, without the
 * invisible copy-and-paste characters. Control characters are not its business: schemas
 * refuse them with a message (`textProblem`), `stripControls` removes them from queries.
 */
export function cleanText(text: string): string {
  return toNfc(text).replace(INVISIBLE_CHARACTERS, "").trim();
}

/** `cleanText` for a one-line field: a tab (pasted from a spreadsheet) becomes a space. */
export function cleanLine(text: string): string {
  return cleanText(text.replace(/\t/g, " "));
}

/** `cleanText` for long text (a description, a note): every line break becomes "\n". */
export function cleanLongText(text: string): string {
  return cleanText(text.replace(LINE_BREAKS, "\n"));
}

/**
 * Text made usable rather than refused: control characters and line breaks become spaces.
 * For queries (search box, filters), which are looked up and not stored, and a photo's
 * optional alt text, where a refusal would throw the uploaded photo away (decision 014).
 */
export function stripControls(text: string): string {
  return cleanLine(
    text.replace(new RegExp(CONTROL_CHARACTERS.source, "g"), " ").replace(LINE_BREAKS, " "),
  );
}
