/**
 * Who sends a refund back follows from who took the money (docs/decisions/023): the
 * platform for a card payment (it collected it), the producer for cash on delivery and bank
 * transfers (they went straight to her). Pure, so pages and modules share it.
 */

export type PaymentProvider = "cod" | "bank_transfer" | "stripe";
export type RefundOwer = "platform" | "producer";

/** Who owes a refund of a payment made through `provider`. */
export function refundOwedBy(provider: PaymentProvider): RefundOwer {
  return provider === "stripe" ? "platform" : "producer";
}

/** Where the buyer wants her money back: a bank from the list, an account number, its holder. */
export interface RefundAccount {
  bankBin: string;
  accountNumber: string;
  accountName: string;
}

/**
 * Whether cancelling an order must ask the buyer for an account to refund to: money she
 * already paid went to the producer (a received bank transfer).
 */
export function asksRefundAccount(
  payments: readonly { provider: PaymentProvider; status: string }[],
): boolean {
  return payments.some((p) => p.status === "succeeded" && refundOwedBy(p.provider) === "producer");
}

/** One refund as its buyer and producer read it: who owes it and whether it went back. */
export type RefundProgress = "paidByPlatform" | "owedByProducer" | "sentByProducer";

/** Where one refund stands, from its payment's provider and when it was settled. */
export function refundProgress(
  provider: PaymentProvider | null,
  settledAt: Date | string | null,
): RefundProgress {
  if (provider === "stripe") return "paidByPlatform";
  return settledAt === null ? "owedByProducer" : "sentByProducer";
}
