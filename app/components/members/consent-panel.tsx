import {
  getFormProps,
  getInputProps,
  getSelectProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { Field, FormErrors } from "~/components/auth-form";
import { useT } from "~/lib/i18n";
import {
  CONSENT_FORM_OPTIONS,
  consentSchema,
  eraseSchema,
  HOUSEHOLD_OPTIONS,
  MEMBER_LIMITS,
  type ConsentInput,
} from "~/lib/schemas/members";
import { memberInputClass } from "./members-header";

const buttonClass = "min-h-11 rounded-lg px-4 py-2 font-semibold w-full sm:w-auto";

/** What the consent form starts with: the consent on file, if any. */
export interface ConsentDefaults {
  consentGivenOn?: string;
  consentForm?: string;
  ethnicGroup?: string;
  householdStatus?: string;
  hasDisability?: string;
}

/**
 * Recording (or renewing) a member's consent with the sensitive fields she agreed to give;
 * the page says why these fields need it.
 */
export function ConsentForm({
  lastResult,
  defaults,
  today,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaults: ConsentDefaults;
  today: string;
}) {
  const t = useT();
  const [form, fields] = useForm<ConsentInput>({
    id: "consent",
    lastResult,
    defaultValue: defaults,
    constraint: getZodConstraint(consentSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: consentSchema }),
  });
  return (
    <section
      aria-labelledby="consent-title"
      className="rounded-xl border border-stone-200 bg-white p-4"
    >
      <h2 id="consent-title" className="text-lg font-semibold">
        {t("members.consent.formTitle")}
      </h2>
      <p className="mt-1 text-sm text-stone-700">{t("members.consent.why")}</p>
      <Form method="post" {...getFormProps(form)} className="mt-3 grid gap-4 sm:grid-cols-2">
        <input type="hidden" name="intent" value="consent" />
        <div className="sm:col-span-2">
          <FormErrors id={form.errorId} errors={form.errors} />
        </div>
        <Field field={fields.consentGivenOn} label={t("members.consent.givenOn")}>
          <input
            {...getInputProps(fields.consentGivenOn, { type: "date" })}
            max={today}
            className={memberInputClass}
          />
        </Field>
        <Field field={fields.consentForm} label={t("members.consent.form")}>
          <select {...getSelectProps(fields.consentForm)} className={memberInputClass}>
            <option value="">{t("members.field.choose")}</option>
            {CONSENT_FORM_OPTIONS.map((option) => (
              <option key={option} value={option}>
                {t(`members.consentForm.${option}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field field={fields.ethnicGroup} label={t("members.field.ethnicGroup")}>
          <input
            {...getInputProps(fields.ethnicGroup, { type: "text" })}
            maxLength={MEMBER_LIMITS.ethnicGroupMax}
            className={memberInputClass}
          />
        </Field>
        <Field field={fields.householdStatus} label={t("members.field.household")}>
          <select {...getSelectProps(fields.householdStatus)} className={memberInputClass}>
            <option value="">{t("members.field.notGiven")}</option>
            {HOUSEHOLD_OPTIONS.map((option) => (
              <option key={option} value={option}>
                {t(`members.household.${option}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field field={fields.hasDisability} label={t("members.field.disability")}>
          <select {...getSelectProps(fields.hasDisability)} className={memberInputClass}>
            <option value="">{t("members.field.notGiven")}</option>
            <option value="yes">{t("members.yes")}</option>
            <option value="no">{t("members.no")}</option>
          </select>
        </Field>
        <div className="sm:col-span-2">
          <button
            type="submit"
            className={`${buttonClass} bg-brand-700 text-white hover:bg-brand-800`}
          >
            {t("members.consent.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}

/** Withdrawing the consent: the consent and the sensitive fields are erased at once. */
export function WithdrawForm() {
  const t = useT();
  return (
    <Form method="post" className="mt-3">
      <input type="hidden" name="intent" value="withdraw" />
      <p className="text-sm text-stone-700">{t("members.consent.withdrawHint")}</p>
      <button
        type="submit"
        className={`${buttonClass} mt-2 border border-red-700 bg-white text-red-800 hover:bg-red-50`}
      >
        {t("members.consent.withdraw")}
      </button>
    </Form>
  );
}

/** Erasing the whole record on the member's request, with a box to tick first. */
export function EraseForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const t = useT();
  const [form, fields] = useForm({
    id: "erase",
    lastResult,
    constraint: getZodConstraint(eraseSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: eraseSchema }),
  });
  return (
    <section
      aria-labelledby="erase-title"
      className="rounded-xl border border-red-200 bg-red-50 p-4"
    >
      <h2 id="erase-title" className="text-lg font-semibold text-red-900">
        {t("members.erase.title")}
      </h2>
      <p className="mt-1 text-sm text-stone-800">{t("members.erase.body")}</p>
      <Form method="post" {...getFormProps(form)} className="mt-3 space-y-3">
        <input type="hidden" name="intent" value="erase" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field field={fields.confirm} label={t("members.erase.confirmLabel")}>
          <input
            {...getInputProps(fields.confirm, { type: "checkbox", value: "yes" })}
            className="mt-1 h-6 w-6"
          />
        </Field>
        <button type="submit" className={`${buttonClass} bg-red-700 text-white hover:bg-red-800`}>
          {t("members.erase.submit")}
        </button>
      </Form>
    </section>
  );
}
