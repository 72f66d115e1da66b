import { data } from "@remix-run/node";
import { parseAddressForm, type AddressBookInput } from "~/lib/schemas/address-book";
import { postedValues } from "~/lib/schemas/checkout";
import { checkoutPlaces } from "./checkout.server";

/** What the address pages' forms answer when they show the form again. */
export interface AddressFormAnswer {
  values: Record<string, string>;
  fieldErrors: Record<string, string>;
  communes: { code: string; name: string }[];
}

/**
 * Reads a posted address form (new or edit page): the no-JS "Chọn tỉnh" round trip (200, the
 * province's communes, nothing saved), a refused form (400, messages by field), or valid input.
 */
export function readAddressForm(
  formData: FormData,
):
  | { kind: "again"; response: ReturnType<typeof data<AddressFormAnswer>> }
  | { kind: "valid"; value: AddressBookInput } {
  const values = postedValues(formData);
  const { communes } = checkoutPlaces(values.province);
  if (formData.get("intent") === "pick-province") {
    return {
      kind: "again",
      response: data<AddressFormAnswer>(
        { values: { ...values, commune: "" }, fieldErrors: {}, communes },
        { status: 200 },
      ),
    };
  }
  const parsed = parseAddressForm(formData);
  if (!parsed.ok) {
    return {
      kind: "again",
      response: data<AddressFormAnswer>(
        { values, fieldErrors: parsed.errors, communes },
        { status: 400 },
      ),
    };
  }
  return { kind: "valid", value: parsed.value };
}
