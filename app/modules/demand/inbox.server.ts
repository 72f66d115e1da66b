import { prepared, type Db } from "~db/client.server";
import { NotFound } from "~/lib/errors";
import type { SignedInActor } from "~/modules/auth/actor";
import type { OFFER_STATUSES } from "~db/schema";
import { OPEN_VISIBLE_REQUEST_SQL, parseReasons, type StoredReason } from "./stored-matches.server";

/**
 * A producer's inbox of purchase requests (`/ban-hang/yeu-cau`): the open, visible requests
 * its goods match (stored matches) or to which Union staff invited it, newest first, each
 * with why it matches and the producer's own offer, if any. Every query is scoped by the
 * producer: another producer's offers and matches never show.
 */

export const INBOX_PAGE_SIZE = 20;

type OfferStatus = (typeof OFFER_STATUSES)[number];

/** The requests in a producer's inbox: matched to it, or it was invited to answer. */
const IN_INBOX_SQL = `${OPEN_VISIBLE_REQUEST_SQL} AND (
  EXISTS (SELECT 1 FROM request_matches m WHERE m.purchase_request_id = r.id AND m.producer_id = :producer)
  OR EXISTS (SELECT 1 FROM request_invitations i WHERE i.purchase_request_id = r.id AND i.producer_id = :producer))`;

export interface InboxListing {
  sku: string;
  slug: string;
  title: string;
}

export interface InboxItem {
  code: string;
  title: string;
  quantity: number;
  unit: string;
  neededBy: string;
  recurrence: string;
  deliveryLocation: string;
  categoryName: string | null;
  createdAt: number;
  /** Staff invited this producer; their note, possibly empty. */
  invitation: { note: string } | null;
  /** The producer's matched listings, best first. */
  listings: InboxListing[];
  /** The reasons of its best match ([] when only invited). */
  reasons: StoredReason[];
  /** The producer's latest offer on the request, if any. */
  offer: { status: OfferStatus; priceVnd: number; quantity: number; unit: string } | null;
}

export interface InboxPage {
  total: number;
  page: number;
  perPage: number;
  items: InboxItem[];
}

/** One page of a producer's request inbox, newest request first. */
export function producerInbox(db: Db, producerId: number, page = 1): InboxPage {
  const producer = { producer: producerId };
  const total =
    prepared<{ n: number }>(
      db,
      `SELECT count(*) AS n FROM purchase_requests r WHERE ${IN_INBOX_SQL}`,
    ).get(producer)?.n ?? 0;
  const rows = prepared<{
    id: number;
    code: string;
    title: string;
    quantity: number;
    unit: string;
    needed_by: string;
    recurrence: string;
    delivery_location: string;
    category_name: string | null;
    created_at: number;
    invitation_note: string | null;
    offer_status: OfferStatus | null;
    offer_price: number | null;
    offer_quantity: number | null;
    offer_unit: string | null;
  }>(
    db,
    `SELECT r.id, r.code, r.title, r.quantity, r.unit, r.needed_by, r.recurrence,
            r.delivery_location, c.name_vi AS category_name, r.created_at,
            i.note AS invitation_note,
            o.status AS offer_status, o.price_vnd AS offer_price, o.quantity AS offer_quantity,
            o.unit AS offer_unit
     FROM purchase_requests r
     LEFT JOIN categories c ON c.id = r.category_id
     LEFT JOIN request_invitations i ON i.purchase_request_id = r.id AND i.producer_id = :producer
     LEFT JOIN offers o ON o.id = (
       SELECT id FROM offers WHERE purchase_request_id = r.id AND producer_id = :producer
       ORDER BY created_at DESC, id DESC LIMIT 1)
     WHERE ${IN_INBOX_SQL}
     ORDER BY r.created_at DESC, r.id DESC
     LIMIT :limit OFFSET :offset`,
  ).all({ ...producer, limit: INBOX_PAGE_SIZE, offset: (Math.max(1, page) - 1) * INBOX_PAGE_SIZE });

  const matchesOf = prepared<{
    sku: string | null;
    slug: string | null;
    title: string | null;
    reasons: string;
  }>(
    db,
    `SELECT l.sku, l.slug, l.title, m.reasons FROM request_matches m
     LEFT JOIN listings l ON l.id = m.listing_id
     WHERE m.purchase_request_id = ? AND m.producer_id = ? ORDER BY m.rank`,
  );
  const items = rows.map((row): InboxItem => {
    const matches = matchesOf.all(row.id, producerId);
    return {
      code: row.code,
      title: row.title,
      quantity: row.quantity,
      unit: row.unit,
      neededBy: row.needed_by,
      recurrence: row.recurrence,
      deliveryLocation: row.delivery_location,
      categoryName: row.category_name,
      createdAt: row.created_at,
      invitation: row.invitation_note === null ? null : { note: row.invitation_note },
      listings: matches.flatMap((m) =>
        m.sku !== null && m.slug !== null && m.title !== null
          ? [{ sku: m.sku, slug: m.slug, title: m.title }]
          : [],
      ),
      reasons: matches[0] ? parseReasons(matches[0].reasons) : [],
      offer:
        row.offer_status === null
          ? null
          : {
              status: row.offer_status,
              priceVnd: row.offer_price ?? 0,
              quantity: row.offer_quantity ?? 0,
              unit: row.offer_unit ?? row.unit,
            },
    };
  });
  return { total, page: Math.max(1, page), perPage: INBOX_PAGE_SIZE, items };
}

/**
 * How many requests in the inbox of any of these producers wait for an answer: open,
 * visible, matched or invited, and no offer from that producer yet (a withdrawn one counts
 * as an answer: she looked and decided).
 */
export function producerInboxCount(db: Db, producerIds: readonly number[]): number {
  const count = prepared<{ n: number }>(
    db,
    `SELECT count(*) AS n FROM purchase_requests r
     WHERE ${IN_INBOX_SQL}
       AND NOT EXISTS (SELECT 1 FROM offers o
                       WHERE o.purchase_request_id = r.id AND o.producer_id = :producer)`,
  );
  return producerIds.reduce((sum, id) => sum + (count.get({ producer: id })?.n ?? 0), 0);
}

/**
 * The inbox as a member of one of the actor's producers sees it (`producerCode`, else the
 * first): which producers it may switch between, and that producer's page. A code that is
 * not one of the actor's producers is not found.
 */
export function memberInbox(
  db: Db,
  actor: SignedInActor,
  options: { producerCode?: string; page?: number },
) {
  const producers = actor.producers.map((m) => ({ code: m.producerCode, name: m.producerName }));
  const chosen = options.producerCode
    ? actor.producers.find((m) => m.producerCode === options.producerCode)
    : actor.producers[0];
  if (!chosen) throw new NotFound("demand.errors.producerNotFound");
  return {
    producers,
    producerCode: chosen.producerCode,
    inbox: producerInbox(db, chosen.producerId, options.page ?? 1),
  };
}
