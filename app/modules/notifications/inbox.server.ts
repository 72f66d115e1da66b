import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { NotFound } from "~/lib/errors";
import { DEFAULT_LOCALE, type Locale } from "~/lib/i18n/locales";
import { safeRedirectPath } from "~/lib/safe-redirect";
import type { Db } from "~db/client.server";
import { notifications } from "~db/schema";
import { renderNotice } from "./messages";

export const NOTIFICATIONS_PER_PAGE = 20;

export interface NotificationItem {
  id: number;
  kind: string;
  /** Rendered from the stored message key in the reader's language. */
  title: string;
  body: string;
  /** Where the notification leads, always a path on this site. */
  link: string | null;
  read: boolean;
  createdAt: Date;
}

export interface NotificationPage {
  items: NotificationItem[];
  total: number;
  unread: number;
  page: number;
  pages: number;
}

/** One page of the user's notifications, newest first, in `locale`, with the unread count. */
export function listNotifications(
  db: Db,
  userId: number,
  page = 1,
  locale: Locale = DEFAULT_LOCALE,
): NotificationPage {
  const counts = db
    .select({
      total: sql<number>`count(*)`,
      unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)`,
    })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .get() ?? { total: 0, unread: 0 };
  const pages = Math.max(1, Math.ceil(counts.total / NOTIFICATIONS_PER_PAGE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATIONS_PER_PAGE)
    .offset((current - 1) * NOTIFICATIONS_PER_PAGE)
    .all();
  return {
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      ...renderNotice(locale, row.messageKey, row.params),
      link: row.link ? safeRedirectPath(row.link, "") || null : null,
      read: row.readAt !== null,
      createdAt: row.createdAt,
    })),
    total: counts.total,
    unread: counts.unread,
    page: current,
    pages,
  };
}

/**
 * Marks one of the user's notifications read and says where it leads. Another user's
 * notification is "not found": ids are guessable.
 */
export function openNotification(db: Db, userId: number, notificationId: number): string | null {
  const row = db
    .select({ link: notifications.link, readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, notificationId), eq(notifications.userId, userId)))
    .get();
  if (!row) throw new NotFound();
  if (row.readAt === null) {
    db.update(notifications)
      .set({ readAt: new Date() })
      .where(eq(notifications.id, notificationId))
      .run();
  }
  return row.link ? safeRedirectPath(row.link, "") || null : null;
}

/** Marks all of the user's unread notifications read; returns how many changed. */
export function markAllNotificationsRead(db: Db, userId: number): number {
  return db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .run().changes;
}
