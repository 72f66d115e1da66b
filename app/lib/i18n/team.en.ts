import type { viGroups } from "./vi";

/** A producer's team: invite by phone, what each member may do, remove (issue 15). */
export const teamEn: Record<keyof typeof viGroups.team, string> = {};
