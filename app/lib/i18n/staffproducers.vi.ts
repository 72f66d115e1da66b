/** Strings of staff's producer directory, suspension, unpublishing and verification. */
export const staffproducersVi = {
  "staffproducers.directory.title": "Danh bạ nhà sản xuất",
  "staffproducers.directory.intro":
    "Các nhà sản xuất thuộc đơn vị Hội của bạn. Tìm theo tên hoặc mã, lọc theo trạng thái, xã/phường và loại hình.",
  "staffproducers.directory.search": "Tìm theo tên hoặc mã",
  "staffproducers.directory.status": "Trạng thái",
  "staffproducers.directory.kind": "Loại hình",
  "staffproducers.directory.commune": "Xã/phường",
  "staffproducers.directory.any": "Tất cả",
  "staffproducers.directory.apply": "Lọc",
  "staffproducers.directory.clear": "Bỏ lọc",
  "staffproducers.directory.count": "{count} nhà sản xuất",
  "staffproducers.directory.empty": "Không có nhà sản xuất nào khớp bộ lọc.",
  "staffproducers.directory.listings": "{count} sản phẩm đang bán",

  "staffproducers.page.title": "Nhà sản xuất {name}",
  "staffproducers.page.back": "← Danh bạ nhà sản xuất",
  "staffproducers.page.unit": "Đơn vị Hội",
  "staffproducers.page.status": "Trạng thái",
  "staffproducers.page.contact": "Liên hệ",
  "staffproducers.page.registeredOn": "Đăng ký ngày",
  "staffproducers.page.suspended": "Tạm ngưng từ {date}. Lý do: {reason}",
  "staffproducers.page.verificationNote": "Ghi chú xác minh ({date}): {note}",
  "staffproducers.page.verifyLink": "Mở trang xác minh hồ sơ",
  "staffproducers.page.openOrders": "Đơn hàng đang mở: {count}",
  "staffproducers.page.openOrdersHint":
    "Khi tạm ngưng, các đơn hàng đang mở vẫn giữ nguyên: nhà sản xuất tiếp tục giao, hoặc cán bộ Hội huỷ đơn.",
  "staffproducers.page.listings": "Sản phẩm ({count})",
  "staffproducers.page.noListings": "Nhà sản xuất chưa có sản phẩm nào.",
  "staffproducers.page.review": "Xem trang kiểm duyệt",

  "staffproducers.suspend.title": "Tạm ngưng nhà sản xuất",
  "staffproducers.suspend.explain":
    "Khi tạm ngưng, mọi sản phẩm của nhà sản xuất rời khỏi sàn, kết quả tìm kiếm, API và giỏ hàng ngay lập tức; các chào giá đang mở bị rút. Nhà sản xuất nhận thông báo kèm lý do.",
  "staffproducers.suspend.reason": "Lý do tạm ngưng (nhà sản xuất sẽ đọc)",
  "staffproducers.suspend.confirm": "Tôi xác nhận tạm ngưng {name}.",
  "staffproducers.suspend.submit": "Tạm ngưng",
  "staffproducers.reinstate.title": "Cho hoạt động trở lại",
  "staffproducers.reinstate.explain":
    "Sản phẩm đang bán của nhà sản xuất sẽ hiện lại trên sàn và trong tìm kiếm. Chào giá đã rút không được khôi phục.",
  "staffproducers.reinstate.reason": "Lý do (nhà sản xuất sẽ đọc)",
  "staffproducers.reinstate.confirm": "Tôi xác nhận cho {name} hoạt động trở lại.",
  "staffproducers.reinstate.submit": "Cho hoạt động trở lại",
  "staffproducers.unpublish.title": "Gỡ khỏi sàn",
  "staffproducers.unpublish.explain":
    "Sản phẩm chuyển sang “Cần chỉnh sửa” với lý do của bạn; nhà sản xuất sửa và gửi duyệt lại.",
  "staffproducers.unpublish.reason": "Lý do gỡ (nhà sản xuất sẽ đọc)",
  "staffproducers.unpublish.submit": "Gỡ sản phẩm khỏi sàn",

  "staffproducers.done.suspended": "Đã tạm ngưng nhà sản xuất. Sản phẩm đã rời khỏi sàn.",
  "staffproducers.done.reinstated": "Nhà sản xuất đã hoạt động trở lại.",
  "staffproducers.done.unpublished": "Đã gỡ sản phẩm khỏi sàn.",
  "staffproducers.cancelOrder.title": "Huỷ đơn {code}",
  "staffproducers.cancelOrder.explain":
    "Hàng đặt được trả lại kho; tiền thẻ do sàn hoàn, tiền chuyển khoản nhà sản xuất đã nhận thành khoản chị phải chuyển trả. Người mua và nhà sản xuất nhận thông báo kèm lý do.",
  "staffproducers.cancelOrder.reason": "Lý do huỷ (người mua và nhà sản xuất sẽ đọc)",
  "staffproducers.cancelOrder.confirm": "Tôi xác nhận huỷ đơn {code}.",
  "staffproducers.cancelOrder.submit": "Huỷ đơn hàng",
  "staffproducers.done.orderCancelled": "Đã huỷ đơn hàng. Người mua và nhà sản xuất đã được báo.",

  "staffproducers.verify.counts": "Số thành viên khai báo",
  "staffproducers.verify.noteOfDecision": "Ghi chú lần xác minh trước ({date}): {note}",

  "staffproducers.resubmit.title": "Bổ sung hồ sơ và gửi lại",
  "staffproducers.resubmit.asked": "Cán bộ Hội đề nghị ({date}): {note}",
  "staffproducers.resubmit.intro":
    "Sửa các thông tin đã khai báo theo đề nghị, rồi gửi lại. Hồ sơ sẽ trở về hàng chờ xác minh.",
  "staffproducers.resubmit.submit": "Gửi lại để xác minh",
  "staffproducers.resubmit.notAsked": "Hồ sơ của {name} hiện không cần bổ sung.",
  "staffproducers.resubmit.sent": "Đã gửi lại hồ sơ. Cán bộ Hội sẽ xác minh lại.",

  "staffproducers.cart.producerSuspended":
    "“{title}”: nhà sản xuất đang tạm ngưng bán trên sàn nên chưa đặt được. Hãy xoá sản phẩm này khỏi giỏ để đặt các sản phẩm khác.",

  "staffproducers.error.reason": "Hãy ghi lý do, ít nhất 5 ký tự.",
  "staffproducers.error.reasonTooLong": "Lý do dài quá 1.000 ký tự.",
  "staffproducers.error.confirm": "Hãy đánh dấu ô xác nhận.",
  "staffproducers.error.count": "Nhập một số nguyên từ 0 trở lên.",
  "staffproducers.error.countPart": "Không được lớn hơn tổng số thành viên.",
  "staffproducers.error.address": "Nhập địa chỉ (5 đến 300 ký tự).",
  "staffproducers.error.foundedYear": "Năm thành lập từ 1900 đến năm nay.",
  "staffproducers.error.notFound": "Không tìm thấy nhà sản xuất này.",
  "staffproducers.error.notVerified":
    "Chỉ tạm ngưng được nhà sản xuất đang hoạt động (đã xác minh).",
  "staffproducers.error.notSuspended": "Nhà sản xuất này không bị tạm ngưng.",
  "staffproducers.error.notPublished": "Sản phẩm này hiện không bán trên sàn.",
  "staffproducers.error.notChangesRequested": "Hồ sơ này hiện không ở trạng thái cần bổ sung.",

  "staffproducers.notice.suspended.title": "{name} bị tạm ngưng trên sàn",
  "staffproducers.notice.suspended.body":
    "Cán bộ Hội đã tạm ngưng {name}. Lý do: {reason}. Sản phẩm không còn hiển thị; các đơn hàng đang mở vẫn cần được giao.",
  "staffproducers.notice.reinstated.title": "{name} hoạt động trở lại",
  "staffproducers.notice.reinstated.body":
    "Cán bộ Hội đã cho {name} hoạt động trở lại ({reason}). Sản phẩm đang bán đã hiện lại trên sàn.",
  "staffproducers.notice.offerWithdrawn.title": "Một chào giá cho yêu cầu {code} đã bị rút",
  "staffproducers.notice.offerWithdrawn.body":
    "{name} đang tạm ngưng trên sàn nên chào giá của họ cho yêu cầu {code} đã được rút.",
  "staffproducers.notice.unpublished.title": "“{title}” đã bị gỡ khỏi sàn",
  "staffproducers.notice.unpublished.body":
    "Cán bộ Hội đã gỡ “{title}” khỏi sàn. Lý do: {reason}. Hãy chỉnh sửa và gửi duyệt lại.",
  "staffproducers.notice.changesRequested.title": "Hồ sơ {name} cần bổ sung",
  "staffproducers.notice.changesRequested.body":
    "Cán bộ Hội đề nghị bổ sung hồ sơ: {reason}. Hãy sửa và gửi lại để được xác minh.",
} as const;
