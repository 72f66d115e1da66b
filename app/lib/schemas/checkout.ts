import { z } from "zod";
import { fieldErrorsOf } from "./orders";
import { orderNoteSchema, shippingFields, type DELIVERY_CHOICES } from "./shipping";

export const PAYMENT_CHOICES = ["cod", "bank_transfer", "card"] as const;

/** The checkout form (web): the delivery address of ./shipping plus its own fields; keys. */
export const checkoutFormSchema = z.object({
  ...shippingFields,
  note: orderNoteSchema,
  paymentMethod: z.enum(PAYMENT_CHOICES, { message: "checkout.error.paymentMethod" }),
  idempotencyKey: z.string().uuid("checkout.error.expired"),
});

/**
 * Reads the checkout form: the fields above plus `delivery.<producer code>` choices and
 * `price.<sku>` (the price the buyer was shown). NFC everywhere.
 */
export function parseCheckoutForm(formData: FormData) {
  const raw: Record<string, string> = {};
  const delivery: Record<string, (typeof DELIVERY_CHOICES)[number]> = {};
  const seenPrices: Record<string, number> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    const text = value.normalize("NFC");
    if (name.startsWith("delivery.")) {
      if (text === "pickup" || text === "delivery") delivery[name.slice(9)] = text;
    } else if (name.startsWith("price.")) {
      const price = Number(text);
      if (Number.isSafeInteger(price) && price > 0) seenPrices[name.slice(6)] = price;
    } else {
      raw[name] = text;
    }
  }
  const parsed = checkoutFormSchema.safeParse({ note: "", ...raw });
  if (!parsed.success) {
    return { ok: false as const, errors: fieldErrorsOf(parsed.error), values: raw };
  }
  const { name, phone, province, commune, address, note, paymentMethod, idempotencyKey } =
    parsed.data;
  return {
    ok: true as const,
    value: {
      shipping: { name, phone, province, commune, address },
      note,
      paymentMethod,
      delivery,
      seenPrices,
      idempotencyKey,
    },
  };
}
