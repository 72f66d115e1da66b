import { pledgesVi } from "./pledges.vi";
import { campaignpageVi } from "./campaignpage.vi";
import { campaignsVi } from "./campaigns.vi";
import { privacyVi } from "./privacy.vi";
import { businessVi } from "./business.vi";
import { channelsVi } from "./channels.vi";
import { teamVi } from "./team.vi";
import { assistVi } from "./assist.vi";
import { recoveryVi } from "./recovery.vi";
import { journeyVi } from "./journey.vi";
import { checkoutflowVi } from "./checkoutflow.vi";
import { transferVi } from "./transfer.vi";
import { authVi } from "./auth.vi";
import { connectVi } from "./connect.vi";
import { reportsVi } from "./reports.vi";
import { membersVi } from "./members.vi";
import { orgtreeVi } from "./orgtree.vi";
import { moneyVi } from "./money.vi";
import { dailyVi } from "./daily.vi";
import { listingtoolsVi } from "./listingtools.vi";
import { staffproducersVi } from "./staffproducers.vi";
import { oversightVi } from "./oversight.vi";
import { demandVi } from "./demand.vi";
import { errorsVi } from "./errors.vi";
import { notificationsVi } from "./notifications.vi";
import { offersVi } from "./offers.vi";
import { ordersVi } from "./orders.vi";
import { platformVi } from "./platform.vi";
import { requestsVi } from "./requests.vi";
import { searchVi } from "./search.vi";
import { supplyVi } from "./supply.vi";

/**
 * Every string of the interface in Vietnamese: the source of truth. en.ts must have exactly
 * these keys (TypeScript checks it) with the same `{param}` names (tests/unit/i18n.test.ts).
 * Write whole sentences with parameters; never build a sentence from fragments.
 */
