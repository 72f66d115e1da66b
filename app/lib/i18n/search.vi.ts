/** Strings of the search and catalog area that are not in the shell catalog. */
export const searchVi = {
  "search.errors.invalidQuery": "Yêu cầu tìm kiếm chưa hợp lệ.",
} as const;
