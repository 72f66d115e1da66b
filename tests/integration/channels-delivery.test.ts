import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { ChannelAdapter, QueuedMessage } from "~/modules/notifications/channels/adapter";
import { adaptersFromEnv } from "~/modules/notifications/channels/index.server";
import {
  CLAIM_LEASE_MS,
  deliverNow,
  deliverPending,
  MAX_ATTEMPTS,
  RETRY_DELAYS_MS,
  setDeliveryAdapters,
} from "~/modules/notifications/delivery.server";
import { placeOrder } from "~/modules/orders/place-order.server";
import { queueOutbound } from "~/modules/platform/outbox.server";
import { openDatabase, openMigratedDatabase, type Db } from "~db/client.server";
import { freshDb } from "../helpers/db";
import { makeMarket, newKey, SHIPPING } from "../helpers/market";

/**
 * Issue 15's acceptance for notification channels: a channel that fails never fails the
 * change that caused the message, and the message is delivered on a later try, also after the
 * server restarts (the queue is rows of the database file).
 */

interface OutboxRow {
  id: number;
  recipient: string;
  attempts: number;
  next_attempt_at: number | null;
  last_error: string | null;
  sent_at: number | null;
  failed_at: number | null;
}

function outbox(db: Db): OutboxRow[] {
  return db.$client
    .prepare(
      `SELECT id, recipient, attempts, next_attempt_at, last_error, sent_at, failed_at
       FROM outbound_messages ORDER BY id`,
    )
    .all() as OutboxRow[];
}

function throwingEmail(): ChannelAdapter {
  return {
    channel: "email",
    kind: "provider",
    send: () => Promise.reject(new Error("SMTP server unreachable")),
  };
}

function recordingEmail(sent: QueuedMessage[]): ChannelAdapter {
  return {
    channel: "email",
    kind: "provider",
    send: (message) => {
      sent.push(message);
      return Promise.resolve();
    },
  };
}

