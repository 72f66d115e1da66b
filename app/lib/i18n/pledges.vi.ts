/** Support campaigns: partners' pledges and the search filter (issue 16). */
export const pledgesVi = {
  "pledges.title": "Cam kết mua",
} as const;
