/** Strings of the producer's workspace home, order wording and shipping details. */
export const dailyVi = {} as const;
