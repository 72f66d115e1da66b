import { beforeEach, describe, expect, it, vi } from "vitest";
import { createSession } from "~/modules/auth/session.server";
import { TEXTS_PER_PHONE_PER_HOUR } from "~/modules/notifications/caps.server";
import { notify, type Notice } from "~/modules/notifications/notify.server";
import {
  eventsFor,
  getPreferences,
  savePreferences,
  type PreferencesEnv,
} from "~/modules/notifications/preferences.server";
import { setDbForTests } from "~/modules/platform/db.server";
import { action, loader } from "~/routes/tai-khoan_.thong-bao";
import { freshDb, type Db } from "../helpers/db";
import { makeMarket } from "../helpers/market";

// The page offers texts only with an SMS provider: the capture stand-in, set before env is read.
vi.hoisted(() => {
  process.env.SMS_PROVIDER = "capture";
});

/**
 * Each user's choice of channels per event (issue 15, notification channels): the page's
 * table and its plain form, and notify() queueing one message per chosen outside channel,
 * with texts only to a confirmed phone and capped per phone.
 */

const ORIGIN = "http://localhost:3000";
const SMS_ONLY: PreferencesEnv = {
  APP_MODE: "demo",
  SMS_PROVIDER: "capture",
  ZALO_PROVIDER: "none",
};
const ALL: PreferencesEnv = { APP_MODE: "demo", SMS_PROVIDER: "capture", ZALO_PROVIDER: "capture" };
const NONE: PreferencesEnv = { APP_MODE: "live", SMS_PROVIDER: "none", ZALO_PROVIDER: "none" };

let db: Db;
let m: ReturnType<typeof makeMarket>;
beforeEach(() => {
  db = freshDb();
  setDbForTests(db);
  m = makeMarket(db);
  // Member A confirmed her phone; the buyer gave one but never confirmed it.
  const setPhone = db.$client.prepare(
    "UPDATE users SET phone = ?, phone_confirmed_at = ? WHERE id = ?",
  );
  setPhone.run("+84900000011", Date.now(), m.memberA.id);
  setPhone.run("+84900000012", null, m.buyer.id);
});

function outbox(): { channel: string; recipient: string; kind: string | null; body: string }[] {
  return db.$client
    .prepare("SELECT channel, recipient, kind, body FROM outbound_messages ORDER BY id")
    .all() as { channel: string; recipient: string; kind: string | null; body: string }[];
}

function bell(userId: number): number {
  return db.$client
    .prepare("SELECT count(*) FROM notifications WHERE user_id = ?")
    .pluck()
    .get(userId) as number;
}

const newOrder = (code: string): Notice => ({
  recipients: { producerId: m.producerA.id },
  kind: "order.placed",
  message: { key: "notice.order.producer.placed", params: { code } },
  link: "/ban-hang/don-hang/1",
  via: ["email"],
});

function choose(userId: number, env: PreferencesEnv, fields: string[], producerCount = 1) {
  savePreferences(db, userId, { events: eventsFor({ producerCount }), env }, fields);
}

