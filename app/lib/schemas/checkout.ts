import { z } from "zod";
import { fieldErrorsOf } from "./orders";
import {
  orderNoteSchema,
  shippingFields,
  withOfficialCommune,
  type DELIVERY_CHOICES,
} from "./shipping";

export const PAYMENT_CHOICES = ["cod", "bank_transfer", "card"] as const;

const formFields = {
  note: orderNoteSchema,
  paymentMethod: z.enum(PAYMENT_CHOICES, { message: "checkout.error.paymentMethod" }),
  idempotencyKey: z.string().uuid("checkout.error.expired"),
};

/**
 * The checkout form (web) when a producer delivers: the delivery address of ./shipping (its
 * commune one of the province's) plus the form's own fields; messages are keys.
 */
export const checkoutFormSchema = z
  .object({ ...shippingFields, ...formFields })
  .transform(withOfficialCommune);

/** The checkout form when every producer is picked up: only who collects, no address. */
export const pickupCheckoutFormSchema = z.object({
  name: shippingFields.name,
  phone: shippingFields.phone,
  ...formFields,
});

/**
 * What a posted checkout asks for: place the order, or only show the form again with what
 * was typed — "Cập nhật" (the totals for the chosen delivery methods, without JavaScript) and
 * the place picker's "Chọn tỉnh" (that province's communes).
 */
export function checkoutIntent(formData: FormData): "place" | "update" | "pick-province" {
  const intent = formData.get("intent");
  return intent === "update" || intent === "pick-province" ? intent : "place";
}

/** The form's text values as posted (NFC), to show the form again as the buyer left it. */
export function postedValues(formData: FormData): Record<string, string> {
  return Object.fromEntries(
    [...formData.entries()].flatMap(([name, value]) =>
      typeof value === "string" ? [[name, value.normalize("NFC")]] : [],
    ),
  );
}

/**
 * Reads the checkout form: the fields above plus `delivery.<producer code>` choices,
 * `price.<sku>` (the price the buyer was shown) and `saveAddress` (the "Lưu địa chỉ này" box).
 * The address is required only when some producer delivers. NFC everywhere.
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
  const needsAddress = Object.values(delivery).includes("delivery");
  const input = { note: "", ...raw };
  const common = { delivery, seenPrices, saveAddress: raw.saveAddress === "on" };
  if (!needsAddress) {
    const parsed = pickupCheckoutFormSchema.safeParse(input);
    if (!parsed.success) {
      return { ok: false as const, errors: fieldErrorsOf(parsed.error), values: raw };
    }
    const { name, phone, note, paymentMethod, idempotencyKey } = parsed.data;
    return {
      ok: true as const,
      value: {
        shipping: { name, phone, province: "", commune: "", address: "" },
        communeCode: null,
        note,
        paymentMethod,
        idempotencyKey,
        ...common,
      },
    };
  }
  const parsed = checkoutFormSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false as const, errors: fieldErrorsOf(parsed.error), values: raw };
  }
  const { name, phone, province, commune, communeCode, address, note } = parsed.data;
  return {
    ok: true as const,
    value: {
      shipping: { name, phone, province, commune, address },
      communeCode,
      note,
      paymentMethod: parsed.data.paymentMethod,
      idempotencyKey: parsed.data.idempotencyKey,
      ...common,
    },
  };
}
