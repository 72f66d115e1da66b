/** Strings of the producer's ledger, commission rates, refunds and payouts. */
export const moneyVi = {} as const;
