import type { viGroups } from "./vi";

/** Assisted mode: staff create a producer and act for it (issue 15). */
export const assistEn: Record<keyof typeof viGroups.assist, string> = {};
