import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { authenticateApiToken } from "~/modules/auth/api-tokens.server";
import {
  createOrdersFromApi,
  unauthorizedAnswer,
  type ApiAnswer,
} from "~/modules/orders/api.server";
import { getDb } from "~/modules/platform/db.server";

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

/** GET is not offered here: each order is read at /api/v1/orders/{id}. */
export function loader(_args: LoaderFunctionArgs) {
  return respond({
    status: 405,
    body: { error: { code: "method_not_allowed", message: "Dùng POST để đặt hàng." } },
    headers: { Allow: "POST" },
  });
}

/**
 * POST /api/v1/orders — business buyers place orders with a Bearer token and an
 * Idempotency-Key (see docs/decisions/009-orders-and-stock.md for the body and answers).
 */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") {
    return respond({
      status: 405,
      body: { error: { code: "method_not_allowed", message: "Dùng POST để đặt hàng." } },
      headers: { Allow: "POST" },
    });
  }
  const db = getDb();
  const caller = authenticateApiToken(db, request.headers.get("authorization"));
  if (!caller) return respond(unauthorizedAnswer());
  const body = await request.text();
  return respond(
    createOrdersFromApi(db, caller.userId, request.headers.get("idempotency-key"), body),
  );
}
