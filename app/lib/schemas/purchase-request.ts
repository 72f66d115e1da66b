import { z } from "zod";
import { vietnamToday } from "~/lib/dates";
import { longText, money, singleLineText, wholeNumber } from "./fields";
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
  reasonMax: 500,
  maxQuantity: 1_000_000_000,
  maxPriceVnd: 10_000_000_000,
} as const;

const L = PURCHASE_REQUEST_LIMITS;

/**
 * A whole number typed by a person: "36.000", "36,000" and "36 000" all mean 36000 (dots
 * group thousands in Vietnamese); "1,5" is refused, never read as 15 (schemas/fields).
 * Blank fields arrive as undefined (conform drops them).
 */
const positive = (max: number, currency = false) =>
  (currency ? money : wholeNumber)({
    min: 1,
    max,
    message: "validation.wholeNumber",
    tooLarge: "validation.tooLarge",
  });

export const purchaseRequestSchema = z.object({
  title: singleLineText().pipe(
    z.string().min(L.titleMin, "validation.tooShort").max(L.titleMax, "validation.tooLong"),
  ),
  description: longText().pipe(z.string().max(L.descriptionMax, "validation.tooLong")).default(""),
  categoryCode: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/, "validation.choice")
    .optional(),
  quantity: positive(L.maxQuantity),
  unit: z.enum(UNIT_OPTIONS, {
    required_error: "validation.required",
    invalid_type_error: "validation.choice",
    message: "validation.choice",
  }),
  targetPriceVnd: positive(L.maxPriceVnd, true).optional(),
  // Official codes from the place picker; the module checks them against the list
  // (app/modules/org/places.server.ts), which is too big to ship to the browser.
  provinceCode: z
    .string({ required_error: "requests.errors.provinceRequired" })
    .regex(/^\d{2}$/, "requests.errors.unknownProvince"),
  communeCode: z
    .string({ required_error: "requests.errors.communeRequired" })
    .regex(/^\d{5}$/, "requests.errors.unknownCommune"),
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
};

/** What the owner or a moderator may post to /yeu-cau-mua/<code>/trang-thai. */
export const REQUEST_STATE_INTENTS = ["close", "reopen", "hide", "unhide"] as const;

export const requestStateSchema = z.object({
  intent: z.enum(REQUEST_STATE_INTENTS, { message: "validation.choice" }),
  /** Why a moderator hides the request (kept in the audit log and on the row). */
  reason: singleLineText().pipe(z.string().max(L.reasonMax, "validation.tooLong")).optional(),
});
