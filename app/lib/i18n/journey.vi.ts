/** Pages that lead to buying: home sections, product cards and page extras, order timeline, cart extras, rating input, units in English (issue 14). */
export const journeyVi = {
  // A quantity with its unit; Vietnamese nouns have no plural, so the plural words repeat them.
  "journey.quantity": "{qty} {unit}",
  "journey.unitPlural.kg": "kg",
  "journey.unitPlural.gói": "gói",
  "journey.unitPlural.hộp": "hộp",
  "journey.unitPlural.chai": "chai",
  "journey.unitPlural.lít": "lít",
  "journey.unitPlural.túi": "túi",
  "journey.unitPlural.cái": "cái",
  "journey.unitPlural.bộ": "bộ",
  "journey.unitPlural.tấm": "tấm",
  "journey.unitPlural.hũ": "hũ",

  "journey.home.ocopTitle": "Sản phẩm OCOP",
  "journey.home.ocopAll": "Xem thêm sản phẩm OCOP",
  "journey.home.provinceTitle": "Sản phẩm ở {province}",

  "journey.menu.scrollForAll": "Kéo xuống để xem đủ {count} danh mục",

  "journey.rating.summary": "Được chấm {average} trên 5 sao qua {count} đánh giá",
  "journey.rating.summaryOne": "Được chấm {average} trên 5 sao qua {count} đánh giá",
  "journey.stars.hint": "Bấm vào ngôi sao: 1 sao là kém nhất, 5 sao là tốt nhất.",

  "journey.share.title": "Chia sẻ sản phẩm",
  "journey.share.zalo": "Gửi qua Zalo",
  "journey.share.facebook": "Chia sẻ lên Facebook",
  "journey.share.copy": "Sao chép liên kết",
  "journey.share.copied": "Đã sao chép liên kết.",
  "journey.share.copyFailed": "Không sao chép được. Hãy giữ ngón tay trên ô liên kết để sao chép.",
  "journey.share.linkLabel": "Liên kết đến sản phẩm",
  "journey.share.qr": "Mã QR truy xuất nguồn gốc",
  "journey.share.newWindow": "(mở trang mới)",

  "journey.buy.minimum": "Đặt tối thiểu {quantity}.",
  "journey.buy.available": "Còn {quantity} trong kho.",
  "journey.buy.lineTotal": "Thành tiền cho {quantity}: {total}",

  "journey.timeline.title": "Tiến trình đơn hàng",
  "journey.timeline.placed": "Đã đặt hàng",
  "journey.timeline.confirmed": "Nhà sản xuất đã xác nhận",
  "journey.timeline.shipped": "Đã gửi hàng",
  "journey.timeline.delivered": "Đã giao hàng",
  "journey.timeline.completed": "Đã hoàn tất",
  "journey.timeline.cancelled": "Đã hủy",
  "journey.timeline.carrier": "Đơn vị vận chuyển: {carrier}",
  "journey.timeline.tracking": "Mã vận đơn: {number}",
  "journey.timeline.notYet": "Chưa đến bước này",
  "journey.timeline.done": "Đã xong:",
  "journey.timeline.pending": "Chưa xong:",

  "journey.orders.products": "Sản phẩm: {titles}",
  "journey.orders.moreProducts": "{titles} và {count} sản phẩm khác",

  "journey.cart.continue": "Tiếp tục mua hàng",
} as const;
