import { and, desc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  auditLog,
  notifications,
  oneTimeCodes,
  outboundMessages,
  producers,
  sessions,
  users,
} from "~db/schema";
import { Forbidden, NotFound } from "~/lib/errors";
import { createUser } from "~/modules/auth/accounts.server";
import {
  checkCode,
  consumeCode,
  issueCode,
  MAX_CODE_ATTEMPTS,
} from "~/modules/auth/one-time-codes.server";
import { verifyPassword } from "~/modules/auth/passwords.server";
import {
  completeSignUp,
  confirmPhone,
  PhoneNotConfirmed,
  requirePhoneConfirmed,
  sendPhoneCode,
} from "~/modules/auth/phone-confirmation.server";
import {
  issueStaffResetCode,
  requestPasswordReset,
  resetPasswordWithCode,
  resetPasswordWithEmailToken,
} from "~/modules/auth/recovery.server";
import { createSession } from "~/modules/auth/session.server";
import { freshDb, type Db } from "../helpers/db";
import { makeMarket } from "../helpers/market";

// These rules only apply with an SMS provider: the capture stand-in, set before env is read.
vi.hoisted(() => {
  process.env.SMS_PROVIDER = "capture";
});

/**
 * The recovery rules on a fresh database: codes (hash only, 6 digits / 8 characters, expiry,
 * single use, 5 wrong tries, superseded, bound to one account), the code rate limits, staff
 * codes limited to the staff member's subtree, new passwords ending all sessions, and phone
 * confirmation.
 */

const NEW_PASSWORD = "Nước mắm Cửa Việt thơm";
let db: Db;
let market: ReturnType<typeof makeMarket>;
let lanId: number;
let maiId: number;
const LAN_PHONE = "+84912000111";
const MAI_PHONE = "+84912000222";

const minutes = (n: number) => n * 60 * 1000;
const lastSms = (to: string) =>
  db
    .select()
    .from(outboundMessages)
    .where(eq(outboundMessages.recipient, to))
    .orderBy(desc(outboundMessages.id))
    .get();
const codeIn = (body: string | undefined) => /\b(\d{6})\b/.exec(body ?? "")?.[1] ?? "";

beforeEach(async () => {
  db = freshDb();
  market = makeMarket(db);
  // Lan: owner of producer A (commune 2); Mai: owner of producer B, moved to another commune.
  db.update(users).set({ phone: LAN_PHONE }).where(eq(users.id, market.memberA.id)).run();
  db.update(users).set({ phone: MAI_PHONE }).where(eq(users.id, market.memberB.id)).run();
  db.$client
    .prepare(
      "INSERT INTO org_units (id, code, name, level, parent_id, path) VALUES (3, 'T-Y', 'xã Khác', 'commune', 1, '/1/3/')",
    )
    .run();
  db.update(producers).set({ orgUnitId: 3 }).where(eq(producers.id, market.producerB.id)).run();
  lanId = market.memberA.id;
  maiId = market.memberB.id;
});

