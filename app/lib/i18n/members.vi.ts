/** Strings of the Union's records of its officers and members, with consent and import/export. */
export const membersVi = {
  "members.nav.link": "Hội viên",
  "members.title": "Cán bộ và hội viên",
} as const;
