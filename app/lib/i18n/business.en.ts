import type { viGroups } from "./vi";

/** Buyers' API tokens, the business profile and VAT-invoice requests (issue 15). */
export const businessEn: Record<keyof typeof viGroups.business, string> = {};
