/** Support campaigns in public: the list, a campaign's page, badges, the home section, a producer joining (issue 16). */
export const campaignpageVi = {
  "campaignpage.nav.link": "Chiến dịch",
} as const;
