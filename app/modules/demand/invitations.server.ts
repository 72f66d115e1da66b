import { and, eq } from "drizzle-orm";
import { Conflict, Invalid, NotFound } from "~/lib/errors";
import type { InvitationInput } from "~/lib/schemas/connect";
import type { SignedInActor } from "~/modules/auth/actor";
import { subtreeCondition } from "~/modules/moderation/scope.server";
import { notify } from "~/modules/notifications/notify.server";
import { writeAudit } from "~/modules/platform/audit.server";
import { inTransaction, type Db } from "~db/client.server";
import { categories, orgUnits, producers, purchaseRequests, requestInvitations } from "~db/schema";
import {
  CONNECT_PERMISSION,
  liveOfferCount,
  producersInScope,
  scopedProducer,
  type ConnectProducer,
} from "./connecting-scope.internal.server";
import { storedMatchesOf, type StoredMatch } from "./stored-matches.server";

/**
 * Union staff inviting a producer of their subtree to answer a request of their subtree
 * (request_invitations): the invitation shows in the producer's inbox (inbox.server.ts). Each
 * request has its own invite page, so the lists stay light on a phone.
 */

/** A producer of the actor's subtree in the invite form, marked when already invited. */
export interface InviteProducerOption extends ConnectProducer {
  invited: boolean;
}

/** A stored match as the invite page shows it: whether staff may invite it, and did. */
export interface InviteMatch extends StoredMatch {
  /** Verified and in the actor's subtree: the form offers it. */
  inScope: boolean;
  invited: boolean;
}

/** What the invite page offers besides the request. */
interface InviteOptions {
  /** The stored matches, best first, with their reasons (any subtree). */
  matches: InviteMatch[];
  /** The matched producers staff may invite, best first, once each. */
  matched: InviteProducerOption[];
  /** The other verified producers of the subtree, by name. */
  others: InviteProducerOption[];
}

/** A request of the actor's subtree by code, whatever its state; NotFound outside it. */
function scopedRequest(db: Db, actor: SignedInActor, code: string) {
  const row = db
    .select({
      id: purchaseRequests.id,
      code: purchaseRequests.code,
      title: purchaseRequests.title,
      description: purchaseRequests.description,
      categoryNameVi: categories.nameVi,
      categoryNameEn: categories.nameEn,
      quantity: purchaseRequests.quantity,
      unit: purchaseRequests.unit,
      deliveryLocation: purchaseRequests.deliveryLocation,
      neededBy: purchaseRequests.neededBy,
      recurrence: purchaseRequests.recurrence,
      status: purchaseRequests.status,
      isHidden: purchaseRequests.isHidden,
      orgUnitId: purchaseRequests.orgUnitId,
      orgUnitName: orgUnits.name,
      offerCount: liveOfferCount,
    })
    .from(purchaseRequests)
    .innerJoin(orgUnits, eq(orgUnits.id, purchaseRequests.orgUnitId))
    .leftJoin(categories, eq(categories.id, purchaseRequests.categoryId))
    .where(
      and(
        eq(purchaseRequests.code, code.trim().toUpperCase()),
        subtreeCondition(actor, CONNECT_PERMISSION),
      ),
    )
    .get();
  if (!row) throw new NotFound("connect.error.requestNotFound");
  return row;
}

/** The request as the invite page shows it. */
type InviteRequest = ReturnType<typeof scopedRequest>;

/**
 * The invite page of one request of the actor's subtree (NotFound outside it): the request,
 * its stored matches with their reasons, and the subtree's verified producers for the form,
 * the matched ones first, each marked when already invited.
 */
