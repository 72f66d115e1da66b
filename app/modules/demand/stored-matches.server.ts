import { inTransaction, prepared, type Db } from "~db/client.server";
import type { MessageKey, MessageParams } from "~/lib/i18n";
import { isMessageKey } from "~/lib/i18n";
import { VISIBLE_LISTING_SQL } from "~/modules/catalog/visibility.server";
import { matchesForRequest } from "./matching.server";

/**
 * The matcher's answer kept in `request_matches` (docs/decisions/017-request-matching.md):
 * computed when a request is posted or changed, and again every day for all open requests
 * (listings change), so the request page, the producers' inboxes, the digest and the
 * staff's "no match" list read rows instead of matching on every view.
 */

/** How many matches are stored per request: what a buyer compares, and enough for the inboxes. */
export const STORED_MATCHES = 20;

/** An open request that is not hidden: the only kind that is matched and shown to producers. */
export const OPEN_VISIBLE_REQUEST_SQL = "r.status = 'open' AND r.is_hidden = 0";

export interface StoredReason {
  key: MessageKey;
  params: MessageParams;
}

export interface StoredMatch {
  rank: number;
  score: number;
  producer: { code: string; name: string };
  listing: { sku: string; slug: string; title: string } | null;
  reasons: StoredReason[];
}

/**
 * Matches a request again and replaces its stored matches; sets `matched_at`. A request
 * that is closed, fulfilled or hidden keeps no matches. Returns how many were stored.
 */
export async function refreshRequestMatches(
  db: Db,
  requestId: number,
  options: { now?: Date } = {},
): Promise<number> {
  const now = options.now ?? new Date();
  const request = prepared<{ open: number }>(
    db,
    `SELECT (${OPEN_VISIBLE_REQUEST_SQL}) AS open FROM purchase_requests r WHERE r.id = ?`,
  ).get(requestId);
  if (!request) return 0;
  const matches = request.open
    ? await matchesForRequest(db, requestId, { limit: STORED_MATCHES, now })
    : [];
  inTransaction(db, () => {
    prepared(db, "DELETE FROM request_matches WHERE purchase_request_id = ?").run(requestId);
    const insert = prepared(
      db,
      `INSERT INTO request_matches
         (purchase_request_id, producer_id, listing_id, rank, score, reasons, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    matches.forEach((match, i) => {
      insert.run(
        requestId,
        match.producer.id,
        match.listing?.id ?? null,
        i + 1,
        match.score,
        JSON.stringify(match.reasons),
        now.getTime(),
      );
    });
    prepared(db, "UPDATE purchase_requests SET matched_at = ? WHERE id = ?").run(
      now.getTime(),
      requestId,
    );
  });
  return matches.length;
}

/** Matches every open visible request again (daily: listings change); returns how many requests. */
export async function refreshOpenRequestMatches(
  db: Db,
  options: { now?: Date } = {},
): Promise<number> {
  const ids = prepared<{ id: number }>(
    db,
    `SELECT r.id FROM purchase_requests r WHERE ${OPEN_VISIBLE_REQUEST_SQL} ORDER BY r.id`,
  )
    .all()
    .map((row) => row.id);
  for (const id of ids) await refreshRequestMatches(db, id, options);
  return ids.length;
}

/** Stored reasons as the pages render them; a key the catalog no longer has is left out. */
export function parseReasons(json: string): StoredReason[] {
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((item: { key?: unknown; params?: unknown }) =>
    typeof item?.key === "string" && isMessageKey(item.key)
      ? [{ key: item.key, params: (item.params ?? {}) as MessageParams }]
      : [],
  );
}

/**
 * The stored matches of a request, best first, with the producer's and listing's public
 * names. Only listings still visible are named; a match whose listing was unpublished since
 * is left out until the next refresh.
 */
export function storedMatchesOf(db: Db, requestId: number): StoredMatch[] {
  const rows = prepared<{
    rank: number;
    score: number;
    producer_code: string;
    producer_name: string;
    sku: string | null;
    slug: string | null;
    title: string | null;
    reasons: string;
  }>(
    db,
    `SELECT m.rank, m.score, p.code AS producer_code, p.name AS producer_name,
            l.sku, l.slug, l.title, m.reasons
     FROM request_matches m
     JOIN producers p ON p.id = m.producer_id
     LEFT JOIN listings l ON l.id = m.listing_id
     WHERE m.purchase_request_id = ?
       AND (m.listing_id IS NULL OR ${VISIBLE_LISTING_SQL})
     ORDER BY m.rank`,
  ).all(requestId);
  return rows.map((row) => ({
    rank: row.rank,
    score: row.score,
    producer: { code: row.producer_code, name: row.producer_name },
    listing:
      row.sku !== null && row.slug !== null && row.title !== null
        ? { sku: row.sku, slug: row.slug, title: row.title }
        : null,
    reasons: parseReasons(row.reasons),
  }));
}
