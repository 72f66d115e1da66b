import type { viGroups } from "./vi";

/** Strings of staff's producer directory, suspension, unpublishing and verification. */
export const staffproducersEn: Record<keyof typeof viGroups.staffproducers, string> = {};
