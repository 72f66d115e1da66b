import { Conflict, Invalid, NotFound } from "~/lib/errors";
import { refundOwedBy, type PaymentProvider, type RefundAccount } from "~/lib/refunds";
import type { SignedInActor } from "~/modules/auth/actor";
import { scopePaths } from "~/modules/auth/permissions.server";
import { notify } from "~/modules/notifications/notify.server";
import { writeAudit } from "~/modules/platform/audit.server";
import { prepared, type Db } from "~db/client.server";
import { refunds } from "~db/schema";
import { refuseInAssistedMode } from "~/modules/assist/guard.server";

/*
 * Refunds owed and sent back (docs/decisions/023). The platform refunds card payments (settled
 * when recorded); a refund of money the producer received (a bank transfer, cash) is a task
 * for her until she marks it sent, with the account the buyer gave.
 */

/** The parts of an account the buyer typed; all three are needed where one is. */
export type RefundAccountInput = { [K in keyof RefundAccount]?: string | null };

/** The account as given, or null when none was; Invalid on the first part missing. */
export function completeRefundAccount(
  input: RefundAccountInput | null | undefined,
): RefundAccount | null {
  const parts = [
    ["bankBin", "refundBankBin", input?.bankBin],
    ["accountNumber", "refundAccountNumber", input?.accountNumber],
    ["accountName", "refundAccountName", input?.accountName],
  ] as const;
  if (parts.every(([, , value]) => !value)) return null;
  const missing = parts.find(([, , value]) => !value);
  if (missing) throw new Invalid("money.error.refundAccountIncomplete", {}, { field: missing[1] });
  return {
    bankBin: input?.bankBin ?? "",
    accountNumber: input?.accountNumber ?? "",
    accountName: input?.accountName ?? "",
  };
}

/** Whether the order has money the producer received (what a cancellation must send back). */
export function hasProducerHeldPayment(db: Db, orderId: number): boolean {
  return (
    prepared<{ n: number }>(
      db,
      `SELECT count(*) AS n FROM payments
       WHERE order_id = ? AND status = 'succeeded' AND provider <> 'stripe'`,
    ).get(orderId)?.n !== 0
  );
}

/** One refund to write: of which order and payment, how much, why, by whom, to where. */
export interface NewRefund {
  order: { id: number; code: string; producerId: number };
  payment: { id: number; provider: PaymentProvider };
  amountVnd: number;
  reason: string | null;
  reasonKey: string | null;
  recordedByUserId: number | null;
  refundTo: RefundAccount | null;
  /** The producer already sent it back (staff record a fact): settled at once. */
  alreadySettled?: boolean;
  now: Date;
}

/**
 * Writes a refund inside the caller's transaction. Owed by the platform (card) or already
 * sent back, it is settled now; otherwise it waits for the producer, who is told.
 */
export function insertRefund(db: Db, input: NewRefund) {
  const owedByProducer = refundOwedBy(input.payment.provider) === "producer";
  const settled = !owedByProducer || input.alreadySettled === true;
  const refund = db
    .insert(refunds)
    .values({
      orderId: input.order.id,
      paymentId: input.payment.id,
      amountVnd: input.amountVnd,
      reason: input.reason,
      reasonKey: input.reasonKey,
      recordedByUserId: input.recordedByUserId,
      toBankBin: input.refundTo?.bankBin ?? null,
      toAccountNumber: input.refundTo?.accountNumber ?? null,
      toAccountName: input.refundTo?.accountName ?? null,
      settledAt: settled ? input.now : null,
      settledByUserId: settled ? input.recordedByUserId : null,
      createdAt: input.now,
    })
    .returning()
    .get();
  if (!settled) {
    notify(db, {
      recipients: { producerId: input.order.producerId },
      kind: "refund.owed",
      message: { key: "money.notice.refundOwed", params: { code: input.order.code } },
      link: "/ban-hang/hoan-tien",
      via: ["email"],
    });
  }
  return refund;
}

/** A refund the producer owes or sent back, as her task list shows it. */
export interface RefundTask {
  id: number;
  orderId: number;
  orderCode: string;
  producerName: string;
  buyerName: string;
  amountVnd: number;
  reason: string | null;
  reasonKey: string | null;
  toBankBin: string | null;
  toAccountNumber: string | null;
  toAccountName: string | null;
  createdAt: number;
  settledAt: number | null;
}

