import { NotFound } from "~/lib/errors";
import type { SignedInActor } from "~/modules/auth/actor";
import { periodBounds, periodOf, vietnamDayOf } from "~/modules/reports/periods";
import { prepared, type Db } from "~db/client.server";
import { producerMonthSales, type SalesFigure } from "./sales.server";
import { producerInStaffScope } from "./scope.internal.server";

/*
 * The producer's ledger (sổ thu chi, docs/decisions/023): every sale, whoever holds the money
 * — cash on delivery and bank transfers go to her, card payments to the platform — the
 * commission the platform keeps on card payments, refunds with who owes them, and payouts.
 * The platform's balance for her is what it holds of her card money:
 *   balance = card collected − commission − card refunds − payouts.
 */

/** What a line of the ledger is. */
export type LedgerEntryKind =
  "cod" | "transfer" | "card" | "commission" | "commissionBack" | "refund" | "payout";

/** Who holds the money a line moves: the producer herself, or the platform for her. */
export type MoneyHolder = "producer" | "platform";

export interface LedgerEntry<When = Date> {
  at: When;
  kind: LedgerEntryKind;
  /** The order's code, or the payout's reference. */
  reference: string;
  /** The order of a sale, commission or refund; null for a payout. */
  orderId: number | null;
  /** Money in (+) or out (−) of the holder's hands. */
  amountVnd: number;
  holder: MoneyHolder;
  /** A refund the producer still has to send back (false for every other line). */
  isOwed: boolean;
}

/** What the platform holds for the producer (card money only). */
export interface PlatformBalance {
  collectedVnd: number;
  commissionVnd: number;
  refundsVnd: number;
  payoutsVnd: number;
  balanceVnd: number;
}

/** The ledger of one producer for a month; `When` is a Date on the server, a string on the page. */
export interface Ledger<When = Date> {
  producer: { id: number; code: string; name: string };
  /** "YYYY-MM", Vietnam time. */
  month: string;
  /** Her sales of the month as the Union's reports count them (money/sales.server.ts). */
  sales: SalesFigure;
  /** Money that came in during the month, by who holds it. */
  receivedVnd: Record<MoneyHolder, number>;
  platform: PlatformBalance;
  /** Refunds she still has to send back (all months). */
  owedRefunds: { count: number; amountVnd: number };
  /** The month's lines, oldest first. */
  entries: LedgerEntry<When>[];
}

/** Commission on one amount, rounded half up to the đồng. */
export function commissionOn(amountVnd: number, basisPoints: number): number {
  return Math.round((amountVnd * basisPoints) / 10_000);
}

interface PaymentRow {
  id: number;
  orderId: number;
  orderCode: string;
  provider: "cod" | "bank_transfer" | "stripe";
  amountVnd: number;
  at: number;
  basisPoints: number;
}

interface RefundRow {
  orderId: number;
  orderCode: string;
  paymentId: number | null;
  provider: "cod" | "bank_transfer" | "stripe";
  amountVnd: number;
  at: number;
  settledAt: number | null;
}

const SALE_KIND = { cod: "cod", bank_transfer: "transfer", stripe: "card" } as const;

