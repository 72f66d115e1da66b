import { and, eq, lt } from "drizzle-orm";
import { vietnamToday } from "~/lib/dates";
import { Conflict, NotFound } from "~/lib/errors";
import { cleanText } from "~/lib/text";
import type { SignedInActor } from "~/modules/auth/actor";
import { subtreeCondition } from "~/modules/moderation/scope.server";
import { writeAudit } from "~/modules/platform/audit.server";
import { inTransaction, type Db } from "~db/client.server";
import { orgUnits, purchaseRequests } from "~db/schema";
import { getOwnPurchaseRequest } from "./buyer-requests.server";
import { transitionOwn } from "./purchase-requests.server";
import { assertWithinRequestLimits } from "./request-limits.server";

/**
 * A request's states after it is posted: the owner closes and reopens it, moderators hide
 * and unhide it within their org-unit subtree (audited), and a daily job closes those whose
 * date passed. Each change is one conditional UPDATE carrying who may act and from which
 * state (like orders' transition()), so a lost race changes nothing.
 */

type Outcome = { id: number; code: string };

/** What the owner may do to her request, by its code; `now` is injectable for tests. */
type OwnerChange = (
  db: Db,
  actor: SignedInActor,
  code: string,
  options?: { now?: Date },
) => Outcome;

/** The owner closes her open request: producers can no longer offer. */
export const closePurchaseRequest: OwnerChange = (db, actor, code, { now = new Date() } = {}) =>
  inTransaction(db, () => {
    const own = getOwnPurchaseRequest(db, actor, code).request;
    return transitionOwn(db, actor, own.id, "open", {
      status: "closed",
      closedAt: now,
      closeReason: "owner",
      updatedAt: now,
    });
  });

/**
 * The owner reopens a closed request while its date has not passed (a fulfilled one stays
 * fulfilled); it counts against the open-request limit again.
 */
export const reopenPurchaseRequest: OwnerChange = (db, actor, code, { now = new Date() } = {}) =>
  inTransaction(db, () => {
    const own = getOwnPurchaseRequest(db, actor, code).request;
    if (own.status !== "closed") throw new Conflict("requests.errors.notClosed");
    if (own.neededBy < vietnamToday(now)) throw new Conflict("requests.errors.datePassed");
    assertWithinRequestLimits(db, actor.userId, now, { creating: false });
    return transitionOwn(db, actor, own.id, "closed", {
      status: "open",
      closedAt: null,
      closeReason: null,
      updatedAt: now,
    });
  });

/** A request within the moderator's subtree (`purchase-request:hide`); NotFound otherwise. */
function scopedRequest(db: Db, actor: SignedInActor, code: string) {
  const row = db
    .select({ request: purchaseRequests })
    .from(purchaseRequests)
    .innerJoin(orgUnits, eq(orgUnits.id, purchaseRequests.orgUnitId))
    .where(
      and(
        eq(purchaseRequests.code, code.trim().toUpperCase()),
        subtreeCondition(actor, "purchase-request:hide"),
      ),
    )
    .get();
  if (!row) throw new NotFound("demand.errors.requestNotFound");
  return row.request;
}

/** A moderator hides an abusive request from everyone but its owner; audited with the reason. */
export function hidePurchaseRequest(
  db: Db,
  actor: SignedInActor,
  code: string,
  { reason = "", now = new Date(), ipAddress = null }: HideOptions = {},
): Outcome {
  return setHidden(db, actor, code, true, { reason, now, ipAddress });
}

/** A moderator shows a hidden request again; audited. */
export function unhidePurchaseRequest(
  db: Db,
  actor: SignedInActor,
  code: string,
  { now = new Date(), ipAddress = null }: Omit<HideOptions, "reason"> = {},
): Outcome {
  return setHidden(db, actor, code, false, { reason: "", now, ipAddress });
}

interface HideOptions {
  reason?: string;
  now?: Date;
  ipAddress?: string | null;
}

function setHidden(
  db: Db,
  actor: SignedInActor,
  code: string,
  hide: boolean,
  { reason, now, ipAddress }: Required<HideOptions>,
): Outcome {
  return inTransaction(db, () => {
    const before = scopedRequest(db, actor, code);
    if (before.isHidden === hide) {
      throw new Conflict(hide ? "requests.errors.alreadyHidden" : "requests.errors.notHidden");
    }
    const after = hide
      ? {
          isHidden: true,
          hiddenReason: cleanText(reason),
          hiddenByUserId: actor.userId,
          hiddenAt: now,
        }
      : { isHidden: false, hiddenReason: null, hiddenByUserId: null, hiddenAt: null };
    const row = db
      .update(purchaseRequests)
      .set({ ...after, updatedAt: now })
      .where(and(eq(purchaseRequests.id, before.id), eq(purchaseRequests.isHidden, !hide)))
      .returning({ id: purchaseRequests.id, code: purchaseRequests.code })
      .get();
    if (!row) throw new Conflict("requests.errors.alreadyHidden");
    writeAudit(db, {
      actorUserId: actor.userId,
      action: hide ? "purchase-request.hide" : "purchase-request.unhide",
      entityType: "purchase_request",
      entityId: before.id,
      orgUnitId: before.orgUnitId,
      before: { isHidden: before.isHidden, hiddenReason: before.hiddenReason },
      after: { isHidden: after.isHidden, hiddenReason: after.hiddenReason },
      ipAddress,
    });
    return row;
  });
}

/**
 * Closes every open request whose date passed in Việt Nam by `now` (one-off: needed by that
 * day; recurring: its end date), with reason 'expired'. Returns how many it closed. Run
 * daily by the background jobs; safe to run twice.
 */
export function closeExpiredRequests(db: Db, now: Date = new Date()): number {
  const result = db
    .update(purchaseRequests)
    .set({ status: "closed", closedAt: now, closeReason: "expired", updatedAt: now })
    .where(
      and(eq(purchaseRequests.status, "open"), lt(purchaseRequests.neededBy, vietnamToday(now))),
    )
    .run();
  return result.changes;
}
