import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import type { Db } from "~db/client.server";
import { oneTimeCodes, type CodeChannel, type CodePurpose } from "~db/schema";

/**
 * One-time codes (docs/decisions/029-care-recovery.md): only a salted SHA-256 of a code is
 * stored; a code belongs to one account and one purpose, expires, works once, and locks after
 * five wrong tries. A code is always checked together with the account it was made for: the
 * caller names the user (by the phone she typed, or the row an e-mail link names), never
 * looks an account up by its code.
 */

/** How long a code lives, by how it reached her. */
export const CODE_LIFETIME_MS: Record<CodeChannel, number> = {
  sms: 15 * 60 * 1000,
  email: 15 * 60 * 1000,
  staff: 24 * 60 * 60 * 1000,
};

/** Wrong tries after which a code never works again. */
export const MAX_CODE_ATTEMPTS = 5;

/** Letters and digits nobody confuses when reading aloud or copying by hand (no 0/O, 1/I). */
const STAFF_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/** The plain code as the person receives it. */
function newPlainCode(channel: CodeChannel): string {
  if (channel === "sms") return String(randomInt(0, 1_000_000)).padStart(6, "0");
  if (channel === "email") return randomBytes(32).toString("base64url");
  let code = "";
  for (let i = 0; i < 8; i += 1) code += STAFF_CODE_ALPHABET[randomInt(STAFF_CODE_ALPHABET.length)];
  return code;
}

/** "ABCDEFGH" as it is shown and read aloud: "ABCD-EFGH". */
export function groupStaffCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What people type, made comparable: spaces, dots and dashes dropped, letters upper-cased. */
export function normalizeTypedCode(typed: string): string {
  return typed
    .normalize("NFKC")
    .replace(/[\s\-–.]/g, "")
    .toUpperCase();
}

function hashCode(code: string, salt: string): string {
  return createHash("sha256").update(`${salt}:${code}`, "utf8").digest("hex");
}

/** Stored as "salt:hash"; a fresh salt for every code. */
function storedHashOf(code: string): string {
  const salt = randomBytes(16).toString("hex");
  return `${salt}:${hashCode(code, salt)}`;
}

