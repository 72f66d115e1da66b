import type { viGroups } from "./vi";

/** Account recovery and confirmed phones: forgot password, one-time codes, staff-issued reset codes, the demo message inbox (issue 15). */
export const recoveryEn: Record<keyof typeof viGroups.recovery, string> = {};
