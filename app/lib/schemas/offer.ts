import { z } from "zod";
import { fieldErrorsOf } from "./orders";
import { longText, money, singleLineText, wholeNumber } from "./fields";
import { UNIT_OPTIONS } from "~/lib/units";
import { orderNoteSchema, shippingFields, DELIVERY_CHOICES } from "./shipping";

/**
 * The offer form (a producer answers a purchase request), a question in an offer's thread,
 * and accepting an offer (checkout's delivery address plus pickup/delivery and payment).
 * Messages are i18n keys.
 */

export const OFFER_LIMITS = {
  goodsMax: 150,
  messageMax: 2000,
  threadMax: 2000,
  maxQuantity: 1_000_000_000,
  maxPriceVnd: 10_000_000_000,
} as const;

const date = z
  .string({ required_error: "validation.required" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "validation.date");

/** An offer as the producer types it: one of her listings (its id) or free-text goods. */
export const offerSchema = z
  .object({
    /** The producer's code when the member works for several. */
    producer: z
      .string()
      .regex(/^[A-Z0-9-]{1,20}$/, "validation.choice")
      .optional(),
    listingId: z.coerce.number().int().positive("validation.choice").optional(),
    goods: singleLineText()
      .pipe(z.string().max(OFFER_LIMITS.goodsMax, "validation.tooLong"))
      .optional(),
    unit: z.enum(UNIT_OPTIONS, { message: "validation.choice" }).optional(),
    priceVnd: money({
      min: 1,
      max: OFFER_LIMITS.maxPriceVnd,
      message: "validation.wholeNumber",
      tooLarge: "validation.tooLarge",
    }),
    quantity: wholeNumber({
      min: 1,
      max: OFFER_LIMITS.maxQuantity,
      message: "validation.wholeNumber",
      tooLarge: "validation.tooLarge",
    }),
    deliveryOn: date,
    message: longText()
      .pipe(z.string().max(OFFER_LIMITS.messageMax, "validation.tooLong"))
      .default(""),
  })
  .superRefine((value, ctx) => {
    // Free-text goods need a name and a unit; a listing brings its own.
    if (value.listingId === undefined) {
      if (!value.goods) {
        ctx.addIssue({ code: "custom", path: ["goods"], message: "offers.errors.goodsRequired" });
      }
      if (!value.unit) {
        ctx.addIssue({ code: "custom", path: ["unit"], message: "validation.choice" });
      }
    }
  });

export type OfferInput = z.infer<typeof offerSchema>;

/** One question or answer in an offer's thread. */
export const offerMessageSchema = z.object({
  body: longText().pipe(
    z.string().min(1, "validation.required").max(OFFER_LIMITS.threadMax, "validation.tooLong"),
  ),
});

/** Payment methods for an order made from an offer (paid on delivery or by transfer). */
export const OFFER_PAYMENT_CHOICES = ["cod", "bank_transfer"] as const;

/** Accepting an offer: where the goods go, how they are handed over and paid. */
export const acceptOfferSchema = z.object({
  ...shippingFields,
  // A blank note is left out of the form data (parseOfferForm drops empty fields).
  note: orderNoteSchema.default(""),
  deliveryMethod: z.enum(DELIVERY_CHOICES, { message: "offers.errors.deliveryMethod" }),
  paymentMethod: z.enum(OFFER_PAYMENT_CHOICES, { message: "checkout.error.paymentMethod" }),
});

export type AcceptOfferInput = z.infer<typeof acceptOfferSchema>;

/** Reads a form with one of the schemas above: the value, or field errors (i18n keys). */
export function parseOfferForm<T extends z.ZodTypeAny>(
  schema: T,
  formData: FormData,
):
  | { ok: true; value: z.infer<T> }
  | { ok: false; errors: Record<string, string>; values: Record<string, string> } {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value === "string" && value.trim() !== "") values[name] = value.normalize("NFC");
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: fieldErrorsOf(parsed.error), values };
  return { ok: true, value: parsed.data };
}
