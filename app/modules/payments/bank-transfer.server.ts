import { bankNameForBin, buildVietQrPayload, vietQrSvg } from "./vietqr.server";

export interface TransferInstructions {
  bankBin: string;
  /** "Vietcombank" for 970436; null for a BIN we do not know by name. */
  bankName: string | null;
  accountNumber: string;
  accountName: string | null;
  amountVnd: number;
  /** What the buyer writes in the transfer message: the order code. */
  message: string;
  payload: string;
  svg: string;
}

/**
 * What a buyer needs to pay an order by bank transfer: the producer's account, the amount,
 * the order code as the message, and the same as a VietQR code. Null when the producer has
 * not entered a bank account or the order no longer waits for a transfer.
 */
export async function transferInstructions(detail: {
  order: { code: string; totalVnd: number; paymentMethod: string; status: string };
  producer: {
    bankBin: string | null;
    bankAccountNumber: string | null;
    bankAccountName: string | null;
  };
}): Promise<TransferInstructions | null> {
  const { order, producer } = detail;
  if (order.paymentMethod !== "bank_transfer" || order.status !== "pending_payment") return null;
  if (!producer.bankBin || !producer.bankAccountNumber) return null;
  const payload = buildVietQrPayload({
    bankBin: producer.bankBin,
    accountNumber: producer.bankAccountNumber,
    amountVnd: order.totalVnd,
    purpose: order.code,
  });
  return {
    bankBin: producer.bankBin,
    bankName: bankNameForBin(producer.bankBin),
    accountNumber: producer.bankAccountNumber,
    accountName: producer.bankAccountName,
    amountVnd: order.totalVnd,
    message: order.code,
    payload,
    svg: await vietQrSvg(payload),
  };
}
