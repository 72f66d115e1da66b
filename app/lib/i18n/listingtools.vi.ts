/** Strings of the listing form's photos, import templates and the bank list. */
export const listingtoolsVi = {} as const;
