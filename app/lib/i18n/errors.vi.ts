/** Messages of the domain errors every area shares (app/lib/errors.ts) and of input hygiene (schemas/fields). */
export const errorsVi = {
  "errors.notFound": "Không tìm thấy trang hoặc dữ liệu bạn cần.",
  "errors.unauthorized": "Bạn cần đăng nhập để tiếp tục.",
  "errors.forbidden": "Bạn không có quyền thực hiện việc này.",
  "errors.input.control":
    "Có ký tự điều khiển không hiển thị được (ví dụ ký tự NUL); hãy gõ lại nội dung ô này.",
  "errors.input.lineBreak": "Ô này chỉ nhận một dòng; hãy bỏ các dấu xuống dòng.",
  "errors.input.decimal":
    "Chỉ nhập số nguyên, không có phần lẻ (không nhập 1,5). Dấu chấm, dấu phẩy hay khoảng trắng chỉ để tách từng nhóm ba chữ số, ví dụ 1.500.000.",
} as const;
