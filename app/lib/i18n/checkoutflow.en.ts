import type { viGroups } from "./vi";

/** Checkout without surprises: totals before confirming, pickup-only checkout, pickup hours, the address book (issue 14). */
export const checkoutflowEn: Record<keyof typeof viGroups.checkoutflow, string> = {};