const shellVi = {
  "site.name": "Cung Cầu",
  "site.tagline": "Chợ kết nối cung – cầu của Hội LHPN tỉnh Quảng Trị",
  "site.description":
    "Mua nông sản, đặc sản và sản phẩm OCOP trực tiếp từ các hợp tác xã, tổ hợp tác và hộ kinh doanh do phụ nữ Quảng Trị làm chủ.",
  "site.skipToContent": "Bỏ qua, đến nội dung chính",
  "meta.pageTitle": "{page} – Cung Cầu",

  "header.homeLink": "Cung Cầu – về trang chủ",
  "header.searchLabel": "Tìm sản phẩm",
  "header.searchPlaceholder": "Tìm hồ tiêu, cà phê, mật ong…",
  "header.searchSubmit": "Tìm",
  "header.categories": "Danh mục",
  "header.allProducts": "Tất cả sản phẩm",
  "header.purchaseRequests": "Cần mua",
  "header.cart": "Giỏ hàng",
  "header.cartWithCount": "Giỏ hàng, {count} sản phẩm",
  "header.notifications": "Thông báo",
  "header.notificationsWithCount": "Thông báo, {count} chưa đọc",
  "header.account": "Tài khoản",
  "header.accountMenu": "Mở menu tài khoản",
  "header.greeting": "Xin chào, {name}",
  "header.login": "Đăng nhập",
  "header.signup": "Đăng ký",
  "header.logout": "Đăng xuất",
  "header.myAccount": "Tài khoản của tôi",
  "header.myOrders": "Đơn hàng của tôi",
  "header.postRequest": "Đăng yêu cầu mua",
  "header.workspace": "Gian hàng của tôi",
  "header.staffArea": "Trang quản lý",
  "header.sellSignup": "Đăng ký bán hàng",

  "language.switchTo": "English",
  "language.switchLabel": "Chuyển giao diện sang tiếng Anh",

  "footer.aboutTitle": "Về Cung Cầu",
  "footer.about":
    "Cung Cầu là chợ trực tuyến do Hội Liên hiệp Phụ nữ tỉnh Quảng Trị vận hành, giúp chị em phụ nữ sản xuất bán sản phẩm tận tay người mua và tìm đầu ra ổn định.",
  "footer.buyersTitle": "Người mua",
  "footer.producersTitle": "Nhà sản xuất",
  "footer.allProducts": "Tất cả sản phẩm",
  "footer.openRequests": "Yêu cầu mua đang mở",
  "footer.postRequest": "Đăng yêu cầu mua",
  "footer.sell": "Đăng bán sản phẩm",
  "footer.workspace": "Vào gian hàng",
  "footer.copyright": "© {year} Hội Liên hiệp Phụ nữ tỉnh Quảng Trị",
  "footer.fictional": "Dữ liệu trình diễn: mọi tên người, cơ sở và số điện thoại đều là giả định.",

  "home.title": "Nông sản, đặc sản Quảng Trị từ tay phụ nữ sản xuất",
  "home.heroTitle": "Kết nối cung – cầu hàng hóa của phụ nữ Quảng Trị",
  "home.heroBody":
    "Mua trực tiếp từ hợp tác xã, tổ hợp tác và hộ kinh doanh do chị em làm chủ. Cần số lượng lớn? Đăng yêu cầu mua để nhà sản xuất chào giá cho bạn.",
  "home.ctaSell": "Đăng bán sản phẩm",
  "home.ctaRequest": "Đăng yêu cầu mua",
  "home.categoriesTitle": "Danh mục sản phẩm",
  "home.newestTitle": "Sản phẩm mới",
  "home.newestAll": "Xem tất cả sản phẩm",
  "home.newestEmpty": "Chưa có sản phẩm nào đang được bán.",
  "home.requestsTitle": "Người mua đang cần",
  "home.requestsAll": "Xem tất cả yêu cầu mua",
  "home.requestsEmpty": "Chưa có yêu cầu mua nào đang mở.",

  "category.productCount": "{count} sản phẩm",

  "product.pricePerUnit": "{price}/{unit}",
  "product.ocopBadge": "OCOP {stars} sao",
  "product.ocopBadgeLabel": "Sản phẩm OCOP {stars} sao",
  "product.sku": "Mã sản phẩm",
  "product.price": "Giá",
  "product.minOrder": "Đặt tối thiểu",
  "product.quantityUnit": "{qty} {unit}",
  "product.availability": "Tình trạng",
  "product.inStock": "Còn hàng ({qty} {unit})",
  "product.outOfStock": "Hết hàng",
  "product.description": "Mô tả",
  "product.details": "Thông tin sản phẩm",
  "product.producer": "Nhà sản xuất",
  "product.commune": "Xã, phường",
  "product.category": "Danh mục",
  "product.season": "Mùa vụ",
  "product.certifications": "Chứng nhận",
  "product.noCertifications": "Sản phẩm chưa khai báo chứng nhận.",
  "product.ocopCertificate": "Giấy chứng nhận OCOP số {number}, hiệu lực đến {date}",
  "product.certificationUntil": "{name}, hiệu lực đến {date}",
  "product.moreFromProducer": "Xem các sản phẩm khác của {name}",
  "product.notFound": "Không tìm thấy sản phẩm này. Có thể sản phẩm đã ngừng bán.",

  "certification.VietGAP": "VietGAP",
  "certification.hữu cơ": "Hữu cơ",
  "certification.HACCP": "HACCP",
  "certification.chỉ dẫn địa lý": "Chỉ dẫn địa lý",

  "unit.kg": "kg",
  "unit.gói": "gói",
  "unit.hộp": "hộp",
  "unit.chai": "chai",
  "unit.lít": "lít",
  "unit.túi": "túi",
  "unit.cái": "cái",
  "unit.bộ": "bộ",
  "unit.tấm": "tấm",
  "unit.hũ": "hũ",

  "producerKind.htx": "Hợp tác xã",
  "producerKind.tho": "Tổ hợp tác",
  "producerKind.hkd": "Hộ kinh doanh",
  "producerKind.nhom": "Nhóm sản xuất",

  "producer.kind": "Loại hình",
  "producer.commune": "Xã, phường",
  "producer.address": "Địa chỉ",
  "producer.phone": "Điện thoại, Zalo",
  "contact.call": "Gọi {name}: {phone}",
  "contact.zalo": "Nhắn Zalo cho {name}",
  "producer.founded": "Năm thành lập",
  "producer.members": "Thành viên",
  "producer.membersTotal": "{count} thành viên",
  "producer.membersWomen": "{count} phụ nữ",
  "producer.membersEthnicMinority": "{count} người dân tộc thiểu số",
  "producer.membersPoorHousehold": "{count} thành viên hộ nghèo",
  "producer.story": "Câu chuyện của chúng tôi",
  "producer.listingsTitle": "Sản phẩm đang bán",
  "producer.noListings": "Nhà sản xuất chưa có sản phẩm nào đang bán.",
  "producer.notFound": "Không tìm thấy nhà sản xuất này.",

  "search.title": "Tìm sản phẩm",
  "search.resultsFor": "Kết quả cho “{q}”",
  "search.resultCount": "Tìm thấy {count} sản phẩm",
  "search.emptyTitle": "Không tìm thấy sản phẩm phù hợp",
  "search.emptyBody":
    "Hãy thử từ khóa khác hoặc bỏ bớt bộ lọc. Bạn cũng có thể đăng yêu cầu mua để nhà sản xuất liên hệ với bạn.",
  "search.emptyAction": "Đăng yêu cầu mua",
  "search.filters": "Lọc kết quả",
  "search.jumpToFilters": "Lọc kết quả ({count} đang chọn)",
  "search.backToResults": "Về đầu kết quả",
  "search.facetCategory": "Danh mục",
  "search.facetCommune": "Xã, phường",
  "search.facetOcop": "Sao OCOP",
  "search.ocopAtLeast": "Từ {stars} sao",
  "search.ocopFive": "5 sao",
  "search.facetCertification": "Chứng nhận",
  "search.facetPrice": "Khoảng giá",
  "search.priceUpTo": "Đến {max}",
  "search.priceBetween": "{min} – {max}",
  "search.priceFrom": "Trên {min}",
  "search.moreValues": "Xem thêm {count} xã, phường",
  "search.selectedHint": "(đang chọn, bấm để bỏ)",
  "search.activeFilters": "Đang lọc theo",
  "search.removeFilter": "Bỏ lọc {label}",
  "search.clearFilters": "Bỏ tất cả bộ lọc",
  "search.sortLabel": "Sắp xếp",
  "search.sortRelevance": "Phù hợp nhất",
  "search.sortPriceAsc": "Giá thấp trước",
  "search.sortPriceDesc": "Giá cao trước",
  "search.sortNewest": "Mới nhất",
  "search.loading": "Đang tìm…",
  "search.suggestionsLabel": "Gợi ý sản phẩm",
  "search.suggestionsCount": "{count} gợi ý. Dùng phím mũi tên lên, xuống để chọn.",
  "search.relatedTitle": "Có thể bạn tìm trong các danh mục này",
  "search.emptyFilteredBody":
    "Không có sản phẩm nào khớp với các bộ lọc đang chọn. Hãy bỏ bớt bộ lọc.",

  "pagination.label": "Phân trang",
  "pagination.previous": "Trang trước",
  "pagination.next": "Trang sau",
  "pagination.status": "Trang {page} / {pages}",

  "requests.title": "Yêu cầu mua đang mở",
  "requests.intro":
    "Người mua đăng nhu cầu, nhà sản xuất xem và chào giá. Bạn cần hàng? Hãy đăng yêu cầu của bạn.",
  "requests.post": "Đăng yêu cầu mua",
  "requests.emptyTitle": "Chưa có yêu cầu mua nào đang mở",
  "requests.emptyBody": "Hãy là người đầu tiên đăng nhu cầu mua hàng.",
  "requests.code": "Mã yêu cầu",
  "requests.quantity": "Số lượng",
  "requests.targetPrice": "Giá mong muốn",
  "requests.negotiable": "Giá thỏa thuận",
  "requests.deliveryLocation": "Nơi giao hàng",
  "requests.neededBy": "Cần trước ngày",
  "requests.recurrence": "Tần suất",
  "requests.buyer": "Người mua",
  "requests.category": "Danh mục",
  "requests.description": "Mô tả chi tiết",
  "requests.postedOn": "Đăng ngày {date}",
  "requests.status": "Trạng thái",
  "requests.notFound": "Không tìm thấy yêu cầu mua này.",
  "requests.created": "Đã đăng yêu cầu mua của bạn.",

  "requestStatus.open": "Đang mở",
  "requestStatus.closed": "Đã đóng",
  "requestStatus.fulfilled": "Đã tìm được nguồn hàng",

  "recurrence.none": "Một lần",
  "recurrence.weekly": "Hàng tuần",
  "recurrence.monthly": "Hàng tháng",

  "buyerKind.individual": "Cá nhân",
  "buyerKind.restaurant": "Nhà hàng",
  "buyerKind.hotel": "Khách sạn",
  "buyerKind.retailer": "Cửa hàng bán lẻ",
  "buyerKind.supermarket": "Siêu thị",
  "buyerKind.school": "Trường học",
  "buyerKind.tourism": "Du lịch",
  "buyerKind.exporter": "Doanh nghiệp xuất khẩu",

  "requestForm.title": "Đăng yêu cầu mua",
  "requestForm.intro":
    "Mô tả hàng bạn cần. Yêu cầu được đăng công khai để các nhà sản xuất trong tỉnh chào giá.",
  "requestForm.titleLabel": "Bạn cần mua gì?",
  "requestForm.titleHint": "Ví dụ: Cần mua 200 kg gạo hữu cơ mỗi tháng cho bếp ăn",
  "requestForm.descriptionLabel": "Mô tả chi tiết",
  "requestForm.descriptionHint": "Quy cách, chất lượng, đóng gói, cách giao nhận…",
  "requestForm.categoryLabel": "Danh mục",
  "requestForm.categoryNone": "Chưa chọn danh mục",
  "requestForm.quantityLabel": "Số lượng",
  "requestForm.unitLabel": "Đơn vị",
  "requestForm.targetPriceLabel": "Giá mong muốn mỗi đơn vị (đồng)",
  "requestForm.targetPriceHint": "Để trống nếu giá thỏa thuận.",
  "requestForm.neededByLabel": "Cần trước ngày",
  "requestForm.recurrenceLabel": "Tần suất",
  "requestForm.submit": "Đăng yêu cầu",
  "requestForm.errorSummary": "Chưa đăng được yêu cầu. Vui lòng sửa các ô được đánh dấu.",
  "requestForm.buyersOnly":
    "Chỉ tài khoản người mua mới đăng được yêu cầu mua. Hãy đăng ký tài khoản người mua.",

  "validation.required": "Vui lòng điền ô này.",
  "validation.tooShort": "Cần ít nhất {min} ký tự.",
  "validation.tooLong": "Tối đa {max} ký tự.",
  "validation.wholeNumber": "Nhập một số nguyên lớn hơn 0.",
  "validation.tooLarge": "Số quá lớn.",
  "validation.date": "Chọn một ngày hợp lệ.",
  "validation.dateNotPast": "Ngày cần hàng phải từ hôm nay trở đi.",
  "validation.choice": "Vui lòng chọn một giá trị trong danh sách.",

  "cart.title": "Giỏ hàng",
  "cart.emptyTitle": "Giỏ hàng trống",
  "cart.emptyBody": "Hãy chọn sản phẩm bạn cần rồi quay lại đây để đặt hàng.",
  "cart.emptyAction": "Xem sản phẩm",
  "cart.product": "Sản phẩm",
  "cart.quantity": "Số lượng",
  "cart.unitPrice": "Đơn giá",
  "cart.lineTotal": "Thành tiền",
  "cart.fromProducer": "Hàng của {name}",
  "cart.subtotal": "Tạm tính",
  "cart.total": "Tổng tiền hàng",
  "cart.checkout": "Tiến hành đặt hàng",
  "cart.priceChanged": "Giá đã thay đổi từ {from} thành {to}.",

  "checkout.title": "Đặt hàng",
  "checkout.emptyTitle": "Chưa có gì để đặt",
  "checkout.emptyBody": "Giỏ hàng của bạn đang trống.",
  "checkout.summary": "Tóm tắt đơn hàng",
  "checkout.backToCart": "Quay lại giỏ hàng",

  "orders.title": "Đơn hàng của tôi",
  "orders.emptyTitle": "Bạn chưa có đơn hàng nào",
  "orders.emptyBody": "Khi bạn đặt hàng, đơn hàng sẽ hiện ở đây để bạn theo dõi.",
  "orders.emptyAction": "Bắt đầu mua sắm",
  "orders.code": "Mã đơn",
  "orders.placedOn": "Ngày đặt",
  "orders.producer": "Nhà sản xuất",
  "orders.total": "Tổng cộng",
  "orders.status": "Trạng thái",
  "orders.view": "Xem đơn {code}",

  "orderStatus.pending_payment": "Chờ thanh toán",
  "orderStatus.confirmed": "Đã xác nhận",
  "orderStatus.shipping": "Đang giao",
  "orderStatus.delivered": "Đã giao",
  "orderStatus.completed": "Hoàn tất",
  "orderStatus.cancelled": "Đã hủy",

  "order.title": "Đơn hàng {code}",
  "order.lines": "Sản phẩm",
  "order.subtotal": "Tiền hàng",
  "order.deliveryFee": "Phí giao hàng",
  "order.total": "Tổng cộng",
  "order.paymentMethod": "Thanh toán",
  "order.deliveryMethod": "Nhận hàng",
  "order.shipTo": "Giao đến",
  "order.pickupAt": "Nhận hàng tại nhà sản xuất",
  "order.collectedBy": "Người nhận: {who}",
  "order.backToOrders": "Tất cả đơn hàng",

  "paymentMethod.cod": "Trả tiền khi nhận hàng",
  "paymentMethod.bank_transfer": "Chuyển khoản ngân hàng",
  "paymentMethod.card": "Thẻ ngân hàng",
  "deliveryMethod.pickup": "Nhận tại cơ sở sản xuất",
  "deliveryMethod.delivery": "Giao tận nơi",

  "workspace.title": "Gian hàng của tôi",
  "workspace.intro": "Tình hình các nhà sản xuất bạn đang quản lý.",
  "workspace.role.owner": "Chủ nhiệm",
  "workspace.role.member": "Thành viên",
  "workspace.verification": "Xác minh của Hội",
  "workspace.listingsByStatus": "Sản phẩm theo trạng thái",
  "workspace.viewPublicPage": "Xem trang công khai",
  "workspace.pendingNotice":
    "Hồ sơ đang chờ cán bộ Hội xác minh. Sản phẩm sẽ hiển thị công khai sau khi được xác minh.",

  "verification.pending": "Chờ xác minh",
  "verification.verified": "Đã xác minh",
  "verification.rejected": "Bị từ chối",
  "verification.suspended": "Tạm ngưng",
  "verification.changes_requested": "Cần bổ sung",

  "listingStatus.draft": "Bản nháp",
  "listingStatus.pending": "Chờ duyệt",
  "listingStatus.changes_requested": "Cần chỉnh sửa",
  "listingStatus.published": "Đang bán",
  "listingStatus.rejected": "Bị từ chối",
  "listingStatus.archived": "Đã lưu trữ",

  "staff.title": "Trang quản lý",
  "staff.intro": "Số liệu trong phạm vi các đơn vị Hội bạn phụ trách.",
  "staff.orgUnits": "Đơn vị bạn phụ trách",
  "staff.producersByStatus": "Nhà sản xuất theo trạng thái xác minh",
  "staff.pendingListings": "Sản phẩm chờ duyệt",
  "staff.pendingRevisions": "Bản sửa chờ duyệt",
  "staff.openRequests": "Yêu cầu mua đang mở",
  "staff.role.moderator": "Kiểm duyệt",
  "staff.role.reporter": "Báo cáo",
  "staff.role.admin": "Quản trị",

  "orgLevel.province": "Tỉnh",
  "orgLevel.commune": "Xã, phường",
  "orgLevel.branch": "Chi hội",

  "error.homeLink": "Về trang chủ",
  "error.loginLink": "Đăng nhập",
  "error.statusCode": "Mã lỗi {status}",
  "error.400.title": "Yêu cầu không hợp lệ",
  "error.400.body": "Thông tin gửi lên chưa đúng. Vui lòng kiểm tra lại và thử lần nữa.",
  "error.401.title": "Bạn cần đăng nhập",
  "error.401.body": "Trang này chỉ dành cho người đã đăng nhập.",
  "error.403.title": "Bạn không có quyền xem trang này",
  "error.403.body": "Tài khoản của bạn không được phép truy cập nội dung này.",
  "error.404.title": "Không tìm thấy trang",
  "error.404.body": "Trang bạn tìm có thể đã bị xóa, đổi địa chỉ hoặc chưa từng tồn tại.",
  "error.405.title": "Thao tác không được hỗ trợ",
  "error.405.body": "Địa chỉ này không nhận loại yêu cầu vừa gửi.",
  "error.408.title": "Gửi dữ liệu quá chậm",
  "error.408.body":
    "Đường truyền quá chậm nên thông tin chưa gửi xong. Vui lòng thử lại khi sóng tốt hơn.",
  "error.413.title": "Nội dung gửi lên quá lớn",
  "error.413.body": "Thông tin gửi lên vượt quá giới hạn cho phép. Vui lòng rút gọn rồi thử lại.",
  "error.415.title": "Định dạng không được hỗ trợ",
  "error.415.body": "Trang này chỉ nhận dữ liệu gửi từ biểu mẫu của trang.",
  "error.429.title": "Bạn thao tác quá nhanh",
  "error.429.body": "Vui lòng chờ một lát rồi thử lại.",
  "error.500.title": "Đã có lỗi xảy ra",
  "error.500.body":
    "Hệ thống gặp sự cố ngoài ý muốn. Chúng tôi đã ghi nhận lỗi; vui lòng thử lại sau ít phút.",
} as const;

