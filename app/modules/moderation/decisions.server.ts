import { and, eq } from "drizzle-orm";
import { Conflict, DomainError, NotFound } from "~/lib/errors";
import type { MessageKey } from "~/lib/i18n";
import { DEFAULT_LOCALE, type Locale } from "~/lib/i18n/locales";
import type { ModerationDecision } from "~/lib/schemas/listing";
import type { Actor } from "~/modules/auth/actor";
import { removeFiles } from "~/modules/listings/lifecycle.server";
import {
  applyRevision,
  discardRevisionImages,
  publishedFields,
} from "~/modules/listings/revisions.server";
import { syncProducerSearch, syncSearch } from "~/modules/listings/search-sync.server";
import { vietnamToday } from "~/lib/dates";
import { isOcopExpired, userIdOf } from "~/modules/listings/shared.server";
import type { Db } from "~db/client.server";
import { listingRevisions, listings, producers } from "~db/schema";
import { notify } from "~/modules/notifications/notify.server";
import { writeAudit } from "~/modules/platform/audit.server";
import { RESUBMIT_PATH } from "~/modules/producers/resubmission.server";
import {
  listingDecisionMessage,
  producerDecisionMessage,
  revisionDecisionMessage,
} from "./messages.server";
import { scopedListing, scopedProducer, scopedRevision } from "./scope.server";

/**
 * Moderators' decisions. Each loads its object through a query limited to the actor's
 * subtree (anything outside it is "not found"), changes it, writes the audit log and
 * notifies the producer's members, all in one transaction.
 */

export interface DecisionContext {
  ipAddress?: string | null;
  /** The moderator's language, for the failures of a bulk approval. */
  locale?: Locale;
}

const NEXT_LISTING_STATUS = {
  approve: "published",
  reject: "rejected",
  request_changes: "changes_requested",
} as const;

const NEXT_REVISION_STATUS = {
  approve: "approved",
  reject: "rejected",
  request_changes: "changes_requested",
} as const;

/** Approves, rejects or sends back a listing waiting for its first review. */
export function decideListing(
  db: Db,
  actor: Actor,
  listingId: number,
  decision: ModerationDecision,
  context: DecisionContext = {},
): void {
  const userId = userIdOf(actor);
  db.transaction(() => {
    const { listing, orgUnitId } = scopedListing(db, actor, listingId);
    if (listing.status !== "pending") throw new Conflict("moderation.error.listingNotPending");
    const now = new Date();
    const status = NEXT_LISTING_STATUS[decision.intent];
    const note = decision.intent === "approve" ? null : decision.reason;
    db.update(listings)
      .set({
        status,
        moderationNote: note,
        // Every decision stamps it (an approval clears the note): a later resubmission starts a
        // new round, whose pages mark an older note as the previous round's (work alerts too).
        moderationNoteAt: now,
        updatedAt: now,
        ...(status === "published" && {
          publishedAt: listing.publishedAt ?? now,
          ocopBadgeHidden: isOcopExpired(listing, vietnamToday(now)),
        }),
      })
      .where(eq(listings.id, listing.id))
      .run();
    writeAudit(db, {
      actorUserId: userId,
      action: `listing.${decision.intent}`,
      entityType: "listing",
      entityId: listing.id,
      orgUnitId,
      before: { status: listing.status, moderationNote: listing.moderationNote },
      after: { status, moderationNote: note },
      ipAddress: context.ipAddress,
    });
    notify(db, {
      recipients: { producerId: listing.producerId },
      kind: `listing.${decision.intent}`,
      message: listingDecisionMessage(decision.intent, listing.title, note),
      link: `/ban-hang/san-pham/${listing.sku}`,
    });
    syncSearch(db, listing.id);
  });
}

