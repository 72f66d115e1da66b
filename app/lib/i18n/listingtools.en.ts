import type { viGroups } from "./vi";

/** Strings of the listing form's photos, import templates and the bank list. */
export const listingtoolsEn: Record<keyof typeof viGroups.listingtools, string> = {};
