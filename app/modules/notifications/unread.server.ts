import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { notifications } from "~db/schema";

/** How many of the user's notifications are unread, for the bell in the header. */
export function countUnreadNotifications(db: Db, userId: number): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
      .get()?.n ?? 0
  );
}
