/** Strings of economic-support outcome reports: figures, charts, exports, print view. */
export const reportsVi = {
  "reports.nav.link": "Báo cáo",
  "reports.title": "Báo cáo kết quả hỗ trợ",
  "reports.intro":
    "Kết quả hỗ trợ phụ nữ phát triển kinh tế trong đơn vị bạn phụ trách: doanh số, đơn hàng, nhà sản xuất và nhu cầu mua, đặt cạnh kỳ trước.",
  "reports.unitPeriod": "{unit} · {from} – {to}",
  "reports.previousPeriod": "Kỳ trước: {from} – {to}",
  "reports.breadcrumb": "Các cấp đơn vị",

  "reports.form.legend": "Chọn kỳ báo cáo và đơn vị",
  "reports.form.kind": "Loại kỳ",
  "reports.form.kind.month": "Tháng",
  "reports.form.kind.quarter": "Quý",
  "reports.form.kind.year": "Năm",
  "reports.form.kind.custom": "Tùy chọn: từ ngày – đến ngày",
  "reports.form.anchor": "Một ngày trong kỳ",
  "reports.form.anchorHint":
    "Với loại kỳ Tháng, Quý hoặc Năm: báo cáo lấy cả tháng, quý hoặc năm chứa ngày này.",
  "reports.form.from": "Từ ngày",
  "reports.form.to": "Đến ngày",
  "reports.form.customHint": "Với loại kỳ Tùy chọn. Cả ngày đầu và ngày cuối đều được tính.",
  "reports.form.unit": "Đơn vị",
  "reports.form.submit": "Xem báo cáo",
  "reports.quick.label": "Kỳ thường dùng",
  "reports.quick.thisMonth": "Tháng này",
  "reports.quick.lastMonth": "Tháng trước",
  "reports.quick.thisQuarter": "Quý này",
  "reports.quick.lastQuarter": "Quý trước",
  "reports.quick.thisYear": "Năm nay",
  "reports.quick.lastYear": "Năm trước",

  "reports.notes.title": "Cách đọc báo cáo",
  "reports.notes.todayTree":
    "Báo cáo dùng cây tổ chức hiện nay: đơn vị đã sáp nhập nằm dưới đơn vị tiếp nhận, nên số liệu cũ của nó được tính vào đơn vị tiếp nhận.",
  "reports.notes.additive":
    "Chỉ doanh số, số đơn hàng và giao dịch ngoài sàn cộng được theo các dòng. Các số đếm không trùng (nhà sản xuất hoạt động, người mua, thành viên nữ, sản phẩm đang bán) thì không cộng được: một nhà sản xuất hay một người mua có thể có mặt ở nhiều dòng.",
  "reports.notes.privacy":
    "Báo cáo không chứa thông tin cá nhân của người mua. Mỗi lần tải về đều được ghi vào nhật ký.",

  "reports.def.title": "Định nghĩa",
  "reports.def.period":
    "Một đơn hàng thuộc kỳ chứa thời điểm hoàn thành của nó, theo giờ Việt Nam (UTC+7); ngày đầu và ngày cuối kỳ đều được tính.",
  "reports.def.sales":
    "Doanh số là tổng số lượng × đơn giá của các đơn hoàn thành trong kỳ, không gồm phí giao hàng, trừ các khoản hoàn tiền ghi nhận trong kỳ trên đơn đã hoàn thành. Vì vậy báo cáo đã gửi lên cấp trên không thay đổi về sau.",
  "reports.def.refundSpread":
    "Khi tính theo ngành hàng và sao OCOP, khoản hoàn tiền được chia cho các dòng của đơn theo tỷ lệ (phần dư lớn nhất), chính xác đến từng đồng.",
  "reports.def.cancelled": "Đơn đã hủy không bao giờ được tính.",
  "reports.def.activeProducer":
    "Nhà sản xuất hoạt động là nhà sản xuất có ít nhất một đơn hoàn thành trong kỳ.",
  "reports.def.activeListing":
    "Sản phẩm đang bán là sản phẩm đang được đăng vào cuối kỳ (thời điểm thay đổi trạng thái sản phẩm được ghi lại từ khi có báo cáo).",
  "reports.def.womenMembers":
    "Thành viên nữ là số thành viên nữ nhà sản xuất đã khai, tại cuối kỳ, của các nhà sản xuất có bán trong kỳ; doanh số trên mỗi thành viên nữ là doanh số chia cho số đó, làm tròn đến đồng.",
  "reports.def.offlineDeals":
    "Giao dịch ngoài sàn (ký tại hội chợ, hội nghị, do cán bộ Hội ghi nhận) là một dòng riêng, không bao giờ cộng vào doanh số.",
  "reports.def.groups":
    "Nhóm yếu thế: nhà sản xuất có ít nhất một thành viên người dân tộc thiểu số, hoặc thuộc hộ nghèo, theo số đã khai tại cuối kỳ.",
  "reports.def.demand":
    "Yêu cầu mua được tính theo đơn vị Hội của nơi giao hàng: đăng trong kỳ, nhận chào giá đầu tiên trong kỳ, hoàn thành trong kỳ.",

  "reports.figure.salesVnd": "Doanh số (đồng)",
  "reports.figure.refundsVnd": "Hoàn tiền đã trừ khỏi doanh số (đồng)",
  "reports.figure.completedOrders": "Đơn hoàn thành",
  "reports.figure.activeProducers": "Nhà sản xuất hoạt động",
  "reports.figure.activeListings": "Sản phẩm đang bán",
  "reports.figure.distinctBuyers": "Người mua (không trùng)",
  "reports.figure.womenMembers": "Thành viên nữ của nhà sản xuất có bán",
  "reports.figure.salesPerWomanMemberVnd": "Doanh số trên mỗi thành viên nữ (đồng)",
  "reports.figure.offlineDeals": "Giao dịch ngoài sàn",
  "reports.figure.offlineDealsVnd": "Giá trị giao dịch ngoài sàn (đồng)",
  "reports.figure.requestsPosted": "Yêu cầu mua đã đăng",
  "reports.figure.requestsAnswered": "Yêu cầu mua nhận chào giá đầu tiên",
  "reports.figure.requestsFulfilled": "Yêu cầu mua đã hoàn thành",

  "reports.table.figures": "Số liệu chính, so với kỳ trước",
  "reports.table.demand": "Phía cầu: yêu cầu mua và giao dịch ngoài sàn, so với kỳ trước",
  "reports.table.units": "Theo đơn vị",
  "reports.table.deals": "Giao dịch ngoài sàn theo đơn vị",
  "reports.table.producers": "Theo nhà sản xuất có bán trong kỳ",
  "reports.table.categories": "Theo ngành hàng",
  "reports.table.ocop": "Theo số sao OCOP",
  "reports.table.groups": "Theo nhóm yếu thế",
  "reports.table.months": "Doanh số 12 tháng gần nhất",
  "reports.table.empty": "Không có dòng nào trong kỳ này.",
  "reports.table.scrollHint": "Trên điện thoại, vuốt ngang để xem hết bảng.",

  "reports.col.figure": "Chỉ tiêu",
  "reports.col.current": "Kỳ này",
  "reports.col.previous": "Kỳ trước",
  "reports.col.changePercent": "Thay đổi (%)",
  "reports.col.unitCode": "Mã đơn vị",
  "reports.col.unitName": "Tên đơn vị",
  "reports.col.salesVnd": "Doanh số (đồng)",
  "reports.col.completedOrders": "Đơn hoàn thành",
  "reports.col.activeProducers": "Nhà sản xuất hoạt động",
  "reports.col.womenMembers": "Thành viên nữ của nhà sản xuất có bán",
  "reports.col.salesPerWomanMemberVnd": "Doanh số trên mỗi thành viên nữ (đồng)",
  "reports.col.offlineDealsVnd": "Giá trị giao dịch ngoài sàn (đồng)",
  "reports.col.producerCode": "Mã nhà sản xuất",
  "reports.col.producerName": "Tên nhà sản xuất",
  "reports.col.producerWomenMembers": "Thành viên nữ",
  "reports.col.categoryCode": "Mã ngành hàng",
  "reports.col.categoryName": "Ngành hàng",
  "reports.col.ocopStars": "Sao OCOP",
  "reports.col.group": "Nhóm",
  "reports.col.producers": "Số nhà sản xuất",
  "reports.col.month": "Tháng",

  "reports.row.direct": "trực thuộc",
  "reports.row.total": "Tổng cộng – {unit}",
  "reports.row.noCategory": "Chưa phân loại",
  "reports.row.noStars": "Không có sao OCOP",
  "reports.row.stars": "{stars} sao",
  "reports.row.month": "{month}/{year}",
  "reports.group.ethnicMinority": "Có thành viên người dân tộc thiểu số",
  "reports.group.poorHousehold": "Có thành viên thuộc hộ nghèo",
  "reports.drillDown": "Xem báo cáo của {unit}",

  "reports.chart.months": "Biểu đồ doanh số 12 tháng gần nhất",
  "reports.chart.units": "Biểu đồ doanh số theo đơn vị",
  "reports.chart.categories": "Biểu đồ doanh số theo ngành hàng",
  "reports.chart.monthsSummary":
    "Từ {first} đến {last}, tổng doanh số {total} đồng; cao nhất tháng {maxMonth} ({max} đồng), thấp nhất tháng {minMonth} ({min} đồng).",
  "reports.chart.barsSummary":
    "{count} mục, tổng {total} đồng; lớn nhất là {top} với {value} đồng. Số liệu chi tiết ở bảng bên dưới.",
  "reports.chart.empty": "Chưa có doanh số trong kỳ để vẽ biểu đồ.",

  "reports.export.title": "Tải về và in",
  "reports.export.intro":
    "Mỗi bảng tải được dạng CSV (mở được bằng Excel, giữ nguyên tiếng Việt) hoặc XLSX.",
  "reports.export.csv": "Tải CSV",
  "reports.export.xlsx": "Tải XLSX",
  "reports.export.of": "bảng “{table}”",
  "reports.print.link": "Bản in A4",
  "reports.print.title": "Báo cáo kết quả hỗ trợ phụ nữ phát triển kinh tế",
  "reports.print.print": "In báo cáo",
  "reports.print.back": "Về trang báo cáo",
  "reports.print.madeOn": "Lập ngày {date} từ sàn Cung Cầu.",
  "reports.print.preparedBy": "Người lập biểu",
  "reports.print.approvedBy": "Thủ trưởng đơn vị",
  "reports.print.signHint": "(Ký, ghi rõ họ tên)",

  "reports.errors.dateInvalid":
    "Ngày không hợp lệ: hãy chọn một ngày có thật theo dạng năm-tháng-ngày, ví dụ 2026-07-01.",
  "reports.errors.dateMissing": "Hãy chọn cả “Từ ngày” và “Đến ngày”.",
  "reports.errors.periodReversed": "“Đến ngày” phải trùng hoặc sau “Từ ngày”.",
  "reports.errors.periodTooLong": "Kỳ báo cáo dài nhất là {maxDays} ngày.",
  "reports.errors.unknownUnit": "Không có đơn vị “{code}” trong phạm vi bạn phụ trách.",
  "reports.errors.unknownTable": "Báo cáo không có bảng “{table}”.",
} as const;
