import type { viGroups } from "./vi";

/** Notification channels: each user's choice of channels per event (issue 15). */
export const channelsEn: Record<keyof typeof viGroups.channels, string> = {};