export function invitePage(
  db: Db,
  actor: SignedInActor,
  code: string,
): { request: InviteRequest } & InviteOptions {
  const request = scopedRequest(db, actor, code);
  const invited = new Set(
    db
      .select({ code: producers.code })
      .from(requestInvitations)
      .innerJoin(producers, eq(producers.id, requestInvitations.producerId))
      .where(eq(requestInvitations.purchaseRequestId, request.id))
      .all()
      .map((row) => row.code),
  );
  const inScope = new Map(
    producersInScope(db, actor).map((producer) => [
      producer.code,
      { ...producer, invited: invited.has(producer.code) },
    ]),
  );
  const matches = storedMatchesOf(db, request.id).map((match) => ({
    ...match,
    inScope: inScope.has(match.producer.code),
    invited: invited.has(match.producer.code),
  }));
  // A producer matched through several listings is offered once, at its best rank.
  const matchedCodes = new Set(matches.map((match) => match.producer.code));
  return {
    request,
    matches,
    matched: [...matchedCodes].flatMap((producerCode) => inScope.get(producerCode) ?? []),
    others: [...inScope.values()].filter((producer) => !matchedCodes.has(producer.code)),
  };
}

/**
 * Invites a verified producer of the actor's subtree to answer an open request of the same
 * subtree: stores the invitation (it shows in the producer's inbox), tells the producer's
 * members and writes the audit log, all or nothing. A second invitation of the same
 * producer to the same request is a Conflict.
 */
export function inviteProducer(
  db: Db,
  actor: SignedInActor,
  input: InvitationInput,
  { ipAddress = null }: { ipAddress?: string | null } = {},
): { invitationId: number; notified: number } {
  const request = scopedRequest(db, actor, input.requestCode);
  const producer = scopedProducer(db, actor, input.producerCode);
  if (request.status !== "open" || request.isHidden) {
    throw new Conflict("connect.error.requestNotOpen", { code: request.code });
  }
  if (producer.verificationStatus !== "verified") {
    throw new Invalid(
      "connect.error.producerNotVerified",
      { name: producer.name },
      { field: "producerCode" },
    );
  }
  return inTransaction(db, () => {
    const invited = recordInvitation(
      db,
      { request, producerId: producer.id, invitedByUserId: actor.userId, note: input.note },
      { ipAddress },
    );
    if (!invited) {
      throw new Conflict(
        "connect.error.alreadyInvited",
        { name: producer.name, code: request.code },
        { field: "producerCode" },
      );
    }
    return invited;
  });
}

/**
 * Stores one invitation of a producer to answer a request, tells the producer's members and
 * writes the audit log; null when that producer was invited already. Who may invite is the
 * caller's rule: staff of the subtree (`inviteProducer`), or a campaign pledge's buyer
 * addressing her request to the campaign's producers (campaigns/pledge-conversions.server.ts).
 */
export function recordInvitation(
  db: Db,
  invitation: {
    request: { id: number; code: string; title: string; orgUnitId: number | null };
    producerId: number;
    invitedByUserId: number;
    note: string;
  },
  { ipAddress = null }: { ipAddress?: string | null } = {},
): { invitationId: number; notified: number } | null {
  const { request, producerId } = invitation;
  return inTransaction(db, () => {
    const row = db
      .insert(requestInvitations)
      .values({
        purchaseRequestId: request.id,
        producerId,
        invitedByUserId: invitation.invitedByUserId,
        note: invitation.note,
      })
      .onConflictDoNothing()
      .returning({ id: requestInvitations.id })
      .get();
    if (!row) return null;
    const notified = notify(db, {
      recipients: { producerId },
      kind: "request.invited",
      message: {
        key: "connect.notice.invited",
        params: { code: request.code, title: request.title },
      },
      link: `/yeu-cau-mua/${request.code}`,
      via: ["email"],
    });
    writeAudit(db, {
      actorUserId: invitation.invitedByUserId,
      action: "request.invite",
      entityType: "purchase_request",
      entityId: request.id,
      orgUnitId: request.orgUnitId,
      after: { invitationId: row.id, producerId, note: invitation.note },
      ipAddress,
    });
    return { invitationId: row.id, notified };
  });
}
