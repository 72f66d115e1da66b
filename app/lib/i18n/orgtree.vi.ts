/** Strings of the Union's org tree administration: units, merges, staff roles. */
export const orgtreeVi = {
  "orgtree.nav.link": "Tổ chức Hội",
  "orgtree.title": "Tổ chức Hội",
} as const;