describe("notify() and the choices", () => {
  it("without a choice sends e-mail where its caller does, and nothing else", () => {
    notify(db, newOrder("DH0001"), { env: SMS_ONLY });
    expect(outbox()).toEqual([
      expect.objectContaining({
        channel: "email",
        recipient: "a@example.vn",
        kind: "order.placed",
      }),
    ]);
    expect(bell(m.memberA.id)).toBe(1);
  });

  it("follows her choice: a text for a new order instead of the e-mail", () => {
    choose(m.memberA.id, SMS_ONLY, ["order_new.sms", "order_status.email"]);
    notify(db, newOrder("DH0002"), { env: SMS_ONLY });
    expect(outbox()).toEqual([
      expect.objectContaining({ channel: "sms", recipient: "+84900000011", kind: "order.placed" }),
    ]);
    expect(outbox()[0]?.body).toContain("DH0002");
    // No SMS provider: the text is not queued; the bell still rings.
    notify(db, newOrder("DH0003"), { env: NONE });
    expect(outbox()).toHaveLength(1);
    expect(bell(m.memberA.id)).toBe(2);
  });

  it("sends Zalo for any event when a Zalo provider is configured and she chose it", () => {
    choose(m.memberA.id, ALL, ["moderation.zalo"]);
    notify(
      db,
      {
        recipients: { userIds: [m.memberA.id] },
        kind: "listing.approve",
        message: { key: "notice.listing.approve", params: { title: "Hồ tiêu" } },
        link: null,
      },
      { env: ALL },
    );
    expect(outbox()).toEqual([
      expect.objectContaining({ channel: "zalo", recipient: "+84900000011" }),
    ]);
  });

  it("never texts a phone she has not confirmed", () => {
    // The buyer's phone is unconfirmed, so the page does not even offer her a text…
    expect(() => choose(m.buyer.id, SMS_ONLY, ["order_new.sms"], 0)).toThrow();
    // …and a choice stored before she lost the confirmation sends nothing.
    db.$client
      .prepare(
        "INSERT INTO notification_preferences (user_id, event, channel, enabled) VALUES (?, 'order_new', 'sms', 1)",
      )
      .run(m.buyer.id);
    notify(
      db,
      { ...newOrder("DH0004"), recipients: { userIds: [m.buyer.id] }, via: [] },
      { env: SMS_ONLY },
    );
    expect(outbox()).toEqual([]);
    expect(bell(m.buyer.id)).toBe(1);
  });

  it("caps texts per phone: over the cap it skips the text and still rings the bell", () => {
    choose(m.memberA.id, SMS_ONLY, ["order_new.sms"]);
    const now = new Date();
    for (let i = 0; i <= TEXTS_PER_PHONE_PER_HOUR; i++) {
      notify(db, newOrder(`DH01${i}`), { env: SMS_ONLY, now });
    }
    expect(outbox().filter((row) => row.channel === "sms")).toHaveLength(TEXTS_PER_PHONE_PER_HOUR);
    expect(bell(m.memberA.id)).toBe(TEXTS_PER_PHONE_PER_HOUR + 1);
    // One-time codes do not count against it.
    db.$client
      .prepare(
        "INSERT INTO outbound_messages (channel, recipient, body, kind) VALUES ('sms', '+84900000011', 'Mã: 123456', 'auth.code')",
      )
      .run();
    // An hour later there is room again (within the daily cap).
    const later = new Date(now.getTime() + 61 * 60 * 1000);
    notify(db, newOrder("DH0199"), { env: SMS_ONLY, now: later });
    expect(outbox().filter((row) => row.kind === "order.placed")).toHaveLength(
      TEXTS_PER_PHONE_PER_HOUR + 1,
    );
  });

  it("never throws because of a channel: the bell is written even when queueing fails", () => {
    db.$client.exec("DROP TABLE outbound_messages");
    expect(notify(db, newOrder("DH0005"), { env: SMS_ONLY })).toBe(1);
    expect(bell(m.memberA.id)).toBe(1);
  });
});

async function page(cookie: string, query = "") {
  return loader({
    request: new Request(`${ORIGIN}/tai-khoan/thong-bao${query}`, { headers: { Cookie: cookie } }),
    params: {},
    context: { clientIp: "127.0.0.1" },
  });
}

