import { cleanText, textProblem } from "./text";

/**
 * Contact details as people type them and as the database stores them: Vietnamese mobile
 * numbers become `+84` followed by nine digits; e-mails are trimmed and lower-cased.
 * Pure: used by the zod schemas on both sides and by the server. The one place that decides
 * what a phone number is: every form that takes one calls `normalizePhone`.
 */

/** Separators people put in phone numbers: spaces (incl. no-break), dots, dashes, brackets. */
const PHONE_SEPARATORS = /[\s.\-()\u00a0]/g;

/** Mobile prefixes in use since the 2018 renumbering: 03x, 05x, 07x, 08x, 09x. */
const MOBILE_PATTERN = /^(?:0|\+84|84)([35789]\d{8})$/;

/**
 * The stored form (`+84912345678`) of a Vietnamese mobile number typed as `0912 345 678`,
 * `+84 912.345.678` or `84912345678`; null when it is not one.
 */
export function normalizePhone(input: string): string | null {
  const compact = cleanText(input).replace(PHONE_SEPARATORS, "");
  const match = MOBILE_PATTERN.exec(compact);
  return match ? `+84${match[1]}` : null;
}

/** A stored number (`+84912345678`) as Vietnamese people write it: `0912345678`. */
export function nationalPhone(stored: string): string {
  return stored.replace(/^\+84/, "0");
}

/** How a stored number is shown to Vietnamese readers: `0912 345 678`. */
export function formatPhone(stored: string): string {
  const match = /^\+84(\d{3})(\d{3})(\d{3})$/.exec(stored);
  return match ? `0${match[1]} ${match[2]} ${match[3]}` : stored;
}

// Deliberately simple: one @, something before it, a dotted domain after it, no spaces.
// Whether the mailbox exists is only known by writing to it.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
const EMAIL_MAX_LENGTH = 254;

/** The stored form of an e-mail address (trimmed, lower-case); null when it is not one. */
export function normalizeEmail(input: string): string | null {
  const email = cleanText(input).toLowerCase();
  // The pattern lets any non-space through; a control character is never part of an address.
  if (textProblem(email, "line")) return null;
  if (email.length > EMAIL_MAX_LENGTH || !EMAIL_PATTERN.test(email)) return null;
  return email;
}

export type LoginIdentifier = { kind: "phone"; value: string } | { kind: "email"; value: string };

/**
 * What someone typed in the "phone or e-mail" box, in stored form: an `@` means an e-mail,
 * anything else is tried as a phone number. Null when it is neither.
 */
export function parseIdentifier(input: string): LoginIdentifier | null {
  if (input.includes("@")) {
    const email = normalizeEmail(input);
    return email ? { kind: "email", value: email } : null;
  }
  const phone = normalizePhone(input);
  return phone ? { kind: "phone", value: phone } : null;
}
