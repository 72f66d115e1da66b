import { getInputProps, getSelectProps, type SubmissionResult } from "@conform-to/react";
import { Field } from "~/components/auth-form";
import { useT } from "~/lib/i18n";
import { memberSchema } from "~/lib/schemas/members";
import { ChoiceOptions, type FilterChoice } from "./member-filters";
import { memberInputClass } from "./members-header";
import { NameField, RecordForm, UnitField } from "./record-form";

/** The values a member form starts with (blank for a new member). */
export interface MemberDefaults {
  fullName?: string;
  birthYear?: string;
  phone?: string;
  joinedOn?: string;
  unitCode?: string;
  producerCode?: string;
}

/**
 * A member's record without the sensitive fields (those are recorded with a consent on her
 * page): name, year of birth, phone, joined on, unit, producer.
 */
export function MemberForm({
  lastResult,
  defaults,
  units,
  producers,
  today,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaults: MemberDefaults;
  units: FilterChoice[];
  producers: FilterChoice[];
  today: string;
  submitLabel: string;
}) {
  const t = useT();
  return (
    <RecordForm
      id="member"
      schema={memberSchema}
      lastResult={lastResult}
      defaults={defaults}
      submitLabel={submitLabel}
    >
      {(fields) => (
        <>
          <NameField field={fields.fullName} />
          <Field field={fields.birthYear} label={t("members.field.birthYear")}>
            <input
              {...getInputProps(fields.birthYear, { type: "text" })}
              inputMode="numeric"
              maxLength={4}
              className={memberInputClass}
            />
          </Field>
          <Field
            field={fields.phone}
            label={t("members.field.phone")}
            hint={t("members.field.phoneHint")}
          >
            <input
              {...getInputProps(fields.phone, {
                type: "tel",
                ariaDescribedBy: fields.phone.descriptionId,
              })}
              autoComplete="off"
              className={memberInputClass}
            />
          </Field>
          <Field field={fields.joinedOn} label={t("members.field.joinedOn")}>
            <input
              {...getInputProps(fields.joinedOn, { type: "date" })}
              max={today}
              className={memberInputClass}
            />
          </Field>
          <UnitField field={fields.unitCode} units={units} />
          <Field
            field={fields.producerCode}
            label={t("members.field.producer")}
            hint={t("members.field.producerHint")}
          >
            <select
              {...getSelectProps(fields.producerCode, {
                ariaDescribedBy: fields.producerCode.descriptionId,
              })}
              className={memberInputClass}
            >
              <option value="">{t("members.field.noProducer")}</option>
              <ChoiceOptions choices={producers} />
            </select>
          </Field>
        </>
      )}
    </RecordForm>
  );
}
