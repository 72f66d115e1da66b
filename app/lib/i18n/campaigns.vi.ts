/** Support campaigns: the staff side, and words every campaign page shares (issue 16). */
export const campaignsVi = {
  "campaigns.kind.disaster_recovery": "Khắc phục thiên tai",
  "campaigns.kind.harvest_glut": "Giải cứu nông sản",
  "campaigns.kind.disadvantaged_group": "Hỗ trợ phụ nữ yếu thế",
  "campaigns.kind.other": "Chiến dịch khác",
  "campaigns.status.draft": "Bản nháp",
  "campaigns.status.published": "Đang diễn ra",
  "campaigns.status.ended": "Đã kết thúc",
} as const;
