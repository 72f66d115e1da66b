/** Account recovery and confirmed phones: forgot password, one-time codes, staff-issued reset codes, the demo message inbox (issue 15). */
export const recoveryVi = {} as const;
