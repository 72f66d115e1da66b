import type { viGroups } from "./vi";

/** Strings of the demand area: purchase requests' whole life: posting, editing, closing, a buyer's list, places. */
export const requestsEn: Record<keyof typeof viGroups.requests, string> = {};
