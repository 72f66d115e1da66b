import type { OutboundChannel } from "~db/schema";

/**
 * One interface for every way a message leaves the app (docs/decisions/029-care-channels.md).
 * The queue runner (../delivery.server.ts) hands an adapter one queued row at a time; `send`
 * resolves when the message is handed over and throws when it could not be, and the runner
 * retries it later with backoff.
 */

/** A queued row of `outbound_messages`, as an adapter sees it. */
export interface QueuedMessage {
  id: number;
  channel: OutboundChannel;
  /** An e-mail address, or a phone number as +84… for SMS and Zalo. */
  recipient: string;
  subject: string;
  body: string;
}

export interface ChannelAdapter {
  channel: OutboundChannel;
  /** "capture": the stored row is the copy and counts as delivered (demo, tests). */
  kind: "capture" | "provider";
  send(message: QueuedMessage): Promise<void>;
}
