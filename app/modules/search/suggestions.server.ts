import { z } from "zod";
import type { Db } from "~db/client.server";
import { Invalid } from "~/lib/errors";
import { isMessageKey } from "~/lib/i18n/translate";
import { singleLineText } from "~/lib/schemas/fields";
import { cleanText } from "~/lib/text";
import { pageParamsOf } from "./page-params";
import { searchListings } from "./search.server";
import { searchQuery } from "./types";

/**
 * Suggestions while a buyer types in the header's search box (GET /tim-kiem/goi-y): the
 * first products of the same search as the search page, kept small for slow mobile data
 * (no facets, no images), and the corrected words when a correction was used.
 */

/** Fewer letters suggest nearly everything; the box asks only from this length on. */
export const SUGGEST_MIN_LENGTH = 2;
export const SUGGEST_MAX_LENGTH = 100;
const SUGGESTIONS = 6;

const SuggestParams = z.object({
  q: singleLineText("search.errors.suggestQueryRequired")
    .pipe(z.string().min(SUGGEST_MIN_LENGTH, "search.errors.suggestQueryTooShort"))
    .pipe(z.string().max(SUGGEST_MAX_LENGTH, "search.errors.tooLong")),
});

/** The typed text of a suggestions request; throws Invalid (400) naming `q`. */
export function parseSuggestParams(params: URLSearchParams): string {
  const typed = cleanText(params.get("q") ?? "");
  if (typed === "") {
    throw new Invalid("search.errors.suggestQueryRequired", { parameter: "q" }, { parameter: "q" });
  }
  const parsed = SuggestParams.safeParse({ q: typed });
  if (parsed.success) return parsed.data.q;
  const issue = parsed.error.issues[0];
  const key = issue && isMessageKey(issue.message) ? issue.message : "search.errors.invalidQuery";
  throw new Invalid(
    key,
    { parameter: "q", min: SUGGEST_MIN_LENGTH, max: SUGGEST_MAX_LENGTH },
    { parameter: "q" },
  );
}

export interface Suggestion {
  sku: string;
  title: string;
  priceVnd: number;
  unit: string;
  /** Site-relative URL of the product page. */
  path: string;
}

export interface SuggestionList {
  q: string;
  suggestions: Suggestion[];
  /** The corrected words ("caphe" → "cà phê"), or null. */
  correctedQuery: string | null;
  /** The search page for these words (what Enter opens when no suggestion is chosen). */
  searchPath: string;
}

/** The first products for what was typed so far. */
export async function searchSuggestions(db: Db, q: string): Promise<SuggestionList> {
  const query = searchQuery({ q, perPage: SUGGESTIONS, facets: false });
  const result = await searchListings(db, query);
  return {
    q,
    suggestions: result.hits.map((hit) => ({
      sku: hit.sku,
      title: hit.title,
      priceVnd: hit.priceVnd,
      unit: hit.unit,
      path: hit.path,
    })),
    correctedQuery: result.correctedQuery ?? null,
    searchPath: `/tim-kiem?${pageParamsOf(query).toString()}`,
  };
}
