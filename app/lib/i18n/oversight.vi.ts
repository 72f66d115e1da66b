/** Strings of the audit log, staff work alerts, the staff menu and moderation dates. */
export const oversightVi = {} as const;
