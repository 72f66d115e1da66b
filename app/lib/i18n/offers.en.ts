import type { viGroups } from "./vi";

/** Strings of the demand area: offers, their question threads and accepting one. */
export const offersEn: Record<keyof typeof viGroups.offers, string> = {};
