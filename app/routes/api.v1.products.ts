import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/modules/platform/db.server";
import { apiError, apiJson, localeOfRequest } from "~/modules/platform/http.server";
import { publicOrigin, toApiSearchResult } from "~/modules/search/api.server";
import { parseSearchParams } from "~/modules/search/params";
import { searchListings } from "~/modules/search/search.server";

/** GET /api/v1/products: public product search with facets (described in /api/v1/openapi.json). */
export async function loader({ request }: LoaderFunctionArgs) {
  try {
    const query = parseSearchParams(new URL(request.url).searchParams);
    const result = await searchListings(getDb(), query);
    return apiJson(toApiSearchResult(result, publicOrigin(request)));
  } catch (error) {
    return apiError(error, localeOfRequest(request));
  }
}
