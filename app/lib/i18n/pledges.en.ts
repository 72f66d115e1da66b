import type { viGroups } from "./vi";

/** Support campaigns: partners' pledges and the search filter (issue 16). */
export const pledgesEn: Record<keyof typeof viGroups.pledges, string> = {
  "pledges.title": "Pledges to buy",
};
