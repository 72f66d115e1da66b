import { vietnamToday } from "~/lib/dates";
import { Conflict, Forbidden, Invalid, NotFound } from "~/lib/errors";
import type { OfferInput } from "~/lib/schemas/offer";
import { cleanText } from "~/lib/text";
import type { SignedInActor } from "~/modules/auth/actor";
import { notify } from "~/modules/notifications/notify.server";
import { inTransaction, prepared, type Db } from "~db/client.server";
import type { OFFER_STATUSES, Unit } from "~db/schema";
import { visibleRequest, type RequestRow } from "./offer-rows.internal.server";

/**
 * Producers' offers on purchase requests: a member answers an open request for one of her
 * producers (one submitted offer per producer and request, which she may edit or withdraw),
 * and the request's owner compares them. Only the owner sees other producers' prices;
 * a producer sees her own offers only.
 */

type OfferStatus = (typeof OFFER_STATUSES)[number];

/** The id in a URL segment; anything but a positive integer names no offer. */
export function offerIdFromUrl(segment: string | undefined): number {
  const id = Number(segment);
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFound("offers.errors.notFound");
  return id;
}

/** A producer's own offer as she sees it. */
export interface OwnOffer {
  id: number;
  producerCode: string;
  producerName: string;
  listingId: number | null;
  goods: string;
  unit: Unit;
  priceVnd: number;
  quantity: number;
  deliveryOn: string | null;
  message: string;
  status: OfferStatus;
  orderId: number | null;
  createdAt: number;
}

const OWN_OFFER_COLUMNS = `o.id, p.code AS producerCode, p.name AS producerName,
  o.listing_id AS listingId, o.goods, o.unit, o.price_vnd AS priceVnd, o.quantity,
  o.delivery_on AS deliveryOn, o.message, o.status, o.order_id AS orderId, o.created_at AS createdAt`;

/** The actor's producers' offers on a request, newest first (none for a non-member). */
export function ownOffersOn(db: Db, actor: SignedInActor, requestId: number): OwnOffer[] {
  const producerIds = actor.producers.map((m) => m.producerId);
  if (producerIds.length === 0) return [];
  return prepared<OwnOffer>(
    db,
    `SELECT ${OWN_OFFER_COLUMNS} FROM offers o JOIN producers p ON p.id = o.producer_id
     WHERE o.purchase_request_id = ? AND o.producer_id IN (SELECT value FROM json_each(?))
     ORDER BY o.created_at DESC, o.id DESC`,
  ).all(requestId, JSON.stringify(producerIds));
}

export interface OfferableListing {
  id: number;
  sku: string;
  title: string;
  unit: Unit;
  priceVnd: number;
}

/** What the offer form needs: the request, the member's producers with their listings, her offers. */
export function offerFormView(db: Db, actor: SignedInActor, code: string) {
  if (actor.producers.length === 0) throw new Forbidden("auth.error.producerOnly");
  const request = visibleRequest(db, code);
  const listingsOf = prepared<OfferableListing>(
    db,
    `SELECT id, sku, title, unit, price_vnd AS priceVnd FROM listings
     WHERE producer_id = ? AND status = 'published' ORDER BY title`,
  );
  return {
    request: publicRequestPart(request),
    isOwner: request.buyerUserId === actor.userId,
    producers: actor.producers.map((m) => ({
      code: m.producerCode,
      name: m.producerName,
      listings: listingsOf.all(m.producerId),
    })),
    offers: ownOffersOn(db, actor, request.id),
  };
}

/** The parts of a request an offer page shows (never its owner). */
function publicRequestPart(request: RequestRow) {
  const { buyerUserId: _owner, isHidden: _hidden, ...rest } = request;
  return rest;
}

/** Which of the member's producers answers: the one named, else her first. */
function answeringProducer(actor: SignedInActor, code: string | undefined) {
  const membership = code
    ? actor.producers.find((m) => m.producerCode === code)
    : actor.producers[0];
  if (!membership) throw new NotFound("offers.errors.producerNotFound");
  return membership;
}

/**
 * Sends (or edits) the producer's offer on an open request: from one of her published
 * listings (its title and unit) or free-text goods. A producer has at most one submitted
 * offer per request (a partial unique index); sending again edits it. The buyer hears
 * about a new offer. Returns the offer's id.
 */
