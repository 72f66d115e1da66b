import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { inTransaction, type Db } from "~db/client.server";
import { users } from "~db/schema";
import { DomainError } from "~/lib/errors";
import { t } from "~/lib/i18n";
import { queueOutbound } from "~/modules/platform/outbox.server";
import { writeAudit } from "~/modules/platform/audit.server";
import { isUniqueViolation } from "./account-checks.internal.server";
import { TERMS_VERSION } from "~/lib/terms";
import { refuseInAssistedMode } from "~/modules/assist/guard.server";
import { getEnv, smsProviderOf } from "~/modules/platform/env.server";
import { updateProfile } from "./accounts.server";
import type { AccountResult } from "./account-checks.internal.server";
import type { Actor, SignedInActor } from "./actor";
import {
  checkCode,
  consumeCode,
  issueCode,
  lastCodeAt,
  pendingTarget,
  type CodeCheck,
} from "./one-time-codes.server";
import { CODE_LIMITS, takeEvent, type EventBlock } from "./rate-limit.server";

/**
 * Confirmed phones (docs/decisions/029-care-recovery.md). With an SMS provider in force a new
 * account's phone, and a changed phone, is proven with a 6-digit code. Until then she may
 * browse and fill a cart, but not order, post a request, make an offer or apply as a producer.
 * "Unconfirmed" is exactly: users.phone IS NOT NULL AND phone_confirmed_at IS NULL.
 */

/** Seconds before "Gửi lại mã" works again. */
export const RESEND_WAIT_SECONDS = 60;

/** Refused because her phone waits for its code; the error page links to the confirmation. */
export class PhoneNotConfirmed extends DomainError {
  constructor() {
    super(403, "phone_unconfirmed", "recovery.error.phoneUnconfirmed");
  }
}

/** True when the account has a phone that was never proven. */
export function isPhoneUnconfirmed(db: Db, userId: number): boolean {
  return (
    db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, userId), isNotNull(users.phone), isNull(users.phoneConfirmedAt)))
      .get() !== undefined
  );
}

/** Whether phones are confirmed at all: only when an SMS provider can send the codes. */
export const phonesNeedConfirming = () => smsProviderOf(getEnv()) !== "none";

/**
 * Throws PhoneNotConfirmed (403) for a signed-in user whose phone waits for its code. With no
 * SMS provider nothing is asked (no code could reach her), so nothing changes.
 */
export function requirePhoneConfirmed(db: Db, actor: Actor): void {
  if (!phonesNeedConfirming()) return;
  if (actor.kind === "user" && isPhoneUnconfirmed(db, actor.userId)) throw new PhoneNotConfirmed();
}

/**
 * After a sign-up (buyer, or a producer application that made the account): records her
 * consent to the terms in force, and with an SMS provider marks her phone unproven and sends
 * the first code. Returns whether she must now confirm her phone.
 */
export function completeSignUp(
  db: Db,
  input: { userId: number; ip: string },
  now = new Date(),
): { confirmPhone: boolean } {
  const user = db
    .update(users)
    .set({ termsAcceptedAt: now, termsVersion: TERMS_VERSION })
    .where(eq(users.id, input.userId))
    .returning({ phone: users.phone })
    .get();
  if (!user?.phone || !phonesNeedConfirming()) return { confirmPhone: false };
  db.update(users).set({ phoneConfirmedAt: null }).where(eq(users.id, input.userId)).run();
  // A refused send (limits) leaves her on the confirmation page, where she can ask again.
  sendPhoneCode(db, { userId: input.userId, phone: user.phone, ip: input.ip }, now);
  return { confirmPhone: true };
}

export type ProfileInput = Parameters<typeof updateProfile>[2];

/**
 * The account page's profile. A changed phone is refused in assisted mode; with an SMS
 * provider the new phone is unproven until its code comes back (she is sent one), without
 * one it counts as proven at once.
 */
