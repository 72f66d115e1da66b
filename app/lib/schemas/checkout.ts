import { z } from "zod";

/**
 * Shapes shared by the checkout form and the JSON API. The web form's messages are i18n
 * keys (app/lib/i18n); the API answers in Vietnamese with the field named.
 */

/** A Vietnamese phone number: 0xxxxxxxxx or +84xxxxxxxxx, spaces and dots allowed. */
export const VN_PHONE = /^(?:0|\+84)\d{9,10}$/;

export function normalizePhone(input: string): string {
  return input.replace(/[\s.-]/g, "");
}

export const DELIVERY_CHOICES = ["pickup", "delivery"] as const;
export const PAYMENT_CHOICES = ["cod", "bank_transfer", "card"] as const;

/** The checkout form (web); messages are i18n keys. */
export const checkoutFormSchema = z.object({
  name: z.string().trim().min(2, "checkout.error.name").max(120, "checkout.error.name"),
  phone: z
    .string()
    .transform(normalizePhone)
    .refine((value) => VN_PHONE.test(value), "checkout.error.phone"),
  province: z.string().trim().min(2, "checkout.error.province"),
  commune: z.string().trim().min(2, "checkout.error.commune").max(120, "checkout.error.commune"),
  address: z.string().trim().min(3, "checkout.error.address").max(300, "checkout.error.address"),
  note: z
    .string()
    .trim()
    .max(1000, "checkout.error.note")
    .transform((v) => (v === "" ? null : v)),
  paymentMethod: z.enum(PAYMENT_CHOICES, { message: "checkout.error.paymentMethod" }),
  idempotencyKey: z.string().uuid("checkout.error.expired"),
});

export type CheckoutFormErrors = Partial<Record<string, string>>;

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
    const errors: CheckoutFormErrors = {};
    for (const issue of parsed.error.issues) errors[issue.path.join(".")] ??= issue.message;
    return { ok: false as const, errors, values: raw };
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
