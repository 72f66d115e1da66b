import type { PaymentProvider } from "./provider.server";

/** Cash on delivery: nothing happens now; the payment succeeds when the order is delivered. */
export const cashOnDeliveryProvider: PaymentProvider = {
  method: "cod",
  provider: "cod",
  isAvailable: () => true,
  start: async () => ({ redirectUrl: null, payBy: null }),
};

/**
 * Bank transfer: the order page shows the VietQR code and the transfer details; the producer
 * or staff mark the money received; unpaid orders are cancelled after 3 days.
 */
export const bankTransferProvider: PaymentProvider = {
  method: "bank_transfer",
  provider: "bank_transfer",
  isAvailable: () => true,
  // The three days to pay are set when the order is placed.
  start: async () => ({ redirectUrl: null, payBy: null }),
};
