import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/modules/platform/db.server";
import { apiError, apiJson, localeOfRequest } from "~/modules/platform/http.server";
import { parseSuggestParams, searchSuggestions } from "~/modules/search/suggestions.server";

/**
 * GET /tim-kiem/goi-y?q=…: suggestions for the header's search box while a buyer types
 * (JSON). Public, like the catalog it searches: no session is read. A missing, too short
 * or too long `q` is a 400 with the API's error shape, in the reader's language.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  try {
    const q = parseSuggestParams(new URL(request.url).searchParams);
    return apiJson(await searchSuggestions(getDb(), q), { maxAgeSeconds: 60 });
  } catch (error) {
    return apiError(error, localeOfRequest(request));
  }
}
