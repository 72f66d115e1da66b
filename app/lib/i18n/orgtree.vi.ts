/** Strings of the Union's org tree administration: units, merges, staff roles. */
export const orgtreeVi = {
  "orgtree.nav.link": "Tổ chức Hội",
  "orgtree.title": "Tổ chức Hội",
  "orgtree.intro":
    "Các đơn vị Hội trong phạm vi của bạn. Chọn một đơn vị để xem cán bộ và các việc quản trị.",
  "orgtree.readOnly":
    "Bạn xem được cây tổ chức nhưng không sửa được: việc sửa do cán bộ quản trị của đơn vị làm.",
  "orgtree.reportsNote":
    "Báo cáo luôn tính theo cây tổ chức hôm nay: số liệu của một đơn vị đã sáp nhập, kể cả các kỳ trước, được tính vào đơn vị tiếp nhận.",
  "orgtree.treeLabel": "Cây tổ chức",
  "orgtree.empty": "Không có đơn vị nào trong phạm vi của bạn.",
  "orgtree.levelAndCode": "{level} · mã {code}",
  "orgtree.back": "Về cây tổ chức",
  "orgtree.backToUnit": "Về trang {name}",

  "orgtree.unit.pageTitle": "Đơn vị Hội",
  "orgtree.unit.code": "Mã đơn vị",
  "orgtree.unit.level": "Cấp",
  "orgtree.unit.parent": "Trực thuộc",
  "orgtree.unit.noParent": "Gốc của cây tổ chức",
  "orgtree.unit.communeCode": "Mã xã, phường chính thức",
  "orgtree.unit.none": "Không có",
  "orgtree.unit.merged":
    "Đơn vị này đã sáp nhập vào {survivor} ngày {date}. Đơn vị được giữ lại để các đơn hàng đã đặt vẫn thuộc về nó; đơn vị không nhận thêm gì mới và không sửa được nữa.",
  "orgtree.unit.children": "Đơn vị trực thuộc",
  "orgtree.unit.noChildren": "Chưa có đơn vị trực thuộc.",
  "orgtree.unit.mergedUnits": "Đơn vị đã sáp nhập vào đây",
  "orgtree.unit.mergedOn": "sáp nhập ngày {date}",
  "orgtree.unit.staff": "Cán bộ có vai trò tại đơn vị",
  "orgtree.unit.staffReach":
    "Vai trò tại một đơn vị có hiệu lực với đơn vị đó và mọi đơn vị trực thuộc nó, trên toàn bộ trang quản lý.",
  "orgtree.unit.noStaff": "Chưa có ai có vai trò tại đơn vị này.",
  "orgtree.unit.since": "từ {date}",
  "orgtree.unit.endRole": "Kết thúc vai trò {role} của {name}",
  "orgtree.unit.actions": "Quản trị đơn vị",
  "orgtree.unit.addChild": "Thêm đơn vị trực thuộc",
  "orgtree.unit.rename": "Đổi tên đơn vị",
  "orgtree.unit.move": "Chuyển sang đơn vị khác",
  "orgtree.unit.merge": "Sáp nhập vào đơn vị khác",
  "orgtree.unit.addRole": "Giao vai trò cho cán bộ",

  "orgtree.done.created": "Đã tạo đơn vị.",
  "orgtree.done.renamed": "Đã đổi tên đơn vị.",
  "orgtree.done.moved": "Đã chuyển đơn vị cùng các đơn vị trực thuộc.",
  "orgtree.done.merged":
    "Đã sáp nhập. Nhà sản xuất, cán bộ, hội viên, yêu cầu mua và các đơn vị trực thuộc của đơn vị cũ nay thuộc đơn vị này.",
  "orgtree.done.roleAssigned": "Đã giao vai trò.",
  "orgtree.done.roleEnded": "Đã kết thúc vai trò.",

  "orgtree.create.title": "Thêm đơn vị trực thuộc {parent}",
  "orgtree.create.code": "Mã đơn vị",
  "orgtree.create.codeHint":
    "Chữ in hoa không dấu, số và dấu gạch ngang, ví dụ QT-VINHLINH-CH04. Mã không đổi được sau này.",
  "orgtree.create.name": "Tên đơn vị",
  "orgtree.create.nameHint": "Ví dụ: Chi hội phụ nữ thôn Tân Mỹ.",
  "orgtree.create.level": "Cấp",
  "orgtree.create.communeCode": "Mã xã, phường chính thức (không bắt buộc)",
  "orgtree.create.communeCodeHint":
    "Chỉ cho đơn vị cấp xã, phường: năm chữ số theo danh mục hành chính, ví dụ 19333. Yêu cầu mua giao đến xã, phường này sẽ thuộc đơn vị.",
  "orgtree.create.submit": "Tạo đơn vị",

  "orgtree.rename.title": "Đổi tên {name}",
  "orgtree.rename.name": "Tên mới",
  "orgtree.rename.submit": "Lưu tên mới",

  "orgtree.move.title": "Chuyển {name}",
  "orgtree.move.intro":
    "Đơn vị được chuyển cùng toàn bộ các đơn vị trực thuộc nó. Hiện đơn vị trực thuộc {parent}.",
  "orgtree.move.parent": "Chuyển đến, trực thuộc đơn vị",
  "orgtree.move.noTargets": "Không có đơn vị nào bạn có thể chuyển đơn vị này đến.",
  "orgtree.move.submit": "Chuyển đơn vị",
  "orgtree.choose": "Chọn một đơn vị",

  "orgtree.merge.title": "Sáp nhập {name}",
  "orgtree.merge.intro":
    "Khi sáp nhập, nhà sản xuất, vai trò của cán bộ, hội viên, cán bộ hội, yêu cầu mua và các đơn vị trực thuộc chuyển sang đơn vị tiếp nhận. Đơn hàng và giao dịch ngoài sàn đã ghi vẫn thuộc đơn vị cũ; đơn vị cũ nằm dưới đơn vị tiếp nhận nên báo cáo của đơn vị tiếp nhận gồm cả số liệu cũ.",
  "orgtree.merge.survivor": "Đơn vị tiếp nhận",
  "orgtree.merge.noTargets": "Không có đơn vị nào bạn có thể sáp nhập đơn vị này vào.",
  "orgtree.merge.preview": "Xem trước",
  "orgtree.merge.previewTitle": "Sáp nhập {name} vào {survivor}: những gì sẽ chuyển",
  "orgtree.merge.producers": "Nhà sản xuất: {count}",
  "orgtree.merge.members": "Hội viên: {count}",
  "orgtree.merge.officers": "Cán bộ hội: {count}",
  "orgtree.merge.requests": "Yêu cầu mua: {count}",
  "orgtree.merge.children": "Đơn vị trực thuộc: {count}",
  "orgtree.merge.staff":
    "Vai trò của cán bộ: {count}. Sau khi sáp nhập, các vai trò này ở {survivor}, tức là có hiệu lực với toàn bộ {survivor}.",
  "orgtree.merge.staffRow": "{name} — {role}",
  "orgtree.merge.communeCode": "Mã xã, phường chính thức của đơn vị cũ chuyển sang {survivor}.",
  "orgtree.merge.ordersStay": "Đơn hàng và giao dịch ngoài sàn đã ghi vẫn thuộc {name}.",
  "orgtree.merge.confirm": "Tôi đã xem và hiểu rằng việc sáp nhập không hoàn tác được.",
  "orgtree.merge.submit": "Sáp nhập {name} vào {survivor}",

  "orgtree.role.title": "Giao vai trò tại {unit}",
  "orgtree.role.phone": "Số điện thoại của tài khoản",
  "orgtree.role.phoneHint": "Người nhận vai trò phải đã có tài khoản trên Cung Cầu.",
  "orgtree.role.role": "Vai trò",
  "orgtree.role.hint.moderator":
    "Kiểm duyệt: duyệt nhà sản xuất, sản phẩm và đánh giá; kết nối cung cầu, ghi giao dịch ngoài sàn.",
  "orgtree.role.hint.reporter": "Báo cáo: xem và xuất báo cáo, xem hồ sơ hội viên.",
  "orgtree.role.hint.admin":
    "Quản trị: mọi quyền, kể cả sửa cây tổ chức, giao vai trò, thanh toán và chi trả.",
  "orgtree.role.submit": "Giao vai trò",

  "orgtree.endRole.title": "Kết thúc vai trò",
  "orgtree.endRole.question": "Kết thúc vai trò {role} của {name} tại {unit}?",
  "orgtree.endRole.effect":
    "Người này mất quyền của vai trò ở đơn vị và các đơn vị trực thuộc ngay từ trang tiếp theo.",
  "orgtree.endRole.self":
    "Đây là vai trò của chính bạn: sau khi kết thúc, có thể bạn không vào được trang này nữa.",
  "orgtree.endRole.lastAdmin":
    "{name} là quản trị viên cuối cùng của {unit}, nên không thể kết thúc vai trò này. Hãy giao vai trò quản trị cho người khác trước.",
  "orgtree.endRole.submit": "Kết thúc vai trò",
  "orgtree.endRole.cancel": "Không, quay lại",

  "orgtree.errors.summary": "Chưa lưu được. Hãy sửa các ô được đánh dấu.",
  "orgtree.errors.staffOnly": "Trang này chỉ dành cho cán bộ Hội.",
  "orgtree.errors.unitNotFound": "Không tìm thấy đơn vị {code}.",
  "orgtree.errors.unit": "Chọn một đơn vị trong danh sách.",
  "orgtree.errors.code":
    "Mã đơn vị gồm 2 đến 40 ký tự: chữ in hoa không dấu, số và dấu gạch ngang.",
  "orgtree.errors.name": "Tên đơn vị dài từ 3 đến 150 ký tự.",
  "orgtree.errors.level": "Chọn cấp của đơn vị.",
  "orgtree.errors.communeCode": "Mã xã, phường gồm đúng 5 chữ số.",
  "orgtree.errors.phone": "Nhập số điện thoại di động Việt Nam, ví dụ 0912 345 678.",
  "orgtree.errors.role": "Chọn một vai trò.",
  "orgtree.errors.badRequest": "Yêu cầu không hợp lệ. Hãy tải lại trang rồi thử lại.",
  "orgtree.errors.confirmMerge": "Hãy đánh dấu ô xác nhận để sáp nhập.",
  "orgtree.errors.merged": "Đơn vị {name} đã được sáp nhập nên không thay đổi được nữa.",
  "orgtree.errors.levelBelowParent": "Đơn vị cấp này không thể trực thuộc {parent}.",
  "orgtree.errors.codeTaken": "Mã {code} đã được dùng cho một đơn vị khác.",
  "orgtree.errors.nameTaken": "Tên “{name}” đã được dùng cho một đơn vị khác.",
  "orgtree.errors.communeCodeLevel": "Chỉ đơn vị cấp xã, phường mới có mã xã, phường.",
  "orgtree.errors.communeUnknown": "Không có xã, phường nào mang mã {code} trong danh mục.",
  "orgtree.errors.communeTaken": "{commune} đã thuộc {unit}.",
  "orgtree.errors.rootFixed": "Đơn vị gốc của cây tổ chức không chuyển hay sáp nhập được.",
  "orgtree.errors.cycle": "Không thể chuyển đơn vị vào chính nó hoặc vào đơn vị trực thuộc nó.",
  "orgtree.errors.sameParent": "Đơn vị đã trực thuộc đơn vị này rồi.",
  "orgtree.errors.mergeSelf": "Không thể sáp nhập một đơn vị vào chính nó.",
  "orgtree.errors.mergeDescendant": "Không thể sáp nhập đơn vị vào một đơn vị trực thuộc nó.",
  "orgtree.errors.mergeLevel":
    "Không thể sáp nhập vào {survivor}: đơn vị tiếp nhận phải cùng cấp hoặc cấp trên.",
  "orgtree.errors.noAccount": "Không có tài khoản đang hoạt động nào với số điện thoại này.",
  "orgtree.errors.roleHeld": "{name} đã có vai trò này tại đơn vị.",
  "orgtree.errors.roleNotFound": "Vai trò này không còn (có thể đã được kết thúc).",
  "orgtree.errors.lastRootAdmin":
    "Không thể kết thúc: {unit} phải luôn có ít nhất một quản trị viên.",
} as const;
