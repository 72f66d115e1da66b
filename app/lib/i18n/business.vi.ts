/** Buyers' API tokens, the business profile and VAT-invoice requests (issue 15). */
export const businessVi = {} as const;
