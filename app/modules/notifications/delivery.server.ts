import { prepared, type Db } from "~db/client.server";
import type { OutboundChannel } from "~db/schema";
import { getEnv } from "~/modules/platform/env.server";
import { logger } from "~/modules/platform/logger.server";
import { setDeliverySoon } from "~/modules/platform/mailer.server";
import { adaptersFromEnv, type ChannelAdapter, type QueuedMessage } from "./channels/index.server";

/**
 * The delivery queue (docs/decisions/029-care-channels.md): notify() and queueOutbound() only
 * write rows of `outbound_messages` inside the caller's transaction; this runner sends the
 * pending ones later with the adapter of their channel. A failure is retried with backoff and
 * given up after the last try; the action that caused the message never waits for it.
 */

/** Waits after the 1st, 2nd, … failed try; after the last one the message is given up. */
export const RETRY_DELAYS_MS = [
  60_000, // 1 min
  5 * 60_000,
  30 * 60_000,
  2 * 60 * 60_000,
  6 * 60 * 60_000,
  12 * 60 * 60_000,
] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/**
 * How long a claimed row is held by the process sending it. A process that dies mid-send
 * lets it go when this passes, and another run tries again (at least once, never in parallel).
 */
export const CLAIM_LEASE_MS = 5 * 60_000;

export type Adapters = Partial<Record<OutboundChannel, ChannelAdapter>>;

export interface DeliveryRun {
  sent: number;
  /** Failed this time, to be retried later. */
  retrying: number;
  /** Failed for the last time. */
  failed: number;
}

/** The wait after the `attempts`-th failed try, or null when there is no next try. */
export function retryDelayMs(attempts: number): number | null {
  return attempts >= MAX_ATTEMPTS ? null : (RETRY_DELAYS_MS[attempts - 1] ?? null);
}

/**
 * Sends up to `limit` pending messages whose channel has an adapter: not sent, not given up,
 * and due (`next_attempt_at` null or past). Each row is claimed with one guarded UPDATE, so two
 * processes on one database never send the same message at the same time.
 */
export async function deliverPending(
  db: Db,
  options: { adapters: Adapters; now?: () => Date; limit?: number },
): Promise<DeliveryRun> {
  const channels = Object.keys(options.adapters) as OutboundChannel[];
  const run: DeliveryRun = { sent: 0, retrying: 0, failed: 0 };
  if (channels.length === 0) return run;
  const now = options.now ?? (() => new Date());
  const due = prepared<QueuedMessage>(
    db,
    `SELECT id, channel, recipient, subject, body FROM outbound_messages
     WHERE sent_at IS NULL AND failed_at IS NULL
       AND channel IN (SELECT value FROM json_each(?))
       AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
     ORDER BY id LIMIT ?`,
  ).all(JSON.stringify(channels), now().getTime(), options.limit ?? 100);
  for (const message of due) {
    const adapter = options.adapters[message.channel];
    if (!adapter || !claim(db, message.id, now())) continue;
    try {
      await adapter.send(message);
      markSent(db, message.id, now());
      run.sent += 1;
    } catch (error) {
      const gaveUp = markFailedTry(db, message.id, now(), error);
      if (gaveUp) run.failed += 1;
      else run.retrying += 1;
      logger.warn(
        { err: error, messageId: message.id, channel: message.channel, gaveUp },
        "message delivery failed",
      );
    }
  }
  return run;
}

/** Takes the row for this process: counts the try and holds it for the lease. */
function claim(db: Db, id: number, at: Date): boolean {
  return (
    prepared(
      db,
      `UPDATE outbound_messages SET attempts = attempts + 1, next_attempt_at = ?
       WHERE id = ? AND sent_at IS NULL AND failed_at IS NULL
         AND (next_attempt_at IS NULL OR next_attempt_at <= ?)`,
    ).run(at.getTime() + CLAIM_LEASE_MS, id, at.getTime()).changes === 1
  );
}

function markSent(db: Db, id: number, at: Date): void {
  prepared(
    db,
    "UPDATE outbound_messages SET sent_at = ?, next_attempt_at = NULL, last_error = NULL WHERE id = ?",
  ).run(at.getTime(), id);
}

/** Records a failed try: the next one after the backoff, or given up. Returns whether given up. */
function markFailedTry(db: Db, id: number, at: Date, error: unknown): boolean {
  const row = prepared<{ attempts: number }>(
    db,
    "SELECT attempts FROM outbound_messages WHERE id = ?",
  ).get(id);
  const delay = retryDelayMs(row?.attempts ?? MAX_ATTEMPTS);
  const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  prepared(
    db,
    `UPDATE outbound_messages SET last_error = ?, next_attempt_at = ?, failed_at = ?
     WHERE id = ?`,
  ).run(
    reason,
    delay === null ? null : at.getTime() + delay,
    delay === null ? at.getTime() : null,
    id,
  );
  return delay === null;
}

let configured: Adapters | null = null;

/**
 * Sets the adapters of this process instead of the configuration's (a provider wired at
 * start-up, or a test's adapter that fails); null goes back to adaptersFromEnv.
 */
export function setDeliveryAdapters(adapters: Adapters | null): void {
  configured = adapters;
  setDeliverySoon(adapters ? deliverSoon : null);
}

/** The adapters this process delivers with. */
export function processAdapters(): Adapters {
  return configured ?? adaptersFromEnv(getEnv());
}

let inFlight: Promise<unknown> | null = null;

/**
 * One delivery run with this process's adapters, unless one is already running in this
 * process (then it waits for that one). Never throws: failures are logged.
 */
export function deliverNow(db: Db): Promise<void> {
  if (inFlight) return inFlight.then(() => undefined);
  const running = deliverPending(db, { adapters: processAdapters() })
    .then((result) => {
      if (result.sent + result.retrying + result.failed > 0) logger.info(result, "outbox ran");
    })
    .catch((error: unknown) => logger.error({ err: error }, "outbox run failed"))
    .finally(() => {
      inFlight = null;
    });
  inFlight = running;
  return running;
}

/**
 * After a commit: deliver soon, in the background, when a real provider is configured (the
 * captures are left to the periodic job). The caller never waits and never sees a failure.
 */
export function deliverSoon(db: Db): void {
  if (!Object.values(processAdapters()).some((adapter) => adapter.kind === "provider")) return;
  setImmediate(() => void deliverNow(db));
}

/** The periodic delivery job of a server process (server/background-jobs.ts). */
export function scheduleDelivery(db: Db, intervalMs = 30_000): () => void {
  setDeliverySoon(deliverSoon);
  void deliverNow(db);
  const timer = setInterval(() => void deliverNow(db), intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    setDeliverySoon(null);
  };
}
