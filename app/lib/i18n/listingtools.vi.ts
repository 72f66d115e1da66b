/** Strings of the listing form's photos, import templates and the bank list. */
export const listingtoolsVi = {
  "listingtools.photos.legend": "Ảnh sản phẩm (tối đa {max})",
  "listingtools.photos.hint":
    "Chọn một hoặc nhiều ảnh JPEG, PNG hoặc WebP; ảnh đầu tiên là ảnh đại diện. Ảnh được lưu cùng sản phẩm khi bấm lưu, tối đa {max} ảnh.",
  "listingtools.photos.choose": "Chọn ảnh",
  "listingtools.photos.addMore": "Chọn thêm ảnh",
  "listingtools.photos.keep": "Giữ ảnh {n}",
  "listingtools.photos.shrinking": "Đang thu nhỏ ảnh để gửi nhanh hơn…",
  "listingtools.cert.ocopPaper": "Giấy chứng nhận OCOP (số, ngày cấp, ngày hết hạn)",
  "listingtools.import.templatesTitle": "Tệp mẫu",
  "listingtools.import.templatesHint":
    "Tải tệp mẫu, điền mỗi sản phẩm một dòng dưới dòng tiêu đề rồi tải lên. Dòng tiêu đề có thể giữ tiếng Việt như trong mẫu.",
  "listingtools.import.downloadXlsx": "{file}: mẫu Excel (XLSX)",
  "listingtools.import.downloadCsv": "{file}: mẫu CSV",
  "listingtools.import.categoriesTitle": "Danh mục sản phẩm ({count})",
  "listingtools.import.categoriesHint":
    "Ở cột “Danh mục”, ghi mã hoặc tên danh mục (có dấu hay không dấu đều được).",
  "listingtools.import.categoryCode": "Mã",
  "listingtools.import.categoryName": "Tên danh mục",
  "listingtools.bank.hint":
    "Người mua chuyển khoản vào tài khoản này. Chỉ chủ cơ sở được thay đổi; mỗi lần thay đổi được ghi lại và báo cho chủ cơ sở.",
  "listingtools.bank.ownerOnly":
    "Chỉ chủ cơ sở được thay đổi tài khoản nhận tiền. Nếu thông tin chưa đúng, hãy báo chủ cơ sở.",
  "listingtools.bank.bank": "Ngân hàng",
  "listingtools.bank.choose": "— Chọn ngân hàng —",
  "listingtools.bank.option": "{short} — {name}",
  "listingtools.bank.none": "Chưa có",
  "listingtools.bank.holderHint": "Ghi đúng như tên in trên thẻ hoặc sổ tài khoản, không dấu.",
  "listingtools.bank.save": "Lưu tài khoản ngân hàng",
  "listingtools.bank.saved": "Đã lưu tài khoản ngân hàng.",
  "listingtools.bank.error.unknownBank": "Hãy chọn ngân hàng trong danh sách.",
  "listingtools.bank.error.ownerOnly": "Chỉ chủ cơ sở được thay đổi tài khoản ngân hàng.",
  "listingtools.notice.bankChanged.title": "Tài khoản nhận tiền của {producer} đã thay đổi",
  "listingtools.notice.bankChanged.body":
    "{by} đã đổi tài khoản nhận chuyển khoản sang {bank}, số tài khoản {account}. Nếu không phải bạn hoặc người bạn tin cậy đổi, hãy kiểm tra ngay trang hồ sơ.",
  "listingtools.notice.bankRemoved.title": "Tài khoản nhận tiền của {producer} đã bị xóa",
  "listingtools.notice.bankRemoved.body":
    "{by} đã xóa tài khoản nhận chuyển khoản ({bank}{account}). Người mua sẽ không thấy mã QR chuyển khoản cho đến khi có tài khoản mới.",
} as const;