/** Every line of a producer's ledger, oldest first, and the platform's balance. */
export function ledgerLines(
  db: Db,
  producerId: number,
): { entries: LedgerEntry[]; platform: PlatformBalance } {
  const paid = prepared<PaymentRow>(
    db,
    `SELECT p.id, p.order_id AS orderId, o.code AS orderCode, p.provider, p.amount_vnd AS amountVnd,
            coalesce(p.paid_at, p.created_at) AS at, o.commission_basis_points AS basisPoints
     FROM payments p JOIN orders o ON o.id = p.order_id
     WHERE o.producer_id = ? AND p.status = 'succeeded' ORDER BY at, p.id`,
  ).all(producerId);
  // A refund without a payment row is owed by whoever took the order's money.
  const refunded = prepared<RefundRow>(
    db,
    `SELECT f.order_id AS orderId, o.code AS orderCode, f.payment_id AS paymentId,
            coalesce(p.provider, CASE o.payment_method WHEN 'card' THEN 'stripe' ELSE o.payment_method END) AS provider,
            f.amount_vnd AS amountVnd, f.created_at AS at, f.settled_at AS settledAt
     FROM refunds f JOIN orders o ON o.id = f.order_id LEFT JOIN payments p ON p.id = f.payment_id
     WHERE o.producer_id = ? ORDER BY f.created_at, f.id`,
  ).all(producerId);
  const paidOut = prepared<{ reference: string; amountVnd: number; at: number }>(
    db,
    `SELECT reference, amount_vnd AS amountVnd, created_at AS at FROM payouts
     WHERE producer_id = ? ORDER BY created_at, id`,
  ).all(producerId);

  const entries: LedgerEntry[] = [];
  const line = (entry: Omit<LedgerEntry, "at" | "isOwed"> & { at: number; isOwed?: boolean }) =>
    entries.push({ ...entry, at: new Date(entry.at), isOwed: entry.isOwed ?? false });
  const platform = { collectedVnd: 0, commissionVnd: 0, refundsVnd: 0, payoutsVnd: 0 };
  const cardPayments = new Map<number, PaymentRow & { refundedVnd: number }>();
  for (const p of paid) {
    const holder: MoneyHolder = p.provider === "stripe" ? "platform" : "producer";
    line({ ...sale(p), kind: SALE_KIND[p.provider], amountVnd: p.amountVnd, holder });
    if (p.provider !== "stripe") continue;
    platform.collectedVnd += p.amountVnd;
    cardPayments.set(p.id, { ...p, refundedVnd: 0 });
    const commission = commissionOn(p.amountVnd, p.basisPoints);
    platform.commissionVnd += commission;
    if (commission > 0) line({ ...sale(p), kind: "commission", amountVnd: -commission, holder });
  }
  for (const r of refunded) {
    const byPlatform = r.provider === "stripe";
    line({
      at: r.at,
      kind: "refund",
      reference: r.orderCode,
      orderId: r.orderId,
      amountVnd: -r.amountVnd,
      holder: byPlatform ? "platform" : "producer",
      isOwed: !byPlatform && r.settledAt === null,
    });
    if (!byPlatform) continue;
    platform.refundsVnd += r.amountVnd;
    // The commission follows the money: what was refunded carries none.
    const payment = r.paymentId === null ? undefined : cardPayments.get(r.paymentId);
    if (!payment) continue;
    const before = commissionOn(payment.amountVnd - payment.refundedVnd, payment.basisPoints);
    payment.refundedVnd += r.amountVnd;
    const after = commissionOn(payment.amountVnd - payment.refundedVnd, payment.basisPoints);
    if (before > after) {
      platform.commissionVnd -= before - after;
      line({
        at: r.at,
        kind: "commissionBack",
        reference: r.orderCode,
        orderId: r.orderId,
        amountVnd: before - after,
        holder: "platform",
      });
    }
  }
  for (const p of paidOut) {
    platform.payoutsVnd += p.amountVnd;
    line({
      at: p.at,
      kind: "payout",
      reference: p.reference,
      orderId: null,
      amountVnd: -p.amountVnd,
      holder: "platform",
    });
  }
  entries.sort((a, b) => a.at.getTime() - b.at.getTime());
  return {
    entries,
    platform: {
      ...platform,
      balanceVnd:
        platform.collectedVnd - platform.commissionVnd - platform.refundsVnd - platform.payoutsVnd,
    },
  };
}

function sale(p: PaymentRow) {
  return { at: p.at, reference: p.orderCode, orderId: p.orderId };
}

/** The month asked for ("YYYY-MM", 2000 to 2099), else the current Vietnam-time month. */
export function ledgerMonth(asked: string | null | undefined, now = new Date()): string {
  return asked && /^20\d\d-(0[1-9]|1[0-2])$/.test(asked) ? asked : vietnamDayOf(now).slice(0, 7);
}

/** A producer's ledger for a month ("YYYY-MM"); 404 for an unknown producer. */
export function producerLedger(db: Db, producerId: number, month: string): Ledger {
  const producer = prepared<{ id: number; code: string; name: string }>(
    db,
    "SELECT id, code, name FROM producers WHERE id = ?",
  ).get(producerId);
  if (!producer) throw new NotFound("orderError.producerNotFound");
  const { entries, platform } = ledgerLines(db, producerId);
  const { startMs, endMs } = periodBounds(periodOf("month", `${month}-01`));
  const inMonth = entries.filter((e) => e.at.getTime() >= startMs && e.at.getTime() < endMs);
  const receivedVnd: Record<MoneyHolder, number> = { producer: 0, platform: 0 };
  for (const e of inMonth) {
    if (e.kind === "cod" || e.kind === "transfer" || e.kind === "card") {
      receivedVnd[e.holder] += e.amountVnd;
    }
  }
  const owed = entries.filter((e) => e.isOwed);
  return {
    producer,
    month,
    sales: producerMonthSales(db, producerId, month),
    receivedVnd,
    platform,
    owedRefunds: { count: owed.length, amountVnd: owed.reduce((s, e) => s - e.amountVnd, 0) },
    entries: inMonth,
  };
}

/** A producer's own ledger (the member must belong to it; 404 otherwise). */
export function getLedgerForMember(
  db: Db,
  actor: SignedInActor,
  producerId: number,
  month: string,
): Ledger {
  if (!actor.producers.some((m) => m.producerId === producerId)) {
    throw new NotFound("orderError.producerNotFound");
  }
  return producerLedger(db, producerId, month);
}

/** A producer's ledger for staff with payout:manage over her unit (404 outside their subtree). */
export function getLedgerForStaff(
  db: Db,
  actor: SignedInActor,
  producerId: number,
  month: string,
): Ledger {
  producerInStaffScope(db, actor, "payout:manage", producerId);
  return producerLedger(db, producerId, month);
}
