/** Privacy (decree 13/2023/NĐ-CP): terms and privacy pages, consent, data download, closing an account (issue 15). */
export const privacyVi = {
  "privacy.error.noAccount": "Không tìm thấy tài khoản.",
  "privacy.error.wrongPassword":
    "Mật khẩu không đúng. Vui lòng nhập lại mật khẩu bạn dùng để đăng nhập.",
  "privacy.error.staffAccount":
    "Tài khoản cán bộ Hội không tự đóng ở đây. Vui lòng nhờ quản trị viên của đơn vị bạn.",
  "privacy.error.passwordRequired": "Vui lòng nhập mật khẩu.",
  "privacy.error.confirmRequired":
    "Vui lòng đánh dấu ô xác nhận nếu bạn chắc chắn muốn đóng tài khoản.",

  "privacy.accountLink": "Dữ liệu của tôi: tải về, đóng tài khoản",
  "privacy.footer.terms": "Điều khoản sử dụng",
  "privacy.footer.privacy": "Quyền riêng tư",
  "privacy.version": "Phiên bản {version}.",

  "privacy.terms.title": "Điều khoản sử dụng",
  "privacy.terms.intro":
    "Cung Cầu là chợ trực tuyến của Hội Liên hiệp Phụ nữ tỉnh Quảng Trị, nối người mua với các hợp tác xã, tổ hợp tác và hộ kinh doanh do phụ nữ làm chủ. Khi đăng ký tài khoản, bạn đồng ý với những điều dưới đây.",
  "privacy.terms.accountTitle": "Tài khoản của bạn",
  "privacy.terms.account":
    "Bạn dùng thông tin thật, giữ mật khẩu cho riêng mình và chịu trách nhiệm về những gì làm bằng tài khoản. Mỗi số điện thoại chỉ dùng cho một tài khoản.",
  "privacy.terms.ordersTitle": "Đặt hàng và thanh toán",
  "privacy.terms.orders":
    "Mỗi đơn hàng là thỏa thuận giữa bạn và nhà sản xuất. Giá, phí giao hàng và cách thanh toán hiện rõ trước khi bạn đặt. Nhà sản xuất xác nhận, giao hàng và hoàn tiền theo quy định trên trang đơn hàng.",
  "privacy.terms.sellersTitle": "Nhà sản xuất",
  "privacy.terms.sellers":
    "Nhà sản xuất chỉ đăng bán hàng mình làm ra hoặc được phép bán, ghi đúng nguồn gốc, giấy chứng nhận và giá. Cán bộ Hội duyệt hồ sơ và sản phẩm trước khi hiển thị.",
  "privacy.terms.conductTitle": "Cách cư xử",
  "privacy.terms.conduct":
    "Không đăng nội dung sai sự thật, xúc phạm người khác hay vi phạm pháp luật. Cán bộ Hội có thể ẩn nội dung và khóa tài khoản vi phạm.",
  "privacy.terms.dataTitle": "Dữ liệu cá nhân",
  "privacy.terms.data":
    "Chúng tôi xử lý dữ liệu cá nhân của bạn theo Nghị định 13/2023/NĐ-CP, như trang Quyền riêng tư mô tả. Bạn có thể tải dữ liệu của mình và đóng tài khoản bất cứ lúc nào.",
  "privacy.terms.changesTitle": "Khi điều khoản thay đổi",
  "privacy.terms.changes":
    "Khi điều khoản thay đổi về nội dung, chúng tôi báo trên trang này và ghi số phiên bản mới. Lần đăng ký của bạn ghi lại phiên bản bạn đã đồng ý.",

  "privacy.notice.title": "Quyền riêng tư",
  "privacy.notice.intro":
    "Trang này nói rõ Cung Cầu giữ dữ liệu gì về bạn, để làm gì, giữ bao lâu và bạn có những quyền gì, theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân.",
  "privacy.notice.closed":
    "Tài khoản của bạn đã được đóng. Bạn đã được đăng xuất. Khi các đơn hàng còn dở đã xong, thông tin cá nhân của bạn sẽ được xóa như mô tả dưới đây.",
  "privacy.notice.whatTitle": "Dữ liệu chúng tôi giữ",
  "privacy.notice.what":
    "Tên, số điện thoại, e-mail (nếu có) và mật khẩu đã mã hóa; địa chỉ giao hàng; đơn hàng, yêu cầu cần mua, chào giá, đánh giá và thông báo của bạn; thời điểm bạn đồng ý với điều khoản. Với nhà sản xuất: hồ sơ cơ sở và tài khoản ngân hàng nhận tiền.",
  "privacy.notice.whyTitle": "Để làm gì",
  "privacy.notice.why":
    "Để giao hàng, thanh toán và liên lạc về đơn hàng; để cán bộ Hội hỗ trợ và báo cáo kết quả (chỉ số liệu tổng hợp); để giữ an toàn cho tài khoản. Chúng tôi không bán dữ liệu của bạn và không dùng để quảng cáo.",
  "privacy.notice.whoTitle": "Ai được xem",
  "privacy.notice.who":
    "Nhà sản xuất bạn đặt hàng thấy tên, số điện thoại và địa chỉ giao hàng của đơn đó. Cán bộ Hội thấy những gì cần để hỗ trợ trong phạm vi đơn vị của mình. Tin nhắn và e-mail được gửi qua nhà cung cấp dịch vụ.",
  "privacy.notice.howLongTitle": "Giữ bao lâu",
  "privacy.notice.howLong":
    "Chúng tôi giữ dữ liệu khi tài khoản còn mở. Khi bạn đóng tài khoản, thông tin cá nhân được xóa ngay khi các đơn hàng còn dở đã xong. Đơn hàng, hóa đơn và sổ thu chi vẫn được giữ nhưng không còn tên, số điện thoại hay địa chỉ của bạn, vì nhà sản xuất cần chúng cho sổ sách và thuế.",
  "privacy.notice.backupsTitle": "Bản sao lưu",
  "privacy.notice.backups":
    "Cơ sở dữ liệu được sao lưu hằng ngày để phòng sự cố. Mỗi bản sao lưu được giữ {days} ngày rồi xóa hẳn, nên sau {days} ngày dữ liệu đã xóa của bạn không còn ở đâu nữa.",
  "privacy.notice.rightsTitle": "Quyền của bạn",
  "privacy.notice.rights":
    "Bạn có quyền xem, sửa, tải về dữ liệu của mình, rút lại sự đồng ý và yêu cầu xóa dữ liệu. Bạn sửa hồ sơ ở trang Tài khoản; tải dữ liệu và đóng tài khoản ở trang Dữ liệu của tôi.",
  "privacy.notice.myData": "Đến trang Dữ liệu của tôi",
  "privacy.notice.contactTitle": "Liên hệ",
  "privacy.notice.contact":
    "Mọi câu hỏi về dữ liệu cá nhân, xin gửi cho Hội Liên hiệp Phụ nữ tỉnh Quảng Trị, hoặc nhờ cán bộ Hội ở xã, phường của bạn chuyển giúp.",

  "privacy.data.title": "Dữ liệu của tôi",
  "privacy.data.intro":
    "Tải về mọi dữ liệu Cung Cầu giữ về bạn, hoặc đóng tài khoản. Đọc thêm ở trang Quyền riêng tư.",
  "privacy.data.privacyLink": "Quyền riêng tư",
  "privacy.data.downloadTitle": "Tải dữ liệu về máy",
  "privacy.data.download":
    "Một tệp JSON gồm hồ sơ, địa chỉ, đơn hàng, yêu cầu cần mua, chào giá, đánh giá, thông báo và lần đồng ý điều khoản của bạn.",
  "privacy.data.downloadButton": "Tải dữ liệu (JSON)",
  "privacy.data.consent": "Bạn đồng ý với điều khoản phiên bản {version} lúc {date}.",
  "privacy.data.noConsent": "Chưa ghi nhận lần đồng ý điều khoản nào.",
  "privacy.data.closeTitle": "Đóng tài khoản",
  "privacy.data.close":
    "Khi đóng, bạn bị đăng xuất khỏi mọi thiết bị và không đăng nhập lại được nữa. Tên, số điện thoại, e-mail và địa chỉ của bạn sẽ bị xóa. Đơn hàng vẫn được giữ, không kèm tên bạn, để nhà sản xuất đối chiếu sổ sách.",
  "privacy.data.closeStart": "Tôi muốn đóng tài khoản",
  "privacy.data.confirmTitle": "Xác nhận đóng tài khoản",
  "privacy.data.openOrders":
    "Bạn còn {count} đơn hàng chưa xong. Tài khoản đóng ngay, còn thông tin cá nhân sẽ được xóa khi các đơn này hoàn tất hoặc bị hủy.",
  "privacy.data.noOpenOrders":
    "Bạn không còn đơn hàng nào đang dở: thông tin cá nhân sẽ được xóa ngay.",
  "privacy.data.cannotUndo": "Việc này không hoàn tác được.",
  "privacy.data.confirmCheckbox": "Tôi hiểu và muốn đóng tài khoản của mình.",
  "privacy.data.password": "Mật khẩu hiện tại",
  "privacy.data.closeSubmit": "Đóng tài khoản",
  "privacy.data.cancel": "Thôi, giữ tài khoản",
} as const;