export function submitOffer(
  db: Db,
  actor: SignedInActor,
  code: string,
  input: OfferInput,
  { now = new Date() }: { now?: Date } = {},
): { offerId: number; edited: boolean } {
  const membership = answeringProducer(actor, input.producer);
  return inTransaction(db, () => {
    const request = visibleRequest(db, code);
    if (request.buyerUserId === actor.userId) throw new Forbidden("offers.errors.ownRequest");
    if (request.status !== "open") throw new Conflict("offers.errors.requestNotOpen");
    const producer = prepared<{ status: string }>(
      db,
      "SELECT verification_status AS status FROM producers WHERE id = ?",
    ).get(membership.producerId);
    if (producer?.status !== "verified") throw new Forbidden("offers.errors.producerNotVerified");
    if (input.deliveryOn < vietnamToday(now)) {
      throw new Invalid("offers.errors.deliveryPast", {}, { field: "deliveryOn" });
    }
    let goods = cleanText(input.goods ?? "");
    let unit = input.unit ?? request.unit;
    if (input.listingId !== undefined) {
      const listing = prepared<{ title: string; unit: Unit }>(
        db,
        `SELECT title, unit FROM listings WHERE id = ? AND producer_id = ? AND status = 'published'`,
      ).get(input.listingId, membership.producerId);
      if (!listing) throw new Invalid("offers.errors.unknownListing", {}, { field: "listingId" });
      goods = listing.title;
      unit = listing.unit;
    }
    const values = [
      input.listingId ?? null,
      goods,
      unit,
      input.priceVnd,
      input.quantity,
      input.deliveryOn,
      cleanText(input.message),
      now.getTime(),
    ] as const;
    const edited = prepared<{ id: number }>(
      db,
      `UPDATE offers SET listing_id = ?, goods = ?, unit = ?, price_vnd = ?, quantity = ?,
         delivery_on = ?, message = ?, updated_at = ?
       WHERE purchase_request_id = ? AND producer_id = ? AND status = 'submitted'
       RETURNING id`,
    ).get(...values, request.id, membership.producerId);
    if (edited) return { offerId: edited.id, edited: true };
    const offerId = Number(
      prepared(
        db,
        `INSERT INTO offers (listing_id, goods, unit, price_vnd, quantity, delivery_on, message,
           created_at, updated_at, purchase_request_id, producer_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(...values, now.getTime(), request.id, membership.producerId).lastInsertRowid,
    );
    notify(db, {
      recipients: { userIds: [request.buyerUserId] },
      kind: "offer.submitted",
      message: {
        key: "offers.notice.submitted",
        params: { code: request.code, producer: membership.producerName },
      },
      link: `/yeu-cau-mua/${request.code}#chao-gia`,
      via: ["email"],
    });
    return { offerId, edited: false };
  });
}

/**
 * Withdraws the member's submitted offer; an offer already accepted or declined stays.
 * One conditional UPDATE carries who may act and from which state.
 */
export function withdrawOffer(
  db: Db,
  actor: SignedInActor,
  offerId: number,
  { now = new Date() }: { now?: Date } = {},
): void {
  const producerIds = JSON.stringify(actor.producers.map((m) => m.producerId));
  inTransaction(db, () => {
    const changed = prepared(
      db,
      `UPDATE offers SET status = 'withdrawn', withdrawn_at = ?, updated_at = ?
       WHERE id = ? AND status = 'submitted'
         AND producer_id IN (SELECT value FROM json_each(?))`,
    ).run(now.getTime(), now.getTime(), offerId, producerIds).changes;
    if (changed > 0) return;
    const own = prepared<{ id: number }>(
      db,
      "SELECT id FROM offers WHERE id = ? AND producer_id IN (SELECT value FROM json_each(?))",
    ).get(offerId, producerIds);
    if (!own) throw new NotFound("offers.errors.notFound");
    throw new Conflict("offers.errors.notSubmitted");
  });
}

/** An offer withdrawn on the producer's behalf, with whom to tell. */
export interface WithdrawnOffer {
  offerId: number;
  requestCode: string;
  buyerUserId: number;
}

/**
 * Withdraws every submitted offer of a producer (staff suspended her); accepted offers and
 * their orders stay. Call inside the caller's transaction; returns what was withdrawn.
 */
