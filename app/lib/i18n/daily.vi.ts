/** Strings of the producer's workspace home, order wording and shipping details. */
export const dailyVi = {
  "daily.status.cancelledRefundOwed": "Đã hủy · chờ hoàn tiền",
  "daily.status.cancelledRefunded": "Đã hủy · đã hoàn tiền",

  "daily.orders.onlyMethod": "Chỉ các đơn thanh toán bằng: {method}.",
  "daily.orders.anyMethod": "Xem mọi hình thức thanh toán",
  "daily.orders.ofProducer": "Đơn của {name}.",
  "daily.orders.allProducers": "Xem đơn của mọi nhà sản xuất",

  "daily.nav.refunds": "Hoàn tiền",
  "daily.nav.refundsWaiting": "{count} khoản cần chuyển trả người mua",

  "daily.shipment.title": "Vận chuyển",
  "daily.shipment.carrierAndTracking": "Đơn vị vận chuyển: {carrier} · Mã vận đơn: {tracking}",
  "daily.shipment.carrierOnly": "Đơn vị vận chuyển: {carrier}",
  "daily.shipment.trackingOnly": "Mã vận đơn: {tracking}",
  "daily.notice.shipped.title": "Đơn {code} đang giao",
  "daily.notice.shipped.body": "Hàng đã rời nơi sản xuất. {shipment}",

  "daily.ship.title": "Gửi hàng",
  "daily.ship.intro":
    "Nếu gửi qua đơn vị vận chuyển, hãy ghi tên và mã vận đơn để người mua theo dõi (không bắt buộc).",
  "daily.ship.carrier": "Đơn vị vận chuyển",
  "daily.ship.carrierHint": "Ví dụ: Viettel Post, GHN, xe khách Đông Hà – Khe Sanh",
  "daily.ship.tracking": "Mã vận đơn",
  "daily.ship.trackingHint": "Chữ không dấu, số và dấu gạch ngang",
  "daily.ship.error.carrier": "Tên đơn vị vận chuyển dài tối đa 60 ký tự.",
  "daily.ship.error.tracking":
    "Mã vận đơn chỉ gồm chữ không dấu, số và dấu gạch ngang, dài tối đa 40 ký tự.",

  "daily.deliveryNote.business": "Đơn vị mua: {name}",
  "daily.deliveryNote.taxCode": "Mã số thuế: {taxCode}",

  "daily.home.todoTitle": "Việc đang chờ bạn",
  "daily.home.nothingToDo": "Không có việc nào đang chờ.",
  "daily.home.ordersToAccept": "Đơn chờ bạn xác nhận: {count}",
  "daily.home.transfersToCheck": "Đơn chuyển khoản chờ bạn kiểm tra tiền về: {count}",
  "daily.home.ordersToShip": "Đơn cần gửi hàng: {count}",
  "daily.home.ordersToDeliver": "Đơn đang giao, báo khi đã giao: {count}",
  "daily.home.refundsToMake": "Khoản tiền cần chuyển trả người mua: {count} ({amount})",
  "daily.home.requestsToAnswer": "Yêu cầu mua chờ bạn trả lời: {count}",
  "daily.home.listingsSentBack": "Sản phẩm được đề nghị sửa: {count}",
  "daily.home.certificatesTitle": "Chứng nhận sắp hết hạn (30 ngày tới)",
  "daily.home.certificateExpiring": "{kind} của “{title}”: hết hạn ngày {date}",
  "daily.home.salesTitle": "Doanh số tháng {month}",
  "daily.home.salesHint":
    "Tiền hàng của các đơn hoàn tất trong tháng (mọi hình thức thanh toán), trừ tiền đã hoàn cho người mua; như báo cáo của Hội.",
  "daily.home.salesOrders": "{count} đơn hoàn tất",
  "daily.home.suspended": "Gian hàng đang tạm ngưng bán. Lý do: {reason}",
  "daily.home.statementLink": "Xem sổ thu chi",
  "daily.home.changesRequested": "Hội đề nghị bổ sung hồ sơ. Hãy sửa hồ sơ rồi gửi lại.",
  "daily.home.editProfile": "Sửa hồ sơ",
} as const;
