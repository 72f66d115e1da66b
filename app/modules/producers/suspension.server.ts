import { Conflict, NotFound } from "~/lib/errors";
import type { SignedInActor } from "~/modules/auth/actor";
import { requirePermission } from "~/modules/auth/permissions.server";
import { withdrawOffersOfProducer } from "~/modules/demand/offers.server";
import { syncProducerSearch } from "~/modules/listings/search-sync.server";
import { notify } from "~/modules/notifications/notify.server";
import { cancelOrderByStaff } from "~/modules/orders/fulfilment.server";
import { writeAudit } from "~/modules/platform/audit.server";
import { inTransaction, prepared, type Db } from "~db/client.server";
import { scopedProducerByCode } from "./directory.server";

/**
 * Suspending and reinstating a producer (`producer:suspend` over its unit). A suspended
 * producer's listings leave the storefront, search and the API at once: they are visible
 * only while the producer is verified (catalog/visibility.server.ts), the embedded search
 * index and the outbox for Meilisearch are refreshed in the same transaction, and a cart
 * line of hers becomes "not on sale" with the reason (orders/cart.server.ts). Her submitted
 * offers are withdrawn; her open orders stay, for her to fulfil or for staff to cancel.
 */

export interface StandingChange {
  reason: string;
  ipAddress?: string | null;
  now?: Date;
}

type ProducerRecord = ReturnType<typeof scopedProducerByCode>["producer"];

/**
 * The frame both changes share: in one transaction, the producer of the actor's subtree that
 * `producer:suspend` reaches over its unit, the change itself, then her search entries, so the
 * storefront, search and the API never see her listings in the old standing.
 */
function changeStanding(
  db: Db,
  actor: SignedInActor,
  code: string,
  change: (producer: ProducerRecord) => void,
): void {
  inTransaction(db, () => {
    const { producer, unitPath } = scopedProducerByCode(db, actor, code);
    requirePermission(actor, "producer:suspend", unitPath);
    change(producer);
    syncProducerSearch(db, producer.id);
  });
}

/** Suspends a verified producer of the actor's subtree, with the reason she will read. */
export function suspendProducer(
  db: Db,
  actor: SignedInActor,
  code: string,
  { reason, ipAddress = null, now = new Date() }: StandingChange,
): void {
  changeStanding(db, actor, code, (producer) => {
    // One conditional UPDATE: a producer already suspended (or never verified) is left alone.
    const changed = prepared(
      db,
      `UPDATE producers SET verification_status = 'suspended', suspension_reason = ?,
         suspended_at = ?, updated_at = ?
       WHERE id = ? AND verification_status = 'verified'`,
    ).run(reason, now.getTime(), now.getTime(), producer.id).changes;
    if (changed === 0) throw new Conflict("staffproducers.error.notVerified");
    const withdrawn = withdrawOffersOfProducer(db, producer.id, now);
    writeAudit(db, {
      actorUserId: actor.userId,
      action: "producer.suspend",
      entityType: "producer",
      entityId: producer.id,
      orgUnitId: producer.orgUnitId,
      before: { verificationStatus: producer.verificationStatus },
      after: {
        verificationStatus: "suspended",
        suspensionReason: reason,
        withdrawnOfferIds: withdrawn.map((offer) => offer.offerId),
      },
      ipAddress,
    });
    notify(db, {
      recipients: { producerId: producer.id },
      kind: "producer.suspended",
      message: { key: "staffproducers.notice.suspended", params: { name: producer.name, reason } },
      link: "/ban-hang",
      via: ["email"],
    });
    for (const offer of withdrawn) {
      notify(db, {
        recipients: { userIds: [offer.buyerUserId] },
        kind: "offer.withdrawn",
        message: {
          key: "staffproducers.notice.offerWithdrawn",
          params: { name: producer.name, code: offer.requestCode },
        },
        link: `/yeu-cau-mua/${offer.requestCode}`,
      });
    }
  });
}

/** Reinstates a suspended producer: her listings come back as they were. */
export function reinstateProducer(
  db: Db,
  actor: SignedInActor,
  code: string,
  { reason, ipAddress = null, now = new Date() }: StandingChange,
): void {
  changeStanding(db, actor, code, (producer) => {
    const changed = prepared(
      db,
      `UPDATE producers SET verification_status = 'verified', suspension_reason = NULL,
         suspended_at = NULL, updated_at = ?
       WHERE id = ? AND verification_status = 'suspended'`,
    ).run(now.getTime(), producer.id).changes;
    if (changed === 0) throw new Conflict("staffproducers.error.notSuspended");
    writeAudit(db, {
      actorUserId: actor.userId,
      action: "producer.reinstate",
      entityType: "producer",
      entityId: producer.id,
      orgUnitId: producer.orgUnitId,
      before: {
        verificationStatus: producer.verificationStatus,
        suspensionReason: producer.suspensionReason,
      },
      after: { verificationStatus: "verified", reason },
      ipAddress,
    });
    notify(db, {
      recipients: { producerId: producer.id },
      kind: "producer.reinstated",
      message: { key: "staffproducers.notice.reinstated", params: { name: producer.name, reason } },
      link: "/ban-hang",
      via: ["email"],
    });
  });
}

/**
 * Staff cancel one open order of a producer of their subtree from her page (what suspension
 * leaves for "her to fulfil or staff to cancel"): an order of another producer is not found
 * here; the order module checks `producer:suspend` over the order's unit and does the rest.
 */
export function cancelProducerOrder(
  db: Db,
  actor: SignedInActor,
  code: string,
  input: { orderId: number; reason: string },
  now = new Date(),
) {
  const { producer } = scopedProducerByCode(db, actor, code);
  const order = prepared<{ producerId: number }>(
    db,
    "SELECT producer_id AS producerId FROM orders WHERE id = ?",
  ).get(input.orderId);
  if (!order || order.producerId !== producer.id) throw new NotFound("orderError.notFound");
  return cancelOrderByStaff(db, actor, input.orderId, input.reason, now);
}
