import { and, eq, isNull, sql } from "drizzle-orm";
import { preparedQuery, type Db } from "~db/client.server";
import { notifications } from "~db/schema";

// Read for the header of every signed-in page: prepared once per connection.
const unreadCount = (db: Db) =>
  db
    .select({ n: sql<number>`count(*)` })
    .from(notifications)
    .where(and(eq(notifications.userId, sql.placeholder("userId")), isNull(notifications.readAt)))
    .prepare();

/** How many of the user's notifications are unread, for the bell in the header. */
export function countUnreadNotifications(db: Db, userId: number): number {
  return preparedQuery(db, unreadCount).get({ userId })?.n ?? 0;
}
