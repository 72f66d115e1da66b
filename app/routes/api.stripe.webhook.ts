import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { DomainError, NotFound } from "~/lib/errors";
import { processStripeWebhook } from "~/modules/orders/card-payments.server";
import { getDb } from "~/modules/platform/db.server";
import { getEnv } from "~/modules/platform/env.server";
import { apiError, localeOfRequest } from "~/modules/platform/http.server";

/** Stripe only POSTs; anything else is not a webhook. */
function postOnly(request: Request): Response {
  const response = apiError(
    new DomainError(405, "method_not_allowed", "paymentError.webhookPostOnly"),
    localeOfRequest(request),
  );
  response.headers.set("Allow", "POST");
  return response;
}

/**
 * POST /api/stripe/webhook — Stripe's events. The signature is checked on the raw body
 * (request.text(), never a parsed and re-serialized object) before anything else.
 */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return postOnly(request);
  const secret = getEnv().STRIPE_WEBHOOK_SECRET;
  // Without a secret nothing can be verified: the endpoint does not exist on this install.
  if (!secret) {
    return apiError(new NotFound("paymentError.webhookNotConfigured"), localeOfRequest(request));
  }
  const payload = await request.text();
  const result = processStripeWebhook(getDb(), {
    payload,
    signature: request.headers.get("stripe-signature"),
    secret,
  });
  return Response.json(
    { received: result.status === 200, outcome: result.outcome },
    { status: result.status },
  );
}

export function loader({ request }: LoaderFunctionArgs) {
  return postOnly(request);
}
