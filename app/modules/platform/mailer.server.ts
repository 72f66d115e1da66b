import type { Db } from "~db/client.server";
import { queueOutbound } from "./outbox.server";

/**
 * E-mail as the rest of the app asks for it: a row of the one outbox, sent by the one delivery
 * queue (app/modules/notifications/delivery.server.ts), which sends e-mail, SMS and Zalo alike
 * with retries and backoff. The queue lives above this layer, so it hands its "deliver soon"
 * here when it starts (setDeliverySoon); until then queued rows wait for the periodic run.
 */

export interface EmailMessage {
  to: string;
  subject: string;
  body: string;
}

/**
 * Queues an e-mail in `outbound_messages`. Synchronous, so it can run inside the transaction
 * that caused it: the message exists exactly when the change does.
 */
export function queueEmail(db: Db, message: EmailMessage): void {
  queueOutbound(db, { channel: "email", ...message });
}

let deliverySoon: ((db: Db) => void) | null = null;

/** The delivery queue's trigger after a commit (registered by the queue when it starts). */
export function setDeliverySoon(trigger: ((db: Db) => void) | null): void {
  deliverySoon = trigger;
}

/**
 * After a commit: asks the delivery queue to run soon. Never waits and never throws; without a
 * running queue the rows wait for the next periodic run.
 */
export function deliverQueuedEmailsSoon(db: Db): void {
  try {
    deliverySoon?.(db);
  } catch {
    // The queue's periodic run sends the rows later; the caller's change is already committed.
  }
}
