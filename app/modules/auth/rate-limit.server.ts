import { and, asc, eq, gte, inArray, lt } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { loginFailures } from "~db/schema";

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
