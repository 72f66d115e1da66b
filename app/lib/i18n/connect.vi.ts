/** Strings of the demand area: the Union's connecting work: stale and unmatched requests, invitations, offline deals. */
export const connectVi = {} as const;
