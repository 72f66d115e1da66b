import type { viGroups } from "./vi";

/** Strings of the demand area: the Union's connecting work: stale and unmatched requests, invitations, offline deals. */
export const connectEn: Record<keyof typeof viGroups.connect, string> = {};
