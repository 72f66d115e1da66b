/** Checkout without surprises: totals before confirming, pickup-only checkout, pickup hours, the address book (issue 14). */
export const checkoutflowVi = {} as const;
