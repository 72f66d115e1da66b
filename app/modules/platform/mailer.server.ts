import { and, asc, eq, isNull } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import { prepared, type Db } from "~db/client.server";
import { outboundMessages } from "~db/schema";
import { getEnv } from "./env.server";
import { logger } from "./logger.server";

export interface EmailMessage {
  to: string;
  subject: string;
  body: string;
}

/**
 * Queues an e-mail in `outbound_messages` (an outbox). Synchronous, so it can run inside
 * the transaction that caused it: the message exists exactly when the change does.
 * Without SMTP_URL the row is the captured copy and is never sent.
 */
export function queueEmail(db: Db, message: EmailMessage): void {
  // Prepared once per connection: e-mails are queued on the order hot path.
  prepared(
    db,
    "INSERT INTO outbound_messages (channel, recipient, subject, body) VALUES ('email', ?, ?, ?)",
  ).run(message.to, message.subject, message.body);
}

let transport: Transporter | undefined;

function smtpTransport(smtpUrl: string): Transporter {
  transport ??= nodemailer.createTransport(smtpUrl);
  return transport;
}

/**
 * Sends queued e-mails when SMTP_URL is set (otherwise they stay captured locally).
 * Each row is claimed with a conditional UPDATE first, so two server processes never
 * send the same message twice. Returns how many were sent.
 */
export async function deliverQueuedEmails(
  db: Db,
  options: { smtpUrl?: string; from?: string; limit?: number } = {},
): Promise<number> {
  const env = getEnv();
  const smtpUrl = options.smtpUrl ?? env.SMTP_URL;
  if (!smtpUrl) return 0;
  const pending = db
    .select()
    .from(outboundMessages)
    .where(and(eq(outboundMessages.channel, "email"), isNull(outboundMessages.sentAt)))
    .orderBy(asc(outboundMessages.id))
    .limit(options.limit ?? 50)
    .all();
  let sent = 0;
  for (const message of pending) {
    const claimed = db
      .update(outboundMessages)
      .set({ sentAt: new Date() })
      .where(and(eq(outboundMessages.id, message.id), isNull(outboundMessages.sentAt)))
      .run();
    if (claimed.changes !== 1) continue;
    try {
      await smtpTransport(smtpUrl).sendMail({
        from: options.from ?? env.MAIL_FROM,
        to: message.recipient,
        subject: message.subject,
        text: message.body,
      });
      sent += 1;
    } catch (error) {
      // Give the row back so the next run retries it.
      db.update(outboundMessages)
        .set({ sentAt: null })
        .where(eq(outboundMessages.id, message.id))
        .run();
      logger.warn({ err: error, messageId: message.id }, "e-mail delivery failed");
    }
  }
  return sent;
}

/** Fire-and-forget delivery after a commit; failures are logged, never thrown at the caller. */
export function deliverQueuedEmailsSoon(db: Db): void {
  if (!getEnv().SMTP_URL) return;
  void deliverQueuedEmails(db).catch((error: unknown) =>
    logger.warn({ err: error }, "e-mail delivery failed"),
  );
}
