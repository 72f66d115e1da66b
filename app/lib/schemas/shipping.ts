import { z } from "zod";
import { normalizePhone } from "~/lib/contact";
import type { MessageKey } from "~/lib/i18n/translate";
import { findCommune, findProvinceByOfficialCode } from "~/lib/places";
import { findProvince } from "~/lib/provinces";
import { longText, singleLineText } from "./fields";

/**
 * The delivery address, one schema for the web checkout (fields at the top of the form) and
 * the JSON API (under `shipping`). Messages are i18n keys; the API renders them in Vietnamese.
 */

const text = (min: number, max: number, key: MessageKey) =>
  singleLineText(key).pipe(z.string().min(min, key).max(max, key));

/** A stored number (+84912345678) as Vietnamese people write it (0912345678). */
export function nationalPhone(stored: string): string {
  return stored.replace(/^\+84/, "0");
}

/**
 * A Vietnamese mobile number as people type it, kept the way the buyer and the producer read
 * it on the order (0912345678): the contact helper decides what is a number.
 */
const shippingPhone = z
  .string({ required_error: "checkout.error.phone", invalid_type_error: "checkout.error.phone" })
  .transform((value, ctx) => {
    const stored = normalizePhone(value);
    if (stored === null) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "checkout.error.phone" });
      return z.NEVER;
    }
    return nationalPhone(stored);
  });

/**
 * One of the 34 provinces by name, code or official two-digit code (the place picker posts
 * "44"), stored by its name.
 */
const shippingProvince = z
  .string({
    required_error: "checkout.error.province",
    invalid_type_error: "checkout.error.province",
  })
  .transform((value, ctx) => {
    const province = findProvince(value) ?? findProvinceByOfficialCode(value);
    if (!province) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "checkout.error.province" });
      return z.NEVER;
    }
    return province.name;
  });

/** The fields of a delivery address, for a form (at its top level) or under `shipping`. */
export const shippingFields = {
  name: text(2, 120, "checkout.error.name"),
  phone: shippingPhone,
  province: shippingProvince,
  commune: text(2, 120, "checkout.error.commune"),
  address: text(3, 300, "checkout.error.address"),
};

/** A shipping address as `shippingFields` reads it, before its commune is checked. */
type ShippingInput = { province: string; commune: string };

/**
 * The commune of an address must be an official unit of its province (by name, with or without
 * "xã/phường", or by five-digit code): it is stored under its official name, with its code.
 */
export function withOfficialCommune<T extends ShippingInput>(
  value: T,
  ctx: z.RefinementCtx,
): T & { communeCode: string } {
  const commune = findCommune(value.commune, value.province);
  if (!commune) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ["commune"],
      message: "checkoutFlow.error.communeNotInProvince",
    });
    return z.NEVER;
  }
  return { ...value, commune: commune.name, communeCode: commune.code };
}

/** A whole delivery address (the API's `shipping`): the fields, then the commune checked. */
export function shippingAddressSchema(params?: z.RawCreateParams) {
  return z.object(shippingFields, params).transform(withOfficialCommune);
}

/** The buyer's note to the producers: optional, at most 1000 characters; empty is none. */
export const orderNoteSchema = longText("checkout.error.note")
  .pipe(z.string().max(1000, "checkout.error.note"))
  .transform((value) => (value === "" ? null : value));

/** How each producer hands over the goods. */
export const DELIVERY_CHOICES = ["pickup", "delivery"] as const;