/**
 * Each area keeps its strings in its own file (fewer edit conflicts); their keys must never
 * overlap, which tests/unit/i18n.test.ts checks on these groups. To add an area: write
 * <area>.vi.ts and <area>.en.ts, then add the group here and to `vi`, and the same in en.ts.
 */
export const viGroups = {
  shell: shellVi,
  supply: supplyVi,
  auth: authVi,
  orders: ordersVi,
  notifications: notificationsVi,
  errors: errorsVi,
  search: searchVi,
  platform: platformVi,
  demand: demandVi,
  requests: requestsVi,
  offers: offersVi,
  connect: connectVi,
  orgtree: orgtreeVi,
  money: moneyVi,
  daily: dailyVi,
  listingtools: listingtoolsVi,
  staffproducers: staffproducersVi,
  oversight: oversightVi,
  members: membersVi,
  reports: reportsVi,
  transfer: transferVi,
  checkoutflow: checkoutflowVi,
  journey: journeyVi,
  recovery: recoveryVi,
  assist: assistVi,
  team: teamVi,
  channels: channelsVi,
  business: businessVi,
  privacy: privacyVi,
  pledges: pledgesVi,
  campaignpage: campaignpageVi,
  campaigns: campaignsVi,
} as const;

export const vi = {
  ...shellVi,
  ...supplyVi,
  ...authVi,
  ...ordersVi,
  ...notificationsVi,
  ...errorsVi,
  ...searchVi,
  ...platformVi,
  ...demandVi,
  ...requestsVi,
  ...offersVi,
  ...connectVi,
  ...reportsVi,
  ...membersVi,
  ...orgtreeVi,
  ...moneyVi,
  ...dailyVi,
  ...listingtoolsVi,
  ...staffproducersVi,
  ...oversightVi,
  ...transferVi,
  ...checkoutflowVi,
  ...journeyVi,
  ...privacyVi,
  ...businessVi,
  ...channelsVi,
  ...teamVi,
  ...assistVi,
  ...recoveryVi,
  ...pledgesVi,
  ...campaignpageVi,
  ...campaignsVi,
} as const;

export type MessageKey = keyof typeof vi;