const TASK_COLUMNS = `f.id, f.order_id AS orderId, o.code AS orderCode, pr.name AS producerName,
  o.ship_name AS buyerName, f.amount_vnd AS amountVnd, f.reason, f.reason_key AS reasonKey,
  f.to_bank_bin AS toBankBin, f.to_account_number AS toAccountNumber,
  f.to_account_name AS toAccountName, f.created_at AS createdAt, f.settled_at AS settledAt`;

/** Refunds of money a producer received: owed by her (inner join on a non-card payment). */
const PRODUCER_REFUNDS = `refunds f JOIN orders o ON o.id = f.order_id
  JOIN payments y ON y.id = f.payment_id AND y.provider <> 'stripe'
  JOIN producers pr ON pr.id = o.producer_id`;

/**
 * The member's refund tasks: every refund her producers still owe (oldest first), then the
 * last 20 she sent back.
 */
export function listRefundTasks(
  db: Db,
  actor: SignedInActor,
): { open: RefundTask[]; done: RefundTask[] } {
  const producerIds = JSON.stringify(actor.producers.map((m) => m.producerId));
  const mine = `o.producer_id IN (SELECT value FROM json_each(?))`;
  return {
    open: prepared<RefundTask>(
      db,
      `SELECT ${TASK_COLUMNS} FROM ${PRODUCER_REFUNDS}
       WHERE ${mine} AND f.settled_at IS NULL ORDER BY f.created_at, f.id`,
    ).all(producerIds),
    done: prepared<RefundTask>(
      db,
      `SELECT ${TASK_COLUMNS} FROM ${PRODUCER_REFUNDS}
       WHERE ${mine} AND f.settled_at IS NOT NULL ORDER BY f.settled_at DESC, f.id DESC LIMIT 20`,
    ).all(producerIds),
  };
}

/**
 * A member marks a refund her producer owed as sent back. The producer condition and "still
 * owed" are in the UPDATE, so another producer's refund is a 404 and a second click a 409.
 * The buyer is told; audited.
 */
export function markRefundSent(db: Db, actor: SignedInActor, refundId: number, now = new Date()) {
  // Never in assisted mode: staff do not move money for the producer they act for.
  refuseInAssistedMode(actor);
  const producerIds = JSON.stringify(actor.producers.map((m) => m.producerId));
  return db.$client
    .transaction(() => {
      const task = prepared<RefundTask & { buyerUserId: number; orgUnitId: number }>(
        db,
        `SELECT ${TASK_COLUMNS}, o.buyer_user_id AS buyerUserId, o.org_unit_id AS orgUnitId
         FROM ${PRODUCER_REFUNDS}
         WHERE f.id = ? AND o.producer_id IN (SELECT value FROM json_each(?))`,
      ).get(refundId, producerIds);
      if (!task) throw new NotFound("money.error.refundNotFound");
      const changed = prepared(
        db,
        "UPDATE refunds SET settled_at = ?, settled_by_user_id = ? WHERE id = ? AND settled_at IS NULL",
      ).run(now.getTime(), actor.userId, task.id).changes;
      if (changed !== 1) throw new Conflict("money.error.refundAlreadySent");
      writeAudit(db, {
        actorUserId: actor.userId,
        action: "refund.settle",
        entityType: "order",
        entityId: task.orderId,
        orgUnitId: task.orgUnitId,
        after: { refundId: task.id, amountVnd: task.amountVnd },
      });
      notify(db, {
        recipients: { userIds: [task.buyerUserId] },
        kind: "refund.sent",
        message: { key: "money.notice.refundSent", params: { code: task.orderCode } },
        link: `/don-hang/${task.orderId}`,
        via: ["email"],
      });
      return task;
    })
    .immediate();
}

/** Refunds producers of the staff member's subtree still owe (payout:manage), oldest first. */
export function openRefundsForStaff(db: Db, actor: SignedInActor): RefundTask[] {
  const roots = scopePaths(actor, "payout:manage");
  if (roots.length === 0) return [];
  return prepared<RefundTask>(
    db,
    `SELECT ${TASK_COLUMNS} FROM ${PRODUCER_REFUNDS}
     WHERE f.settled_at IS NULL AND o.org_unit_id IN (
       SELECT u.id FROM org_units u, json_each(?) r WHERE u.path LIKE r.value || '%')
     ORDER BY f.created_at, f.id LIMIT 200`,
  ).all(JSON.stringify(roots));
}