export function withdrawOffersOfProducer(
  db: Db,
  producerId: number,
  now: Date = new Date(),
): WithdrawnOffer[] {
  return inTransaction(db, () => {
    const open = prepared<WithdrawnOffer>(
      db,
      `SELECT o.id AS offerId, r.code AS requestCode, r.buyer_user_id AS buyerUserId
       FROM offers o JOIN purchase_requests r ON r.id = o.purchase_request_id
       WHERE o.producer_id = ? AND o.status = 'submitted' ORDER BY o.id`,
    ).all(producerId);
    prepared(
      db,
      `UPDATE offers SET status = 'withdrawn', withdrawn_at = ?, updated_at = ?
       WHERE producer_id = ? AND status = 'submitted'`,
    ).run(now.getTime(), now.getTime(), producerId);
    return open;
  });
}

/** One offer in the owner's comparison. */
export interface ComparedOffer {
  id: number;
  status: OfferStatus;
  producerCode: string;
  producerName: string;
  goods: string;
  unit: Unit;
  priceVnd: number;
  quantity: number;
  totalVnd: number;
  deliveryOn: string | null;
  message: string;
  listingSlug: string | null;
  ocopStars: number;
  /** Where the producer is, seen from the request's delivery place. */
  distance: "commune" | "province" | "farther";
  rating: { average: number; count: number } | null;
  messageCount: number;
  orderId: number | null;
}

interface ComparedRow extends Omit<ComparedOffer, "distance" | "rating" | "totalVnd"> {
  producerCommuneCode: string | null;
  producerUnitPath: string;
  ratingAverage: number | null;
  ratingCount: number;
}

/** "/1/4/" → "/1/": the province an org unit belongs to. */
function provinceRoot(path: string): string {
  return `/${path.split("/")[1] ?? ""}/`;
}

/**
 * The offers on the owner's request side by side (withdrawn ones left out), accepted first,
 * then the cheapest: price, total, delivery date, distance, OCOP and rating. Anyone but the
 * owner gets NotFound.
 */
export function compareOffers(db: Db, actor: SignedInActor, code: string): ComparedOffer[] {
  const request = visibleRequest(db, code);
  if (request.buyerUserId !== actor.userId) throw new NotFound("demand.errors.requestNotFound");
  const requestUnit = request.orgUnitId
    ? prepared<{ path: string; level: string; communeCode: string | null }>(
        db,
        "SELECT path, level, commune_code AS communeCode FROM org_units WHERE id = ?",
      ).get(request.orgUnitId)
    : undefined;
  const rows = prepared<ComparedRow>(
    db,
    `SELECT o.id, o.status, p.code AS producerCode, p.name AS producerName, o.goods, o.unit,
       o.price_vnd AS priceVnd, o.quantity, o.delivery_on AS deliveryOn, o.message,
       l.slug AS listingSlug,
       CASE WHEN l.id IS NOT NULL AND l.ocop_badge_hidden = 0 THEN l.ocop_stars ELSE 0 END AS ocopStars,
       o.order_id AS orderId,
       (SELECT count(*) FROM offer_messages m WHERE m.offer_id = o.id) AS messageCount,
       u.commune_code AS producerCommuneCode, u.path AS producerUnitPath,
       (SELECT avg(v.rating) FROM reviews v JOIN listings vl ON vl.id = v.listing_id
         WHERE vl.producer_id = p.id AND v.is_hidden = 0) AS ratingAverage,
       (SELECT count(*) FROM reviews v JOIN listings vl ON vl.id = v.listing_id
         WHERE vl.producer_id = p.id AND v.is_hidden = 0) AS ratingCount
     FROM offers o JOIN producers p ON p.id = o.producer_id
     JOIN org_units u ON u.id = p.org_unit_id
     LEFT JOIN listings l ON l.id = o.listing_id
     WHERE o.purchase_request_id = ? AND o.status <> 'withdrawn'
     ORDER BY o.status = 'accepted' DESC, o.status = 'submitted' DESC, o.price_vnd, o.id`,
  ).all(request.id);
  return rows.map(
    ({ producerCommuneCode, producerUnitPath, ratingAverage, ratingCount, ...row }) => {
      const sameCommune =
        (request.communeCode !== null && producerCommuneCode === request.communeCode) ||
        (requestUnit?.level === "commune" && producerUnitPath.startsWith(requestUnit.path));
      const sameProvince =
        requestUnit !== undefined &&
        provinceRoot(producerUnitPath) === provinceRoot(requestUnit.path);
      return {
        ...row,
        totalVnd: row.priceVnd * row.quantity,
        distance: sameCommune ? "commune" : sameProvince ? "province" : "farther",
        rating:
          ratingAverage === null
            ? null
            : { average: Math.round(ratingAverage * 10) / 10, count: ratingCount },
      };
    },
  );
}
