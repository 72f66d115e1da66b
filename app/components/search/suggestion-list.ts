import type {
  Suggestion,
  SuggestionList as SuggestionAnswer,
} from "~/modules/search/suggestions.server";

export type { Suggestion };

/**
 * What the header's search box needs to ask for suggestions and read the answer, with or
 * without React: the combobox of a hydrated page (header-search.tsx) and the small script of
 * a page sent without React (app/islands/header-suggest.ts) share it.
 */

/** The endpoint's answer as the box uses it: the same fields, less the words it echoes. */
export type SuggestionList = Omit<SuggestionAnswer, "q">;

export const SUGGEST_DEBOUNCE_MS = 250;
/** The same limits as the suggestions endpoint: fewer letters suggest nearly everything, and
 * longer text is searched, not suggested. */
export const SUGGEST_MIN_LENGTH = 2;
export const SUGGEST_MAX_LENGTH = 100;

/** The endpoint's URL for these words, or null when they are too short or too long to ask. */
export function suggestionsUrl(value: string): string | null {
  const words = value.trim();
  if (words.length < SUGGEST_MIN_LENGTH || words.length > SUGGEST_MAX_LENGTH) return null;
  return `/tim-kiem/goi-y?${new URLSearchParams({ q: words }).toString()}`;
}

/** The endpoint's answer, checked field by field: anything unexpected is left out. */
export function toSuggestionList(body: unknown): SuggestionList | null {
  if (typeof body !== "object" || body === null) return null;
  const { suggestions, correctedQuery, searchPath } = body as Record<string, unknown>;
  if (!Array.isArray(suggestions) || typeof searchPath !== "string") return null;
  return {
    suggestions: suggestions.filter((item: unknown): item is Suggestion => {
      const fields = (typeof item === "object" && item !== null ? item : {}) as Record<
        string,
        unknown
      >;
      return (
        typeof fields.sku === "string" &&
        typeof fields.title === "string" &&
        typeof fields.priceVnd === "number" &&
        typeof fields.unit === "string" &&
        typeof fields.path === "string"
      );
    }),
    correctedQuery: typeof correctedQuery === "string" ? correctedQuery : null,
    searchPath,
  };
}

/**
 * The words the script of a page sent without React shows, in the page's language. The server
 * writes them on the search form (`data-suggest`); `{count}`, `{query}`, `{price}` and `{unit}`
 * mark what the script fills in, and `units` names each unit of sale.
 */
export interface SuggestTexts {
  label: string;
  count: string;
  seeAll: string;
  price: string;
  units: Record<string, string>;
}
