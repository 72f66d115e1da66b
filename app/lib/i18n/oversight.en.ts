import type { viGroups } from "./vi";

/** Strings of the audit log, staff work alerts, the staff menu and moderation dates. */
export const oversightEn: Record<keyof typeof viGroups.oversight, string> = {};
