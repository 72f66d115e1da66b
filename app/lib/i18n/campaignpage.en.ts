import type { viGroups } from "./vi";

/** Support campaigns in public: the list, a campaign's page, badges, the home section, a producer joining (issue 16). */
export const campaignpageEn: Record<keyof typeof viGroups.campaignpage, string> = {
  "campaignpage.nav.link": "Campaigns",
};
