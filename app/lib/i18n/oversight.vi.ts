/** Strings of the audit log, staff work alerts, the staff menu and moderation dates. */
export const oversightVi = {
  "oversight.nav.producers": "Nhà sản xuất",
  "oversight.nav.commission": "Hoa hồng",
  "oversight.nav.audit": "Nhật ký",

  "oversight.audit.title": "Nhật ký hoạt động",
  "oversight.audit.intro":
    "Ai đã làm gì, lúc nào, trong phạm vi đơn vị của bạn: trạng thái trước và sau mỗi thay đổi.",
  "oversight.audit.maskedNote":
    "Thông tin cá nhân (số điện thoại, email, tên người, địa chỉ, số tài khoản, hồ sơ hội viên) được che; chỉ quản trị viên của đơn vị xem được.",
  "oversight.audit.filterAction": "Thao tác",
  "oversight.audit.filterEntity": "Đối tượng",
  "oversight.audit.allActions": "Tất cả thao tác",
  "oversight.audit.allEntities": "Tất cả đối tượng",
  "oversight.audit.from": "Từ ngày",
  "oversight.audit.to": "Đến ngày",
  "oversight.audit.filter": "Lọc",
  "oversight.audit.empty": "Không có mục nào khớp bộ lọc.",
  "oversight.audit.count": "{count} mục",
  "oversight.audit.system": "Hệ thống",
  "oversight.audit.userMasked": "Người dùng #{id}",
  "oversight.audit.entity": "{type} #{id}",
  "oversight.audit.wholeSite": "Toàn hệ thống",
  "oversight.audit.before": "Trước",
  "oversight.audit.after": "Sau",
  "oversight.audit.masked": "(đã che)",
  "oversight.audit.ip": "Địa chỉ IP: {ip}",
  "oversight.audit.maskedBadge": "Đã che thông tin cá nhân",

  "oversight.notice.producer.title": "Hồ sơ nhà sản xuất mới chờ xác minh",
  "oversight.notice.producer.body": "{producer} ({unit}) vừa đăng ký làm nhà sản xuất.",
  "oversight.notice.listing.title": "Sản phẩm mới chờ duyệt",
  "oversight.notice.listing.body": "«{title}» của {producer} ({unit}) đang chờ duyệt.",
  "oversight.notice.revision.title": "Bản sửa sản phẩm chờ duyệt",
  "oversight.notice.revision.body": "Bản sửa của «{title}» ({producer}, {unit}) đang chờ duyệt.",
  "oversight.notice.producerEscalated.title": "Hồ sơ nhà sản xuất chờ quá 3 ngày",
  "oversight.notice.producerEscalated.body":
    "Hồ sơ của {producer} ({unit}) đã chờ xác minh {days} ngày mà {waitingUnit} chưa xử lý.",
  "oversight.notice.listingEscalated.title": "Sản phẩm chờ duyệt quá 3 ngày",
  "oversight.notice.listingEscalated.body":
    "«{title}» của {producer} ({unit}) đã chờ duyệt {days} ngày mà {waitingUnit} chưa xử lý.",
  "oversight.notice.revisionEscalated.title": "Bản sửa chờ duyệt quá 3 ngày",
  "oversight.notice.revisionEscalated.body":
    "Bản sửa của «{title}» ({producer}, {unit}) đã chờ duyệt {days} ngày mà {waitingUnit} chưa xử lý.",

  "oversight.bulk.titleTaken": "nhà sản xuất đã có sản phẩm khác cùng tên.",
  "oversight.bulk.failed": "không duyệt được; mở mục này để xem lý do.",
  "oversight.previousRound": "Ghi chú của lần duyệt trước ({date}): {note}",
  "oversight.previousRoundUndated": "Ghi chú của lần duyệt trước: {note}",
  "oversight.currentNote": "Góp ý của cán bộ Hội ({date}): {note}",
} as const;
