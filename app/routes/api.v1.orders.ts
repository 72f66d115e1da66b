import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { DomainError, Unauthorized } from "~/lib/errors";
import { authenticateApiToken } from "~/modules/auth/api-tokens.server";
import { createOrdersFromApiInSharedCommit, type ApiAnswer } from "~/modules/orders/api.server";
import { getDb } from "~/modules/platform/db.server";
import { apiError, localeOfRequest } from "~/modules/platform/http.server";

function respond(answer: ApiAnswer): Response {
  const body = JSON.stringify(answer.body);
  return new Response(body, {
    status: answer.status,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      // A known length lets the compression middleware skip small answers (most of them).
      "Content-Length": String(Buffer.byteLength(body)),
      "Cache-Control": "no-store",
      ...answer.headers,
    },
  });
}

/** An error answer of this route, with the headers the HTTP method or the auth scheme want. */
function refuse(request: Request, error: DomainError, headers: Record<string, string>): Response {
  const response = apiError(error, localeOfRequest(request));
  response.headers.set("Cache-Control", "no-store");
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

const postOnly = (request: Request) =>
  refuse(request, new DomainError(405, "method_not_allowed", "apiOrder.error.postOnly"), {
    Allow: "POST",
  });

/** GET is not offered here: each order is read at /api/v1/orders/{id}. */
export function loader({ request }: LoaderFunctionArgs) {
  return postOnly(request);
}

/**
 * POST /api/v1/orders — business buyers place orders with a Bearer token and an
 * Idempotency-Key (see docs/decisions/009-orders-and-stock.md for the body and answers).
 */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return postOnly(request);
  const db = getDb();
  const caller = authenticateApiToken(db, request.headers.get("authorization"));
  if (!caller) {
    return refuse(request, new Unauthorized("apiOrder.error.unauthorized"), {
      "WWW-Authenticate": 'Bearer realm="cung-cau"',
    });
  }
  const body = await request.text();
  return respond(
    await createOrdersFromApiInSharedCommit(
      db,
      caller.userId,
      request.headers.get("idempotency-key"),
      body,
      localeOfRequest(request),
    ),
  );
}
