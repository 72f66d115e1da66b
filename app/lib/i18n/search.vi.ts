/** Strings of the search and catalog area that are not in the shell catalog. */
export const searchVi = {
  "search.errors.invalidQuery": "Yêu cầu tìm kiếm chưa hợp lệ.",
  "search.errors.productNotFound": "Không tìm thấy sản phẩm.",
  "search.errors.notWholeNumber":
    "Tham số {parameter} không hợp lệ: {parameter} phải là số nguyên không âm",
  "search.errors.outOfRange":
    "Tham số {parameter} không hợp lệ: {parameter} phải trong khoảng {min}–{max}",
  "search.errors.tooLong": "Tham số {parameter} không hợp lệ: {parameter} dài tối đa {max} ký tự",
  "search.errors.notCategoryCode":
    "Tham số {parameter} không hợp lệ: {parameter} phải là mã danh mục, ví dụ ca-phe",
  "search.errors.notOneOf":
    "Tham số {parameter} không hợp lệ: {parameter} phải là một trong: {values}",
  "search.errors.notMatchMode":
    "Tham số {parameter} không hợp lệ: {parameter} phải là all hoặc any",
  "search.errors.priceMaxBelowMin":
    "Tham số price_max không hợp lệ: price_max phải lớn hơn hoặc bằng price_min",
  "search.errors.suggestQueryRequired": "Tham số {parameter} không hợp lệ: hãy nhập từ cần tìm",
  "search.errors.suggestQueryTooShort":
    "Tham số {parameter} không hợp lệ: {parameter} cần ít nhất {min} ký tự",
  "search.didYouMean": "Có phải bạn muốn tìm “{query}”?",
  "search.suggestionsSeeAll": "Xem mọi kết quả cho “{query}”",
  "catalog.errors.productGone": "Không tìm thấy sản phẩm này. Có thể sản phẩm đã ngừng bán.",
  "catalog.errors.producerNotFound": "Không tìm thấy nhà sản xuất này.",
  "demand.errors.requestNotFound": "Không tìm thấy yêu cầu mua này.",
  "demand.errors.buyersOnly": "Chỉ tài khoản người mua mới đăng được yêu cầu mua.",
  "demand.errors.unknownCategory": "Danh mục không tồn tại.",
} as const;
