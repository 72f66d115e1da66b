/** A producer's team: invite by phone, what each member may do, remove (issue 15). */
export const teamVi = {} as const;
