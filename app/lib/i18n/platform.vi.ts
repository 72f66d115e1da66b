/** Strings of the platform layer (requests, limits, configuration) shown to readers. */
export const platformVi = {
  "platform.errors.badRequest": "Yêu cầu không hợp lệ.",
  "platform.errors.bodyTooLarge":
    "Nội dung gửi lên quá lớn nên máy chủ không nhận. Vui lòng rút gọn rồi gửi lại.",
  "platform.errors.tooManyFields":
    "Biểu mẫu gửi lên có quá nhiều trường (tối đa {max}). Vui lòng gửi lại từ trang của biểu mẫu.",
  "platform.errors.unsupportedMediaType":
    "Địa chỉ này chỉ nhận dữ liệu gửi từ biểu mẫu trên trang. Vui lòng gửi lại từ trang đó.",
  "platform.errors.methodNotAllowed": "Địa chỉ này không nhận yêu cầu {method}.",
  "platform.errors.bodyTooSlow":
    "Dữ liệu gửi lên đến quá chậm nên đã bị dừng. Vui lòng kiểm tra kết nối mạng rồi thử lại.",
} as const;
