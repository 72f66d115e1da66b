import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { DomainError } from "~/lib/errors";
import { answerOrdersApi } from "~/modules/orders/api.server";
import { getDb } from "~/modules/platform/db.server";
import { apiError, localeOfRequest } from "~/modules/platform/http.server";

const postOnly = (request: Request) => {
  const response = apiError(
    new DomainError(405, "method_not_allowed", "apiOrder.error.postOnly"),
    localeOfRequest(request),
  );
  response.headers.set("Cache-Control", "no-store");
  response.headers.set("Allow", "POST");
  return response;
};

/** GET is not offered here: each order is read at /api/v1/orders/{id}. */
export function loader({ request }: LoaderFunctionArgs) {
  return postOnly(request);
}

/**
 * POST /api/v1/orders — business buyers place orders with a Bearer token and an
 * Idempotency-Key (see docs/decisions/009-orders-and-stock.md for the body and answers).
 * The running server answers POSTs without Remix (server/api-fast-path.ts), with the same
 * module function.
 */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return postOnly(request);
  const answer = await answerOrdersApi(getDb(), {
    authorization: request.headers.get("authorization"),
    idempotencyKey: request.headers.get("idempotency-key"),
    locale: localeOfRequest(request),
    body: await request.text(),
  });
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
