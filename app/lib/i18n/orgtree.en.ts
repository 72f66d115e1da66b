import type { viGroups } from "./vi";

/** Strings of the Union's org tree administration: units, merges, staff roles. */
export const orgtreeEn: Record<keyof typeof viGroups.orgtree, string> = {
  "orgtree.nav.link": "Organisation",
  "orgtree.title": "Union organisation",
};
