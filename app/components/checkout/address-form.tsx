import { Form, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import type { ReactNode } from "react";
import { useT } from "~/lib/i18n";
import { isMessageKey } from "~/lib/i18n";
import type { PlaceOption } from "~/components/place-picker";
import { PlaceFields } from "./place-fields";

const inputClass =
  "mt-1 min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 aria-[invalid=true]:border-red-600";

/** The address values a form starts with: province and commune by official code. */
export interface AddressFormValues {
  name: string;
  phone: string;
  province: string;
  commune: string;
  address: string;
  isDefault: boolean;
}

/**
 * What the form shows again after a refused or "Chọn tỉnh" submit: the posted values, a
 * missing province being the page's starting one and any other missing value empty.
 */
export function postedAddressValues(
  posted: Record<string, string | undefined>,
  startProvince: string,
): AddressFormValues {
  return {
    name: posted.name ?? "",
    phone: posted.phone ?? "",
    province: posted.province ?? startProvince,
    commune: posted.commune ?? "",
    address: posted.address ?? "",
    isDefault: posted.isDefault === "on",
  };
}

/** The address book's form (new and edit pages): who receives, where, and "mặc định". */
export function AddressForm({
  id,
  values,
  fieldErrors,
  provinces,
  communes,
  submitLabel,
}: {
  id: string;
  values: AddressFormValues;
  fieldErrors: Record<string, string>;
  provinces: PlaceOption[];
  communes: PlaceOption[];
  submitLabel: string;
}) {
  const t = useT();
  const navigation = useNavigation();
  const hasErrors = Object.keys(fieldErrors).length > 0;
  const message = (name: string) => {
    const text = fieldErrors[name];
    if (!text) return null;
    return isMessageKey(text) ? t(text) : text;
  };
  const textField = (
    name: "name" | "phone" | "address",
    label: string,
    extra: { type?: string; autoComplete: string; inputMode?: "tel" },
  ): ReactNode => {
    const error = message(name);
    return (
      <div>
        <label htmlFor={`${id}-${name}`} className="block font-medium">
          {label}
        </label>
        <input
          id={`${id}-${name}`}
          name={name}
          defaultValue={values[name]}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-${name}-error` : undefined}
          className={inputClass}
          {...extra}
        />
        {error ? (
          <p id={`${id}-${name}-error`} className="mt-1 text-sm font-medium text-red-700">
            {error}
          </p>
        ) : null}
      </div>
    );
  };
  return (
    <Form id={id} method="post" className="space-y-4">
      {hasErrors ? (
        <p role="alert" className="rounded-lg bg-rose-50 px-4 py-3 text-rose-900">
          {t("addressBook.error.summary")}
        </p>
      ) : null}
      {textField("name", t("checkoutPage.name"), { autoComplete: "name" })}
      {textField("phone", t("checkoutPage.phone"), {
        type: "tel",
        autoComplete: "tel",
        inputMode: "tel",
      })}
      <PlaceFields
        formId={id}
        province={values.province}
        commune={values.commune}
        errors={{ province: fieldErrors.province, commune: fieldErrors.commune }}
        provinces={provinces}
        communes={communes}
      />
      {textField("address", t("checkoutPage.address"), { autoComplete: "street-address" })}
      <label className="flex min-h-11 items-center gap-2">
        <input
          type="checkbox"
          name="isDefault"
          value="on"
          defaultChecked={values.isDefault}
          className="h-5 w-5"
        />
        {t("addressBook.makeDefaultLabel")}
      </label>
      <div className="flex flex-wrap gap-3">
        <button
          type="submit"
          name="intent"
          value="save"
          disabled={navigation.state === "submitting"}
          className="min-h-11 rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {submitLabel}
        </button>
        <Link
          to="/tai-khoan/dia-chi"
          className="inline-flex min-h-11 items-center rounded-lg border border-stone-300 bg-white px-4 font-semibold"
        >
          {t("addressBook.cancel")}
        </Link>
      </div>
    </Form>
  );
}
