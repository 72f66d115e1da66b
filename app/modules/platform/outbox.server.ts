import { prepared, type Db } from "~db/client.server";
import type { OutboundChannel } from "~db/schema";

/**
 * The outbox of messages leaving the app (`outbound_messages`): written synchronously inside
 * the transaction of the change that caused it, so the message exists exactly when the change
 * does; a background job delivers it later with retries (app/modules/notifications/).
 */
export interface OutboundMessage {
  channel: OutboundChannel;
  /** An e-mail address, or a phone number as +84… for SMS and Zalo. */
  to: string;
  subject?: string;
  body: string;
  /** Whose message it is (scrubbed when she closes her account). */
  userId?: number | null;
  /** What caused it, e.g. `order.placed`, `auth.code`: caps per phone count by kind. */
  kind?: string | null;
}

/** Queues one message; returns its row id. */
export function queueOutbound(db: Db, message: OutboundMessage): number {
  const result = prepared(
    db,
    `INSERT INTO outbound_messages (channel, recipient, subject, body, user_id, kind)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(
    message.channel,
    message.to,
    message.subject ?? "",
    message.body,
    message.userId ?? null,
    message.kind ?? null,
  );
  return Number(result.lastInsertRowid);
}
