import type { LoaderFunctionArgs } from "@remix-run/node";
import { authenticateApiToken } from "~/modules/auth/api-tokens.server";
import { getOrderForApi, unauthorizedAnswer } from "~/modules/orders/api.server";
import { getDb } from "~/modules/platform/db.server";

/** GET /api/v1/orders/{id} — one of the token owner's orders; anyone else's is a 404. */
export function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const caller = authenticateApiToken(db, request.headers.get("authorization"));
  const id = Number(params.id);
  const answer = !caller
    ? unauthorizedAnswer()
    : Number.isSafeInteger(id) && id > 0
      ? getOrderForApi(db, caller.userId, id)
      : {
          status: 404,
          body: { error: { code: "not_found", message: "Không tìm thấy đơn hàng." } },
        };
  return Response.json(answer.body, {
    status: answer.status,
    headers: { "Cache-Control": "no-store", ...answer.headers },
  });
}
