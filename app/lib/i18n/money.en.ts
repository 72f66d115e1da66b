import type { viGroups } from "./vi";

/** Strings of the producer's ledger, commission rates, refunds and payouts. */
export const moneyEn: Record<keyof typeof viGroups.money, string> = {};
