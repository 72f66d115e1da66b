import type { ActionFunctionArgs } from "@remix-run/node";
import { processStripeWebhook } from "~/modules/payments/stripe-webhook.server";
import { getDb } from "~/modules/platform/db.server";
import { getEnv } from "~/modules/platform/env.server";

/**
 * POST /api/stripe/webhook — Stripe's events. The signature is checked on the raw body
 * (request.text(), never a parsed and re-serialized object) before anything else.
 */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") {
    return Response.json(
      { error: "method_not_allowed" },
      { status: 405, headers: { Allow: "POST" } },
    );
  }
  const secret = getEnv().STRIPE_WEBHOOK_SECRET;
  // Without a secret nothing can be verified: the endpoint does not exist on this install.
  if (!secret) return Response.json({ error: "stripe_not_configured" }, { status: 404 });
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

/** Stripe only POSTs; a GET is not a webhook. */
export function loader() {
  return Response.json(
    { error: "method_not_allowed" },
    { status: 405, headers: { Allow: "POST" } },
  );
}
