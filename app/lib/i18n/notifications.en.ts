import type { notificationsVi } from "./notifications.vi";

/** English strings of the notification inbox: exactly the keys of notifications.vi.ts. */
export const notificationsEn: Record<keyof typeof notificationsVi, string> = {
  "notifications.title": "Notifications",
  "notifications.intro": "News about your products, orders and profile.",
  "notifications.unreadCount": "{count} unread notifications",
  "notifications.allRead": "You have read all your notifications.",
  "notifications.markAllRead": "Mark all as read",
  "notifications.markedAllRead": "Marked {count} notifications as read.",
  "notifications.open": "See details",
  "notifications.markRead": "Mark as read",
  "notifications.unread": "Unread",
  "notifications.emptyTitle": "No notifications yet",
  "notifications.emptyBody":
    "When a product is approved, an order changes or the Union sends you news, it shows here.",
  "notifications.pagination": "Notification pages",
  "notifications.previous": "Previous page",
  "notifications.next": "Next page",
  "notifications.pageOf": "Page {page} of {pages}",
};
