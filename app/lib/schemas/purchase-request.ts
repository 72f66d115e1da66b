import { z } from "zod";
import { vietnamToday } from "~/lib/dates";
import { UNIT_OPTIONS } from "./listing";

/**
 * The "post a purchase request" form, shared by the browser (conform) and the action.
 * Messages are i18n keys (app/lib/i18n); the option lists mirror db/schema.
 */

export const RECURRENCE_OPTIONS = ["none", "weekly", "monthly"] as const;

export const PURCHASE_REQUEST_LIMITS = {
  titleMin: 5,
  titleMax: 150,
  descriptionMax: 2000,
  locationMin: 2,
  locationMax: 200,
  maxQuantity: 1_000_000_000,
  maxPriceVnd: 10_000_000_000,
} as const;

const L = PURCHASE_REQUEST_LIMITS;

/**
 * A whole number typed by a person: "36.000", "36,000" and "36 000" all mean 36000 (dots
 * group thousands in Vietnamese). Blank fields arrive as undefined (conform drops them).
 */
const wholeNumber = (max: number) =>
  z
    .string({ required_error: "validation.required" })
    .transform((value) => value.replace(/[.,\s_]/g, ""))
    .pipe(
      z.coerce
        .number({ invalid_type_error: "validation.wholeNumber" })
        .int("validation.wholeNumber")
        .min(1, "validation.wholeNumber")
        .max(max, "validation.tooLarge"),
    );

export const purchaseRequestSchema = z.object({
  title: z
    .string({ required_error: "validation.required" })
    .trim()
    .min(L.titleMin, "validation.tooShort")
    .max(L.titleMax, "validation.tooLong"),
  description: z.string().trim().max(L.descriptionMax, "validation.tooLong").default(""),
  categoryCode: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/, "validation.choice")
    .optional(),
  quantity: wholeNumber(L.maxQuantity),
  unit: z.enum(UNIT_OPTIONS, {
    required_error: "validation.required",
    invalid_type_error: "validation.choice",
    message: "validation.choice",
  }),
  targetPriceVnd: wholeNumber(L.maxPriceVnd).optional(),
  deliveryLocation: z
    .string({ required_error: "validation.required" })
    .trim()
    .min(L.locationMin, "validation.tooShort")
    .max(L.locationMax, "validation.tooLong"),
  neededBy: z
    .string({ required_error: "validation.required" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date")
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "validation.date")
    .refine((value) => value >= vietnamToday(), "validation.dateNotPast"),
  recurrence: z.enum(RECURRENCE_OPTIONS, { message: "validation.choice" }).default("none"),
});

export type PurchaseRequestInput = z.infer<typeof purchaseRequestSchema>;

/** Parameters for the i18n message of each limit error (e.g. "Tối đa {max} ký tự"). */
export const PURCHASE_REQUEST_MESSAGE_PARAMS: Record<string, Record<string, number>> = {
  title: { min: L.titleMin, max: L.titleMax },
  description: { max: L.descriptionMax },
  deliveryLocation: { min: L.locationMin, max: L.locationMax },
};
