import { getInputProps, type SubmissionResult } from "@conform-to/react";
import { Field } from "~/components/auth-form";
import { useT } from "~/lib/i18n";
import { MEMBER_LIMITS, officerSchema } from "~/lib/schemas/members";
import type { FilterChoice } from "./member-filters";
import { memberInputClass } from "./members-header";
import { NameField, RecordForm, UnitField } from "./record-form";

/** The values an officer form starts with. */
export interface OfficerDefaults {
  fullName?: string;
  position?: string;
  unitCode?: string;
  termStart?: string;
  termEnd?: string;
  fullTime?: string;
  phone?: string;
}

/** An officer: name, position, unit, term (an end date ends it), full-time or not, phone. */
export function OfficerForm({
  lastResult,
  defaults,
  units,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaults: OfficerDefaults;
  units: FilterChoice[];
  submitLabel: string;
}) {
  const t = useT();
  return (
    <RecordForm
      id="officer"
      schema={officerSchema}
      lastResult={lastResult}
      defaults={defaults}
      submitLabel={submitLabel}
    >
      {(fields) => (
        <>
          <NameField field={fields.fullName} />
          <Field
            field={fields.position}
            label={t("members.officer.position")}
            hint={t("members.officer.positionHint")}
          >
            <input
              {...getInputProps(fields.position, {
                type: "text",
                ariaDescribedBy: fields.position.descriptionId,
              })}
              maxLength={MEMBER_LIMITS.positionMax}
              className={memberInputClass}
            />
          </Field>
          <UnitField field={fields.unitCode} units={units} />
          <Field field={fields.phone} label={t("members.field.phone")}>
            <input
              {...getInputProps(fields.phone, { type: "tel" })}
              autoComplete="off"
              className={memberInputClass}
            />
          </Field>
          <Field field={fields.termStart} label={t("members.officer.termStart")}>
            <input
              {...getInputProps(fields.termStart, { type: "date" })}
              className={memberInputClass}
            />
          </Field>
          <Field
            field={fields.termEnd}
            label={t("members.officer.termEnd")}
            hint={t("members.officer.termEndHint")}
          >
            <input
              {...getInputProps(fields.termEnd, {
                type: "date",
                ariaDescribedBy: fields.termEnd.descriptionId,
              })}
              className={memberInputClass}
            />
          </Field>
          <div className="flex items-center gap-3 sm:col-span-2">
            <input {...getInputProps(fields.fullTime, { type: "checkbox" })} className="h-6 w-6" />
            <label htmlFor={fields.fullTime.id} className="font-medium text-stone-900">
              {t("members.officer.fullTime")}
            </label>
          </div>
        </>
      )}
    </RecordForm>
  );
}
