import { and, asc, eq, gte, inArray, lt } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { loginFailures, rateLimitEvents } from "~db/schema";

/**
 * Failed-login rate limits, counted in `login_failures` per account and per IP address over a
 * sliding window. While a bucket is full the login is refused before the password is checked,
 * and the refusal is not itself counted, so the wait never grows while someone keeps trying.
 */
export const LOGIN_LIMITS = {
  windowMs: 15 * 60 * 1000,
  /** Wrong passwords for one phone/e-mail (whoever types them). */
  perAccount: 5,
  /** Wrong passwords from one address (a shared Wi-Fi or office counts as one). */
  perIp: 20,
} as const;

export const accountBucket = (identifier: string) => `account:${identifier}`;
export const ipBucket = (ip: string) => `ip:${ip}`;

export interface LoginBlock {
  /** When logins from this account/address are accepted again. */
  retryAt: Date;
  retryAfterSeconds: number;
  reason: "account" | "ip";
}

/**
 * When one of the two buckets is full: the moment enough of its failures have left the window
 * for one more attempt. Null when both have room.
 */
export function loginBlock(
  db: Db,
  identifier: string,
  ip: string,
  now = new Date(),
): LoginBlock | null {
  return (
    bucketBlock(db, accountBucket(identifier), LOGIN_LIMITS.perAccount, "account", now) ??
    bucketBlock(db, ipBucket(ip), LOGIN_LIMITS.perIp, "ip", now)
  );
}

function bucketBlock(
  db: Db,
  bucket: string,
  limit: number,
  reason: LoginBlock["reason"],
  now: Date,
): LoginBlock | null {
  const since = new Date(now.getTime() - LOGIN_LIMITS.windowMs);
  const times = db
    .select({ createdAt: loginFailures.createdAt })
    .from(loginFailures)
    .where(and(eq(loginFailures.bucket, bucket), gte(loginFailures.createdAt, since)))
    .orderBy(asc(loginFailures.createdAt))
    .all()
    .map((row) => row.createdAt.getTime());
  if (times.length < limit) return null;
  // With n failures in the window, one more attempt is allowed once n - limit + 1 have expired.
  const freedBy = times[times.length - limit];
  if (freedBy === undefined) return null;
  const retryAt = new Date(freedBy + LOGIN_LIMITS.windowMs);
  const retryAfterSeconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  return { retryAt, retryAfterSeconds, reason };
}

/** Counts one failed login against the account and the address; forgets expired failures. */
export function recordLoginFailure(db: Db, identifier: string, ip: string, now = new Date()): void {
  const buckets = [accountBucket(identifier), ipBucket(ip)];
  db.transaction((tx) => {
    tx.delete(loginFailures)
      .where(
        and(
          inArray(loginFailures.bucket, buckets),
          lt(loginFailures.createdAt, new Date(now.getTime() - LOGIN_LIMITS.windowMs)),
        ),
      )
      .run();
    tx.insert(loginFailures)
      .values(buckets.map((bucket) => ({ bucket, createdAt: now })))
      .run();
  });
}

/** A successful login clears the account's failures (not the address's: others share it). */
export function clearAccountFailures(db: Db, identifiers: string[]): void {
  if (identifiers.length === 0) return;
  db.delete(loginFailures)
    .where(inArray(loginFailures.bucket, identifiers.map(accountBucket)))
    .run();
}

/** One limit over `rate_limit_events`: at most `limit` events in `bucket` per `windowMs`. */
export interface EventLimit {
  bucket: string;
  limit: number;
  windowMs: number;
}

export interface EventBlock {
  retryAt: Date;
  retryAfterSeconds: number;
  bucket: string;
}

/**
 * Limits for asking for codes (docs/decisions/029-care-recovery.md): per account, per phone
 * and per address. Checking a typed code has its own per-address limit on top of each code's
 * five tries, so nobody can guess across many accounts.
 */
export const CODE_LIMITS = {
  perAccount: (key: string): EventLimit => ({
    bucket: `code:account:${key}`,
    limit: 3,
    windowMs: 15 * 60 * 1000,
  }),
  perPhone: (phone: string): EventLimit => ({
    bucket: `code:phone:${phone}`,
    limit: 3,
    windowMs: 15 * 60 * 1000,
  }),
  perIp: (ip: string): EventLimit => ({
    bucket: `code:ip:${ip}`,
    limit: 10,
    windowMs: 60 * 60 * 1000,
  }),
  checksPerIp: (ip: string): EventLimit => ({
    bucket: `code-check:ip:${ip}`,
    limit: 30,
    windowMs: 60 * 60 * 1000,
  }),
} as const;

/** The first full bucket among `limits`, with when it has room again; null when all have room. */
export function eventBlock(db: Db, limits: EventLimit[], now = new Date()): EventBlock | null {
  for (const { bucket, limit, windowMs } of limits) {
    const times = db
      .select({ createdAt: rateLimitEvents.createdAt })
      .from(rateLimitEvents)
      .where(
        and(
          eq(rateLimitEvents.bucket, bucket),
          gte(rateLimitEvents.createdAt, new Date(now.getTime() - windowMs)),
        ),
      )
      .orderBy(asc(rateLimitEvents.createdAt))
      .all()
      .map((row) => row.createdAt.getTime());
    const freedBy = times.length >= limit ? times[times.length - limit] : undefined;
    if (freedBy === undefined) continue;
    const retryAt = new Date(freedBy + windowMs);
    const retryAfterSeconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
    return { retryAt, retryAfterSeconds, bucket };
  }
  return null;
}

/**
 * Counts one event in every bucket unless one of them is full (then nothing is counted and the
 * block is returned). Old events of these buckets are forgotten on the way.
 */
export function takeEvent(db: Db, limits: EventLimit[], now = new Date()): EventBlock | null {
  const block = eventBlock(db, limits, now);
  if (block) return block;
  db.transaction((tx) => {
    for (const { bucket, windowMs } of limits) {
      tx.delete(rateLimitEvents)
        .where(
          and(
            eq(rateLimitEvents.bucket, bucket),
            lt(rateLimitEvents.createdAt, new Date(now.getTime() - windowMs)),
          ),
        )
        .run();
    }
    tx.insert(rateLimitEvents)
      .values(limits.map(({ bucket }) => ({ bucket, createdAt: now })))
      .run();
  });
  return null;
}