const dirs: string[] = [];
afterEach(() => {
  setDeliveryAdapters(null);
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("an order placed while its e-mail adapter throws", () => {
  it("exists, and its e-mails wait with the error; a later try after a restart sends them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "channels-"));
    dirs.push(dir);
    const file = join(dir, "app.db");
    let db = openMigratedDatabase(file);
    const m = makeMarket(db);
    setDeliveryAdapters({ email: throwingEmail() });

    const placedAt = Date.now();
    const result = placeOrder(db, {
      buyerUserId: m.buyer.id,
      items: [
        { sku: "SP0001", qty: 1 },
        { sku: "SP0003", qty: 1 },
      ],
      shipping: SHIPPING,
      delivery: { SXA: "delivery" },
      paymentMethod: "cod",
      idempotency: { scope: "test", key: newKey() },
    });
    expect(result.orders).toHaveLength(2);
    // The order's "deliver soon" ran in the background with the throwing adapter.
    await new Promise((resolve) => setImmediate(resolve));
    await deliverNow(db);

    const orderCount = db.$client.prepare("SELECT count(*) FROM orders").pluck().get();
    expect(orderCount).toBe(2);
    const bell = db.$client
      .prepare("SELECT count(*) FROM notifications WHERE kind = 'order.placed'")
      .pluck()
      .get() as number;
    expect(bell).toBeGreaterThanOrEqual(3);
    const waiting = outbox(db);
    expect(waiting.map((row) => row.recipient)).toEqual(
      expect.arrayContaining(["mua@example.vn", "a@example.vn", "b@example.vn"]),
    );
    for (const row of waiting) {
      expect(row).toMatchObject({
        attempts: 1,
        last_error: "SMTP server unreachable",
        sent_at: null,
        failed_at: null,
      });
      expect(row.next_attempt_at).toBeGreaterThanOrEqual(placedAt + RETRY_DELAYS_MS[0]);
    }

    // The server stops and starts again: a new handle on the same file.
    db.$client.close();
    db = openDatabase(file);
    const sent: QueuedMessage[] = [];
    const adapters = { email: recordingEmail(sent) };
    // Not due yet: the backoff holds.
    expect(await deliverPending(db, { adapters })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const later = new Date(Date.now() + RETRY_DELAYS_MS[0] + 1000);
    const run = await deliverPending(db, { adapters, now: () => later });
    expect(run).toEqual({ sent: waiting.length, retrying: 0, failed: 0 });
    expect(sent.map((message) => message.recipient).sort()).toEqual(
      waiting.map((row) => row.recipient).sort(),
    );
    for (const row of outbox(db)) {
      expect(row).toMatchObject({ attempts: 2, last_error: null, failed_at: null });
      expect(row.sent_at).toBe(later.getTime());
    }
    // Sent once: another run finds nothing.
    expect(await deliverPending(db, { adapters, now: () => later })).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
    db.$client.close();
  });
});

describe("the delivery queue", () => {
  it("waits longer after each failure and gives up after the last try", async () => {
    const db = freshDb();
    const id = queueOutbound(db, { channel: "sms", to: "+84900000001", body: "Đơn mới" });
    const failing: ChannelAdapter = {
      channel: "sms",
      kind: "provider",
      send: () => Promise.reject(new Error("gateway 503")),
    };
    let clock = Date.now();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const run = await deliverPending(db, {
        adapters: { sms: failing },
        now: () => new Date(clock),
      });
      const row = outbox(db).find((r) => r.id === id)!;
      expect(row.attempts).toBe(attempt);
      expect(row.last_error).toBe("gateway 503");
      if (attempt < MAX_ATTEMPTS) {
        expect(run).toEqual({ sent: 0, retrying: 1, failed: 0 });
        const delay = RETRY_DELAYS_MS[attempt - 1]!;
        expect(row.next_attempt_at).toBe(clock + delay);
        // One millisecond early is still too early.
        clock += delay - 1;
        expect(
          await deliverPending(db, { adapters: { sms: failing }, now: () => new Date(clock) }),
        ).toEqual({ sent: 0, retrying: 0, failed: 0 });
        clock += 1;
      } else {
        expect(run).toEqual({ sent: 0, retrying: 0, failed: 1 });
        expect(row.failed_at).toBe(clock);
        expect(row.next_attempt_at).toBeNull();
      }
    }
    // Given up: never tried again.
    const far = new Date(clock + 30 * 24 * 60 * 60 * 1000);
    expect(await deliverPending(db, { adapters: { sms: failing }, now: () => far })).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
  });

  it("takes a row back from a process that died mid-send once its lease ends", async () => {
    const db = freshDb();
    const id = queueOutbound(db, { channel: "email", to: "lan@example.vn", body: "Xin chào" });
    const now = Date.now();
    // What a claim leaves behind when the process dies before recording the outcome.
    db.$client
      .prepare("UPDATE outbound_messages SET attempts = 1, next_attempt_at = ? WHERE id = ?")
      .run(now + CLAIM_LEASE_MS, id);
    const sent: QueuedMessage[] = [];
    const adapters = { email: recordingEmail(sent) };
    expect((await deliverPending(db, { adapters, now: () => new Date(now) })).sent).toBe(0);
    const after = new Date(now + CLAIM_LEASE_MS);
    expect((await deliverPending(db, { adapters, now: () => after })).sent).toBe(1);
    expect(sent).toHaveLength(1);
    expect(outbox(db)[0]).toMatchObject({ attempts: 2, sent_at: after.getTime() });
  });

  it("sends only channels it has an adapter for; the captures count as delivered", async () => {
    const db = freshDb();
    queueOutbound(db, { channel: "email", to: "lan@example.vn", body: "Thư" });
    queueOutbound(db, { channel: "sms", to: "+84900000001", body: "Tin" });
    queueOutbound(db, { channel: "zalo", to: "+84900000001", body: "Zalo" });
    const demo = adaptersFromEnv({
      APP_MODE: "demo",
      SMTP_URL: undefined,
      MAIL_FROM: "x@example.vn",
      SMS_PROVIDER: "capture",
      ZALO_PROVIDER: "none",
    });
    expect(Object.keys(demo).sort()).toEqual(["email", "sms"]);
    expect(await deliverPending(db, { adapters: demo })).toEqual({
      sent: 2,
      retrying: 0,
      failed: 0,
    });
    const rows = db.$client
      .prepare("SELECT channel, sent_at IS NOT NULL AS sent FROM outbound_messages ORDER BY id")
      .all();
    expect(rows).toEqual([
      { channel: "email", sent: 1 },
      { channel: "sms", sent: 1 },
      { channel: "zalo", sent: 0 },
    ]);
    // Live without SMTP: no e-mail adapter, so e-mails wait instead of counting as sent.
    const live = adaptersFromEnv({
      APP_MODE: "live",
      SMTP_URL: undefined,
      MAIL_FROM: "x@example.vn",
      SMS_PROVIDER: undefined,
      ZALO_PROVIDER: "capture",
    });
    expect(Object.keys(live)).toEqual(["zalo"]);
  });
});
