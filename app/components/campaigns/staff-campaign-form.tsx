import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { Field, FormErrors, inputClass, SubmitButton } from "~/components/auth-form";
import { useLocale, useT } from "~/lib/i18n";
import { unitLabel } from "~/lib/i18n/labels";
import { CAMPAIGN_KIND_OPTIONS, CampaignSchema } from "~/lib/schemas/campaigns";
import { UNIT_OPTIONS } from "~/lib/units";

export interface CampaignFormValues {
  title: string;
  story: string;
  kind: string;
  orgUnitId: string;
  startsOn: string;
  endsOn: string;
  targetVnd: string;
  targetQuantity: string;
  targetUnit: string;
  coverAlt: string;
}

/**
 * The campaign's form (create and edit): plain fields, dates as the browser's date picker
 * (YYYY-MM-DD), the cover photo as a file; works without JavaScript (multipart POST).
 */
export function StaffCampaignForm({
  id,
  units,
  defaultValue,
  lastResult,
  submitLabel,
  unitLocked = false,
}: {
  id: string;
  units: { id: number; name: string; level: string }[];
  defaultValue: Partial<CampaignFormValues>;
  lastResult: SubmissionResult<string[]> | undefined;
  submitLabel: string;
  unitLocked?: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue,
    constraint: getZodConstraint(CampaignSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CampaignSchema }),
  });
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      {...getFormProps(form)}
      className="mt-4 space-y-5"
    >
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field field={fields.title} label={t("campaigns.form.title")}>
        <input {...getInputProps(fields.title, { type: "text" })} className={inputClass} />
      </Field>
      <Field
        field={fields.story}
        label={t("campaigns.form.story")}
        hint={t("campaigns.form.storyHint")}
      >
        <textarea {...getTextareaProps(fields.story)} rows={8} className={inputClass} />
      </Field>
      <Field field={fields.kind} label={t("campaigns.form.kind")}>
        <select {...getSelectProps(fields.kind)} className={inputClass}>
          {CAMPAIGN_KIND_OPTIONS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`campaigns.kind.${kind}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        field={fields.orgUnitId}
        label={t("campaigns.form.orgUnit")}
        hint={unitLocked ? t("campaigns.form.orgUnitLocked") : undefined}
      >
        <select {...getSelectProps(fields.orgUnitId)} className={inputClass}>
          {units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.level === "province" ? unit.name : `— ${unit.name}`}
            </option>
          ))}
        </select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field field={fields.startsOn} label={t("campaigns.form.startsOn")}>
          <input {...getInputProps(fields.startsOn, { type: "date" })} className={inputClass} />
        </Field>
        <Field field={fields.endsOn} label={t("campaigns.form.endsOn")}>
          <input {...getInputProps(fields.endsOn, { type: "date" })} className={inputClass} />
        </Field>
      </div>
      <fieldset className="space-y-4 rounded-xl border border-stone-200 bg-white p-4">
        <legend className="px-1 font-semibold">{t("campaigns.form.targetLegend")}</legend>
        <Field field={fields.targetVnd} label={t("campaigns.form.targetVnd")}>
          <input
            {...getInputProps(fields.targetVnd, { type: "text" })}
            inputMode="numeric"
            className={inputClass}
          />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field field={fields.targetQuantity} label={t("campaigns.form.targetQuantity")}>
            <input
              {...getInputProps(fields.targetQuantity, { type: "text" })}
              inputMode="numeric"
              className={inputClass}
            />
          </Field>
          <Field field={fields.targetUnit} label={t("campaigns.form.targetUnit")}>
            <select {...getSelectProps(fields.targetUnit)} className={inputClass}>
              <option value="">{t("campaigns.form.noUnit")}</option>
              {UNIT_OPTIONS.map((unit) => (
                <option key={unit} value={unit}>
                  {unitLabel(locale, unit)}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </fieldset>
      <div>
        <label htmlFor={`${id}-image`} className="block font-medium text-stone-900">
          {t("campaigns.form.cover")}
        </label>
        <p className="text-sm text-stone-600">{t("campaigns.form.coverHint")}</p>
        <input
          id={`${id}-image`}
          name="image"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          className="mt-1 block w-full text-sm"
        />
      </div>
      <Field
        field={fields.coverAlt}
        label={t("campaigns.form.coverAlt")}
        hint={t("campaigns.form.coverAltHint")}
      >
        <input {...getInputProps(fields.coverAlt, { type: "text" })} className={inputClass} />
      </Field>
      <SubmitButton busy={navigation.state === "submitting"}>{submitLabel}</SubmitButton>
    </Form>
  );
}
