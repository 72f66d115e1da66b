/** Bank transfer for buyers: which producers take it, the transfer details, copy buttons, the QR download, the deadline (issue 14). */
export const transferVi = {
  "transfer.checkout.unavailable":
    "Chưa thể chuyển khoản cho giỏ hàng này vì {producers} chưa khai báo tài khoản ngân hàng. Bạn hãy chọn cách thanh toán khác, hoặc đặt riêng sản phẩm của nơi này để chuyển khoản cho phần còn lại.",
  "transfer.checkout.refused":
    "Không thể thanh toán bằng chuyển khoản: {producers} chưa khai báo tài khoản ngân hàng. Vui lòng chọn cách thanh toán khác.",

  "transfer.title": "Chuyển khoản để hoàn tất đơn hàng",
  "transfer.intro":
    "Mở ứng dụng ngân hàng, quét mã VietQR hoặc nhập đúng các thông tin dưới đây. Tiền chuyển thẳng vào tài khoản của nhà sản xuất.",
  "transfer.accountName": "Chủ tài khoản",
  "transfer.bank": "Ngân hàng",
  "transfer.accountNumber": "Số tài khoản",
  "transfer.amount": "Số tiền",
  "transfer.message": "Nội dung chuyển khoản",
  "transfer.messageHint": "Ghi đúng mã đơn để nhà sản xuất biết khoản tiền này của đơn nào.",
  "transfer.copy": "Sao chép",
  "transfer.copyLabel": "Sao chép {what}",
  "transfer.copied": "Đã sao chép {what}.",
  "transfer.copyFailed": "Không sao chép được. Bạn hãy chạm giữ vào chữ để chọn và sao chép.",
  "transfer.qr.label": "Mã VietQR để chuyển khoản cho đơn {code}",
  "transfer.qr.caption":
    "Quét bằng ứng dụng ngân hàng bất kỳ. Nếu đang xem trên chính điện thoại của mình, hãy lưu mã QR rồi mở ứng dụng ngân hàng, chọn quét mã từ ảnh.",
  "transfer.qr.save": "Lưu mã QR",
  "transfer.qr.notWaiting": "Đơn hàng này không còn chờ chuyển khoản nên không có mã QR.",
  "transfer.due": "Hạn chuyển khoản: {date}",
  "transfer.afterDue":
    "Nếu đến hạn này nhà sản xuất vẫn chưa xác nhận đã nhận được tiền, hệ thống sẽ tự động hủy đơn (trong vòng khoảng 10 phút sau hạn) và trả số hàng đã giữ cho đơn về kho. Nếu bạn đã chuyển tiền mà đơn vẫn bị hủy, hãy liên hệ nhà sản xuất để được hoàn tiền.",
  "transfer.noAccount.title": "Chưa có thông tin chuyển khoản",
  "transfer.noAccount.body":
    "{producer} chưa khai báo tài khoản ngân hàng trên Cung Cầu nên đơn này chưa có mã VietQR.",
  "transfer.noAccount.contact":
    "Hãy gọi hoặc nhắn Zalo cho nhà sản xuất để hỏi số tài khoản, hoặc hủy đơn rồi đặt lại với cách thanh toán khác.",
  "transfer.noAccount.noPhone":
    "Nhà sản xuất chưa để lại số điện thoại. Bạn hãy hủy đơn rồi đặt lại với cách thanh toán khác.",
  "transfer.noAccount.phone": "Điện thoại của nhà sản xuất:",
} as const;
