import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiLocale, getPurchaseRequestForApi } from "~/modules/demand/requests-api.server";
import { getDb } from "~/modules/platform/db.server";
import { apiError, apiJson } from "~/modules/platform/http.server";
import { publicOrigin } from "~/modules/search/api.server";

/** GET /api/v1/purchase-requests/{code}: one request (any status), public fields only; hidden is 404. */
export function loader({ request, params }: LoaderFunctionArgs) {
  try {
    const body = getPurchaseRequestForApi(getDb(), params.code ?? "", publicOrigin(request));
    return apiJson(body);
  } catch (error) {
    const response = apiError(error, apiLocale(request));
    response.headers.set("Vary", "Accept-Language, Cookie");
    return response;
  }
}
