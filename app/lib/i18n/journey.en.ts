import type { viGroups } from "./vi";

/** Pages that lead to buying: home sections, product cards and page extras, order timeline, cart extras, rating input, units in English (issue 14). */
export const journeyEn: Record<keyof typeof viGroups.journey, string> = {};
