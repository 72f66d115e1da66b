import type { LoaderFunctionArgs } from "@remix-run/node";
import { NotFound, Unauthorized } from "~/lib/errors";
import { authenticateApiToken } from "~/modules/auth/api-tokens.server";
import { getOrderForApi } from "~/modules/orders/api.server";
import { getDb } from "~/modules/platform/db.server";
import { apiError, localeOfRequest } from "~/modules/platform/http.server";

/** GET /api/v1/orders/{id} — one of the token owner's orders; anyone else's is a 404. */
export function loader({ request, params }: LoaderFunctionArgs) {
  const locale = localeOfRequest(request);
  const db = getDb();
  const caller = authenticateApiToken(db, request.headers.get("authorization"));
  if (!caller) {
    const response = apiError(new Unauthorized("apiOrder.error.unauthorized"), locale);
    response.headers.set("WWW-Authenticate", 'Bearer realm="cung-cau"');
    response.headers.set("Cache-Control", "no-store");
    return response;
  }
  const id = Number(params.id);
  if (!Number.isSafeInteger(id) || id <= 0) {
    const response = apiError(new NotFound("orderError.notFound"), locale);
    response.headers.set("Cache-Control", "no-store");
    return response;
  }
  const answer = getOrderForApi(db, caller.userId, id, locale);
  return Response.json(answer.body, {
    status: answer.status,
    headers: { "Cache-Control": "no-store", ...answer.headers },
  });
}
