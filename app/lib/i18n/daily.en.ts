import type { viGroups } from "./vi";

/** Strings of the producer's workspace home, order wording and shipping details. */
export const dailyEn: Record<keyof typeof viGroups.daily, string> = {};
