import { prepared, type Db } from "~db/client.server";
import type { OFFER_STATUSES, RECURRENCES, Unit } from "~db/schema";
import { NotFound } from "~/lib/errors";
import type { SignedInActor } from "~/modules/auth/actor";

/**
 * The rows the offer use cases share: a request as they need it (with its owner, never
 * shown) and an offer with its request. Private to the demand module.
 */

export interface RequestRow {
  id: number;
  code: string;
  title: string;
  buyerUserId: number;
  status: "open" | "closed" | "fulfilled";
  isHidden: number;
  recurrence: (typeof RECURRENCES)[number];
  neededBy: string;
  quantity: number;
  unit: Unit;
  provinceCode: string | null;
  communeCode: string | null;
  orgUnitId: number | null;
  categoryId: number | null;
}

const REQUEST_COLUMNS = `r.id, r.code, r.title, r.buyer_user_id AS buyerUserId, r.status,
  r.is_hidden AS isHidden, r.recurrence, r.needed_by AS neededBy, r.quantity, r.unit,
  r.province_code AS provinceCode, r.commune_code AS communeCode, r.org_unit_id AS orgUnitId, r.category_id AS categoryId`;

/** A visible request by its code; NotFound for a hidden or unknown one. */
export function visibleRequest(db: Db, code: string): RequestRow {
  const row = prepared<RequestRow>(
    db,
    `SELECT ${REQUEST_COLUMNS} FROM purchase_requests r WHERE r.code = ? AND r.is_hidden = 0`,
  ).get(code.trim().toUpperCase());
  if (!row) throw new NotFound("demand.errors.requestNotFound");
  return row;
}

export interface OfferRow {
  id: number;
  purchaseRequestId: number;
  producerId: number;
  producerName: string;
  listingId: number | null;
  listingSku: string | null;
  goods: string;
  unit: Unit;
  priceVnd: number;
  quantity: number;
  deliveryOn: string | null;
  message: string;
  status: (typeof OFFER_STATUSES)[number];
  orderId: number | null;
}

/**
 * An offer with its (visible) request, for someone who has business with it: the request's
 * owner or a member of the offering producer, on the request named by `code`. Anyone else gets NotFound, as for an offer
 * that does not exist, so ids reveal nothing.
 */
export function offerForParty(
  db: Db,
  actor: SignedInActor,
  code: string,
  offerId: number,
): { offer: OfferRow; request: RequestRow; side: "buyer" | "producer" } {
  const offer = prepared<OfferRow>(
    db,
    `SELECT o.id, o.purchase_request_id AS purchaseRequestId, o.producer_id AS producerId,
       p.name AS producerName, o.listing_id AS listingId, l.sku AS listingSku, o.goods, o.unit,
       o.price_vnd AS priceVnd, o.quantity, o.delivery_on AS deliveryOn, o.message, o.status,
       o.order_id AS orderId
     FROM offers o JOIN producers p ON p.id = o.producer_id
     LEFT JOIN listings l ON l.id = o.listing_id
     WHERE o.id = ?`,
  ).get(offerId);
  const request = offer
    ? prepared<RequestRow>(
        db,
        `SELECT ${REQUEST_COLUMNS} FROM purchase_requests r WHERE r.id = ? AND r.is_hidden = 0`,
      ).get(offer.purchaseRequestId)
    : undefined;
  if (!offer || !request || request.code !== code.trim().toUpperCase()) {
    throw new NotFound("offers.errors.notFound");
  }
  if (request.buyerUserId === actor.userId) return { offer, request, side: "buyer" };
  if (actor.producers.some((m) => m.producerId === offer.producerId)) {
    return { offer, request, side: "producer" };
  }
  throw new NotFound("offers.errors.notFound");
}
