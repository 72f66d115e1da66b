import { prepared, type Db } from "~db/client.server";
import type { Locale } from "~db/schema";
import { queueEmail } from "~/modules/platform/mailer.server";
import { renderNotice, type NoticeKey, type StoredMessage } from "./messages";

/**
 * The one way to tell people something (docs/decisions/012-errors-and-messages.md): `notify()`
 * writes the in-app notification (the bell) as a message key with parameters, then hands the
 * same message to the channels the caller asks for, each rendering it in the recipient's
 * language. E-mail is the first channel; SMS or Zalo are added to `channels` below.
 */

/** Who hears about it: some users, or every member of a producer. */
export type Recipients = { userIds: number[] } | { producerId: number };

export interface Recipient {
  id: number;
  email: string | null;
  locale: Locale;
}

/** What a channel gets: the recipient and the message already rendered in their language. */
export interface Delivery {
  recipient: Recipient;
  title: string;
  body: string;
  /** A path on this site, or null. */
  link: string | null;
}

/** A way out of the app besides the bell. */
export type Channel = (db: Db, delivery: Delivery) => void;

const channels = {
  /** Queued in the mailer's outbox inside the caller's transaction; sent when SMTP is set. */
  email: (db, { recipient, title, body, link }) => {
    if (!recipient.email) return;
    queueEmail(db, {
      to: recipient.email,
      subject: title,
      body: `${body}\n\n${link ?? ""}`.trim(),
    });
  },
} satisfies Record<string, Channel>;

export type ChannelName = keyof typeof channels;

export interface Notice {
  recipients: Recipients;
  /** What happened, for filtering and tests, e.g. `order.placed`. */
  kind: string;
  message: StoredMessage<NoticeKey>;
  link: string | null;
  /** Channels besides the bell; none unless asked. */
  via?: ChannelName[];
}

function recipientsOf(db: Db, recipients: Recipients): Recipient[] {
  if ("producerId" in recipients) {
    return prepared<Recipient>(
      db,
      `SELECT u.id, u.email, u.locale FROM producer_memberships m
       JOIN users u ON u.id = m.user_id WHERE m.producer_id = ? ORDER BY u.id`,
    ).all(recipients.producerId);
  }
  const statement = prepared<Recipient>(db, "SELECT id, email, locale FROM users WHERE id = ?");
  return recipients.userIds.flatMap((id) => statement.get(id) ?? []);
}

/**
 * Tells the recipients: a notification in the app for each, then each channel in `via`.
 * Runs inside the caller's transaction; returns how many people were told.
 */
export function notify(db: Db, notice: Notice): number {
  const people = recipientsOf(db, notice.recipients);
  const params = notice.message.params ?? {};
  const insert = prepared(
    db,
    "INSERT INTO notifications (user_id, kind, message_key, params, link) VALUES (?, ?, ?, ?, ?)",
  );
  for (const recipient of people) {
    insert.run(recipient.id, notice.kind, notice.message.key, JSON.stringify(params), notice.link);
    if (!notice.via?.length) continue;
    const text = renderNotice(recipient.locale, notice.message.key, params);
    for (const name of notice.via) channels[name](db, { recipient, ...text, link: notice.link });
  }
  return people.length;
}