describe("one-time codes", () => {
  it("stores only a hash of a 6-digit SMS code that lives 15 minutes", () => {
    const now = new Date("2026-12-05T01:00:00Z");
    const issued = issueCode(db, { userId: lanId, purpose: "password_reset", channel: "sms" }, now);
    expect(issued.code).toMatch(/^\d{6}$/);
    expect(issued.expiresAt.getTime() - now.getTime()).toBe(minutes(15));
    const row = db.select().from(oneTimeCodes).where(eq(oneTimeCodes.id, issued.id)).get();
    expect(row?.codeHash).not.toContain(issued.code);
    expect(row?.codeHash).toMatch(/^[0-9a-f]{32}:[0-9a-f]{64}$/);
    const at = new Date(now.getTime() + minutes(14));
    expect(
      checkCode(db, { userId: lanId, purpose: "password_reset", code: issued.code }, at).ok,
    ).toBe(true);
    const late = new Date(now.getTime() + minutes(15) + 1000);
    expect(
      checkCode(db, { userId: lanId, purpose: "password_reset", code: issued.code }, late),
    ).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("locks the code after 5 wrong tries: even the right code is refused then", () => {
    const issued = issueCode(db, { userId: lanId, purpose: "password_reset", channel: "sms" });
    const wrong = issued.code === "000000" ? "111111" : "000000";
    const reasons = Array.from({ length: MAX_CODE_ATTEMPTS }, () => {
      const check = checkCode(db, { userId: lanId, purpose: "password_reset", code: wrong });
      return check.ok ? "ok" : check.reason;
    });
    expect(reasons).toEqual(["wrong", "wrong", "wrong", "wrong", "locked"]);
    expect(checkCode(db, { userId: lanId, purpose: "password_reset", code: issued.code })).toEqual({
      ok: false,
      reason: "locked",
    });
    const row = db.select().from(oneTimeCodes).where(eq(oneTimeCodes.id, issued.id)).get();
    expect(row?.lockedAt).toBeInstanceOf(Date);
  });

  it("works once, never for another account, and a newer code replaces the older one", () => {
    const first = issueCode(db, { userId: lanId, purpose: "password_reset", channel: "sms" });
    // Mai's account knows nothing of Lan's code.
    expect(checkCode(db, { userId: maiId, purpose: "password_reset", code: first.code }).ok).toBe(
      false,
    );
    const second = issueCode(db, { userId: lanId, purpose: "password_reset", channel: "sms" });
    if (first.code !== second.code) {
      expect(checkCode(db, { userId: lanId, purpose: "password_reset", code: first.code }).ok).toBe(
        false,
      );
    }
    const check = checkCode(db, { userId: lanId, purpose: "password_reset", code: second.code });
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(consumeCode(db, check.codeId)).toBe(true);
    expect(consumeCode(db, check.codeId)).toBe(false);
    expect(checkCode(db, { userId: lanId, purpose: "password_reset", code: second.code })).toEqual({
      ok: false,
      reason: "used",
    });
    // The replaced code row was expired at once.
    const old = db.select().from(oneTimeCodes).where(eq(oneTimeCodes.id, first.id)).get();
    expect(old?.expiresAt.getTime()).toBeLessThanOrEqual(Date.now());
  });
});

describe("forgot password", () => {
  it("sends an SMS code, sets the new password with it and ends every session", async () => {
    await createSession(db, lanId);
    await createSession(db, lanId);
    const sent = requestPasswordReset(db, {
      identifier: { kind: "phone", value: LAN_PHONE },
      ip: "203.0.113.1",
      origin: "http://localhost",
    });
    expect(sent).toEqual({ ok: true });
    const sms = lastSms(LAN_PHONE);
    expect(sms?.channel).toBe("sms");
    expect(sms?.kind).toBe("auth.code");
    const outcome = await resetPasswordWithCode(db, {
      phone: LAN_PHONE,
      code: codeIn(sms?.body),
      newPassword: NEW_PASSWORD,
      ip: "203.0.113.1",
    });
    expect(outcome).toEqual({ ok: true, userId: lanId });
    expect(db.select().from(sessions).where(eq(sessions.userId, lanId)).all()).toHaveLength(0);
    const user = db.select().from(users).where(eq(users.id, lanId)).get();
    expect(await verifyPassword(user?.passwordHash ?? "", NEW_PASSWORD)).toBe(true);
    const again = await resetPasswordWithCode(db, {
      phone: LAN_PHONE,
      code: codeIn(sms?.body),
      newPassword: "Một mật khẩu khác hẳn 2026",
      ip: "203.0.113.1",
    });
    expect(again).toEqual({ ok: false, reason: "code", check: "used" });
  });

  it("answers the same for an unknown account and sends nothing", () => {
    const before = db.select().from(outboundMessages).all().length;
    const sent = requestPasswordReset(db, {
      identifier: { kind: "phone", value: "+84987000999" },
      ip: "203.0.113.2",
      origin: "http://localhost",
    });
    expect(sent).toEqual({ ok: true });
    expect(db.select().from(outboundMessages).all()).toHaveLength(before);
  });

  it("e-mails a link whose token resets the password once", async () => {
    db.update(users).set({ email: "lan@example.vn" }).where(eq(users.id, lanId)).run();
    requestPasswordReset(db, {
      identifier: { kind: "email", value: "lan@example.vn" },
      ip: "203.0.113.3",
      origin: "http://localhost:3000",
    });
    const mail = lastSms("lan@example.vn");
    const token = decodeURIComponent(/ma=([^\s]+)/.exec(mail?.body ?? "")?.[1] ?? "");
    expect(mail?.body).toContain("/dat-lai-mat-khau?ma=");
    const ok = await resetPasswordWithEmailToken(db, { token, newPassword: NEW_PASSWORD, ip: "x" });
    expect(ok).toEqual({ ok: true, userId: lanId });
    const again = await resetPasswordWithEmailToken(db, {
      token,
      newPassword: NEW_PASSWORD,
      ip: "x",
    });
    expect(again.ok).toBe(false);
  });

  it("limits codes: 3 per 15 minutes per phone, 10 an hour per address", () => {
    const now = new Date("2026-12-05T02:00:00Z");
    const ask = (value: string, ip: string, at = now) =>
      requestPasswordReset(db, { identifier: { kind: "phone", value }, ip, origin: "x" }, at);
    expect([1, 2, 3].map(() => ask(LAN_PHONE, "198.51.100.1").ok)).toEqual([true, true, true]);
    const blocked = ask(LAN_PHONE, "198.51.100.2");
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) expect(blocked.block.retryAfterSeconds).toBe(15 * 60);
    expect(ask(LAN_PHONE, "198.51.100.2", new Date(now.getTime() + minutes(16))).ok).toBe(true);
    // One address asking for many phones.
    const results = Array.from(
      { length: 11 },
      (_, i) => ask(`+8498700${String(1000 + i)}`, "192.0.2.9").ok,
    );
    expect(results.filter(Boolean)).toHaveLength(10);
    expect(results[10]).toBe(false);
  });
});

describe("staff recovery codes", () => {
  it("a commune moderator issues an 8-character code for a member of her subtree, once usable", async () => {
    const issued = issueStaffResetCode(db, market.actors.moderator, {
      phone: LAN_PHONE,
      identityCheck: "CCCD đối chiếu",
      ip: "10.0.0.1",
    });
    expect(issued.code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(issued.expiresAt.getTime() - Date.now()).toBeGreaterThan(minutes(24 * 60 - 1));
    const row = db
      .select()
      .from(oneTimeCodes)
      .where(and(eq(oneTimeCodes.userId, lanId), eq(oneTimeCodes.channel, "staff")))
      .get();
    expect(row?.identityCheck).toBe("CCCD đối chiếu");
    expect(row?.issuedByUserId).toBe(market.actors.moderator.userId);
    expect(row?.codeHash).not.toContain(issued.code.replace("-", ""));
    const notice = db.select().from(notifications).where(eq(notifications.userId, lanId)).get();
    expect(notice?.messageKey).toBe("recovery.notice.staffCode");
    expect(lastSms(LAN_PHONE)?.body).toContain("cấp mã");
    const audit = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "account.reset_code_issued"))
      .get();
    expect(audit?.actorUserId).toBe(market.actors.moderator.userId);
    // She types it in lower case with a space: still hers, and only once.
    const typed = issued.code.toLowerCase().replace("-", " ");
    const ok = await resetPasswordWithCode(db, {
      phone: LAN_PHONE,
      code: typed,
      newPassword: NEW_PASSWORD,
      ip: "x",
    });
    expect(ok.ok).toBe(true);
    const twice = await resetPasswordWithCode(db, {
      phone: LAN_PHONE,
      code: issued.code,
      newPassword: NEW_PASSWORD,
      ip: "x",
    });
    expect(twice).toEqual({ ok: false, reason: "code", check: "used" });
    // Mai's phone with Lan's code: refused.
    const other = await resetPasswordWithCode(db, {
      phone: MAI_PHONE,
      code: issued.code,
      newPassword: NEW_PASSWORD,
      ip: "x",
    });
    expect(other.ok).toBe(false);
  });

  it("is refused outside her subtree (404) and for a staff account (403)", async () => {
    const issue = (phone: string) =>
      issueStaffResetCode(db, market.actors.moderator, {
        phone,
        identityCheck: "CCCD đối chiếu",
        ip: "10.0.0.1",
      });
    expect(() => issue(MAI_PHONE)).toThrow(NotFound);
    const staffPhone = "+84912000333";
    db.update(users).set({ phone: staffPhone }).where(eq(users.id, market.admin.id)).run();
    expect(() => issue(staffPhone)).toThrow(Forbidden);
    expect(() =>
      issueStaffResetCode(db, market.actors.buyer, {
        phone: LAN_PHONE,
        identityCheck: "CCCD",
        ip: "x",
      }),
    ).toThrow(Forbidden);
    expect(db.select().from(oneTimeCodes).all()).toHaveLength(0);
  });
});

