import { and, eq, inArray } from "drizzle-orm";
import type Stripe from "stripe";
import { DomainError, NotFound } from "~/lib/errors";
import { t, type MessageKey } from "~/lib/i18n/translate";
import { logger } from "~/modules/platform/logger.server";
import type { Db } from "~db/client.server";
import { payments } from "~db/schema";
import type { CheckoutToPay, PaymentProvider, PaymentUrls } from "./provider.server";
import { stripeClient, stripeSettingsFromEnv, type StripeSettings } from "./stripe-client.server";

/** How long a Checkout session (and the stock it holds) stays open; Stripe's minimum is 30 min. */
export const STRIPE_SESSION_MINUTES = 60;

/** The payment cannot start now (the method is not configured, or the gateway is down). */
export class PaymentUnavailable extends DomainError {
  constructor(key: MessageKey) {
    super(503, "payment_unavailable", key);
  }
}

/**
 * Creates one Stripe Checkout session in VND for all orders of a checkout. Amounts come from
 * the committed orders (VND is zero-decimal: 1 unit = 1 đồng). Stripe's idempotency key is
 * the checkout id, so a retry never opens a second session.
 */
export async function createCheckoutSession(
  db: Db,
  settings: StripeSettings,
  checkout: CheckoutToPay,
  urls: PaymentUrls,
  now = new Date(),
): Promise<Stripe.Checkout.Session> {
  const lineItems: Stripe.Checkout.SessionCreateParams.LineItem[] = [];
  for (const order of checkout.orders) {
    for (const line of order.lines) {
      lineItems.push({
        quantity: line.qty,
        price_data: {
          currency: "vnd",
          unit_amount: line.unitPriceVnd,
          product_data: { name: `${line.title} — ${order.producer.name}` },
        },
      });
    }
    if (order.deliveryFeeVnd > 0) {
      lineItems.push({
        quantity: 1,
        price_data: {
          currency: "vnd",
          unit_amount: order.deliveryFeeVnd,
          // Stripe's page speaks Vietnamese to our buyers.
          product_data: {
            name: t("vi", "paymentLine.deliveryFee", { producer: order.producer.name }),
          },
        },
      });
    }
  }
  const expiresAt = Math.floor(now.getTime() / 1000) + STRIPE_SESSION_MINUTES * 60;
  const session = await stripeClient(settings).checkout.sessions.create(
    {
      mode: "payment",
      currency: "vnd",
      line_items: lineItems,
      client_reference_id: checkout.checkoutId,
      metadata: {
        checkout_id: checkout.checkoutId,
        order_codes: checkout.orders.map((o) => o.code).join(","),
      },
      ...(checkout.buyerEmail ? { customer_email: checkout.buyerEmail } : {}),
      success_url: urls.successUrl,
      cancel_url: urls.cancelUrl,
      expires_at: expiresAt,
    },
    { idempotencyKey: `checkout-${checkout.checkoutId}` },
  );
  const orderIds = checkout.orders.map((o) => o.id);
  db.update(payments)
    .set({ providerRef: session.id, updatedAt: now })
    .where(and(inArray(payments.orderId, orderIds), eq(payments.provider, "stripe")))
    .run();
  return session;
}

/** Card payments through Stripe Checkout (a hosted page; confirmation by webhook). */
export function stripeProvider(
  settings: StripeSettings | null = stripeSettingsFromEnv(),
): PaymentProvider {
  return {
    method: "card",
    provider: "stripe",
    isAvailable: () => settings !== null,
    async start(db, checkout, urls) {
      if (!settings) throw new PaymentUnavailable("paymentError.cardNotConfigured");
      try {
        const session = await createCheckoutSession(db, settings, checkout, urls);
        // The session holds the stock until it expires: the order's payment is due then.
        return { redirectUrl: session.url, payBy: new Date(session.expires_at * 1000) };
      } catch (error) {
        // No session was opened, so there is nothing of ours to undo; the checkout undoes its orders.
        logger.error({ err: error, checkoutId: checkout.checkoutId }, "stripe session failed");
        throw new PaymentUnavailable("paymentError.gatewayUnreachable");
      }
    },
  };
}

/**
 * The page of a Stripe Checkout session still open (the buyer comes back to pay); NotFound
 * when it expired or card payments are not configured.
 */
export async function openSessionUrl(
  sessionId: string,
  settings: StripeSettings | null = stripeSettingsFromEnv(),
): Promise<string> {
  if (!settings) throw new NotFound("paymentError.noOpenSession");
  const session = await stripeClient(settings).checkout.sessions.retrieve(sessionId);
  if (session.status !== "open" || !session.url) {
    throw new NotFound("paymentError.sessionExpired");
  }
  return session.url;
}