function matches(stored: string, code: string): boolean {
  const [salt, hash] = stored.split(":");
  if (!salt || !hash) return false;
  const expected = Buffer.from(hash, "hex");
  const actual = Buffer.from(hashCode(code, salt), "hex");
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export interface IssueCodeInput {
  userId: number;
  purpose: CodePurpose;
  channel: CodeChannel;
  /** Where it goes: a phone (+84…) or an e-mail; for a phone change, the new phone. */
  target?: string | null;
  issuedByUserId?: number | null;
  identityCheck?: string | null;
}

export interface IssuedCode {
  id: number;
  /** The plain code: sent or shown once, never stored. */
  code: string;
  expiresAt: Date;
}

/**
 * Makes a new code for the account and purpose; older unused codes of that purpose stop
 * working at once (they are expired now), so only the newest one she received counts.
 */
export function issueCode(db: Db, input: IssueCodeInput, now = new Date()): IssuedCode {
  const code = newPlainCode(input.channel);
  const expiresAt = new Date(now.getTime() + CODE_LIFETIME_MS[input.channel]);
  const id = db.transaction((tx) => {
    tx.update(oneTimeCodes)
      .set({ expiresAt: now })
      .where(
        and(
          eq(oneTimeCodes.userId, input.userId),
          eq(oneTimeCodes.purpose, input.purpose),
          isNull(oneTimeCodes.usedAt),
          gt(oneTimeCodes.expiresAt, now),
        ),
      )
      .run();
    return tx
      .insert(oneTimeCodes)
      .values({
        userId: input.userId,
        purpose: input.purpose,
        channel: input.channel,
        codeHash: storedHashOf(code),
        target: input.target ?? null,
        expiresAt,
        issuedByUserId: input.issuedByUserId ?? null,
        identityCheck: input.identityCheck ?? null,
        createdAt: now,
      })
      .returning({ id: oneTimeCodes.id })
      .get().id;
  });
  return { id, code, expiresAt };
}

export type CodeCheck =
  | { ok: true; codeId: number; target: string | null; channel: CodeChannel }
  | { ok: false; reason: "wrong" | "locked" | "expired" | "used" | "none" };

type CodeRow = typeof oneTimeCodes.$inferSelect;

/** Compares a typed code with one stored row: counts a wrong try and locks at the limit. */
function checkRow(db: Db, row: CodeRow | undefined, typed: string, now: Date): CodeCheck {
  if (!row) return { ok: false, reason: "none" };
  if (row.usedAt) return { ok: false, reason: "used" };
  if (row.lockedAt) return { ok: false, reason: "locked" };
  if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  if (matches(row.codeHash, typed)) {
    return { ok: true, codeId: row.id, target: row.target, channel: row.channel };
  }
  const attempts = row.attempts + 1;
  const locks = attempts >= MAX_CODE_ATTEMPTS;
  db.update(oneTimeCodes)
    .set({ attempts, lockedAt: locks ? now : null })
    .where(and(eq(oneTimeCodes.id, row.id), isNull(oneTimeCodes.lockedAt)))
    .run();
  return { ok: false, reason: locks ? "locked" : "wrong" };
}

/**
 * Checks a typed code against the newest code of this account and purpose (older ones were
 * replaced). Does not use it up: `consumeCode` does that in the transaction of the change.
 */
export function checkCode(
  db: Db,
  input: { userId: number; purpose: CodePurpose; code: string },
  now = new Date(),
): CodeCheck {
  const row = db
    .select()
    .from(oneTimeCodes)
    .where(and(eq(oneTimeCodes.userId, input.userId), eq(oneTimeCodes.purpose, input.purpose)))
    .orderBy(desc(oneTimeCodes.createdAt), desc(oneTimeCodes.id))
    .get();
  return checkRow(db, row, normalizeTypedCode(input.code), now);
}

/**
 * Checks an e-mail link's token "<row id>.<secret>": the row names the account, the secret
 * must match its hash. Returns the account too.
 */
export function checkEmailToken(
  db: Db,
  token: string,
  now = new Date(),
): CodeCheck & { userId?: number } {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return { ok: false, reason: "none" };
  const row = db
    .select()
    .from(oneTimeCodes)
    .where(
      and(
        eq(oneTimeCodes.id, Number(match[1])),
        eq(oneTimeCodes.purpose, "password_reset"),
        eq(oneTimeCodes.channel, "email"),
      ),
    )
    .get();
  const newest =
    row &&
    db
      .select({ id: oneTimeCodes.id })
      .from(oneTimeCodes)
      .where(and(eq(oneTimeCodes.userId, row.userId), eq(oneTimeCodes.purpose, row.purpose)))
      .orderBy(desc(oneTimeCodes.createdAt), desc(oneTimeCodes.id))
      .get();
  // A newer code of the same purpose replaced this link.
  if (row && newest && newest.id !== row.id) return { ok: false, reason: "expired" };
  return { ...checkRow(db, row, match[2] ?? "", now), userId: row?.userId };
}

/** The e-mail link's token for an issued e-mail code. */
export const emailTokenOf = (issued: IssuedCode) => `${issued.id}.${issued.code}`;

/**
 * Uses the code up; false when someone used it (or it locked) in the meantime, so two
 * requests with the same code never both succeed. Run it inside the change's transaction.
 */
export function consumeCode(db: Pick<Db, "update">, codeId: number, now = new Date()): boolean {
  return (
    db
      .update(oneTimeCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(oneTimeCodes.id, codeId),
          isNull(oneTimeCodes.usedAt),
          isNull(oneTimeCodes.lockedAt),
          gt(oneTimeCodes.expiresAt, now),
        ),
      )
      .run().changes === 1
  );
}

/** When the newest code of this purpose was made (for "send again" waits), or null. */
export function lastCodeAt(db: Db, userId: number, purpose: CodePurpose): Date | null {
  const row = db
    .select({ createdAt: oneTimeCodes.createdAt })
    .from(oneTimeCodes)
    .where(and(eq(oneTimeCodes.userId, userId), eq(oneTimeCodes.purpose, purpose)))
    .orderBy(desc(oneTimeCodes.createdAt), desc(oneTimeCodes.id))
    .get();
  return row?.createdAt ?? null;
}

/** The newest usable code's target (the phone a confirmation code went to), or null. */
export function pendingTarget(
  db: Db,
  userId: number,
  purpose: CodePurpose,
  now = new Date(),
): string | null {
  const row = db
    .select({ target: oneTimeCodes.target })
    .from(oneTimeCodes)
    .where(
      and(
        eq(oneTimeCodes.userId, userId),
        eq(oneTimeCodes.purpose, purpose),
        isNull(oneTimeCodes.usedAt),
        isNull(oneTimeCodes.lockedAt),
        gt(oneTimeCodes.expiresAt, now),
      ),
    )
    .orderBy(desc(oneTimeCodes.createdAt), desc(oneTimeCodes.id))
    .get();
  return row?.target ?? null;
}
