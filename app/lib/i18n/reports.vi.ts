/** Strings of economic-support outcome reports: figures, charts, exports, print view. */
export const reportsVi = {
  "reports.nav.link": "Báo cáo",
  "reports.title": "Báo cáo kết quả hỗ trợ",
} as const;
