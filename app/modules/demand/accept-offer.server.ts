import { vietnamToday } from "~/lib/dates";
import { Conflict, NotFound } from "~/lib/errors";
import { findCommuneByCode, findProvinceByOfficialCode } from "~/lib/places";
import type { AcceptOfferInput } from "~/lib/schemas/offer";
import { nationalPhone } from "~/lib/schemas/shipping";
import type { SignedInActor } from "~/modules/auth/actor";
import { notify } from "~/modules/notifications/notify.server";
import { deliverQueuedEmailsSoon } from "~/modules/platform/mailer.server";
import { placeOfferOrder } from "~/modules/orders/offer-order.server";
import { inTransaction, prepared, type Db } from "~db/client.server";
import { offerForParty, type OfferRow, type RequestRow } from "./offer-rows.internal.server";
import { periodKey } from "./periods";

/**
 * The buyer's decision on an offer. Accepting makes one order through the ordering module
 * (the offer's price and quantity, made to order), declines the request's other submitted
 * offers and tells their producers, and fills the period: a one-off request is then
 * fulfilled, a recurring one takes one offer per week or month until its end date.
 */

/** The owner's offer (NotFound for anyone else, a producer included) still waiting for her. */
function ownersSubmittedOffer(
  db: Db,
  actor: SignedInActor,
  code: string,
  offerId: number,
): { offer: OfferRow; request: RequestRow } {
  const { offer, request, side } = offerForParty(db, actor, code, offerId);
  if (side !== "buyer") throw new NotFound("offers.errors.notFound");
  if (offer.status !== "submitted") throw new Conflict("offers.errors.notSubmitted");
  if (request.status !== "open") throw new Conflict("offers.errors.requestNotOpen");
  return { offer, request };
}

/** The accept page: the offer, and the delivery form filled from the account and the request. */
export function acceptOfferView(db: Db, actor: SignedInActor, code: string, offerId: number) {
  const { offer, request } = ownersSubmittedOffer(db, actor, code, offerId);
  const user = prepared<{ displayName: string; phone: string | null }>(
    db,
    "SELECT display_name AS displayName, phone FROM users WHERE id = ?",
  ).get(actor.userId);
  const province = request.provinceCode ? findProvinceByOfficialCode(request.provinceCode) : null;
  const commune = request.communeCode ? findCommuneByCode(request.communeCode) : null;
  return {
    offer: { ...offer, totalVnd: offer.priceVnd * offer.quantity },
    request: { code: request.code, title: request.title },
    recurring: request.recurrence !== "none",
    defaults: {
      name: user?.displayName ?? "",
      phone: user?.phone ? nationalPhone(user.phone) : "",
      province: province?.name ?? "",
      commune: commune?.name ?? "",
      address: "",
    },
  };
}

/**
 * Accepts an offer with the buyer's delivery details, in one immediate transaction: the
 * order, the offer (accepted, its period, its order), the others declined, the request
 * fulfilled when it is one-off. A recurring request refuses a second offer in the same
 * period and any after its end date. Returns the new order.
 */
export function acceptOffer(
  db: Db,
  actor: SignedInActor,
  code: string,
  offerId: number,
  input: AcceptOfferInput,
  { now = new Date() }: { now?: Date } = {},
): { orderId: number; orderCode: string } {
  const accepted = inTransaction(db, () => {
    const { offer, request } = ownersSubmittedOffer(db, actor, code, offerId);
    // Past its date a request takes no offer, even before the daily job closes it.
    if (vietnamToday(now) > request.neededBy) {
      throw new Conflict("offers.errors.requestEnded");
    }
    const period = periodKey(request.recurrence, now);
    const taken = prepared<{ id: number }>(
      db,
      "SELECT id FROM offers WHERE purchase_request_id = ? AND period_key = ? AND status = 'accepted'",
    ).get(request.id, period);
    if (taken) throw new Conflict("offers.errors.periodTaken");

    const order = placeOfferOrder(db, {
      buyerUserId: actor.userId,
      producerId: offer.producerId,
      listingId: offer.listingId,
      sku: offer.listingSku ?? request.code,
      title: offer.goods,
      categoryId: request.categoryId,
      unit: offer.unit,
      unitPriceVnd: offer.priceVnd,
      qty: offer.quantity,
      shipping: {
        name: input.name,
        phone: input.phone,
        province: input.province,
        commune: input.commune,
        address: input.address,
      },
      deliveryMethod: input.deliveryMethod,
      paymentMethod: input.paymentMethod,
      note: input.note,
      now,
    });
    const at = now.getTime();
    prepared(
      db,
      `UPDATE offers SET status = 'accepted', period_key = ?, order_id = ?, decided_at = ?,
         updated_at = ? WHERE id = ? AND status = 'submitted'`,
    ).run(period, order.id, at, at, offer.id);

    const declined = prepared<{ id: number; producerId: number }>(
      db,
      `UPDATE offers SET status = 'declined', decided_at = ?, updated_at = ?
       WHERE purchase_request_id = ? AND status = 'submitted' AND id <> ?
       RETURNING id, producer_id AS producerId`,
    ).all(at, at, request.id, offer.id);
    for (const other of declined) tellDeclined(db, request, other.producerId);

    if (request.recurrence === "none") {
      prepared(
        db,
        `UPDATE purchase_requests SET status = 'fulfilled', fulfilled_at = ?, updated_at = ?
         WHERE id = ? AND status = 'open'`,
      ).run(at, at, request.id);
    }
    notify(db, {
      recipients: { producerId: offer.producerId },
      kind: "offer.accepted",
      message: { key: "offers.notice.accepted", params: { code: request.code } },
      link: `/ban-hang/don-hang/${order.id}`,
      via: ["email"],
    });
    return { orderId: order.id, orderCode: order.code };
  });
  deliverQueuedEmailsSoon(db);
  return accepted;
}

/** Declines one submitted offer of the owner's request and tells its producer. */
export function declineOffer(
  db: Db,
  actor: SignedInActor,
  code: string,
  offerId: number,
  { now = new Date() }: { now?: Date } = {},
): void {
  inTransaction(db, () => {
    const { offer, request } = ownersSubmittedOffer(db, actor, code, offerId);
    prepared(
      db,
      `UPDATE offers SET status = 'declined', decided_at = ?, updated_at = ?
       WHERE id = ? AND status = 'submitted'`,
    ).run(now.getTime(), now.getTime(), offer.id);
    tellDeclined(db, request, offer.producerId);
  });
}

function tellDeclined(db: Db, request: RequestRow, producerId: number): void {
  notify(db, {
    recipients: { producerId },
    kind: "offer.declined",
    message: { key: "offers.notice.declined", params: { code: request.code } },
    link: `/yeu-cau-mua/${request.code}`,
    via: ["email"],
  });
}
