/** A producer's team: invite by phone, what each member may do, remove (issue 15). */
export const teamVi = {
  "team.nav.link": "Nhóm",

  "team.page.title": "Nhóm làm việc",
  "team.page.intro":
    "Mời người cùng làm vào trang bán hàng của cơ sở và chọn việc mỗi người được làm. Người được mời nhận lời bằng tài khoản có đúng số điện thoại bạn nhập.",
  "team.page.producer": "{name} ({code})",
  "team.done.moi": "Đã gửi lời mời.",
  "team.done.quyen": "Đã lưu việc thành viên được làm.",
  "team.done.xoa": "Đã xóa thành viên khỏi nhóm.",
  "team.done.thu-hoi": "Đã thu hồi lời mời.",

  "team.permission.listings": "Sản phẩm: đăng, sửa hàng và nhập dữ liệu",
  "team.permission.orders": "Đơn hàng: xử lý đơn và trả lời yêu cầu mua",
  "team.permission.statement": "Sổ tiền: xem số dư, sao kê và khoản phải hoàn lại",
  "team.permission.legend": "Được làm",

  "team.members.title": "Thành viên",
  "team.members.owner": "Chủ cơ sở · được làm mọi việc",
  "team.members.since": "Vào nhóm ngày {date}",
  "team.members.save": "Lưu việc được làm",
  "team.members.remove": "Xóa khỏi nhóm",
  "team.members.you": "(bạn)",
  "team.members.removeConfirm":
    "Xóa {name} khỏi nhóm? Người này sẽ không mở được trang bán hàng của cơ sở nữa.",
  "team.members.removeYes": "Đúng, xóa khỏi nhóm",

  "team.invites.title": "Lời mời đang chờ",
  "team.invites.none": "Không có lời mời nào đang chờ.",
  "team.invites.sent": "Mời ngày {date}",
  "team.invites.revoke": "Thu hồi lời mời",
  "team.invites.expires": "Hết hạn ngày {date}",

  "team.invite.title": "Mời người vào nhóm",
  "team.invite.phone": "Số điện thoại của người được mời",
  "team.invite.phoneHint": "Số di động, ví dụ 0912 345 678.",
  "team.invite.submit": "Gửi lời mời",

  "team.invitations.title": "Lời mời vào nhóm",
  "team.invitations.intro":
    "Nhà sản xuất có thể mời bạn cùng làm trong trang bán hàng của họ. Lời mời gửi theo số điện thoại của bạn.",
  "team.invitations.none": "Hiện không có lời mời nào cho số điện thoại của bạn.",
  "team.invitations.noPhone":
    "Tài khoản của bạn chưa có số điện thoại. Lời mời được gửi theo số điện thoại: hãy thêm số của bạn ở trang Tài khoản.",
  "team.invitations.confirmFirst": "Hãy xác nhận số điện thoại của bạn trước khi nhận lời mời.",
  "team.invitations.from": "{producer} mời bạn vào nhóm",
  "team.invitations.invitedBy": "Người mời: {name} · ngày {date}",
  "team.invitations.may": "Bạn sẽ được làm:",
  "team.invitations.expires": "Lời mời hết hạn ngày {date}.",
  "team.invitations.accept": "Nhận lời",
  "team.invitations.decline": "Từ chối",
  "team.invitations.declined": "Bạn đã từ chối lời mời.",
  "team.invitations.accepted": "Bạn đã vào nhóm của nhà sản xuất {code}.",
  "team.invitations.openWorkspace": "Mở trang bán hàng",
  "team.account.link": "Lời mời vào nhóm của nhà sản xuất",

  "team.notice.invited.title": "{producer} mời bạn vào nhóm",
  "team.notice.invited.body":
    "Bạn được mời cùng làm trong trang bán hàng của {producer}. Mở lời mời để nhận lời hoặc từ chối.",
  "team.notice.permissions.title": "Việc bạn được làm ở {producer} đã thay đổi",
  "team.notice.permissions.body":
    "Chủ cơ sở đã thay đổi những việc bạn được làm trong trang bán hàng.",
  "team.notice.removed.title": "Bạn không còn trong nhóm {producer}",
  "team.notice.removed.body":
    "Chủ cơ sở đã xóa bạn khỏi nhóm. Bạn không mở được trang bán hàng của cơ sở này nữa.",
  "team.notice.revoked.title": "{producer} đã thu hồi lời mời",
  "team.notice.revoked.body": "Lời mời vào nhóm {producer} không còn hiệu lực.",
  "team.notice.accepted.title": "{name} đã vào nhóm",
  "team.notice.accepted.body": "{name} đã nhận lời mời vào nhóm {producer}.",
  "team.notice.declined.title": "{name} đã từ chối lời mời",
  "team.notice.declined.body": "{name} đã từ chối lời mời vào nhóm {producer}.",

  "team.error.ownerOnly": "Chỉ chủ cơ sở mới quản lý được nhóm.",
  "team.error.need.listings":
    "Chủ cơ sở chưa cho bạn quản lý sản phẩm. Hãy hỏi chủ cơ sở nếu bạn cần làm việc này.",
  "team.error.need.orders":
    "Chủ cơ sở chưa cho bạn xử lý đơn hàng. Hãy hỏi chủ cơ sở nếu bạn cần làm việc này.",
  "team.error.need.statement":
    "Chủ cơ sở chưa cho bạn xem sổ tiền. Hãy hỏi chủ cơ sở nếu bạn cần làm việc này.",
  "team.error.alreadyMember": "Số điện thoại này đã ở trong nhóm.",
  "team.error.alreadyInvited": "Số điện thoại này đã có một lời mời đang chờ.",
  "team.error.noSuchMember": "Không tìm thấy thành viên này trong nhóm.",
  "team.error.noSuchInvite":
    "Không tìm thấy lời mời này, hoặc lời mời đã được trả lời hay thu hồi.",
  "team.error.ownerFixed": "Chủ cơ sở luôn được làm mọi việc: không đổi được.",
  "team.error.cannotRemoveOwner": "Không thể xóa chủ cơ sở khỏi nhóm.",
  "team.error.phoneNotConfirmed": "Hãy xác nhận số điện thoại của bạn trước khi nhận lời mời.",
  "team.error.noPermission": "Hãy chọn ít nhất một việc người này được làm.",
  "team.error.badRequest": "Yêu cầu không hợp lệ. Hãy tải lại trang và thử lại.",
} as const;
