import { z } from "zod";
import type { MessageKey } from "~/lib/i18n/translate";
import { cleanLine, cleanLongText, textProblem, type TextProblem } from "~/lib/text";

/**
 * The field builders every form, the orders API and the import share (docs/decisions/014):
 * text is refused with a message when it holds control characters (or a line break where
 * one line is asked for), and a whole number is read from what a Vietnamese person types or
 * refused, never read as another number. Messages are i18n keys.
 */

/** The message of each text problem. */
export const TEXT_PROBLEM_MESSAGES: Record<TextProblem, MessageKey> = {
  control: "errors.input.control",
  lineBreak: "errors.input.lineBreak",
};

/** The message of a number with a fractional part or separators in the wrong places. */
export const DECIMAL_MESSAGE: MessageKey = "errors.input.decimal";

/** Whether a message is one of the input-hygiene messages above (the import keeps them). */
export function isHygieneMessage(message: string): message is MessageKey {
  return (
    message === DECIMAL_MESSAGE ||
    Object.values(TEXT_PROBLEM_MESSAGES).includes(message as MessageKey)
  );
}

const stringOf = (required: MessageKey) =>
  z.string({ required_error: required, invalid_type_error: required });

// A transform that adds its issue and still returns a value: the field is "dirty", not
// aborted, so a form's cross-field rules (superRefine) still report alongside it, and a
// `.pipe()` after it does not add a second message about the same value. Follow these
// builders with `.pipe()`, not `.refine()` (a refinement would run on the refused value).
const cleaned = (kind: "line" | "long", required: MessageKey) =>
  stringOf(required).transform((value, ctx) => {
    const problem = textProblem(value, kind);
    if (problem) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: TEXT_PROBLEM_MESSAGES[problem] });
    }
    return kind === "line" ? cleanLine(value) : cleanLongText(value);
  });

/**
 * One line of text (a name, a title, a phone, a code, an address line): NFC, trimmed, tabs
 * as spaces; control characters and line breaks refused. Pipe it to the field's length rule.
 */
export function singleLineText(required: MessageKey = "validation.required") {
  return cleaned("line", required);
}

/**
 * Long text (a description, a story, a note, a reason, a review): line breaks kept as "\n"
 * (a textarea sends CR LF), tabs kept; other control characters refused.
 */
export function longText(required: MessageKey = "validation.required") {
  return cleaned("long", required);
}

/** What is wrong with a typed number: not a number at all, or a fraction / misplaced separator. */
export type NumberProblem = "notNumber" | "decimal";

/** Full-width digits (a phone keyboard in a CJK mode) mean the same digits. */
const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/g;

/** "₫", "đ", "vnd", "vnđ", "đồng" after an amount, as people write prices. */
const CURRENCY_SUFFIX = /\s*(?:₫|đ|vnđ|vnd|đồng)$/i;

/**
 * Digits grouped by thousands with one kind of separator: ".", "," or a space (a no-break
 * space counts as a space). The first group has 1-3 digits and no leading zero, every later
 * group exactly three: "1.500.000", "150,000", "1 500".
 */
const GROUPED = /^[1-9]\d{0,2}(?:(\.)\d{3}(?:\.\d{3})*|(,)\d{3}(?:,\d{3})*|( )\d{3}(?: \d{3})*)$/;

/**
 * A whole number as a Vietnamese person types it: "1500", "1.500", "1,500", "1 500",
 * " 12 ", "１２". "1,5", "1.5", "0.500", "1.5000" and "1.500,5" are decimals (problem
 * `decimal`); "-3", "1e3", "12kg", "0x10" are not numbers. `currency` also accepts a đồng
 * sign or word after the amount ("150.000 đ").
 */
export function parseWholeNumber(
  input: string,
  options: { currency?: boolean } = {},
): { value: number } | { problem: NumberProblem } {
  let text = input
    .replace(FULL_WIDTH_DIGIT, (digit) => String(digit.charCodeAt(0) - 0xff10))
    .replace(/[\u00A0\u202F]/g, " ")
    .trim();
  if (options.currency) text = text.normalize("NFC").replace(CURRENCY_SUFFIX, "");
  if (/^\d+$/.test(text)) return { value: Number(text) };
  if (GROUPED.test(text)) return { value: Number(text.replace(/[., ]/g, "")) };
  return /^[\d., ]*\d[\d., ]*$/.test(text) ? { problem: "decimal" } : { problem: "notNumber" };
}

/**
 * A whole-number form field (a quantity, a stock, a count, a year, đồng): a string read by
 * `parseWholeNumber`, then kept within [min, max]. A decimal gets its own message; anything
 * else wrong gets the field's `message`. Blank is missing (conform drops empty fields).
 */
export function wholeNumber(options: {
  min: number;
  max: number;
  message: MessageKey;
  tooLarge?: MessageKey;
  currency?: boolean;
}) {
  const { min, max, message, tooLarge = message, currency = false } = options;
  // Dirty rather than aborted on a refusal, as the text builders above (NaN as the value).
  return stringOf(message).transform((value, ctx) => {
    const parsed = parseWholeNumber(value, { currency });
    const issue =
      "problem" in parsed
        ? parsed.problem === "decimal"
          ? DECIMAL_MESSAGE
          : message
        : parsed.value > max
          ? tooLarge
          : parsed.value < min
            ? message
            : null;
    if (issue) ctx.addIssue({ code: z.ZodIssueCode.custom, message: issue });
    return issue === null && "value" in parsed ? parsed.value : Number.NaN;
  });
}

/** An amount of đồng typed in a form: `wholeNumber` that also accepts "đ", "₫" or "vnd" after it. */
export function money(options: {
  min: number;
  max: number;
  message: MessageKey;
  tooLarge?: MessageKey;
}) {
  return wholeNumber({ ...options, currency: true });
}
