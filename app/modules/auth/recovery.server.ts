import { and, desc, eq, like, or } from "drizzle-orm";
import { inTransaction, type Db } from "~db/client.server";
import {
  orgUnits,
  outboundMessages,
  producerMemberships,
  producers,
  sessions,
  staffMemberships,
  users,
} from "~db/schema";
import { formatPhone, type LoginIdentifier } from "~/lib/contact";
import { Forbidden, NotFound } from "~/lib/errors";
import { t, type Locale } from "~/lib/i18n";
import { notify } from "~/modules/notifications/notify.server";
import { writeAudit } from "~/modules/platform/audit.server";
import { getEnv, smsProviderOf } from "~/modules/platform/env.server";
import { queueOutbound } from "~/modules/platform/outbox.server";
import type { SignedInActor } from "./actor";
import { passwordErrors } from "./account-checks.internal.server";
import {
  checkCode,
  checkEmailToken,
  consumeCode,
  emailTokenOf,
  groupStaffCode,
  issueCode,
  type CodeCheck,
} from "./one-time-codes.server";
import { hashPassword } from "./passwords.server";
import { scopePaths } from "./permissions.server";
import { CODE_LIMITS, clearAccountFailures, takeEvent, type EventBlock } from "./rate-limit.server";

/**
 * Account recovery (docs/decisions/029-care-recovery.md): a code by SMS, a link by e-mail, or a
 * code handed over in person by Union staff. Whichever way, setting the new password ends all
 * her sessions, uses the code up, clears her failed logins, tells her and is audited.
 */

/** SMS codes can be sent only when an SMS provider is in force. */
export const canSendSms = () => smsProviderOf(getEnv()) !== "none";

type Account = { id: number; phone: string | null; email: string | null; locale: "vi" | "en" };

function accountByIdentifier(db: Db, identifier: LoginIdentifier): Account | undefined {
  return db
    .select({ id: users.id, phone: users.phone, email: users.email, locale: users.locale })
    .from(users)
    .where(
      and(
        identifier.kind === "phone"
          ? eq(users.phone, identifier.value)
          : eq(users.email, identifier.value),
        eq(users.isDisabled, false),
      ),
    )
    .get();
}

/**
 * "Quên mật khẩu?": sends a code to the phone or a link to the e-mail when the account exists.
 * The answer is the same either way (only a rate-limit block differs, and it counts requests
 * for unknown accounts too), so the form never tells whether an account exists.
 */
export function requestPasswordReset(
  db: Db,
  input: { identifier: LoginIdentifier; ip: string; origin: string },
  now = new Date(),
): { ok: true } | { ok: false; block: EventBlock } {
  const { identifier } = input;
  const limits = [
    CODE_LIMITS.perAccount(`${identifier.kind}:${identifier.value}`),
    ...(identifier.kind === "phone" ? [CODE_LIMITS.perPhone(identifier.value)] : []),
    CODE_LIMITS.perIp(input.ip),
  ];
  const block = takeEvent(db, limits, now);
  if (block) return { ok: false, block };
  const account = accountByIdentifier(db, identifier);
  if (!account) return { ok: true };
  if (identifier.kind === "phone") {
    if (!canSendSms()) return { ok: true };
    const issued = issueCode(
      db,
      { userId: account.id, purpose: "password_reset", channel: "sms", target: identifier.value },
      now,
    );
    queueOutbound(db, {
      channel: "sms",
      to: identifier.value,
      body: t(account.locale, "recovery.sms.resetCode", { code: issued.code }),
      userId: account.id,
      kind: "auth.code",
    });
  } else {
    const issued = issueCode(
      db,
      { userId: account.id, purpose: "password_reset", channel: "email", target: identifier.value },
      now,
    );
    // The configured public address wins over the request's (behind a proxy it can differ).
    const base = (getEnv().PUBLIC_URL ?? input.origin).replace(/\/$/, "");
    const link = `${base}/dat-lai-mat-khau?ma=${encodeURIComponent(emailTokenOf(issued))}`;
    queueOutbound(db, {
      channel: "email",
      to: identifier.value,
      subject: t(account.locale, "recovery.email.subject"),
      body: t(account.locale, "recovery.email.body", { link }),
      userId: account.id,
      kind: "auth.code",
    });
  }
  return { ok: true };
}

