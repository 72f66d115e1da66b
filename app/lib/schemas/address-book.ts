import { z } from "zod";
import { fieldErrorsOf } from "./orders";
import { shippingFields, withOfficialCommune } from "./shipping";

/**
 * One address of the buyer's address book (/tai-khoan/dia-chi): the checkout's delivery
 * address, its commune one of the province's, and whether it is the default.
 */
export const addressBookSchema = z
  .object({
    ...shippingFields,
    /** A checkbox: "on" when ticked, absent when not. */
    isDefault: z
      .literal("on")
      .optional()
      .transform((value) => value === "on"),
  })
  .transform(withOfficialCommune);

export type AddressBookInput = z.output<typeof addressBookSchema>;

/** Reads a posted address form (NFC); errors are message keys by field. */
export function parseAddressForm(formData: FormData) {
  const raw: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value === "string") raw[name] = value.normalize("NFC");
  }
  const parsed = addressBookSchema.safeParse(raw);
  return parsed.success
    ? { ok: true as const, value: parsed.data, values: raw }
    : { ok: false as const, errors: fieldErrorsOf(parsed.error), values: raw };
}