export function saveProfile(
  db: Db,
  actor: SignedInActor,
  input: ProfileInput,
  ip: string,
  now = new Date(),
): AccountResult<{ confirmPhone: boolean }> {
  const before = db
    .select({ phone: users.phone })
    .from(users)
    .where(eq(users.id, actor.userId))
    .get();
  const phoneChanged = (before?.phone ?? null) !== (input.phone ?? null);
  if (phoneChanged) refuseInAssistedMode(actor);
  const saved = updateProfile(db, actor.userId, input);
  if (!saved.ok) return saved;
  if (!phoneChanged || !input.phone) return { ok: true, value: { confirmPhone: false } };
  const confirmPhone = phonesNeedConfirming();
  db.update(users)
    .set({ phoneConfirmedAt: confirmPhone ? null : now })
    .where(eq(users.id, actor.userId))
    .run();
  if (confirmPhone) sendPhoneCode(db, { userId: actor.userId, phone: input.phone, ip }, now);
  return { ok: true, value: { confirmPhone } };
}

/**
 * The phone waiting to be confirmed: a changed phone's newest code target, else her own
 * unconfirmed phone; null when nothing waits.
 */
export function phoneAwaitingConfirmation(db: Db, userId: number, now = new Date()): string | null {
  const changing = pendingTarget(db, userId, "phone_confirm", now);
  if (changing) return changing;
  const user = db
    .select({ phone: users.phone, confirmedAt: users.phoneConfirmedAt })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  return user?.phone && !user.confirmedAt ? user.phone : null;
}

export type SendOutcome = { ok: true } | { ok: false; block: EventBlock };

/**
 * Sends a confirmation code to `phone` (her unconfirmed phone, or the new one she asked for):
 * at most one a minute, three per 15 minutes per account and per phone, ten an hour per address.
 */
export function sendPhoneCode(
  db: Db,
  input: { userId: number; phone: string; ip: string },
  now = new Date(),
): SendOutcome {
  const last = lastCodeAt(db, input.userId, "phone_confirm");
  const waitUntil = last ? last.getTime() + RESEND_WAIT_SECONDS * 1000 : 0;
  if (waitUntil > now.getTime()) {
    const retryAfterSeconds = Math.ceil((waitUntil - now.getTime()) / 1000);
    return {
      ok: false,
      block: { retryAt: new Date(waitUntil), retryAfterSeconds, bucket: "resend" },
    };
  }
  const block = takeEvent(
    db,
    [
      CODE_LIMITS.perAccount(`user:${input.userId}`),
      CODE_LIMITS.perPhone(input.phone),
      CODE_LIMITS.perIp(input.ip),
    ],
    now,
  );
  if (block) return { ok: false, block };
  const locale =
    db.select({ locale: users.locale }).from(users).where(eq(users.id, input.userId)).get()
      ?.locale ?? "vi";
  inTransaction(db, () => {
    const issued = issueCode(
      db,
      { userId: input.userId, purpose: "phone_confirm", channel: "sms", target: input.phone },
      now,
    );
    queueOutbound(db, {
      channel: "sms",
      to: input.phone,
      body: t(locale, "recovery.sms.confirmCode", { code: issued.code }),
      userId: input.userId,
      kind: "auth.code",
    });
  });
  return { ok: true };
}

export type ConfirmOutcome =
  | { ok: true; phone: string }
  | { ok: false; reason: Exclude<CodeCheck, { ok: true }>["reason"] | "taken" };

/**
 * Checks the typed code; when right, the code's phone becomes her confirmed phone (for a
 * change, it replaces the old one). A phone another account took meanwhile is refused.
 */
export function confirmPhone(
  db: Db,
  input: { userId: number; code: string; ip: string },
  now = new Date(),
): ConfirmOutcome {
  const check = checkCode(
    db,
    { userId: input.userId, purpose: "phone_confirm", code: input.code },
    now,
  );
  if (!check.ok) return { ok: false, reason: check.reason };
  const phone = check.target;
  if (!phone) return { ok: false, reason: "none" };
  try {
    return inTransaction(db, (): ConfirmOutcome => {
      if (!consumeCode(db, check.codeId, now)) return { ok: false, reason: "used" };
      const before = db
        .select({ phone: users.phone })
        .from(users)
        .where(eq(users.id, input.userId))
        .get();
      db.update(users)
        .set({ phone, phoneConfirmedAt: now, updatedAt: now })
        .where(eq(users.id, input.userId))
        .run();
      writeAudit(db, {
        actorUserId: input.userId,
        action: "account.phone_confirmed",
        entityType: "user",
        entityId: input.userId,
        orgUnitId: null,
        before: { phone: before?.phone ?? null },
        after: { phone },
        ipAddress: input.ip,
      });
      return { ok: true, phone };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "taken" };
    throw error;
  }
}
