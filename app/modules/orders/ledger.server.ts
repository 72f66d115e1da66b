import { and, asc, eq, sql } from "drizzle-orm";
import { Invalid, NotFound } from "~/lib/errors";
import type { ProducerStatement } from "~/lib/orders";
import type { SignedInActor } from "~/modules/auth/actor";
import { hasPermission, requirePermission } from "~/modules/auth/permissions.server";
import type { Db } from "~db/client.server";
import { orders, orgUnits, payments, payouts, producers, refunds } from "~db/schema";
import { writeAudit } from "~/modules/platform/audit.server";
import { staffSubtree } from "./queries.server";

/** Commission on one payment, rounded half up to the đồng. */
export function commissionOn(amountVnd: number, basisPoints: number): number {
  return Math.round((amountVnd * basisPoints) / 10_000);
}

/**
 * The ledger of one producer, oldest first, with totals. Commission is each card payment ×
 * the order's rate (basis points, rounded to the đồng per payment); refunds are those of
 * card payments.
 */
export function getProducerStatement(db: Db, producerId: number): ProducerStatement {
  const producer = db
    .select({ id: producers.id, code: producers.code, name: producers.name })
    .from(producers)
    .where(eq(producers.id, producerId))
    .get();
  if (!producer) throw new NotFound("orderError.producerNotFound");
  const cardPayments = db
    .select({
      id: payments.id,
      amountVnd: payments.amountVnd,
      paidAt: payments.paidAt,
      createdAt: payments.createdAt,
      orderCode: orders.code,
      basisPoints: orders.commissionBasisPoints,
    })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(
      and(
        eq(orders.producerId, producerId),
        eq(payments.provider, "stripe"),
        eq(payments.status, "succeeded"),
      ),
    )
    .orderBy(asc(payments.id))
    .all();
  const cardRefunds = db
    .select({
      amountVnd: refunds.amountVnd,
      createdAt: refunds.createdAt,
      orderCode: orders.code,
    })
    .from(refunds)
    .innerJoin(payments, eq(payments.id, refunds.paymentId))
    .innerJoin(orders, eq(orders.id, refunds.orderId))
    .where(and(eq(orders.producerId, producerId), eq(payments.provider, "stripe")))
    .orderBy(asc(refunds.id))
    .all();
  const producerPayouts = db
    .select()
    .from(payouts)
    .where(eq(payouts.producerId, producerId))
    .orderBy(asc(payouts.id))
    .all();

  const entries: ProducerStatement["entries"] = [];
  let collectedVnd = 0;
  let commissionVnd = 0;
  for (const p of cardPayments) {
    const at = p.paidAt ?? p.createdAt;
    collectedVnd += p.amountVnd;
    entries.push({ at, kind: "payment", reference: p.orderCode, amountVnd: p.amountVnd });
    const commission = commissionOn(p.amountVnd, p.basisPoints);
    if (commission > 0) {
      commissionVnd += commission;
      entries.push({ at, kind: "commission", reference: p.orderCode, amountVnd: -commission });
    }
  }
  let refundsVnd = 0;
  for (const r of cardRefunds) {
    refundsVnd += r.amountVnd;
    entries.push({
      at: r.createdAt,
      kind: "refund",
      reference: r.orderCode,
      amountVnd: -r.amountVnd,
    });
  }
  let payoutsVnd = 0;
  for (const p of producerPayouts) {
    payoutsVnd += p.amountVnd;
    entries.push({
      at: p.createdAt,
      kind: "payout",
      reference: p.reference,
      amountVnd: -p.amountVnd,
    });
  }
  entries.sort((a, b) => a.at.getTime() - b.at.getTime());
  return {
    producer,
    collectedVnd,
    commissionVnd,
    refundsVnd,
    payoutsVnd,
    balanceVnd: collectedVnd - commissionVnd - refundsVnd - payoutsVnd,
    entries,
  };
}

/** Producers of the staff member's subtree that ever had card payments or payouts, with balances. */
export function listProducerBalances(db: Db, actor: SignedInActor) {
  requirePermission(actor, "payout:manage", null);
  const inSubtree = staffSubtree(actor, "payout:manage");
  if (!inSubtree) return [];
  const withMoney = sql`(${producers.id} in (select ${orders.producerId} from ${orders} join ${payments} on ${payments.orderId} = ${orders.id} where ${payments.provider} = 'stripe' and ${payments.status} = 'succeeded') or ${producers.id} in (select ${payouts.producerId} from ${payouts}))`;
  const rows = db
    .select({ id: producers.id })
    .from(producers)
    .innerJoin(orgUnits, eq(orgUnits.id, producers.orgUnitId))
    .where(and(inSubtree, withMoney))
    .orderBy(asc(producers.name))
    .all();
  return rows.map((r) => {
    const { entries: _entries, ...totals } = getProducerStatement(db, r.id);
    return totals;
  });
}

/** A producer's statement for staff, only inside their subtree (404 otherwise). */
export function getStatementForStaff(db: Db, actor: SignedInActor, producerId: number) {
  requirePermission(actor, "payout:manage", null);
  const inSubtree = staffSubtree(actor, "payout:manage");
  const row = inSubtree
    ? db
        .select({ id: producers.id })
        .from(producers)
        .innerJoin(orgUnits, eq(orgUnits.id, producers.orgUnitId))
        .where(and(eq(producers.id, producerId), inSubtree))
        .get()
    : undefined;
  if (!row) throw new NotFound("orderError.producerNotFound");
  return getProducerStatement(db, producerId);
}

/** A producer's own statement (the member must belong to it). */
export function getStatementForMember(db: Db, actor: SignedInActor, producerId: number) {
  if (!actor.producers.some((m) => m.producerId === producerId)) {
    throw new NotFound("orderError.producerNotFound");
  }
  return getProducerStatement(db, producerId);
}

/** Staff record money paid out to a producer of their subtree; never above the balance. */
export function recordPayout(
  db: Db,
  actor: SignedInActor,
  input: {
    producerId: number;
    amountVnd: number;
    reference: string;
    paidOn: string;
    note?: string | null;
  },
  ipAddress: string | null = null,
) {
  const producer = db
    .select({ id: producers.id, orgUnitId: producers.orgUnitId, path: orgUnits.path })
    .from(producers)
    .innerJoin(orgUnits, eq(orgUnits.id, producers.orgUnitId))
    .where(eq(producers.id, input.producerId))
    .get();
  // Outside the staff member's subtree the producer does not exist for them (as on the statement).
  if (!producer || !hasPermission(actor, "payout:manage", producer.path)) {
    requirePermission(actor, "payout:manage", null);
    throw new NotFound("orderError.producerNotFound");
  }
  return db.$client
    .transaction(() => {
      const { balanceVnd } = getProducerStatement(db, producer.id);
      if (input.amountVnd < 1 || input.amountVnd > balanceVnd) {
        throw new Invalid("orderError.payoutAmount", { max: balanceVnd }, { field: "amountVnd" });
      }
      const payout = db
        .insert(payouts)
        .values({
          producerId: producer.id,
          amountVnd: input.amountVnd,
          reference: input.reference,
          paidOn: input.paidOn,
          note: input.note ?? null,
          recordedByUserId: actor.userId,
        })
        .returning()
        .get();
      writeAudit(db, {
        actorUserId: actor.userId,
        action: "payout.record",
        entityType: "producer",
        entityId: producer.id,
        orgUnitId: producer.orgUnitId,
        after: { payoutId: payout.id, amountVnd: payout.amountVnd, reference: payout.reference },
        ipAddress,
      });
      return payout;
    })
    .immediate();
}