export type ResetOutcome =
  | { ok: true; userId: number }
  | { ok: false; reason: "code"; check: Exclude<CodeCheck, { ok: true }>["reason"] }
  | { ok: false; reason: "password"; fieldErrors: Record<string, string[]> }
  | { ok: false; reason: "blocked"; block: EventBlock };

/**
 * Sets a new password with a code typed next to her phone (an SMS code or a staff-issued one).
 * The code is checked against that phone's account only; unknown phones get the same answer
 * as a wrong code.
 */
export async function resetPasswordWithCode(
  db: Db,
  input: { phone: string; code: string; newPassword: string; ip: string },
  now = new Date(),
): Promise<ResetOutcome> {
  const policy = await passwordErrors(input.newPassword);
  if (Object.keys(policy).length > 0) return { ok: false, reason: "password", fieldErrors: policy };
  const block = takeEvent(db, [CODE_LIMITS.checksPerIp(input.ip)], now);
  if (block) return { ok: false, reason: "blocked", block };
  const account = accountByIdentifier(db, { kind: "phone", value: input.phone });
  if (!account) return { ok: false, reason: "code", check: "wrong" };
  const check = checkCode(
    db,
    { userId: account.id, purpose: "password_reset", code: input.code },
    now,
  );
  if (!check.ok) return { ok: false, reason: "code", check: check.reason };
  return setNewPassword(db, account.id, check, input.newPassword, input.ip, now);
}

/** Sets a new password with the e-mail link's token. */
export async function resetPasswordWithEmailToken(
  db: Db,
  input: { token: string; newPassword: string; ip: string },
  now = new Date(),
): Promise<ResetOutcome> {
  const policy = await passwordErrors(input.newPassword);
  if (Object.keys(policy).length > 0) return { ok: false, reason: "password", fieldErrors: policy };
  const check = checkEmailToken(db, input.token, now);
  if (!check.ok || check.userId === undefined)
    return { ok: false, reason: "code", check: check.ok ? "none" : check.reason };
  return setNewPassword(db, check.userId, check, input.newPassword, input.ip, now);
}

async function setNewPassword(
  db: Db,
  userId: number,
  check: Extract<CodeCheck, { ok: true }>,
  newPassword: string,
  ip: string,
  now: Date,
): Promise<ResetOutcome> {
  const passwordHash = await hashPassword(newPassword);
  const done = inTransaction(db, () => {
    if (!consumeCode(db, check.codeId, now)) return false;
    const user = db
      .update(users)
      .set({ passwordHash, updatedAt: now })
      .where(eq(users.id, userId))
      .returning({ phone: users.phone, email: users.email })
      .get();
    // Whoever knew the old password is logged out everywhere.
    db.delete(sessions).where(eq(sessions.userId, userId)).run();
    clearAccountFailures(db, [
      ...(user?.phone ? [`phone:${user.phone}`] : []),
      ...(user?.email ? [`email:${user.email}`] : []),
    ]);
    notify(db, {
      recipients: { userIds: [userId] },
      kind: "account.password_reset",
      message: { key: "recovery.notice.passwordReset" },
      link: null,
    });
    writeAudit(db, {
      actorUserId: userId,
      action: "account.password_reset",
      entityType: "user",
      entityId: userId,
      orgUnitId: null,
      after: { channel: check.channel },
      ipAddress: ip,
    });
    return true;
  });
  return done ? { ok: true, userId } : { ok: false, reason: "code", check: "used" };
}

/** A member account staff may issue a code for: who she is and where she belongs. */
export interface ResettableAccount {
  userId: number;
  displayName: string;
  phone: string;
  producers: { code: string; name: string; orgUnitId: number }[];
}

/**
 * The account with this phone, when the staff member may issue it a code: it has no staff
 * membership, and one of its producers lies in her `account:reset` subtree. Otherwise
 * NotFound (no such account, or out of her subtree: she learns nothing about it) or
 * Forbidden (a staff account).
 */
