/** Strings of the producer's ledger, commission rates, refunds and payouts. */
export const moneyVi = {
  "money.ledger.month": "Tháng",
  "money.ledger.show": "Xem",
  "money.ledger.sales": "Doanh số tháng {month}",
  "money.ledger.salesExplain":
    "Tiền hàng của các đơn hoàn thành trong tháng, trừ các khoản hoàn tiền, không gồm phí giao hàng: cùng cách tính với báo cáo của Hội.",
  "money.ledger.completedOrders": "{count} đơn hoàn thành",
  "money.ledger.receivedByProducer":
    "Nhà sản xuất nhận trực tiếp trong tháng (tiền mặt, chuyển khoản)",
  "money.ledger.receivedByPlatform": "Tiền thẻ sàn thu hộ trong tháng",
  "money.ledger.platformTitle": "Tiền sàn đang giữ cho nhà sản xuất",
  "money.ledger.cardRefunds": "Sàn hoàn cho người mua (thẻ)",
  "money.ledger.platformExplain":
    "Chỉ tiền thanh toán thẻ đi qua sàn. Số dư = tiền thẻ − phí sàn − hoàn tiền thẻ − đã chi trả. Tiền mặt và chuyển khoản người mua trả thẳng cho nhà sản xuất.",
  "money.ledger.owed": "Còn {count} khoản hoàn tiền nhà sản xuất phải chuyển trả: {amount}.",
  "money.ledger.owedLink": "Xem và đánh dấu đã chuyển trả",
  "money.ledger.entriesTitle": "Các khoản trong tháng",
  "money.ledger.refundLink": "Ghi nhận hoàn tiền",

  "money.kind.cod": "Tiền mặt khi giao",
  "money.kind.transfer": "Chuyển khoản",
  "money.kind.card": "Thẻ (sàn thu hộ)",
  "money.kind.commission": "Phí sàn",
  "money.kind.commissionBack": "Hoàn phí sàn",
  "money.kind.refund": "Hoàn tiền",
  "money.kind.payout": "Sàn chi trả",
  "money.holder.producer": "nhà sản xuất giữ",
  "money.holder.platform": "sàn giữ",
  "money.entry.owed": "chưa chuyển trả",

  "money.payout.noBalance":
    "Sàn không giữ khoản tiền nào của nhà sản xuất này: chưa có gì để chi trả.",
  "money.payout.max": "Tối đa {amount}",

  "money.openRefunds.title": "Hoàn tiền nhà sản xuất chưa chuyển trả",
  "money.openRefunds.none": "Không có khoản nào.",
  "money.openRefunds.line": "{producer} · đơn {code} · người mua {buyer} · từ {date}",

  "money.tasks.title": "Hoàn tiền cho người mua",
  "money.tasks.intro":
    "Tiền người mua đã trả thẳng cho bạn (chuyển khoản, tiền mặt) ở các đơn đã hủy hoặc được hoàn. Bạn chuyển trả lại, rồi bấm “Đã chuyển trả”.",
  "money.tasks.none": "Không có khoản hoàn tiền nào cần chuyển trả.",
  "money.tasks.order": "Đơn {code} · {buyer}",
  "money.tasks.to": "Chuyển về: {bank} · số tài khoản {account} · {name}",
  "money.tasks.noAccount":
    "Người mua chưa cho số tài khoản: chuyển trả về tài khoản đã chuyển tiền cho bạn, hoặc liên hệ người mua.",
  "money.tasks.since": "Ghi nhận ngày {date}",
  "money.tasks.markSent": "Đã chuyển trả",
  "money.tasks.sent": "Đã ghi nhận: bạn đã chuyển trả tiền đơn {code}.",
  "money.tasks.doneTitle": "Đã chuyển trả gần đây",
  "money.tasks.sentOn": "Đã chuyển trả ngày {date}",

  "money.refund.paidByPlatform": "sàn đã hoàn về thẻ",
  "money.refund.owedByProducer": "chờ người bán chuyển trả",
  "money.refund.sentByProducer": "người bán đã chuyển trả",
  "money.refund.line": "Hoàn tiền {amount}: {state}",
  "money.refund.to": "Về tài khoản {bank} · {account}",

  "money.cancel.accountIntro":
    "Bạn đã chuyển khoản cho người bán. Cho biết tài khoản để người bán chuyển trả:",
  "money.cancel.bank": "Ngân hàng",
  "money.cancel.chooseBank": "Chọn ngân hàng",
  "money.cancel.accountNumber": "Số tài khoản",
  "money.cancel.accountName": "Tên chủ tài khoản",

  "money.staffRefund.title": "Ghi nhận hoàn tiền đơn {code}",
  "money.staffRefund.back": "Sổ thu chi: {name}",
  "money.staffRefund.paid": "Đã thanh toán {amount} · đã hoàn {refunded}",
  "money.staffRefund.nothing": "Đơn này chưa có khoản thanh toán nào để hoàn.",
  "money.staffRefund.byPlatform":
    "Tiền thẻ do sàn thu: sàn hoàn cho người mua, khoản hoàn được ghi là đã hoàn.",
  "money.staffRefund.byProducer":
    "Tiền do nhà sản xuất nhận: khoản hoàn là việc nhà sản xuất phải làm cho tới khi đánh dấu đã chuyển trả.",
  "money.staffRefund.amount": "Số tiền hoàn (đồng)",
  "money.staffRefund.reason": "Lý do",
  "money.staffRefund.alreadySettled": "Nhà sản xuất đã chuyển trả rồi",
  "money.staffRefund.account": "Tài khoản của người mua (nếu biết)",
  "money.staffRefund.submit": "Ghi nhận hoàn tiền",
  "money.staffRefund.recorded": "Đã ghi nhận khoản hoàn tiền.",

  "money.commission.title": "Phí sàn theo đơn vị",
  "money.commission.intro":
    "Phí sàn tính trên tiền thanh toán thẻ. Mỗi đơn lấy mức phí đang áp dụng vào ngày đặt hàng của đơn vị gần nhất phía trên nhà sản xuất có đặt mức phí, và giữ mức đó. Mức mới chỉ áp dụng từ hôm nay trở đi.",
  "money.commission.today": "Đang áp dụng: {rate} %",
  "money.commission.inherited": "theo đơn vị cấp trên",
  "money.commission.history": "Lịch sử mức phí ({count})",
  "money.commission.historyLine": "Từ {date}: {rate} % · {by}",
  "money.commission.scheduled": "sắp áp dụng",
  "money.commission.bySystem": "hệ thống",
  "money.commission.formTitle": "Đặt mức phí",
  "money.commission.unit": "Đơn vị",
  "money.commission.percent": "Mức phí (%)",
  "money.commission.startsOn": "Áp dụng từ ngày",
  "money.commission.submit": "Lưu mức phí",
  "money.commission.saved": "Đã lưu mức phí.",

  "money.error.refundAccountIncomplete":
    "Vui lòng điền đủ ngân hàng, số tài khoản và tên chủ tài khoản.",
  "money.error.refundAccountRequired":
    "Bạn đã chuyển khoản cho đơn này: vui lòng cho biết tài khoản để người bán chuyển trả.",
  "money.error.refundNotFound": "Không tìm thấy khoản hoàn tiền.",
  "money.error.refundAlreadySent": "Khoản hoàn tiền này đã được đánh dấu là đã chuyển trả.",
  "money.error.unitNotFound": "Không tìm thấy đơn vị.",
  "money.error.rateInPast": "Mức phí chỉ áp dụng từ hôm nay ({today}) trở đi.",
  "money.error.rateAlreadyInForce":
    "Đơn vị này đã có mức phí áp dụng từ ngày này; hãy chọn một ngày sau.",
  "money.error.ratePercent": "Nhập mức phí từ 0 đến 100 %, tối đa hai chữ số thập phân.",
  "money.error.startsOn": "Chọn ngày áp dụng.",
  "money.error.refundBank": "Chọn ngân hàng trong danh sách.",
  "money.error.refundAccount": "Số tài khoản gồm 6 đến 20 chữ số.",
  "money.error.refundAmount": "Nhập số tiền là số nguyên dương.",
  "money.error.refundReason": "Ghi lý do hoàn tiền (3 đến 500 ký tự).",

  "money.notice.refundOwed.title": "Cần chuyển trả tiền đơn {code}",
  "money.notice.refundOwed.body":
    "Người mua được hoàn tiền đơn {code} mà bạn đã nhận. Vui lòng chuyển trả, rồi bấm “Đã chuyển trả” ở trang Hoàn tiền.",
  "money.notice.refundSent.title": "Người bán đã chuyển trả tiền đơn {code}",
  "money.notice.refundSent.body":
    "Người bán cho biết đã chuyển trả khoản hoàn tiền của đơn {code}. Vui lòng kiểm tra tài khoản của bạn.",
} as const;
