import { Conflict } from "~/lib/errors";
import type { SignedInActor } from "~/modules/auth/actor";
import { notify } from "~/modules/notifications/notify.server";
import { inTransaction, prepared, type Db } from "~db/client.server";
import { offerForParty } from "./offer-rows.internal.server";

/**
 * The question thread of one offer: only the request's owner and the offering producer's
 * members read and write it. Messages carry who wrote them as a side (the buyer, or the
 * producer by name), never a phone number or another contact.
 */

export interface ThreadMessage {
  id: number;
  side: "buyer" | "producer";
  body: string;
  mine: boolean;
  createdAt: number;
}

/** Throws NotFound unless the actor is the request's owner or a member of the offering producer. */
export function assertThreadParty(db: Db, actor: SignedInActor, code: string, offerId: number) {
  offerForParty(db, actor, code, offerId);
}

/** The thread as the reader sees it, with the offer it is about; NotFound for outsiders. */
export function offerThread(
  db: Db,
  actor: SignedInActor,
  code: string,
  offerId: number,
  { now = new Date() }: { now?: Date } = {},
) {
  const { offer, request, side } = offerForParty(db, actor, code, offerId);
  const rows = prepared<{ id: number; authorUserId: number; body: string; createdAt: number }>(
    db,
    `SELECT id, author_user_id AS authorUserId, body, created_at AS createdAt
     FROM offer_messages WHERE offer_id = ? ORDER BY created_at, id`,
  ).all(offer.id);
  // What the other side wrote is now read.
  prepared(
    db,
    `UPDATE offer_messages SET read_at = ? WHERE offer_id = ? AND read_at IS NULL
       AND (author_user_id = ?) = ?`,
  ).run(now.getTime(), offer.id, request.buyerUserId, side === "buyer" ? 0 : 1);
  const messages: ThreadMessage[] = rows.map((row) => ({
    id: row.id,
    side: row.authorUserId === request.buyerUserId ? "buyer" : "producer",
    body: row.body,
    mine: row.authorUserId === actor.userId,
    createdAt: row.createdAt,
  }));
  const { buyerUserId: _owner, isHidden: _hidden, ...requestPart } = request;
  return {
    side,
    offer,
    request: requestPart,
    messages,
    canWrite: offer.status === "submitted" || offer.status === "accepted",
  };
}

/**
 * Adds a question or an answer to an offer's thread and tells the other side. A withdrawn
 * or declined offer's thread is closed.
 */
export function postOfferMessage(
  db: Db,
  actor: SignedInActor,
  code: string,
  offerId: number,
  body: string,
  { now = new Date() }: { now?: Date } = {},
): void {
  inTransaction(db, () => {
    const { offer, request, side } = offerForParty(db, actor, code, offerId);
    if (offer.status !== "submitted" && offer.status !== "accepted") {
      throw new Conflict("offers.errors.threadClosed");
    }
    prepared(
      db,
      "INSERT INTO offer_messages (offer_id, author_user_id, body, created_at) VALUES (?, ?, ?, ?)",
    ).run(offer.id, actor.userId, body, now.getTime());
    const link = `/yeu-cau-mua/${request.code}/hoi-dap/${offer.id}`;
    notify(db, {
      recipients:
        side === "buyer" ? { producerId: offer.producerId } : { userIds: [request.buyerUserId] },
      kind: "offer.message",
      message: {
        key: side === "buyer" ? "offers.notice.question" : "offers.notice.answer",
        params: { code: request.code, producer: offer.producerName },
      },
      link,
    });
  });
}
