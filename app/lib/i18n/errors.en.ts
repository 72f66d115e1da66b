import type { viGroups } from "./vi";

/** Messages of the domain errors every area shares (app/lib/errors.ts). */
export const errorsEn: Record<keyof typeof viGroups.errors, string> = {
  "errors.notFound": "We could not find the page or data you asked for.",
  "errors.unauthorized": "Please sign in to continue.",
  "errors.forbidden": "You are not allowed to do this.",
};
