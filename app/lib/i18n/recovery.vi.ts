/** Account recovery and confirmed phones: forgot password, one-time codes, staff-issued reset codes, the demo message inbox (issue 15). */
export const recoveryVi = {
  "recovery.sms.resetCode":
    "Cung Cầu: mã đặt lại mật khẩu của bạn là {code}. Mã dùng được 15 phút. Không đưa mã này cho ai.",
  "recovery.sms.confirmCode":
    "Cung Cầu: mã xác nhận số điện thoại của bạn là {code}. Mã dùng được 15 phút.",
  "recovery.sms.staffCodeIssued":
    "Cung Cầu: cán bộ {staff} vừa cấp mã đặt lại mật khẩu cho tài khoản của bạn. Nếu không phải bạn yêu cầu, hãy báo ngay cho Hội.",
  "recovery.email.subject": "Đặt lại mật khẩu Cung Cầu",
  "recovery.email.body":
    "Bạn (hoặc ai đó) vừa yêu cầu đặt lại mật khẩu. Mở liên kết sau trong 15 phút để đặt mật khẩu mới:\n{link}\nNếu không phải bạn, hãy bỏ qua thư này, mật khẩu cũ vẫn dùng được.",

  "recovery.notice.passwordReset.title": "Mật khẩu đã được đặt lại",
  "recovery.notice.passwordReset.body":
    "Mật khẩu tài khoản của bạn vừa được đặt lại và mọi phiên đăng nhập cũ đã bị đăng xuất. Nếu không phải bạn làm, hãy báo ngay cho cán bộ Hội.",
  "recovery.notice.staffCode.title": "Cán bộ đã cấp mã khôi phục",
  "recovery.notice.staffCode.body":
    "Cán bộ {staff} vừa cấp mã đặt lại mật khẩu cho tài khoản của bạn. Nếu không phải bạn yêu cầu, hãy báo ngay cho Hội.",

  "recovery.error.phoneUnconfirmed":
    "Bạn cần xác nhận số điện thoại trước khi làm việc này. Hãy vào trang “Xác nhận số điện thoại” để nhập mã đã gửi qua tin nhắn.",
  "recovery.error.confirmLink": "Xác nhận số điện thoại",
  "recovery.error.code.wrong": "Mã không đúng. Bạn hãy kiểm tra và nhập lại.",
  "recovery.error.code.locked": "Mã này đã bị khóa vì nhập sai quá 5 lần. Bạn hãy xin mã mới.",
  "recovery.error.code.expired":
    "Mã này đã hết hạn hoặc đã được thay bằng mã mới. Bạn hãy xin mã mới.",
  "recovery.error.code.used": "Mã này đã được dùng rồi. Mỗi mã chỉ dùng được một lần.",
  "recovery.error.code.none": "Mã không đúng hoặc không còn dùng được. Bạn hãy xin mã mới.",
  "recovery.error.code.taken":
    "Số điện thoại này vừa được một tài khoản khác dùng. Bạn hãy đổi sang số khác.",
  "recovery.error.codeFormat": "Hãy nhập mã bạn nhận được.",
  "recovery.error.identifier": "Hãy nhập số điện thoại hoặc e-mail của tài khoản.",
  "recovery.error.phone": "Hãy nhập số điện thoại của tài khoản (ví dụ 0912 345 678).",
  "recovery.error.identityCheck":
    "Hãy ghi cách bạn đã kiểm tra người này (ví dụ: “CCCD đối chiếu”), từ 3 đến 200 ký tự.",
  "recovery.error.tooMany": "Bạn đã xin mã quá nhiều lần. Hãy thử lại sau {minutes} phút.",
  "recovery.error.resendWait": "Vừa gửi mã xong. Hãy chờ {seconds} giây rồi bấm “Gửi lại mã”.",
  "recovery.error.terms":
    "Bạn cần đồng ý với Điều khoản sử dụng và Chính sách quyền riêng tư để tạo tài khoản.",

  "recovery.forgot.link": "Quên mật khẩu?",
  "recovery.forgot.title": "Quên mật khẩu",
  "recovery.forgot.intro":
    "Nhập số điện thoại hoặc e-mail của tài khoản. Chúng tôi sẽ gửi mã (qua tin nhắn) hoặc liên kết (qua e-mail) để bạn đặt mật khẩu mới.",
  "recovery.forgot.identifier": "Số điện thoại hoặc e-mail",
  "recovery.forgot.submit": "Gửi mã",
  "recovery.forgot.sent":
    "Nếu có tài khoản với thông tin này, chúng tôi đã gửi mã hoặc liên kết đặt lại mật khẩu. Mã dùng được 15 phút.",
  "recovery.forgot.haveCode": "Đã có mã? Đặt mật khẩu mới",
  "recovery.forgot.staffHelp":
    "Không nhận được tin nhắn, hoặc không còn dùng số điện thoại cũ? Hãy mang CCCD đến cán bộ Hội Nông dân xã. Cán bộ sẽ kiểm tra và cấp cho bạn một mã khôi phục (dùng được 24 giờ).",
  "recovery.forgot.lockedHint": "Quên mật khẩu? Bạn có thể đặt lại mật khẩu mới.",

  "recovery.reset.title": "Đặt mật khẩu mới",
  "recovery.reset.intro":
    "Nhập số điện thoại của tài khoản, mã bạn nhận được (qua tin nhắn hoặc từ cán bộ Hội) và mật khẩu mới.",
  "recovery.reset.introEmail": "Nhập mật khẩu mới cho tài khoản của bạn.",
  "recovery.reset.phone": "Số điện thoại của tài khoản",
  "recovery.reset.code": "Mã",
  "recovery.reset.codeHint": "6 chữ số trong tin nhắn, hoặc 8 ký tự cán bộ đưa (ví dụ ABCD-EFGH).",
  "recovery.reset.submit": "Đặt mật khẩu mới",
  "recovery.reset.done":
    "Đã đặt mật khẩu mới. Mọi nơi đang đăng nhập bằng mật khẩu cũ đã bị đăng xuất. Bạn hãy đăng nhập lại.",
  "recovery.reset.requestAgain": "Xin mã mới",

  "recovery.confirm.title": "Xác nhận số điện thoại",
  "recovery.confirm.intro":
    "Chúng tôi đã gửi mã 6 chữ số qua tin nhắn đến số {phone}. Nhập mã để xác nhận đây là số của bạn.",
  "recovery.confirm.why":
    "Khi chưa xác nhận, bạn vẫn xem hàng và bỏ hàng vào giỏ được, nhưng chưa đặt hàng, đăng nhu cầu mua, chào giá hay đăng ký bán hàng được.",
  "recovery.confirm.code": "Mã xác nhận",
  "recovery.confirm.submit": "Xác nhận",
  "recovery.confirm.resend": "Gửi lại mã",
  "recovery.confirm.resent": "Đã gửi mã mới. Mã cũ không còn dùng được.",
  "recovery.confirm.done": "Đã xác nhận số điện thoại {phone}. Cảm ơn bạn!",
  "recovery.confirm.nothing": "Tài khoản của bạn không có số điện thoại nào chờ xác nhận.",
  "recovery.confirm.continue": "Tiếp tục",
  "recovery.confirm.changed":
    "Đã lưu. Số điện thoại mới cần được xác nhận: hãy nhập mã vừa gửi đến số đó.",

  "recovery.terms.label": "Tôi đồng ý với {terms} và {privacy}",
  "recovery.terms.terms": "Điều khoản sử dụng",
  "recovery.terms.privacy": "Chính sách quyền riêng tư",

  "recovery.staff.nav": "Mã khôi phục",
  "recovery.staff.title": "Cấp mã khôi phục tài khoản",
  "recovery.staff.intro":
    "Dùng khi hội viên hoặc người của nhà sản xuất trong địa bàn của bạn quên mật khẩu và không nhận được tin nhắn. Hãy gặp trực tiếp và kiểm tra giấy tờ trước khi cấp mã.",
  "recovery.staff.searchLabel": "Số điện thoại của tài khoản",
  "recovery.staff.search": "Tìm tài khoản",
  "recovery.staff.found": "Tài khoản: {name} ({phone})",
  "recovery.staff.producers": "Thuộc nhà sản xuất:",
  "recovery.staff.identityCheck": "Bạn đã kiểm tra danh tính thế nào?",
  "recovery.staff.identityCheckHint": "Ví dụ: “CCCD đối chiếu”, “gặp trực tiếp tại UBND xã”.",
  "recovery.staff.issue": "Cấp mã",
  "recovery.staff.issued": "Mã khôi phục cho {name} ({phone})",
  "recovery.staff.issuedHint":
    "Đọc hoặc viết mã này đưa tận tay người đó. Mã chỉ hiện một lần, dùng được một lần, hết hạn lúc {time}. Người đó vào trang “Quên mật khẩu” → “Đặt mật khẩu mới”, nhập số điện thoại và mã này.",
  "recovery.staff.notFound":
    "Không tìm thấy tài khoản hội viên hoặc nhà sản xuất nào có số này trong địa bàn của bạn.",
  "recovery.staff.staffAccount":
    "Đây là tài khoản cán bộ. Không cấp mã khôi phục cho cán bộ ở trang này; hãy báo quản trị viên.",

  "recovery.demo.title": "Tin nhắn đã gửi (bản thử)",
  "recovery.demo.intro":
    "Trang này chỉ có ở bản chạy thử: mọi tin nhắn SMS, Zalo và e-mail mà hệ thống gửi đi được giữ lại ở đây để bạn đọc mã và thử các bước.",
  "recovery.demo.empty": "Chưa có tin nhắn nào.",
  "recovery.demo.to": "Đến: {to}",
  "recovery.demo.channel.sms": "SMS",
  "recovery.demo.channel.zalo": "Zalo",
  "recovery.demo.channel.email": "E-mail",
} as const;