export function findResettableAccount(
  db: Db,
  actor: SignedInActor,
  phone: string,
): ResettableAccount {
  const user = db
    .select({ id: users.id, displayName: users.displayName, phone: users.phone })
    .from(users)
    .where(and(eq(users.phone, phone), eq(users.isDisabled, false)))
    .get();
  const roots = scopePaths(actor, "account:reset");
  if (roots.length === 0) throw new Forbidden();
  if (!user?.phone) throw new NotFound("recovery.staff.notFound");
  const isStaffAccount = db
    .select({ userId: staffMemberships.userId })
    .from(staffMemberships)
    .where(eq(staffMemberships.userId, user.id))
    .get();
  if (isStaffAccount) throw new Forbidden("recovery.staff.staffAccount");
  const inScope = db
    .select({ code: producers.code, name: producers.name, orgUnitId: producers.orgUnitId })
    .from(producerMemberships)
    .innerJoin(producers, eq(producers.id, producerMemberships.producerId))
    .innerJoin(orgUnits, eq(orgUnits.id, producers.orgUnitId))
    .where(
      and(
        eq(producerMemberships.userId, user.id),
        or(...roots.map((root) => like(orgUnits.path, `${root}%`))),
      ),
    )
    .all();
  if (inScope.length === 0) throw new NotFound("recovery.staff.notFound");
  return { userId: user.id, displayName: user.displayName, phone: user.phone, producers: inScope };
}

/**
 * Issues a reset code to hand over in person (8 characters, 24 hours): the identity check made
 * is recorded, the owner is told in the app (and by SMS when there is a provider), audited.
 * Returns the code to show once, grouped "ABCD-EFGH".
 */
export function issueStaffResetCode(
  db: Db,
  actor: SignedInActor,
  input: { phone: string; identityCheck: string; ip: string },
  now = new Date(),
) {
  const account = findResettableAccount(db, actor, input.phone);
  return inTransaction(db, () => {
    const issued = issueCode(
      db,
      {
        userId: account.userId,
        purpose: "password_reset",
        channel: "staff",
        target: account.phone,
        issuedByUserId: actor.userId,
        identityCheck: input.identityCheck,
      },
      now,
    );
    notify(db, {
      recipients: { userIds: [account.userId] },
      kind: "account.reset_code_issued",
      message: { key: "recovery.notice.staffCode", params: { staff: actor.displayName } },
      link: null,
    });
    if (canSendSms()) {
      const locale = db
        .select({ locale: users.locale })
        .from(users)
        .where(eq(users.id, account.userId))
        .get()?.locale;
      queueOutbound(db, {
        channel: "sms",
        to: account.phone,
        body: t(locale ?? "vi", "recovery.sms.staffCodeIssued", { staff: actor.displayName }),
        userId: account.userId,
        kind: "auth.code",
      });
    }
    writeAudit(db, {
      actorUserId: actor.userId,
      action: "account.reset_code_issued",
      entityType: "user",
      entityId: account.userId,
      orgUnitId: account.producers[0]?.orgUnitId ?? null,
      after: { identityCheck: input.identityCheck, expiresAt: issued.expiresAt.toISOString() },
      ipAddress: input.ip,
    });
    return {
      code: groupStaffCode(issued.code),
      expiresAt: issued.expiresAt,
      displayName: account.displayName,
      phone: formatPhone(account.phone),
    };
  });
}

/** A refused code request in the reader's language: how long to wait. */
export function codeBlockMessage(locale: Locale, block: EventBlock, now = new Date()): string {
  const seconds = Math.max(1, Math.ceil((block.retryAt.getTime() - now.getTime()) / 1000));
  if (block.bucket === "resend") return t(locale, "recovery.error.resendWait", { seconds });
  return t(locale, "recovery.error.tooMany", { minutes: Math.max(1, Math.ceil(seconds / 60)) });
}

/** Why a code was refused, as a message key. */
export function codeErrorKey(reason: CodeRefusal) {
  return `recovery.error.code.${reason}` as const;
}

export type CodeRefusal = Exclude<CodeCheck, { ok: true }>["reason"] | "taken";

/**
 * The demo inbox (/demo/tin-nhan): every SMS, Zalo message and e-mail the app queued, newest
 * first. Only in demo mode (NotFound otherwise): in a real marketplace they are private.
 */
export function listDemoMessages(db: Db, limit = 100) {
  if (getEnv().APP_MODE !== "demo") throw new NotFound();
  return db
    .select({
      id: outboundMessages.id,
      channel: outboundMessages.channel,
      recipient: outboundMessages.recipient,
      subject: outboundMessages.subject,
      body: outboundMessages.body,
      createdAt: outboundMessages.createdAt,
    })
    .from(outboundMessages)
    .orderBy(desc(outboundMessages.id))
    .limit(limit)
    .all();
}
