import { Conflict, NotFound } from "~/lib/errors";
import type { SignedInActor } from "~/modules/auth/actor";
import { syncSearch } from "~/modules/listings/search-sync.server";
import { notify } from "~/modules/notifications/notify.server";
import { writeAudit } from "~/modules/platform/audit.server";
import { inTransaction, prepared, type Db } from "~db/client.server";
import { scopedListing } from "./scope.server";

export interface UnpublishChange {
  reason: string;
  ipAddress?: string | null;
  now?: Date;
}

/**
 * Staff take a published listing off the market (`listing:moderate` over its unit): it goes
 * back to "changes requested" with the reason as the moderator's note, so the producer
 * fixes it and sends it for review again, as after a first review. It leaves the
 * storefront, search and carts in the same transaction (visibility follows the status).
 */
export function unpublishListing(
  db: Db,
  actor: SignedInActor,
  target: { listingId: number; producerCode: string },
  { reason, ipAddress = null, now = new Date() }: UnpublishChange,
): void {
  inTransaction(db, () => {
    const { listing, orgUnitId, producerCode } = scopedListing(db, actor, target.listingId);
    // The page names the producer: a listing of another producer is not one of hers.
    if (producerCode !== target.producerCode) {
      throw new NotFound("moderation.error.listingNotFound");
    }
    const changed = prepared(
      db,
      `UPDATE listings SET status = 'changes_requested', moderation_note = ?,
         moderation_note_at = ?, updated_at = ?
       WHERE id = ? AND status = 'published'`,
    ).run(reason, now.getTime(), now.getTime(), listing.id).changes;
    if (changed === 0) throw new Conflict("staffproducers.error.notPublished");
    writeAudit(db, {
      actorUserId: actor.userId,
      action: "listing.unpublish",
      entityType: "listing",
      entityId: listing.id,
      orgUnitId,
      before: { status: listing.status, moderationNote: listing.moderationNote },
      after: { status: "changes_requested", moderationNote: reason },
      ipAddress,
    });
    notify(db, {
      recipients: { producerId: listing.producerId },
      kind: "listing.unpublish",
      message: {
        key: "staffproducers.notice.unpublished",
        params: { title: listing.title, reason },
      },
      link: `/ban-hang/san-pham/${listing.sku}`,
    });
    syncSearch(db, listing.id);
  });
}