/** Approves (applies), rejects or sends back an edit of a published listing. */
export async function decideRevision(
  db: Db,
  actor: Actor,
  revisionId: number,
  decision: ModerationDecision,
  context: DecisionContext = {},
): Promise<void> {
  const userId = userIdOf(actor);
  const removed = db.transaction(() => {
    const { revision, listing, orgUnitId } = scopedRevision(db, actor, revisionId);
    if (revision.status !== "pending") throw new Conflict("moderation.error.revisionNotPending");
    const now = new Date();
    const before = publishedFields(db, listing);
    let keys: string[] = [];
    if (decision.intent === "approve") {
      if (revision.changes.title !== undefined) {
        const clash = db
          .select({ sku: listings.sku })
          .from(listings)
          .where(
            and(
              eq(listings.producerId, listing.producerId),
              eq(listings.title, revision.changes.title),
            ),
          )
          .get();
        if (clash && clash.sku !== listing.sku) {
          throw new Conflict("moderation.error.titleTaken", { sku: clash.sku });
        }
      }
      keys = applyRevision(db, listing, revision);
    } else if (decision.intent === "reject") {
      keys = discardRevisionImages(db, revision.id);
    }
    const note = decision.intent === "approve" ? null : decision.reason;
    db.update(listingRevisions)
      .set({
        status: NEXT_REVISION_STATUS[decision.intent],
        note,
        decidedByUserId: userId,
        decidedAt: now,
      })
      .where(eq(listingRevisions.id, revision.id))
      .run();
    writeAudit(db, {
      actorUserId: userId,
      action: `listing_revision.${decision.intent}`,
      entityType: "listing_revision",
      entityId: revision.id,
      orgUnitId,
      before: { listingId: listing.id, status: revision.status, published: before },
      after: { status: NEXT_REVISION_STATUS[decision.intent], note, changes: revision.changes },
      ipAddress: context.ipAddress,
    });
    notify(db, {
      recipients: { producerId: listing.producerId },
      kind: `listing_revision.${decision.intent}`,
      message: revisionDecisionMessage(decision.intent, listing.title, note),
      link: `/ban-hang/san-pham/${listing.sku}`,
    });
    syncSearch(db, listing.id);
    return keys;
  });
  await removeFiles(removed);
}

const NEXT_PRODUCER_STATUS = {
  approve: "verified",
  reject: "rejected",
  request_changes: "changes_requested",
} as const;

const PRODUCER_AUDIT_ACTION = {
  approve: "producer.verify",
  reject: "producer.reject",
  request_changes: "producer.request_changes",
} as const;

/**
 * Verifies, rejects or sends back a producer's application. The note typed with the
 * decision is kept whatever the decision (with when it was written); asking for changes
 * lets the producer correct her application and send it again (producers/resubmission).
 */
export function decideProducer(
  db: Db,
  actor: Actor,
  producerId: number,
  decision: ModerationDecision,
  context: DecisionContext = {},
): void {
  const userId = userIdOf(actor);
  db.transaction(() => {
    const { producer } = scopedProducer(db, actor, producerId);
    if (producer.verificationStatus !== "pending") {
      throw new Conflict("moderation.error.producerNotPending");
    }
    const now = new Date();
    const status = NEXT_PRODUCER_STATUS[decision.intent];
    const note = decision.reason;
    db.update(producers)
      .set({
        verificationStatus: status,
        verificationNote: note,
        verificationNoteAt: note === null ? null : now,
        updatedAt: now,
      })
      .where(eq(producers.id, producer.id))
      .run();
    writeAudit(db, {
      actorUserId: userId,
      action: PRODUCER_AUDIT_ACTION[decision.intent],
      entityType: "producer",
      entityId: producer.id,
      orgUnitId: producer.orgUnitId,
      before: {
        verificationStatus: producer.verificationStatus,
        verificationNote: producer.verificationNote,
      },
      after: { verificationStatus: status, verificationNote: note },
      ipAddress: context.ipAddress,
    });
    notify(db, {
      recipients: { producerId: producer.id },
      kind: `producer.${status}`,
      message: producerDecisionMessage(decision.intent, producer.name, note),
      link: decision.intent === "request_changes" ? RESUBMIT_PATH : "/ban-hang",
    });
    syncProducerSearch(db, producer.id);
  });
}

export interface BulkResult {
  approved: number;
  /** Each refused item with why: the message in the moderator's language and its catalog key. */
  failed: { ref: string; message: string; key: MessageKey }[];
}

/** Approves many queue items; each stands alone, so one failure does not block the rest. */
export async function bulkApprove(
  db: Db,
  actor: Actor,
  items: { kind: "listing" | "revision" | "producer"; id: number }[],
  context: DecisionContext = {},
): Promise<BulkResult> {
  const result: BulkResult = { approved: 0, failed: [] };
  let notFound = 0;
  const approve = { intent: "approve", reason: null } as const;
  for (const item of items) {
    try {
      if (item.kind === "listing") decideListing(db, actor, item.id, approve, context);
      else if (item.kind === "revision") await decideRevision(db, actor, item.id, approve, context);
      else decideProducer(db, actor, item.id, approve, context);
      result.approved += 1;
    } catch (error) {
      // Out-of-scope or already-decided items are reported, never silently skipped.
      if (!(error instanceof DomainError) || error.status >= 500) throw error;
      if (error instanceof NotFound) notFound += 1;
      result.failed.push({
        ref: `${item.kind}:${item.id}`,
        message: error.messageIn(context.locale ?? DEFAULT_LOCALE),
        key: error.messageKey,
      });
    }
  }
  // Nothing in the selection was visible to this moderator: answer like a single decision.
  if (notFound > 0 && notFound === items.length) throw new NotFound();
  return result;
}
