import type { Db } from "~db/client.server";
import type { PaymentMethod } from "~db/schema";

/** What a payment needs to know of one committed order: amounts as the server computed them. */
export interface OrderToPay {
  id: number;
  code: string;
  producer: { name: string };
  deliveryFeeVnd: number;
  lines: { title: string; qty: number; unitPriceVnd: number }[];
}

/** A checkout that was just committed (one order per producer), ready to be paid. */
export interface CheckoutToPay {
  checkoutId: string;
  buyerEmail: string | null;
  orders: OrderToPay[];
}

export interface PaymentUrls {
  /** Where the buyer lands after paying on the provider's page. */
  successUrl: string;
  /** Where the buyer lands after giving up on the provider's page. */
  cancelUrl: string;
}

/**
 * One payment method behind one interface, so a Vietnamese gateway (VNPay, MoMo, …) can be
 * added as another implementation: `start` runs after the orders are committed and may call
 * the outside world; when it fails it undoes what it did itself and throws
 * `PaymentUnavailable`, and the checkout (orders) cancels its orders. Confirmations arrive
 * later: from a person (COD on delivery, a transfer marked received) or from the provider's
 * webhook route.
 */
export interface PaymentProvider {
  readonly method: PaymentMethod;
  /** Value of `payments.provider` for this method. */
  readonly provider: "cod" | "bank_transfer" | "stripe";
  /** False when the method is not configured (e.g. no Stripe key): it is not offered. */
  isAvailable(): boolean;
  /**
   * Returns the URL to send the buyer to (a hosted payment page), or null to stay here, and
   * when the money must have arrived if the provider sets a limit (a session that expires).
   */
  start(
    db: Db,
    checkout: CheckoutToPay,
    urls: PaymentUrls,
  ): Promise<{ redirectUrl: string | null; payBy: Date | null }>;
}
