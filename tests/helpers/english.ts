import { en } from "~/lib/i18n/en";
import { vi } from "~/lib/i18n/vi";

/**
 * For the tests that read pages in English (issue 9): the fixed parts of every Vietnamese
 * catalog sentence that the English catalog does not share, longer than 12 characters, and a
 * page's text with its HTML entities decoded so they can be looked for.
 */
export const VIETNAMESE_FRAGMENTS: readonly string[] = [
  ...new Set(
    Object.entries(vi).flatMap(([key, text]) =>
      text === en[key as keyof typeof en]
        ? []
        : text
            .split(/\{\w+\}/)
            .map((part) => part.trim())
            .filter((part) => part.length > 12),
    ),
  ),
];

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** The page as a reader sees its characters (entities decoded), markup kept. */
export function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) {
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    }
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

/** The Vietnamese catalog fragments found in `text` (an English page should have none). */
export function vietnameseIn(text: string): string[] {
  return VIETNAMESE_FRAGMENTS.filter((fragment) => text.includes(fragment));
}
