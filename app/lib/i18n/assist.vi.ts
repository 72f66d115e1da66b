/** Assisted mode: staff create a producer and act for it (issue 15). */
export const assistVi = {
  "assist.banner.label": "Chế độ thao tác thay",
  "assist.banner.text": "Đang thao tác thay {producer}",
  "assist.banner.end": "Kết thúc",
  "assist.banner.hint": "Mọi việc bạn làm đều được ghi lại với tên bạn và tên nơi này.",

  "assist.start.title": "Thao tác thay",
  "assist.start.hint":
    "Dùng khi chị em nhờ bạn đăng sản phẩm, sửa hồ sơ hay trả lời đơn hàng. Bạn vẫn đăng nhập bằng tài khoản của mình; mọi việc được ghi lại với cả hai tên. Không đổi được tài khoản ngân hàng, số điện thoại, mật khẩu, thành viên, cũng không chi trả tiền. Tự kết thúc sau 30 phút không dùng.",
  "assist.start.button": "Bắt đầu thao tác thay {producer}",
  "assist.start.active": "Bạn đang thao tác thay nơi này.",

  "assist.new.link": "Tạo nhà sản xuất mới",
  "assist.new.title": "Tạo nhà sản xuất và tài khoản đầu tiên",
  "assist.new.intro":
    "Dành cho chị em đến Hội nhờ đăng ký. Nhà sản xuất được xác minh luôn vì bạn đã gặp trực tiếp. Tài khoản chưa có mật khẩu: sau khi tạo, hãy cấp mã khôi phục để chị ấy tự đặt mật khẩu của mình.",
  "assist.new.producerLegend": "Nhà sản xuất",
  "assist.new.producerName": "Tên nhà sản xuất",
  "assist.new.producerKind": "Loại hình",
  "assist.new.orgUnit": "Thuộc cơ sở Hội",
  "assist.new.address": "Địa chỉ",
  "assist.new.membersTotal": "Số thành viên",
  "assist.new.memberLegend": "Người phụ trách (tài khoản đầu tiên)",
  "assist.new.memberName": "Họ và tên",
  "assist.new.memberPhone": "Số điện thoại",
  "assist.new.memberPhoneHint": "Chị ấy dùng số này để đăng nhập.",
  "assist.new.submit": "Tạo nhà sản xuất",
  "assist.new.created":
    "Đã tạo {producer} (mã {code}). Hãy cấp mã khôi phục để chị ấy tự đặt mật khẩu, hoặc bắt đầu thao tác thay ngay.",
  "assist.new.resetLink": "Cấp mã khôi phục cho chị ấy",

  "assist.history.nav": "Việc cán bộ làm thay",
  "assist.history.title": "Việc cán bộ làm thay",
  "assist.history.intro":
    "Những việc cán bộ Hội đã làm thay {producer} khi chị em nhờ. Nếu có việc bạn không nhờ, hãy báo cho Hội.",
  "assist.history.empty": "Chưa có cán bộ nào thao tác thay nơi này.",
  "assist.history.entry": "Cán bộ {staff} thao tác thay {producer}",
  "assist.history.what": "Việc: {action} · {type} {id}",
  "assist.history.someStaff": "(đã xóa tên)",

  "assist.actions.started": "Bắt đầu thao tác thay",
  "assist.actions.ended": "Kết thúc thao tác thay",
  "assist.actions.created": "Tạo nhà sản xuất và tài khoản đầu tiên",
  "assist.actions.request": "Lưu một biểu mẫu ở trang {page}",

  "assist.log.both": "Cán bộ {staff} thao tác thay {producer}",
  "assist.log.someStaff": "(ẩn tên)",

  "assist.error.noSession": "Cần đăng nhập bằng trình duyệt để thao tác thay.",
  "assist.error.producerNotFound": "Không tìm thấy nhà sản xuất này.",
  "assist.error.outsideSubtree": "Nhà sản xuất này không thuộc cơ sở Hội bạn phụ trách.",
  "assist.error.refusedInAssist":
    "Không làm được việc này khi đang thao tác thay: đổi tài khoản ngân hàng, số điện thoại, mật khẩu, thành viên hay chi trả tiền thì chính chủ phải tự làm.",
  "assist.error.badRequest": "Yêu cầu không hợp lệ.",
  "assist.error.producerName": "Tên nhà sản xuất dài từ 3 đến 150 ký tự.",
  "assist.error.producerKind": "Hãy chọn loại hình.",
  "assist.error.orgUnit": "Hãy chọn một cơ sở Hội bạn phụ trách.",
  "assist.error.address": "Địa chỉ dài từ 5 đến 300 ký tự.",
  "assist.error.membersTotal": "Số thành viên là số nguyên từ 1 trở lên.",
  "assist.error.memberName": "Họ và tên dài từ 2 đến 120 ký tự.",
  "assist.error.memberPhone": "Số điện thoại chưa đúng (ví dụ 0912 345 678).",
  "assist.error.phoneTaken": "Số điện thoại này đã có tài khoản.",
  "assist.error.nameTaken": "Đã có nhà sản xuất mang tên này.",
} as const;
