import { z } from "zod";
import { isKnownBankBin } from "~/lib/banks";
import { longText, money, singleLineText } from "./fields";

/**
 * Forms of the money pages (docs/decisions/023): a commission rate, a staff refund, a refund
 * marked sent, and the account a buyer gives to be refunded to.
 */

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** "2,5" or "2.5" (per cent, at most two decimals, 0 to 100) → basis points (250). */
export function basisPointsOfPercent(text: string): number | null {
  const match = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!match) return null;
  const points = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return points <= 10_000 ? points : null;
}

/** Basis points as a per-cent figure for a form's field: 250 → "2,5" (vi) or "2.5" (en). */
export function percentOfBasisPoints(basisPoints: number, decimalMark: "," | "."): string {
  const whole = Math.floor(basisPoints / 100);
  const cents = String(basisPoints % 100)
    .padStart(2, "0")
    .replace(/0+$/, "");
  return cents ? `${whole}${decimalMark}${cents}` : String(whole);
}

/** An admin sets a unit's commission rate from a day on. */
export const commissionRateSchema = z.object({
  unitCode: singleLineText().pipe(z.string().max(40)),
  basisPoints: z.string().transform((text, ctx) => {
    const points = basisPointsOfPercent(text);
    if (points === null) {
      ctx.addIssue({ code: "custom", message: "money.error.ratePercent" });
      return z.NEVER;
    }
    return points;
  }),
  startsOn: z.string().regex(DAY, "money.error.startsOn"),
});

/**
 * The account fields a buyer (or staff, for her) gives for a refund; each checked here, all
 * three needed together (money/refunds.server.ts `completeRefundAccount`).
 */
export const refundAccountFields = {
  refundBankBin: z
    .string()
    .optional()
    .transform((value) => value || null)
    .refine((value) => value === null || isKnownBankBin(value), "money.error.refundBank"),
  refundAccountNumber: z
    .string()
    .optional()
    .transform((value) => value?.replace(/[\s.-]/g, "") || null)
    .refine((value) => value === null || /^\d{6,20}$/.test(value), "money.error.refundAccount"),
  refundAccountName: z
    .string()
    .optional()
    .transform((value) => value?.trim().replace(/\s+/g, " ").toUpperCase() || null)
    .refine((value) => value === null || value.length <= 100, "form.error.tooLong"),
};

/** Staff record a refund on an order. */
export const staffRefundSchema = z.object({
  amountVnd: money({ min: 1, max: 1e12, message: "money.error.refundAmount" }),
  reason: longText("money.error.refundReason").pipe(
    z.string().min(3, "money.error.refundReason").max(500, "money.error.refundReason"),
  ),
  alreadySettled: z
    .literal("on")
    .optional()
    .transform((value) => value === "on"),
  ...refundAccountFields,
});

/** A producer marks one of her refunds sent back. */
export const refundSentSchema = z.object({ refundId: z.coerce.number().int().positive() });
