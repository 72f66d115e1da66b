/** Messages of the domain errors every area shares (app/lib/errors.ts). */
export const errorsVi = {
  "errors.notFound": "Không tìm thấy trang hoặc dữ liệu bạn cần.",
  "errors.unauthorized": "Bạn cần đăng nhập để tiếp tục.",
  "errors.forbidden": "Bạn không có quyền thực hiện việc này.",
} as const;
