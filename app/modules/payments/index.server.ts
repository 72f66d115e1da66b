import type { PaymentMethod } from "~db/schema";
import { bankTransferProvider, cashOnDeliveryProvider } from "./offline.server";
import type { PaymentProvider } from "./provider.server";
import { stripeProvider } from "./stripe.server";

/** The provider of each payment method; a new gateway is one more entry here. */
export function paymentProviders(): Record<PaymentMethod, PaymentProvider> {
  return {
    cod: cashOnDeliveryProvider,
    bank_transfer: bankTransferProvider,
    card: stripeProvider(),
  };
}

/** The provider that takes payments of this method. */
export function paymentProvider(method: PaymentMethod): PaymentProvider {
  return paymentProviders()[method];
}

/** Methods offered at checkout right now (card only when Stripe is configured). */
export function availablePaymentMethods(): PaymentMethod[] {
  return Object.values(paymentProviders())
    .filter((p) => p.isAvailable())
    .map((p) => p.method);
}

export type { CheckoutToPay, OrderToPay, PaymentProvider, PaymentUrls } from "./provider.server";
export { PaymentUnavailable } from "./stripe.server";
