import { inTransaction, prepared, type Db } from "~db/client.server";
import { renderNotice } from "~/modules/notifications/messages";
import { notify } from "~/modules/notifications/notify.server";
import { queueEmail } from "~/modules/platform/mailer.server";
import { OPEN_VISIBLE_REQUEST_SQL } from "./stored-matches.server";

/**
 * The daily digest of new matches: each producer with stored matches it has not been told
 * about gets ONE notification (in the app for every member, and an e-mail to those with an
 * address and to the producer's own contact address — queued in outbound_messages, sent
 * when SMTP is configured) naming how many
 * requests and linking its inbox — never one message per request. `request_match_notices`
 * records what was told, so a request is named once; a request the producer already
 * answered is not news.
 */

export const INBOX_PATH = "/ban-hang/yeu-cau";

export interface DigestResult {
  /** Producers told. */
  producers: number;
  /** (producer, request) pairs told about. */
  requests: number;
}

/** Sends the day's digests; safe to run twice (the second run finds nothing new). */
export function sendMatchDigest(db: Db, options: { now: Date }): DigestResult {
  const pending = prepared<{
    producer_id: number;
    producer_name: string;
    producer_email: string | null;
    request_ids: string;
  }>(
    db,
    `SELECT m.producer_id, p.name AS producer_name, p.email AS producer_email,
            json_group_array(DISTINCT m.purchase_request_id) AS request_ids
     FROM request_matches m
     JOIN purchase_requests r ON r.id = m.purchase_request_id
     JOIN producers p ON p.id = m.producer_id
     WHERE ${OPEN_VISIBLE_REQUEST_SQL}
       AND NOT EXISTS (SELECT 1 FROM request_match_notices n
                       WHERE n.producer_id = m.producer_id AND n.purchase_request_id = r.id)
       AND NOT EXISTS (SELECT 1 FROM offers o
                       WHERE o.producer_id = m.producer_id AND o.purchase_request_id = r.id)
     GROUP BY m.producer_id, p.name, p.email
     ORDER BY m.producer_id`,
  ).all();
  const record = prepared(
    db,
    `INSERT OR IGNORE INTO request_match_notices (producer_id, purchase_request_id, notified_at)
     VALUES (?, ?, ?)`,
  );
  let requests = 0;
  for (const row of pending) {
    const ids = (JSON.parse(row.request_ids) as number[]).filter(Number.isInteger);
    inTransaction(db, () => {
      const message = {
        key: "demand.notice.matchDigest" as const,
        params: { count: ids.length, producer: row.producer_name },
      };
      notify(db, {
        recipients: { producerId: row.producer_id },
        kind: "demand.match_digest",
        message,
        link: INBOX_PATH,
        via: ["email"],
      });
      // The producer's own contact address hears it too, unless a member already did.
      const email = row.producer_email?.trim().toLowerCase();
      if (email && !memberEmails(db, row.producer_id).includes(email)) {
        const text = renderNotice("vi", message.key, message.params);
        queueEmail(db, { to: email, subject: text.title, body: `${text.body}\n\n${INBOX_PATH}` });
      }
      for (const id of ids) record.run(row.producer_id, id, options.now.getTime());
    });
    requests += ids.length;
  }
  return { producers: pending.length, requests };
}

function memberEmails(db: Db, producerId: number): string[] {
  return prepared<{ email: string }>(
    db,
    `SELECT lower(u.email) AS email FROM producer_memberships m JOIN users u ON u.id = m.user_id
     WHERE m.producer_id = ? AND u.email IS NOT NULL`,
  )
    .all(producerId)
    .map((row) => row.email);
}
