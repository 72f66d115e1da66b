import type { viGroups } from "./vi";

/** Strings of the Union's records of its officers and members, with consent and import/export. */
export const membersEn: Record<keyof typeof viGroups.members, string> = {
  "members.nav.link": "Members",
  "members.title": "Officers and members",
};
