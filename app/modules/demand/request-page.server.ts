import type { Actor } from "~/modules/auth/actor";
import { hasPermission } from "~/modules/auth/permissions.server";
import { prepared, type Db } from "~db/client.server";
import { compareOffers, ownOffersOn, type ComparedOffer, type OwnOffer } from "./offers.server";
import { storedMatchesOf, type StoredMatch } from "./stored-matches.server";

/**
 * What each reader sees on a request's page besides the public request: its owner the
 * matches and every offer side by side; a producer member her own offers and whether she
 * may answer; staff who may hide it the hide form. Everyone else the request only.
 */
export interface RequestPageParts {
  isOwner: boolean;
  canHide: boolean;
  /** The reader is a member of a producer and may send (or edit) an offer. */
  canOffer: boolean;
  offers: ComparedOffer[] | null;
  ownOffers: OwnOffer[];
  matches: StoredMatch[] | null;
  matchedAt: number | null;
}

/** The parts of the request page for `actor` (see RequestPageParts). */
export function requestPageParts(
  db: Db,
  actor: Actor,
  request: { id: number; code: string; buyerUserId: number; status: string; isHidden: boolean },
): RequestPageParts {
  const row = prepared<{ path: string | null; matchedAt: number | null }>(
    db,
    `SELECT u.path, r.matched_at AS matchedAt FROM purchase_requests r
     LEFT JOIN org_units u ON u.id = r.org_unit_id WHERE r.id = ?`,
  ).get(request.id);
  const none: RequestPageParts = {
    isOwner: false,
    canHide: false,
    canOffer: false,
    offers: null,
    ownOffers: [],
    matches: null,
    matchedAt: null,
  };
  if (actor.kind !== "user") return none;
  const isOwner = request.buyerUserId === actor.userId;
  const canHide =
    row?.path !== null && row?.path !== undefined
      ? hasPermission(actor, "purchase-request:hide", row.path)
      : false;
  if (isOwner) {
    return {
      ...none,
      isOwner,
      canHide,
      offers: request.isHidden ? [] : compareOffers(db, actor, request.code),
      matches: storedMatchesOf(db, request.id),
      matchedAt: row?.matchedAt ?? null,
    };
  }
  return {
    ...none,
    canHide,
    canOffer: actor.producers.length > 0 && request.status === "open" && !request.isHidden,
    ownOffers: request.isHidden ? [] : ownOffersOn(db, actor, request.id),
  };
}
