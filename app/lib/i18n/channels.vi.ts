/** Notification channels: each user's choice of channels per event (issue 15). */
export const channelsVi = {
  "channels.title": "Cách nhận thông báo",
  "channels.link": "Cách nhận thông báo",
  "channels.intro":
    "Chọn cách bạn muốn được báo cho từng việc. Thông báo trong ứng dụng (hình chuông) luôn được bật.",
  "channels.caption": "Việc cần báo và cách nhận",
  "channels.eventHeader": "Việc",
  "channels.inApp": "Trong ứng dụng",
  "channels.always": "Luôn bật",
  "channels.channel.email": "Thư điện tử",
  "channels.channel.sms": "Tin nhắn SMS",
  "channels.channel.zalo": "Zalo",
  "channels.event.order_new": "Đơn hàng mới",
  "channels.event.order_status": "Đơn hàng đổi trạng thái",
  "channels.event.request_match": "Yêu cầu mua phù hợp",
  "channels.event.offer": "Chào hàng",
  "channels.event.moderation": "Kết quả duyệt",
  "channels.event.certificate_expiry": "Chứng nhận sắp hết hạn",
  "channels.box": "{event}: {channel}",
  "channels.notOffered": "Không có",
  "channels.smsOnlyNewOrders":
    "Tin nhắn SMS chỉ dùng cho đơn hàng mới, tối đa {hour} tin mỗi giờ và {day} tin mỗi ngày cho một số điện thoại.",
  "channels.needEmail": "Thêm địa chỉ thư điện tử vào tài khoản để nhận thông báo qua thư.",
  "channels.needPhone": "Xác nhận số điện thoại để nhận thông báo qua tin nhắn.",
  "channels.save": "Lưu lựa chọn",
  "channels.saved": "Đã lưu cách nhận thông báo.",
  "channels.error.notOffered":
    "Cách nhận này không dùng được cho việc đã chọn. Vui lòng tải lại trang và chọn lại.",
} as const;
