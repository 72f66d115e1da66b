import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiLocale, getRequestMatchesForApi } from "~/modules/demand/requests-api.server";
import { getDb } from "~/modules/platform/db.server";
import { apiError, apiJson } from "~/modules/platform/http.server";

/**
 * GET /api/v1/purchase-requests/{code}/matches: the producers and listings that can supply
 * the request, best first, each reason in the reader's language (Accept-Language, else vi).
 */
export function loader({ request, params }: LoaderFunctionArgs) {
  const locale = apiLocale(request);
  let response: Response;
  try {
    response = apiJson(getRequestMatchesForApi(getDb(), params.code ?? "", locale));
  } catch (error) {
    response = apiError(error, locale);
  }
  // The reasons' language follows the request's headers: a shared cache must keep them apart.
  response.headers.set("Vary", "Accept-Language, Cookie");
  return response;
}
