import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { DomainError, Unauthorized } from "~/lib/errors";
import { authenticateApiToken } from "~/modules/auth/api-tokens.server";
import {
  apiLocale,
  createPurchaseRequestFromApi,
  listPurchaseRequestsForApi,
} from "~/modules/demand/requests-api.server";
import { getDb } from "~/modules/platform/db.server";
import { apiError, apiJson } from "~/modules/platform/http.server";
import { publicOrigin } from "~/modules/search/api.server";

/** An error answer of this route: never cached, with the headers the method or auth scheme want. */
function refuse(error: unknown, request: Request, headers: Record<string, string> = {}) {
  const response = apiError(error, apiLocale(request));
  response.headers.set("Cache-Control", "no-store");
  response.headers.set("Vary", "Accept-Language, Cookie");
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** GET /api/v1/purchase-requests?status=open&page=: open requests, public fields only. */
export function loader({ request }: LoaderFunctionArgs) {
  try {
    const response = apiJson(
      listPurchaseRequestsForApi(getDb(), new URL(request.url).searchParams),
    );
    response.headers.set("Vary", "Accept-Language, Cookie");
    return response;
  } catch (error) {
    return refuse(error, request);
  }
}

/**
 * POST /api/v1/purchase-requests: a business buyer posts a request with the orders API's
 * Bearer token → 201 { code, url }; 400 names each bad field, 401 without a valid token,
 * 429 past the buyer's limits (described in /api/v1/openapi.json).
 */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") {
    return refuse(
      new DomainError(405, "method_not_allowed", "connect.api.methodNotAllowed"),
      request,
      {
        Allow: "GET, POST",
      },
    );
  }
  const db = getDb();
  const caller = authenticateApiToken(db, request.headers.get("authorization"));
  if (!caller) {
    return refuse(new Unauthorized("apiOrder.error.unauthorized"), request, {
      "WWW-Authenticate": 'Bearer realm="cung-cau"',
    });
  }
  try {
    const created = await createPurchaseRequestFromApi(db, caller.userId, await request.text(), {
      locale: apiLocale(request),
      origin: publicOrigin(request),
    });
    return Response.json(created, {
      status: 201,
      headers: { "Cache-Control": "no-store", Location: created.url },
    });
  } catch (error) {
    return refuse(error, request);
  }
}
