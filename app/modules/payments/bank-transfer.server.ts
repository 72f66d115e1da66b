import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import { Invalid, NotFound } from "~/lib/errors";
import type { Db } from "~db/client.server";
import { orders, producers } from "~db/schema";
import { bankNameForBin, buildVietQrPayload, vietQrPng, vietQrSvg } from "./vietqr.server";

/** A producer's bank account as the producers table stores it (all null until she enters it). */
interface ProducerBankAccount {
  bankBin: string | null;
  bankAccountNumber: string | null;
  bankAccountName: string | null;
}

/**
 * The producers among `producerIds` who cannot be paid by transfer (no bank account), by
 * code: a checkout with any of them must not offer, nor accept, a bank transfer.
 */
export function producersWithoutBankAccount(
  db: Db,
  producerIds: number[],
): { id: number; code: string; name: string }[] {
  if (producerIds.length === 0) return [];
  return db
    .select({ id: producers.id, code: producers.code, name: producers.name })
    .from(producers)
    .where(
      and(
        inArray(producers.id, producerIds),
        or(
          isNull(producers.bankBin),
          isNull(producers.bankAccountNumber),
          eq(producers.bankAccountNumber, ""),
        ),
      ),
    )
    .orderBy(asc(producers.code))
    .all();
}

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

interface OrderAwaitingTransfer {
  order: { code: string; totalVnd: number; paymentMethod: string; status: string };
  producer: ProducerBankAccount;
}

/**
 * The account and VietQR payload of an order still waiting for its transfer to a producer
 * with an account; null otherwise. The page's code and the saved PNG both come from here, so
 * they cannot disagree.
 */
function transferPayload({ order, producer }: OrderAwaitingTransfer) {
  if (order.paymentMethod !== "bank_transfer" || order.status !== "pending_payment") return null;
  const { bankBin, bankAccountNumber: accountNumber } = producer;
  if (!bankBin || !accountNumber) return null;
  const payload = buildVietQrPayload({
    bankBin,
    accountNumber,
    amountVnd: order.totalVnd,
    purpose: order.code,
  });
  return { bankBin, accountNumber, payload };
}

/**
 * What a buyer needs to pay an order by bank transfer: the producer's account, the amount,
 * the order code as the message, and the same as a VietQR code. Null when the producer has
 * not entered a bank account or the order no longer waits for a transfer.
 */
export async function transferInstructions(
  detail: OrderAwaitingTransfer,
): Promise<TransferInstructions | null> {
  const transfer = transferPayload(detail);
  if (transfer === null) return null;
  return {
    ...transfer,
    bankName: bankNameForBin(transfer.bankBin),
    accountName: detail.producer.bankAccountName,
    amountVnd: detail.order.totalVnd,
    message: detail.order.code,
    svg: await vietQrSvg(transfer.payload),
  };
}

/**
 * The VietQR code of an order as a PNG to save, for its buyer or a member of its producer
 * (ownership is in the query). NotFound for anyone else's order, and for one that does not
 * wait for a transfer (paid, cancelled, another method) or whose producer has no account.
 */
export async function transferQrPng(
  db: Db,
  actor: { userId: number; producers: { producerId: number }[] },
  orderId: number,
): Promise<{ png: Buffer; filename: string }> {
  const producerIds = actor.producers.map((m) => m.producerId);
  const row = db
    .select({
      code: orders.code,
      totalVnd: orders.totalVnd,
      paymentMethod: orders.paymentMethod,
      status: orders.status,
      bankBin: producers.bankBin,
      bankAccountNumber: producers.bankAccountNumber,
      bankAccountName: producers.bankAccountName,
    })
    .from(orders)
    .innerJoin(producers, eq(producers.id, orders.producerId))
    .where(
      and(
        eq(orders.id, orderId),
        producerIds.length > 0
          ? or(eq(orders.buyerUserId, actor.userId), inArray(orders.producerId, producerIds))
          : eq(orders.buyerUserId, actor.userId),
      ),
    )
    .get();
  if (!row) throw new NotFound("orderError.notFound");
  const transfer = transferPayload({ order: row, producer: row });
  if (transfer === null) throw new NotFound("transfer.qr.notWaiting");
  return {
    png: await vietQrPng(transfer.payload),
    filename: `vietqr-${row.code.replace(/[^A-Za-z0-9-]/g, "")}.png`,
  };
}

/**
 * Refuses a bank transfer to producers without an account (a forged or stale checkout form,
 * an API call): a 400 naming them, thrown before anything is written.
 */
export function assertTransferAccepted(db: Db, producerIds: number[]): void {
  const missing = producersWithoutBankAccount(db, [...new Set(producerIds)]);
  if (missing.length === 0) return;
  throw new Invalid(
    "transfer.checkout.refused",
    { producers: missing.map((p) => p.name).join(", ") },
    { field: "paymentMethod", producers: missing.map((p) => p.code) },
  );
}
