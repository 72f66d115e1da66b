import { getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import { useT } from "~/lib/i18n";
import { PRODUCER_KIND_OPTIONS } from "~/lib/schemas/auth";
import { Field, inputClass } from "./auth-form";

/**
 * The contact and password fields that sign-up, the producer application and the account
 * page share, so their labels, hints, autocomplete hints and keyboards stay the same.
 */

type TextField = FieldMetadata<string | undefined>;

export function DisplayNameField({ field }: { field: TextField }) {
  const t = useT();
  return (
    <Field field={field} label={t("auth.field.displayName")}>
      <input
        {...getInputProps(field, { type: "text" })}
        autoComplete="name"
        className={inputClass}
      />
    </Field>
  );
}

export function PhoneField({ field }: { field: TextField }) {
  const t = useT();
  return (
    <Field field={field} label={t("auth.field.phone")} hint={t("auth.field.phoneHint")}>
      <input
        {...getInputProps(field, { type: "tel", ariaDescribedBy: field.descriptionId })}
        autoComplete="tel"
        inputMode="tel"
        className={inputClass}
      />
    </Field>
  );
}

export function EmailField({ field }: { field: TextField }) {
  const t = useT();
  return (
    <Field field={field} label={t("auth.field.email")} hint={t("auth.field.emailHint")}>
      <input
        {...getInputProps(field, { type: "email", ariaDescribedBy: field.descriptionId })}
        autoComplete="email"
        autoCapitalize="none"
        spellCheck={false}
        className={inputClass}
      />
    </Field>
  );
}

/** A new password and its confirmation, with the rules as a hint. */
export function NewPasswordFields({
  password,
  confirmPassword,
}: {
  password: TextField;
  confirmPassword: TextField;
}) {
  const t = useT();
  return (
    <>
      <Field
        field={password}
        label={t("auth.field.newPassword")}
        hint={t("auth.field.passwordHint")}
      >
        <input
          {...getInputProps(password, {
            type: "password",
            ariaDescribedBy: password.descriptionId,
          })}
          autoComplete="new-password"
          className={inputClass}
        />
      </Field>
      <Field field={confirmPassword} label={t("auth.field.confirmPassword")}>
        <input
          {...getInputProps(confirmPassword, { type: "password" })}
          autoComplete="new-password"
          className={inputClass}
        />
      </Field>
    </>
  );
}

/** The kind of producer (HTX, tổ hợp tác, hộ kinh doanh …), for applying and for staff. */
export function ProducerKindField({ field, label }: { field: TextField; label: string }) {
  const t = useT();
  return (
    <Field field={field} label={label}>
      <select {...getSelectProps(field)} className={inputClass}>
        {PRODUCER_KIND_OPTIONS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`producerKind.${kind}`)}
          </option>
        ))}
      </select>
    </Field>
  );
}
