import { prepared, type Db } from "~db/client.server";
import type { Locale } from "~db/schema";
import { getEnv, type Env } from "~/modules/platform/env.server";
import { logger } from "~/modules/platform/logger.server";
import { queueOutbound } from "~/modules/platform/outbox.server";
import { mayText } from "./caps.server";
import { canDeliver } from "./channels/index.server";
import { writeInApp } from "./channels/in-app.server";
import { eventOfKind, type OutsideChannel } from "./events";
import { renderNotice, type NoticeKey, type StoredMessage } from "./messages";
import { chosenChannels } from "./preferences.server";

/**
 * The one way to tell people something (docs/decisions/012-errors-and-messages.md,
 * docs/decisions/029-care-channels.md): `notify()` writes the in-app notification (the bell)
 * as a message key with parameters, then queues the same message, rendered in each
 * recipient's language, for the channels outside the app she chose for this kind of event
 * (notification_preferences). All of it is rows written inside the caller's transaction; the
 * delivery queue (delivery.server.ts) sends them later, so no channel can block or fail the
 * change that caused the notice.
 */

/** Who hears about it: some users, or every member of a producer. */
export type Recipients = { userIds: number[] } | { producerId: number };

export interface Recipient {
  id: number;
  email: string | null;
  /** Only a phone she confirmed: texts never go to a number she has not proven. */
  phone: string | null;
  locale: Locale;
}

/** A way out of the app besides the bell. */
export type ChannelName = OutsideChannel;

export interface Notice {
  recipients: Recipients;
  /** What happened, for filtering, preferences and tests, e.g. `order.placed`. */
  kind: string;
  message: StoredMessage<NoticeKey>;
  link: string | null;
  /**
   * Channels besides the bell the caller sends this notice to by default. For a kind that
   * belongs to an event the user chooses channels for (events.ts), her choice wins; other
   * kinds (account and security notices, staff work alerts) go exactly here.
   */
  via?: ChannelName[];
}

export interface NotifyOptions {
  /** Which channels this server can deliver; the process's configuration by default. */
  env?: Pick<Env, "APP_MODE" | "SMS_PROVIDER" | "ZALO_PROVIDER">;
  /** The clock for the caps per phone. */
  now?: Date;
}

function recipientsOf(db: Db, recipients: Recipients): Recipient[] {
  const columns = `u.id, u.email, u.locale,
    CASE WHEN u.phone_confirmed_at IS NOT NULL THEN u.phone END AS phone`;
  if ("producerId" in recipients) {
    return prepared<Recipient>(
      db,
      `SELECT ${columns} FROM producer_memberships m
       JOIN users u ON u.id = m.user_id WHERE m.producer_id = ? ORDER BY u.id`,
    ).all(recipients.producerId);
  }
  const statement = prepared<Recipient>(db, `SELECT ${columns} FROM users u WHERE u.id = ?`);
  return recipients.userIds.flatMap((id) => statement.get(id) ?? []);
}

/** The outside channels this notice goes to for `recipient`. */
function channelsFor(db: Db, recipient: Recipient, notice: Notice): readonly OutsideChannel[] {
  const requested = notice.via ?? [];
  const event = eventOfKind(notice.kind);
  return event ? chosenChannels(db, recipient.id, event, requested) : requested;
}

/**
 * Tells the recipients: a notification in the app for each, then one queued message per
 * outside channel she gets for this notice. Runs inside the caller's transaction; returns how
 * many people were told. A channel never makes it throw: a channel that cannot take the
 * message (no address, over the cap per phone, not configured) is skipped and logged.
 */
export function notify(db: Db, notice: Notice, options: NotifyOptions = {}): number {
  const people = recipientsOf(db, notice.recipients);
  const params = notice.message.params ?? {};
  const key = notice.message.key;
  for (const recipient of people) {
    writeInApp(db, { userId: recipient.id, kind: notice.kind, key, params, link: notice.link });
    let channels: readonly OutsideChannel[];
    try {
      channels = channelsFor(db, recipient, notice);
    } catch (error) {
      logger.warn({ err: error, userId: recipient.id, kind: notice.kind }, "notice channels");
      continue;
    }
    if (channels.length === 0) continue;
    const env = options.env ?? getEnv();
    const text = renderNotice(recipient.locale, key, params);
    for (const channel of channels) {
      if (!canDeliver(env, channel)) continue;
      try {
        queueFor(
          db,
          { channel, recipient, kind: notice.kind, link: notice.link, ...text },
          options,
        );
      } catch (error) {
        logger.warn(
          { err: error, userId: recipient.id, kind: notice.kind, channel },
          "notice not queued",
        );
      }
    }
  }
  return people.length;
}

/** Queues one outside message, unless she has no address for it or a text is over the cap. */
function queueFor(
  db: Db,
  message: {
    channel: OutsideChannel;
    recipient: Recipient;
    kind: string;
    title: string;
    body: string;
    link: string | null;
  },
  options: NotifyOptions,
): void {
  const { channel, recipient, kind, title, body, link } = message;
  if (channel === "email") {
    if (!recipient.email) return;
    queueOutbound(db, {
      channel,
      to: recipient.email,
      subject: title,
      body: `${body}\n\n${link ?? ""}`.trim(),
      userId: recipient.id,
      kind,
    });
    return;
  }
  if (!recipient.phone) return;
  if (!mayText(db, { channel, phone: recipient.phone, now: options.now ?? new Date() })) {
    logger.info({ userId: recipient.id, kind, channel }, "text over the cap per phone: skipped");
    return;
  }
  queueOutbound(db, {
    channel,
    to: recipient.phone,
    body: `${title}. ${link ?? ""}`.trim(),
    userId: recipient.id,
    kind,
  });
}
