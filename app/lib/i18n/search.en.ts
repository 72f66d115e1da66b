import type { viGroups } from "./vi";

/** Strings of the search and catalog area that are not in the shell catalog. */
export const searchEn: Record<keyof typeof viGroups.search, string> = {
  "search.errors.invalidQuery": "The search request is not valid.",
};
