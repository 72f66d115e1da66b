import type { viGroups } from "./vi";

/** Messages of the domain errors every area shares (app/lib/errors.ts) and of input hygiene (schemas/fields). */
export const errorsEn: Record<keyof typeof viGroups.errors, string> = {
  "errors.notFound": "We could not find the page or data you asked for.",
  "errors.unauthorized": "Please sign in to continue.",
  "errors.forbidden": "You are not allowed to do this.",
  "errors.input.control":
    "This field contains an invisible control character (such as NUL); please type it again.",
  "errors.input.lineBreak": "This field takes a single line; please remove the line breaks.",
  "errors.input.decimal":
    "Enter a whole number without a fractional part (not 1.5). Dots, commas or spaces may only separate groups of three digits, as in 1,500,000.",
};
