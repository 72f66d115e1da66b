import { z } from "zod";

const orderId = z.coerce.number().int().positive();

/** The first message of each bad field of a form, by its path ("rating", "items.0.qty"). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) fieldErrors[issue.path.join(".")] ??= issue.message;
  return fieldErrors;
}

/** Optional free text (a reason, a note): trimmed, at most `max` characters, empty is none. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || null);

/** A producer's button on an order (inbox or detail page). */
export const producerActionSchema = z.object({
  orderId,
  intent: z.enum(["accept", "mark_paid", "ship", "deliver", "cancel"]),
  reason: optionalText(500),
});

/** A buyer's button on their order page. */
export const buyerActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("cancel"),
    reason: optionalText(500),
  }),
  z.object({ intent: z.literal("confirm_receipt") }),
  z.object({ intent: z.literal("pay_card") }),
  z.object({
    intent: z.literal("review"),
    listingId: z.coerce.number().int().positive(),
    rating: z.coerce.number().int().min(1, "review.error.rating").max(5, "review.error.rating"),
    comment: z.string().max(2000, "review.error.comment").default(""),
  }),
]);

/** A cart form: add (product page), set a quantity or remove a line (cart page). */
export const cartActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("add"),
    listingId: z.coerce.number().int().positive(),
    qty: z.coerce.number().int().min(1).max(100_000),
  }),
  z.object({
    intent: z.literal("set"),
    listingId: z.coerce.number().int().positive(),
    qty: z.coerce.number().int().min(0).max(100_000),
  }),
  z.object({ intent: z.literal("remove"), listingId: z.coerce.number().int().positive() }),
]);

/** Staff record a payout. */
export const payoutSchema = z.object({
  amountVnd: z.coerce.number().int("payout.error.amount").min(1, "payout.error.amount"),
  reference: z.string().trim().min(1, "payout.error.reference").max(100, "payout.error.reference"),
  paidOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "payout.error.paidOn"),
  note: optionalText(500),
});

/** Staff hide or show a review. */
export const reviewVisibilitySchema = z.object({
  reviewId: z.coerce.number().int().positive(),
  intent: z.enum(["hide", "show"]),
});
