import { and, eq, inArray } from "drizzle-orm";
import type Stripe from "stripe";
import { DomainError, NotFound } from "~/lib/errors";
import { cancelOrderBySystem } from "~/modules/orders/fulfilment.server";
import { logger } from "~/modules/platform/logger.server";
import type { Db } from "~db/client.server";
import { orders, payments } from "~db/schema";
import type { CheckoutToPay, PaymentProvider, PaymentUrls } from "./provider.server";
import { stripeClient, stripeSettingsFromEnv, type StripeSettings } from "./stripe-client.server";

/** How long a Checkout session (and the stock it holds) stays open; Stripe's minimum is 30 min. */
export const STRIPE_SESSION_MINUTES = 60;

export class PaymentUnavailable extends DomainError {
  constructor(message: string) {
    super(message, 503, "payment_unavailable");
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
          product_data: { name: `Phí giao hàng — ${order.producer.name}` },
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
  db.$client
    .transaction(() => {
      db.update(payments)
        .set({ providerRef: session.id, updatedAt: now })
        .where(and(inArray(payments.orderId, orderIds), eq(payments.provider, "stripe")))
        .run();
      db.update(orders)
        .set({ paymentDueAt: new Date(expiresAt * 1000) })
        .where(inArray(orders.id, orderIds))
        .run();
    })
    .immediate();
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
      if (!settings) throw new PaymentUnavailable("Thanh toán thẻ chưa được cấu hình.");
      try {
        const session = await createCheckoutSession(db, settings, checkout, urls);
        return { redirectUrl: session.url };
      } catch (error) {
        // Undo: the orders were committed and hold stock; nobody can pay them now.
        logger.error({ err: error, checkoutId: checkout.checkoutId }, "stripe session failed");
        for (const order of checkout.orders) {
          try {
            cancelOrderBySystem(db, order.id, "Không mở được trang thanh toán thẻ.");
          } catch (cancelError) {
            logger.error({ err: cancelError, orderId: order.id }, "could not cancel order");
          }
        }
        throw new PaymentUnavailable(
          "Không kết nối được cổng thanh toán thẻ. Đơn hàng đã được hủy, vui lòng thử lại hoặc chọn cách thanh toán khác.",
        );
      }
    },
  };
}

/**
 * The buyer comes back to pay a card order still waiting: the open session's page, if any.
 */
export async function resumeCardPayment(
  db: Db,
  buyerUserId: number,
  orderId: number,
  settings: StripeSettings | null = stripeSettingsFromEnv(),
): Promise<string> {
  const row = db
    .select({ ref: payments.providerRef })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(
      and(
        eq(orders.id, orderId),
        eq(orders.buyerUserId, buyerUserId),
        eq(orders.status, "pending_payment"),
        eq(payments.provider, "stripe"),
        eq(payments.status, "pending"),
      ),
    )
    .get();
  if (!row?.ref || !settings) throw new NotFound("Không còn phiên thanh toán nào cho đơn này.");
  const session = await stripeClient(settings).checkout.sessions.retrieve(row.ref);
  if (session.status !== "open" || !session.url) {
    throw new NotFound("Phiên thanh toán đã hết hạn.");
  }
  return session.url;
}
