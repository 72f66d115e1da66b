import { Invalid } from "~/lib/errors";
import type { SignedInActor } from "~/modules/auth/actor";
import { requirePermission, scopePaths } from "~/modules/auth/permissions.server";
import { listPendingTransfersForStaff } from "~/modules/orders/queries.server";
import { writeAudit } from "~/modules/platform/audit.server";
import { inTransaction, prepared, type Db } from "~db/client.server";
import { payouts } from "~db/schema";
import { ledgerLines, type PlatformBalance } from "./ledger.server";
import { openRefundsForStaff } from "./refunds.server";
import { producerInStaffScope } from "./scope.internal.server";
import { refuseInAssistedMode } from "~/modules/assist/guard.server";

/** A producer's line on the staff payments page. */
export interface ProducerBalance extends PlatformBalance {
  producer: { id: number; code: string; name: string };
}

/**
 * Producers of the staff member's subtree the platform ever held money for (a card payment
 * or a payout), with what it holds for each now.
 */
export function listProducerBalances(db: Db, actor: SignedInActor): ProducerBalance[] {
  requirePermission(actor, "payout:manage", null);
  const roots = scopePaths(actor, "payout:manage");
  const producers = prepared<{ id: number; code: string; name: string }>(
    db,
    `SELECT p.id, p.code, p.name FROM producers p JOIN org_units u ON u.id = p.org_unit_id
     WHERE EXISTS (SELECT 1 FROM json_each(?) r WHERE u.path LIKE r.value || '%')
       AND (p.id IN (SELECT o.producer_id FROM orders o JOIN payments y ON y.order_id = o.id
                     WHERE y.provider = 'stripe' AND y.status = 'succeeded')
            OR p.id IN (SELECT producer_id FROM payouts))
     ORDER BY p.name`,
  ).all(JSON.stringify(roots));
  return producers.map((producer) => ({
    producer,
    ...ledgerLines(db, producer.id).platform,
  }));
}

/** The staff payments page: transfers waiting, producers' balances, refunds producers still owe. */
export function staffPaymentsOverview(db: Db, actor: SignedInActor) {
  return {
    pendingTransfers: listPendingTransfersForStaff(db, actor),
    balances: listProducerBalances(db, actor),
    openRefunds: openRefundsForStaff(db, actor),
  };
}

/**
 * Staff record money the platform paid out to a producer of their subtree: only what it holds
 * for her (1 to her balance); audited.
 */
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
  // Never in assisted mode: staff do not move money for the producer they act for.
  refuseInAssistedMode(actor);
  const producer = producerInStaffScope(db, actor, "payout:manage", input.producerId);
  return inTransaction(db, () => {
    const { balanceVnd } = ledgerLines(db, producer.id).platform;
    if (input.amountVnd < 1 || input.amountVnd > balanceVnd) {
      throw new Invalid(
        "orderError.payoutAmount",
        { max: Math.max(0, balanceVnd) },
        { field: "amountVnd" },
      );
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
  });
}