describe("phone confirmation", () => {
  it("a new account waits for its code; then she may order", async () => {
    const userId = await createUser(db, {
      displayName: "Chị Hạnh",
      phone: "+84912000444",
      password: NEW_PASSWORD,
    });
    const actor = { ...market.actors.buyer, userId };
    expect(completeSignUp(db, { userId, ip: "x" })).toEqual({ confirmPhone: true });
    const user = db.select().from(users).where(eq(users.id, userId)).get();
    expect(user?.phoneConfirmedAt).toBeNull();
    expect(user?.termsVersion).toMatch(/^\d{4}-\d{2}$/);
    expect(user?.termsAcceptedAt).toBeInstanceOf(Date);
    expect(() => requirePhoneConfirmed(db, actor)).toThrow(PhoneNotConfirmed);
    // "Gửi lại mã" too soon: wait a minute.
    const resend = sendPhoneCode(db, { userId, phone: "+84912000444", ip: "x" });
    expect(resend.ok).toBe(false);
    expect(confirmPhone(db, { userId, code: "12345x", ip: "x" })).toEqual({
      ok: false,
      reason: "wrong",
    });
    const code = codeIn(lastSms("+84912000444")?.body);
    expect(confirmPhone(db, { userId, code, ip: "x" })).toEqual({
      ok: true,
      phone: "+84912000444",
    });
    expect(() => requirePhoneConfirmed(db, actor)).not.toThrow();
    expect(
      db.select().from(users).where(eq(users.id, userId)).get()?.phoneConfirmedAt,
    ).toBeInstanceOf(Date);
  });

  it("accounts made by staff, the CLI or the seed count as confirmed", async () => {
    const userId = await createUser(db, {
      displayName: "Chị Thu",
      phone: "+84912000555",
      password: NEW_PASSWORD,
    });
    expect(
      db.select().from(users).where(eq(users.id, userId)).get()?.phoneConfirmedAt,
    ).toBeInstanceOf(Date);
    expect(() => requirePhoneConfirmed(db, { ...market.actors.buyer, userId })).not.toThrow();
  });
});