async function save(cookie: string, fields: string[], origin = ORIGIN) {
  const body = new URLSearchParams(fields.map((field) => ["kenh", field]));
  const request = new Request(`${ORIGIN}/tai-khoan/thong-bao`, {
    method: "POST",
    headers: {
      Cookie: cookie,
      Origin: origin,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: body.toString(),
  });
  try {
    return statusOf(await action({ request, params: {}, context: { clientIp: "127.0.0.1" } }));
  } catch (thrown) {
    return statusOf(thrown);
  }
}

function statusOf(value: unknown): { status: number; location: string | null } {
  if (value instanceof Response) {
    return { status: value.status, location: value.headers.get("Location") };
  }
  if (typeof value === "object" && value !== null && "init" in value) {
    const init = (value as { init: ResponseInit | null }).init;
    return { status: init?.status ?? 200, location: null };
  }
  throw value;
}

function storedChoices(userId: number) {
  return db.$client
    .prepare(
      "SELECT event, channel, enabled FROM notification_preferences WHERE user_id = ? ORDER BY event, channel",
    )
    .all(userId);
}

describe("/tai-khoan/thong-bao", () => {
  it("sends an anonymous visitor to log in", async () => {
    const answer = await page("").catch((thrown: unknown) => thrown);
    expect(answer).toBeInstanceOf(Response);
    expect((answer as Response).headers.get("Location")).toMatch(/^\/dang-nhap/);
  });

  it("shows a producer's member all six events, e-mail by default, SMS only for new orders", async () => {
    const { cookie } = await createSession(db, m.memberA.id);
    const { view, saved } = await page(cookie);
    expect(saved).toBe(false);
    expect(view.rows.map((row) => row.event)).toEqual([
      "order_new",
      "order_status",
      "request_match",
      "offer",
      "moderation",
      "certificate_expiry",
    ]);
    // This file configures the SMS stand-in; Zalo has no provider.
    expect(view.channels).toEqual(["email", "sms"]);
    const cell = (event: string, channel: string) =>
      view.rows.find((row) => row.event === event)?.cells.find((c) => c.channel === channel);
    expect(cell("order_new", "email")).toMatchObject({ offered: true, checked: true });
    expect(cell("order_new", "sms")).toMatchObject({ offered: true, checked: false });
    expect(cell("order_status", "sms")).toMatchObject({ offered: false, checked: false });
    expect(cell("moderation", "email")).toMatchObject({ offered: true, checked: false });
  });

  it("saves the boxes with a plain form post, says so, and refuses a box it did not offer", async () => {
    const { cookie } = await createSession(db, m.memberA.id);
    const saved = await save(cookie, ["order_new.sms", "moderation.email"]);
    expect(saved).toEqual({ status: 303, location: "/tai-khoan/thong-bao?da-luu=1" });
    const after = await page(cookie, "?da-luu=1");
    expect(after.saved).toBe(true);
    const checked = after.view.rows.flatMap((row) =>
      row.cells.filter((c) => c.checked).map((c) => c.field),
    );
    expect(checked).toEqual(["order_new.sms", "moderation.email"]);
    const before = storedChoices(m.memberA.id);
    expect(before).toContainEqual({ event: "order_new", channel: "email", enabled: 0 });

    // SMS for anything but a new order, Zalo without a provider, a made-up field: 400.
    for (const fields of [["order_status.sms"], ["order_new.zalo"], ["order_new.fax"], ["x"]]) {
      expect((await save(cookie, ["order_new.email", ...fields])).status).toBe(400);
    }
    expect(storedChoices(m.memberA.id)).toEqual(before);
    expect((await save(cookie, ["order_new.email"], "https://evil.example")).status).toBe(403);
    expect(storedChoices(m.memberA.id)).toEqual(before);
  });

  it("shows each user only her own choices", async () => {
    const a = await createSession(db, m.memberA.id);
    const b = await createSession(db, m.memberB.id);
    await save(a.cookie, ["order_new.sms"]);
    const hers = await page(b.cookie);
    const checked = hers.view.rows.flatMap((row) =>
      row.cells.filter((c) => c.checked).map((c) => c.field),
    );
    expect(checked).toEqual([
      "order_new.email",
      "order_status.email",
      "request_match.email",
      "offer.email",
    ]);
    expect(storedChoices(m.memberB.id)).toEqual([]);
    // A buyer sees the three events that concern a buyer; with no confirmed phone, no texts.
    const buyer = await createSession(db, m.buyer.id);
    const view = (await page(buyer.cookie)).view;
    expect(view.rows.map((row) => row.event)).toEqual(["order_new", "order_status", "offer"]);
    expect(view.reach).toEqual({ hasEmail: true, hasConfirmedPhone: false });
    expect(view.rows[0]?.cells.find((c) => c.channel === "sms")?.offered).toBe(false);
    expect(getPreferences(db, m.buyer.id, ["order_new"], NONE).channels).toEqual(["email"]);
  });
});
