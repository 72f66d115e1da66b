/** Checkout without surprises: totals before confirming, pickup-only checkout, pickup hours, the address book (issue 14). */
export const checkoutflowVi = {
  "checkoutFlow.pickupHoursLabel": "Giờ nhận hàng tại cơ sở (không bắt buộc)",
  "checkoutFlow.pickupHoursHint":
    "Người mua chọn “Nhận tại nhà sản xuất” sẽ thấy giờ này. Ví dụ: 7:00–17:00 hằng ngày.",
  "checkoutFlow.pickupHours": "Giờ nhận hàng: {hours}",
  "checkoutFlow.pickupHoursUnknown": "Giờ nhận hàng: hãy gọi nhà sản xuất để hẹn.",
  "checkoutFlow.pickupFrom": "Nhận tại: {address}",
  "checkoutFlow.receiverTitle": "Người nhận hàng",
  "checkoutFlow.noAddressNeeded":
    "Bạn nhận tất cả tại nhà sản xuất, nên không cần địa chỉ giao hàng. Chỉ cần họ tên và số điện thoại người đến nhận.",
  "checkoutFlow.addressOnlyForDelivery":
    "Chỉ cần điền địa chỉ khi có nhà sản xuất giao tận nơi. Nếu nhận tất cả tại nhà sản xuất, có thể để trống.",
  "checkoutFlow.saveAddress": "Lưu địa chỉ này",
  "checkoutFlow.goods": "Tiền hàng",
  "checkoutFlow.deliveryFees": "Phí giao hàng",
  "checkoutFlow.total": "Tổng cộng",
  "checkoutFlow.update": "Cập nhật",
  "checkoutFlow.updateHint":
    "Đổi cách nhận hàng xong, bấm “Cập nhật” để tính lại tổng tiền. Đơn chưa được đặt.",
  "checkoutFlow.error.communeNotInProvince":
    "Vui lòng chọn xã, phường trong danh sách của tỉnh, thành phố đã chọn.",
  "checkoutFlow.error.pickupHours": "Giờ nhận hàng viết trên một dòng, tối đa 80 ký tự.",

  "addressBook.title": "Sổ địa chỉ",
  "addressBook.intro":
    "Địa chỉ nhận hàng đã lưu. Khi đặt hàng, địa chỉ dùng gần nhất (hoặc địa chỉ mặc định) được điền sẵn.",
  "addressBook.manage": "Quản lý sổ địa chỉ",
  "addressBook.saved": "Đã lưu sổ địa chỉ.",
  "addressBook.addLink": "Thêm địa chỉ",
  "addressBook.add": "Lưu địa chỉ",
  "addressBook.save": "Lưu thay đổi",
  "addressBook.cancel": "Hủy",
  "addressBook.newTitle": "Thêm địa chỉ nhận hàng",
  "addressBook.editTitle": "Sửa địa chỉ nhận hàng",
  "addressBook.emptyTitle": "Chưa có địa chỉ nào",
  "addressBook.emptyBody":
    "Thêm địa chỉ ở đây, hoặc đánh dấu “Lưu địa chỉ này” khi đặt hàng giao tận nơi.",
  "addressBook.default": "Mặc định",
  "addressBook.makeDefault": "Đặt làm mặc định",
  "addressBook.makeDefaultLabel": "Đặt làm địa chỉ mặc định",
  "addressBook.edit": "Sửa",
  "addressBook.delete": "Xóa",
  "addressBook.deleteConfirm": "Xóa địa chỉ này khỏi sổ? Các đơn đã đặt vẫn giữ địa chỉ của đơn.",
  "addressBook.deleteYes": "Xóa địa chỉ",
  "addressBook.error.notFound": "Không tìm thấy địa chỉ này trong sổ địa chỉ của bạn.",
  "addressBook.error.badRequest": "Yêu cầu không hợp lệ. Vui lòng tải lại trang sổ địa chỉ.",
  "addressBook.error.summary": "Địa chỉ chưa lưu được. Vui lòng sửa các mục báo lỗi bên dưới.",
} as const;
