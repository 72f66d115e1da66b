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
  "notifications.error.badRequest": "The request was not valid. Please reload the page.",

  "notice.legacy.title": "{title}",
  "notice.legacy.body": "{body}",

  "notice.order.buyer.placed.title": "Order {code} placed",
  "notice.order.buyer.placed.body": "Your order was sent to the producer.",
  "notice.order.buyer.confirmed.title": "Order {code} confirmed",
  "notice.order.buyer.confirmed.body": "The producer is preparing your goods.",
  "notice.order.buyer.paid.title": "Payment received for {code}",
  "notice.order.buyer.paid.body": "The producer is preparing it.",
  "notice.order.buyer.shipping.title": "Order {code} is on its way",
  "notice.order.buyer.shipping.body": "The goods have left the producer.",
  "notice.order.buyer.delivered.title": "Order {code} delivered",
  "notice.order.buyer.delivered.body": "Please confirm receipt and leave a review.",
  "notice.order.buyer.cancelled.title": "Order {code} cancelled",
  "notice.order.buyer.cancelled.body": "{reason}",
  "notice.order.buyer.refunded.title": "Refund for {code}",
  "notice.order.buyer.refunded.body": "A refund was recorded.",

  "notice.order.producer.placed.title": "New order {code}",
  "notice.order.producer.placed.body": "A new order is waiting for you.",
  "notice.order.producer.paid.title": "Order {code} paid",
  "notice.order.producer.paid.body": "Please prepare and ship it.",
  "notice.order.producer.completed.title": "Order {code} completed",
  "notice.order.producer.completed.body": "The buyer received the goods.",
  "notice.order.producer.cancelled.title": "Order {code} cancelled",
  "notice.order.producer.cancelled.body": "{reason}",
  "notice.order.producer.reviewed.title": "New review on {code}",
  "notice.order.producer.reviewed.body": "The buyer reviewed a product.",

  "notice.listing.approve.title": "“{title}” was approved",
  "notice.listing.approve.body": "Buyers can now see the product.",
  "notice.listing.reject.title": "“{title}” was rejected",
  "notice.listing.reject.body": "Reason: {reason}",
  "notice.listing.request_changes.title": "Changes requested on “{title}”",
  "notice.listing.request_changes.body": "The Union's note: {reason}",
  "notice.revision.approve.title": "Your edit of “{title}” was approved",
  "notice.revision.approve.body": "Buyers now see the new version.",
  "notice.revision.reject.title": "Your edit of “{title}” was rejected",
  "notice.revision.reject.body": "Reason: {reason}. The published version stays.",
  "notice.revision.request_changes.title": "Changes requested on your edit of “{title}”",
  "notice.revision.request_changes.body": "The Union's note: {reason}",
  "notice.producer.verified.title": "{name} is verified",
  "notice.producer.verified.body": "Approved products are now shown to buyers.",
  "notice.producer.rejected.title": "{name} was not verified",
  "notice.producer.rejected.body": "Reason: {reason}",

  "notice.certificate.expiring.title": "The {kind} certificate of “{title}” expires soon",
  "notice.certificate.expiring.body":
    "Certificate expires on {date}. Renew it and update the listing to keep the badge.",
  "notice.certificate.expiringNumbered.title": "The {kind} certificate of “{title}” expires soon",
  "notice.certificate.expiringNumbered.body":
    "Certificate {number} expires on {date}. Renew it and update the listing to keep the badge.",

  "cancelReason.buyerGaveNone": "The buyer cancelled the order.",
  "cancelReason.transferOverdue":
    "The bank transfer was not received within 3 days; the order was cancelled automatically.",
  "cancelReason.cardFailed": "The card payment did not go through.",
  "cancelReason.cardExpired":
    "The card payment session expired; the order was cancelled automatically.",
  "cancelReason.cardSessionFailed": "The card payment page could not be opened.",
  "cancelReason.cancelledBeforePayment": "The order was cancelled before the payment arrived.",
};
