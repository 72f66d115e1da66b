import {
  getFormProps,
  getInputProps,
  getSelectProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { Field, inputClass } from "~/components/auth-form";
import { bankByBin, BANKS } from "~/lib/banks";
import { useT } from "~/lib/i18n";
import { ProducerBankSchema } from "~/lib/schemas/bank";
import { IntentButton } from "./intent-button";
import { Panel } from "./panel";

interface BankValues {
  bankBin: string;
  bankAccountNumber: string;
  bankAccountName: string;
}

/**
 * Where buyers' transfers go: the bank chosen from the list of Vietnamese banks, the account
 * number and the holder's name. Only an owner of the producer changes it; a member reads it.
 */
export function BankAccountPanel({
  producerCode,
  values,
  canChange,
  lastResult,
  busy,
}: {
  producerCode: string;
  values: BankValues;
  canChange: boolean;
  lastResult: SubmissionResult<string[]> | undefined;
  busy: boolean;
}) {
  const t = useT();
  const [form, fields] = useForm({
    id: `bank-${producerCode}`,
    lastResult,
    defaultValue: values,
    constraint: getZodConstraint(ProducerBankSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProducerBankSchema }),
  });
  const current = bankByBin(values.bankBin);
  // A BIN stored before the list existed is still shown; saving asks for a bank of the list.
  const unlisted = values.bankBin && !current ? values.bankBin : null;
  return (
    <Panel
      titleId="bank-title"
      title={t("profile.bankLegend")}
      hint={canChange ? t("listingtools.bank.hint") : t("listingtools.bank.ownerOnly")}
      anchor="ngan-hang"
    >
      {canChange ? (
        <Form method="post" {...getFormProps(form)} className="mt-3 space-y-3">
          <input type="hidden" name="producer" value={producerCode} />
          <Field field={fields.bankBin} label={t("listingtools.bank.bank")}>
            <select {...getSelectProps(fields.bankBin)} className={inputClass}>
              <option value="">{t("listingtools.bank.choose")}</option>
              {unlisted ? <option value={unlisted}>{unlisted}</option> : null}
              {BANKS.map((bank) => (
                <option key={bank.bin} value={bank.bin}>
                  {t("listingtools.bank.option", { short: bank.shortName, name: bank.name })}
                </option>
              ))}
            </select>
          </Field>
          <Field field={fields.bankAccountNumber} label={t("profile.bankAccountNumber")}>
            <input
              {...getInputProps(fields.bankAccountNumber, { type: "text" })}
              inputMode="numeric"
              autoComplete="off"
              maxLength={24}
              className={inputClass}
            />
          </Field>
          <Field
            field={fields.bankAccountName}
            label={t("profile.bankAccountName")}
            hint={t("listingtools.bank.holderHint")}
          >
            <input
              {...getInputProps(fields.bankAccountName, {
                type: "text",
                ariaDescribedBy: fields.bankAccountName.descriptionId,
              })}
              maxLength={100}
              autoComplete="off"
              className={`${inputClass} uppercase`}
            />
          </Field>
          <IntentButton intent="bank" disabled={busy}>
            {t("listingtools.bank.save")}
          </IntentButton>
        </Form>
      ) : (
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          <dt className="text-stone-600">{t("listingtools.bank.bank")}</dt>
          <dd>{current?.shortName ?? (values.bankBin || t("listingtools.bank.none"))}</dd>
          <dt className="text-stone-600">{t("profile.bankAccountNumber")}</dt>
          <dd>{values.bankAccountNumber || "—"}</dd>
          <dt className="text-stone-600">{t("profile.bankAccountName")}</dt>
          <dd>{values.bankAccountName || "—"}</dd>
        </dl>
      )}
    </Panel>
  );
}
