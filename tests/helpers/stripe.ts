import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import Stripe from "stripe";

export const WEBHOOK_SECRET = "whsec_test_cungcau_0123456789";

export interface FakeSession {
  id: string;
  amount_total: number;
  currency: string;
  payment_status?: "paid" | "unpaid" | "no_payment_required";
  status?: "open" | "complete" | "expired";
  metadata: Record<string, string>;
  client_reference_id?: string | null;
}

/** A Checkout session event body as Stripe would send it (only the fields we read). */
export function sessionEvent(
  type: string,
  session: FakeSession,
  id = `evt_${randomBytes(8).toString("hex")}`,
) {
  return JSON.stringify({
    id,
    object: "event",
    api_version: "2025-01-01",
    created: Math.floor(Date.now() / 1000),
    type,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: {
      object: {
        object: "checkout.session",
        payment_status: "paid",
        status: "complete",
        client_reference_id: null,
        ...session,
      },
    },
  });
}

/** The Stripe-Signature header for a payload, signed now (or at `timestamp`, seconds). */
export function sign(payload: string, options: { secret?: string; timestamp?: number } = {}) {
  return Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? WEBHOOK_SECRET,
    ...(options.timestamp ? { timestamp: options.timestamp } : {}),
  });
}

export interface FakeStripeApi {
  port: number;
  /** Form bodies the Stripe client POSTed to /v1/checkout/sessions, decoded. */
  createdSessions: URLSearchParams[];
  requests: { method: string; path: string; idempotencyKey: string | undefined }[];
  /** Make the next `times` session creations answer 500 (the client retries once). */
  failNext(times?: number): void;
  stop(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

/**
 * A local HTTP server on 127.0.0.1 (random port) that plays the part of api.stripe.com for
 * `checkout.sessions.create` and `retrieve`, so tests use the real `stripe` package.
 */
export async function startFakeStripeApi(): Promise<FakeStripeApi> {
  const createdSessions: URLSearchParams[] = [];
  const requests: FakeStripeApi["requests"] = [];
  const sessions = new Map<string, Record<string, unknown>>();
  let failures = 0;
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = (req.url ?? "").split("?")[0] ?? "";
    const idempotencyKey = req.headers["idempotency-key"];
    requests.push({
      method: req.method ?? "",
      path,
      idempotencyKey: typeof idempotencyKey === "string" ? idempotencyKey : undefined,
    });
    res.setHeader("Content-Type", "application/json");
    res.setHeader("Request-Id", `req_${randomBytes(6).toString("hex")}`);
    if (req.headers.authorization !== "Bearer sk_test_fake") {
      res.statusCode = 401;
      res.end(JSON.stringify({ error: { type: "invalid_request_error", message: "bad key" } }));
      return;
    }
    if (req.method === "POST" && path === "/v1/checkout/sessions") {
      if (failures > 0) {
        failures -= 1;
        res.statusCode = 500;
        res.end(JSON.stringify({ error: { type: "api_error", message: "boom" } }));
        return;
      }
      const form = new URLSearchParams(body);
      createdSessions.push(form);
      let amount = 0;
      for (let i = 0; form.has(`line_items[${i}][quantity]`); i++) {
        amount +=
          Number(form.get(`line_items[${i}][quantity]`)) *
          Number(form.get(`line_items[${i}][price_data][unit_amount]`));
      }
      const id = `cs_test_${randomBytes(8).toString("hex")}`;
      const session = {
        id,
        object: "checkout.session",
        amount_total: amount,
        currency: form.get("currency"),
        status: "open",
        payment_status: "unpaid",
        url: `https://checkout.stripe.test/c/pay/${id}`,
        client_reference_id: form.get("client_reference_id"),
        metadata: { checkout_id: form.get("metadata[checkout_id]") },
        expires_at: Number(form.get("expires_at")),
      };
      sessions.set(id, session);
      res.end(JSON.stringify(session));
      return;
    }
    const match = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
    if (req.method === "GET" && match?.[1] && sessions.has(match[1])) {
      res.end(JSON.stringify(sessions.get(match[1])));
      return;
    }
    res.statusCode = 404;
    res.end(JSON.stringify({ error: { type: "invalid_request_error", message: "not here" } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return {
    port: address.port,
    createdSessions,
    requests,
    failNext: (times = 2) => {
      failures = times;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const fakeStripeSettings = (port: number) => ({
  secretKey: "sk_test_fake",
  host: "127.0.0.1",
  port,
  protocol: "http" as const,
});
