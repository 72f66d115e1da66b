import type { viGroups } from "./vi";

/** Support campaigns: the staff side, and words every campaign page shares (issue 16). */
export const campaignsEn: Record<keyof typeof viGroups.campaigns, string> = {
  "campaigns.kind.disaster_recovery": "Disaster recovery",
  "campaigns.kind.harvest_glut": "Harvest glut",
  "campaigns.kind.disadvantaged_group": "Support for disadvantaged women",
  "campaigns.kind.other": "Other campaign",
  "campaigns.status.draft": "Draft",
  "campaigns.status.published": "Running",
  "campaigns.status.ended": "Ended",
};
