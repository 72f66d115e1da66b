/** Support campaigns: partners' pledges and the search filter (issue 16). */
export const pledgesVi = {
  "pledges.title": "Cam kết mua",

  "pledges.partnerKind.business": "Doanh nghiệp",
  "pledges.partnerKind.social_enterprise": "Doanh nghiệp xã hội",
  "pledges.partnerKind.charity": "Tổ chức từ thiện",
  "pledges.partnerKind.organisation": "Tổ chức, hội đoàn",
  "pledges.partnerKind.other": "Khác",
  "pledges.status.pending": "Chờ Hội duyệt",
  "pledges.status.approved": "Đã duyệt",
  "pledges.status.declined": "Không được duyệt",
  "pledges.status.withdrawn": "Đã rút",

  "pledges.field.goods": "Hàng muốn mua",
  "pledges.field.goodsHint": "Ví dụ: gạo ST25, cam sành loại 1.",
  "pledges.field.listing": "Sản phẩm trong chiến dịch (không bắt buộc)",
  "pledges.field.listingNone": "Không chọn, chỉ ghi bằng chữ",
  "pledges.field.listingHint":
    "Nếu chọn một sản phẩm, đơn vị là đơn vị của sản phẩm đó và bạn có thể cho ngay vào giỏ hàng sau khi được duyệt.",
  "pledges.field.quantity": "Số lượng",
  "pledges.field.unit": "Đơn vị",
  "pledges.field.byDate": "Mua trước ngày",
  "pledges.field.byDateHint": "Từ hôm nay đến {last}.",
  "pledges.field.note": "Ghi chú (không bắt buộc)",
  "pledges.field.partnerName": "Tên tổ chức",
  "pledges.field.partnerKind": "Loại tổ chức",
  "pledges.field.buyerPhone": "Số điện thoại tài khoản người mua của tổ chức (không bắt buộc)",
  "pledges.field.buyerPhoneHint":
    "Nếu tổ chức có tài khoản người mua, ghi số điện thoại để họ tự chuyển cam kết thành đơn hàng.",
  "pledges.field.reason": "Lý do không duyệt",

  "pledges.pledge.title": "Cam kết mua hàng",
  "pledges.pledge.intro":
    "Doanh nghiệp, tổ chức cam kết mua hàng của chị em trong chiến dịch «{campaign}». Hội sẽ xem và duyệt trước khi cam kết hiện trên trang chiến dịch.",
  "pledges.pledge.as": "Cam kết thay mặt: {company}",
  "pledges.pledge.submit": "Gửi cam kết",
  "pledges.pledge.sent":
    "Đã gửi cam kết. Hội sẽ duyệt sớm; bạn xem lại ở trang Cam kết mua của tôi.",
  "pledges.pledge.individual":
    "Cam kết mua dành cho doanh nghiệp và tổ chức. Bạn vẫn có thể mua hàng của chị em ngay trên trang chiến dịch. Nếu bạn mua cho doanh nghiệp, hãy cập nhật hồ sơ doanh nghiệp trước.",
  "pledges.pledge.businessProfile": "Cập nhật hồ sơ doanh nghiệp",
  "pledges.pledge.staff": "Cán bộ Hội ghi cam kết thay cho tổ chức ở trang quản lý cam kết.",
  "pledges.pledge.staffLink": "Quản lý cam kết của chiến dịch",
  "pledges.pledge.closed": "Chiến dịch này đã kết thúc, không nhận thêm cam kết.",
  "pledges.pledge.other": "Chỉ tài khoản người mua là doanh nghiệp mới gửi được cam kết.",
  "pledges.pledge.back": "Về trang chiến dịch",
  "pledges.formError": "Vui lòng sửa các ô được đánh dấu.",

  "pledges.staff.title": "Cam kết mua: {campaign}",
  "pledges.staff.back": "Về chiến dịch",
  "pledges.staff.pledges": "Các cam kết",
  "pledges.staff.empty": "Chưa có cam kết nào.",
  "pledges.staff.partners": "Đối tác",
  "pledges.staff.partnersEmpty": "Chưa có đối tác nào.",
  "pledges.staff.hasBuyer": "có tài khoản người mua",
  "pledges.staff.addPartner": "Thêm đối tác",
  "pledges.staff.addPartnerSubmit": "Thêm đối tác",
  "pledges.staff.record": "Ghi cam kết cho một tổ chức",
  "pledges.staff.recordSubmit": "Ghi cam kết",
  "pledges.staff.approve": "Duyệt",
  "pledges.staff.decline": "Không duyệt",
  "pledges.staff.closed": "Chiến dịch chưa đăng hoặc đã kết thúc: không ghi thêm cam kết.",
  "pledges.staff.done.pledge": "Đã ghi cam kết.",
  "pledges.staff.done.partner": "Đã thêm đối tác.",
  "pledges.staff.done.approve": "Đã duyệt cam kết: nó hiện trên trang chiến dịch.",
  "pledges.staff.done.decline": "Đã ghi là không duyệt.",

  "pledges.line.what": "{quantity} {unit} {goods}",
  "pledges.line.by": "Mua trước {date}",
  "pledges.line.reason": "Lý do: {reason}",
  "pledges.line.note": "Ghi chú: {note}",

  "pledges.mine.title": "Cam kết mua của tôi",
  "pledges.mine.intro":
    "Cam kết của doanh nghiệp bạn trong các chiến dịch hỗ trợ. Khi Hội đã duyệt, bạn chuyển cam kết thành yêu cầu mua gửi các nhà sản xuất của chiến dịch, hoặc cho hàng vào giỏ để đặt.",
  "pledges.mine.empty": "Bạn chưa có cam kết nào.",
  "pledges.mine.withdraw": "Rút cam kết",
  "pledges.mine.toRequest": "Tạo yêu cầu mua",
  "pledges.mine.toCart": "Cho vào giỏ hàng",
  "pledges.mine.request": "Đã thành yêu cầu mua {code}",
  "pledges.mine.inCart": "Đã cho vào giỏ hàng",
  "pledges.mine.done.withdraw": "Đã rút cam kết.",
  "pledges.mine.done.request":
    "Đã đăng yêu cầu mua {code} và mời các nhà sản xuất của chiến dịch chào giá.",
  "pledges.mine.campaign": "Chiến dịch: {campaign}",

  "pledges.error.goods": "Ghi hàng muốn mua (tối đa 150 ký tự).",
  "pledges.error.quantity": "Nhập số lượng là số nguyên lớn hơn 0.",
  "pledges.error.byDate": "Chọn một ngày hợp lệ.",
  "pledges.error.byDateRange": "Ngày mua phải từ hôm nay đến {last}.",
  "pledges.error.note": "Ghi chú tối đa 1000 ký tự.",
  "pledges.error.partnerName": "Ghi tên tổ chức (tối đa 200 ký tự).",
  "pledges.error.phone": "Số điện thoại di động không hợp lệ (ví dụ 0912 345 678).",
  "pledges.error.reason": "Ghi lý do (tối đa 500 ký tự).",
  "pledges.error.listing": "Sản phẩm này không có trong chiến dịch.",
  "pledges.error.campaignNotFound": "Không tìm thấy chiến dịch.",
  "pledges.error.campaignClosed": "Chiến dịch chưa đăng hoặc đã kết thúc, không nhận cam kết.",
  "pledges.error.businessOnly":
    "Cam kết mua dành cho doanh nghiệp và tổ chức. Hãy cập nhật hồ sơ doanh nghiệp nếu bạn mua cho doanh nghiệp.",
  "pledges.error.noBuyerWithPhone": "Không có tài khoản người mua nào với số điện thoại này.",
  "pledges.error.partnerTaken":
    "Đã có đối tác tên «{name}» gắn với tài khoản khác. Hãy liên hệ Hội.",
  "pledges.error.pledgeNotFound": "Không tìm thấy cam kết.",
  "pledges.error.notPending": "Cam kết này không còn chờ duyệt.",
  "pledges.error.notApproved": "Cam kết cần được Hội duyệt trước.",
  "pledges.error.converted": "Cam kết này đã được chuyển thành yêu cầu mua hoặc đơn hàng.",
  "pledges.error.byDatePassed": "Ngày mua của cam kết đã qua.",
  "pledges.error.noAddress":
    "Hãy lưu một địa chỉ nhận hàng trong sổ địa chỉ trước, để yêu cầu mua có nơi giao.",
  "pledges.error.noListing":
    "Cam kết này không gắn với sản phẩm nào; hãy tạo yêu cầu mua thay vì cho vào giỏ.",

  "pledges.search.chip": "Chiến dịch: {campaign}",
  "pledges.search.notSlug":
    "Tham số {parameter} không hợp lệ: {parameter} phải là mã chiến dịch, ví dụ chung-tay-vung-lu",
} as const;
