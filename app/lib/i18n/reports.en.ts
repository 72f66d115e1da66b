import type { viGroups } from "./vi";

/** Strings of economic-support outcome reports: figures, charts, exports, print view. */
export const reportsEn: Record<keyof typeof viGroups.reports, string> = {
  "reports.nav.link": "Reports",
  "reports.title": "Support outcome reports",
};
