/** Strings of the notification inbox (/thong-bao). */
export const notificationsVi = {
  "notifications.title": "Thông báo",
  "notifications.intro": "Tin về sản phẩm, đơn hàng và hồ sơ của bạn.",
  "notifications.unreadCount": "{count} thông báo chưa đọc",
  "notifications.allRead": "Bạn đã đọc hết thông báo.",
  "notifications.markAllRead": "Đánh dấu tất cả là đã đọc",
  "notifications.markedAllRead": "Đã đánh dấu {count} thông báo là đã đọc.",
  "notifications.open": "Xem chi tiết",
  "notifications.markRead": "Đánh dấu đã đọc",
  "notifications.unread": "Chưa đọc",
  "notifications.emptyTitle": "Chưa có thông báo nào",
  "notifications.emptyBody":
    "Khi sản phẩm được duyệt, đơn hàng có thay đổi hoặc Hội gửi tin cho bạn, thông báo sẽ hiện ở đây.",
  "notifications.pagination": "Các trang thông báo",
  "notifications.previous": "Trang trước",
  "notifications.next": "Trang sau",
  "notifications.pageOf": "Trang {page}/{pages}",
} as const;
