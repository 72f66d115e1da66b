import { and, eq, gt, sql } from "drizzle-orm";
import { TooManyRequests } from "~/lib/errors";
import type { Db } from "~db/client.server";
import { purchaseRequests } from "~db/schema";

/** At most this many open requests per buyer, and this many new ones in 24 hours. */
export const REQUEST_LIMITS = { open: 10, newPerDay: 5 } as const;

const DAY_MS = 86_400_000;

/**
 * Throws TooManyRequests when the buyer already has 10 open requests, or would post a sixth
 * in 24 hours (Retry-After: when the oldest of those five turns a day old).
 */
export function assertWithinRequestLimits(
  db: Db,
  userId: number,
  now: Date,
  { creating }: { creating: boolean },
): void {
  const open =
    db
      .select({ n: sql<number>`count(*)` })
      .from(purchaseRequests)
      .where(and(eq(purchaseRequests.buyerUserId, userId), eq(purchaseRequests.status, "open")))
      .get()?.n ?? 0;
  if (open >= REQUEST_LIMITS.open) {
    throw new TooManyRequests("requests.errors.tooManyOpen", 3600, { max: REQUEST_LIMITS.open });
  }
  if (!creating) return;
  const recent = db
    .select({ createdAt: purchaseRequests.createdAt })
    .from(purchaseRequests)
    .where(
      and(
        eq(purchaseRequests.buyerUserId, userId),
        gt(purchaseRequests.createdAt, new Date(now.getTime() - DAY_MS)),
      ),
    )
    .orderBy(purchaseRequests.createdAt)
    .all();
  const oldest = recent[0];
  if (recent.length >= REQUEST_LIMITS.newPerDay && oldest) {
    const retryAfter = Math.max(
      1,
      Math.ceil((oldest.createdAt.getTime() + DAY_MS - now.getTime()) / 1000),
    );
    throw new TooManyRequests("requests.errors.tooManyToday", retryAfter, {
      max: REQUEST_LIMITS.newPerDay,
    });
  }
}
