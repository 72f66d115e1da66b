import type { viGroups } from "./vi";

/** Strings of the platform layer (requests, limits, configuration) shown to readers. */
export const platformEn: Record<keyof typeof viGroups.platform, string> = {
  "platform.errors.badRequest": "The request is not valid.",
};
