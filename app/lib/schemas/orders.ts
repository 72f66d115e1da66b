import { z } from "zod";
import { isMessageKey, type MessageKey } from "~/lib/i18n/translate";
import { longText, money, singleLineText, wholeNumber } from "./fields";
import { refundAccountFields } from "./money";

const orderId = z.coerce.number().int().positive();

/** The message of a form's first bad field when it is a catalog key, else `fallback`. */
export function firstMessageOf(error: z.ZodError, fallback: MessageKey): MessageKey {
  const message = error.issues[0]?.message;
  return message !== undefined && isMessageKey(message) ? message : fallback;
}

/** The first message of each bad field of a form, by its path ("rating", "items.0.qty"). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) fieldErrors[issue.path.join(".")] ??= issue.message;
  return fieldErrors;
}

/** Optional free text (a reason, a note): several lines, at most `max` characters, empty is none. */
const optionalText = (max: number) =>
  longText()
    .pipe(z.string().max(max))
    .optional()
    .transform((v) => v || null);

/** A quantity typed in the cart: a whole number, "1,5" refused (docs/decisions/014). */
const cartQty = (min: number) =>
  wholeNumber({ min, max: 100_000, message: "cartPage.badQuantity" });

/** Longest carrier name and tracking number a producer may type when shipping. */
export const CARRIER_MAX = 60;
export const TRACKING_NUMBER_MAX = 40;

/**
 * Who carries an order and its tracking number, both optional (empty is none): the carrier
 * one line of at most 60 characters, the tracking number letters, digits and hyphens, at
 * most 40. The ship form and `shipOrder` both read them through this schema.
 */
export const shipmentSchema = z.object({
  carrier: singleLineText()
    .pipe(z.string().max(CARRIER_MAX, "daily.ship.error.carrier"))
    .optional()
    .transform((v) => v || null),
  trackingNumber: singleLineText()
    .pipe(
      z
        .string()
        .max(TRACKING_NUMBER_MAX, "daily.ship.error.tracking")
        .regex(/^[A-Za-z0-9-]*$/, "daily.ship.error.tracking"),
    )
    .optional()
    .transform((v) => v || null),
});

/** A producer's button on an order (inbox or detail page); "ship" may name the carrier. */
export const producerActionSchema = z
  .object({
    orderId,
    intent: z.enum(["accept", "mark_paid", "ship", "deliver", "cancel"]),
    reason: optionalText(500),
  })
  .merge(shipmentSchema);

/** A buyer's button on their order page. */
export const buyerActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("cancel"),
    reason: optionalText(500),
    // A buyer who paid by transfer says where the producer sends her money back.
    ...refundAccountFields,
  }),
  z.object({ intent: z.literal("confirm_receipt") }),
  z.object({ intent: z.literal("pay_card") }),
  z.object({
    intent: z.literal("review"),
    listingId: z.coerce.number().int().positive(),
    rating: z.coerce.number().int().min(1, "review.error.rating").max(5, "review.error.rating"),
    comment: longText("review.error.comment")
      .pipe(z.string().max(2000, "review.error.comment"))
      .default(""),
  }),
]);

/** A cart form: add (product page), set a quantity or remove a line (cart page). */
export const cartActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("add"),
    listingId: z.coerce.number().int().positive(),
    qty: cartQty(1),
  }),
  z.object({
    intent: z.literal("set"),
    listingId: z.coerce.number().int().positive(),
    qty: cartQty(0),
  }),
  z.object({ intent: z.literal("remove"), listingId: z.coerce.number().int().positive() }),
]);

/** Staff record a payout. */
export const payoutSchema = z.object({
  amountVnd: money({ min: 1, max: 1e12, message: "payout.error.amount" }),
  reference: singleLineText("payout.error.reference").pipe(
    z.string().min(1, "payout.error.reference").max(100, "payout.error.reference"),
  ),
  paidOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "payout.error.paidOn"),
  note: optionalText(500),
});

/** Staff hide or show a review. */
export const reviewVisibilitySchema = z.object({
  reviewId: z.coerce.number().int().positive(),
  intent: z.enum(["hide", "show"]),
});
