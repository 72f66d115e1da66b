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
import type { ComponentProps } from "react";
import { Field, SubmitButton } from "~/components/auth-form";
import { PlacePicker, type PlaceOption } from "~/components/place-picker";
import { UnitSelect } from "~/components/unit-select";
import { useLocale, useT } from "~/lib/i18n";
import {
  PURCHASE_REQUEST_LIMITS,
  PURCHASE_REQUEST_MESSAGE_PARAMS,
  purchaseRequestSchema,
  RECURRENCE_OPTIONS,
} from "~/lib/schemas/purchase-request";

/** The values a request form starts with (strings, as the form holds them). */
export interface RequestFormDefaults {
  title?: string;
  description?: string;
  categoryCode?: string;
  quantity?: string;
  unit?: string;
  targetPriceVnd?: string;
  provinceCode?: string;
  communeCode?: string;
  neededBy?: string;
  recurrence?: string;
}

export interface CategoryOption {
  code: string;
  nameVi: string;
  nameEn: string;
  depth: number;
}

const inputClass =
  "mt-1 min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 aria-[invalid=true]:border-red-600";

/**
 * The purchase-request form of the new and edit pages: what, how much, at what price, where
 * (the place picker) and until when. The date's label follows the recurrence: a one-off
 * request is "needed by" that day, a recurring one runs "until" it.
 */
export function PurchaseRequestForm({
  page,
  answer,
  submitLabel,
  errorSummary,
}: {
  /** The page's loader data: the choices and the values the form starts with. */
  page: {
    defaults: RequestFormDefaults;
    categories: CategoryOption[];
    provinces: PlaceOption[];
    /** The communes of the province in `defaults`. */
    communes: PlaceOption[];
    today: string;
  };
  /** The action's answer: the refused or reloaded form, with its province's communes. */
  answer: { reply: SubmissionResult<string[]>; communes: PlaceOption[] } | undefined;
  submitLabel: string;
  errorSummary: string;
}) {
  const { defaults, categories, provinces, today } = page;
  const lastResult = answer?.reply;
  const communes = answer?.communes ?? page.communes;
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "purchase-request",
    lastResult,
    defaultValue: defaults,
    constraint: getZodConstraint(purchaseRequestSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: purchaseRequestSchema }),
  });
  const recurrence = fields.recurrence.value ?? defaults.recurrence ?? "none";
  const isRecurring = recurrence !== "none";
  return (
    <>
      {form.status === "error" ? (
        <div
          role="alert"
          className="mt-4 rounded-lg border border-red-300 bg-red-50 px-4 py-3 font-medium text-red-800"
        >
          <p>{errorSummary}</p>
          {form.errors?.map((error) => (
            <p key={error} className="mt-1 font-normal">
              {error}
            </p>
          ))}
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="mt-6 space-y-5">
        <RequestField
          field={fields.title}
          label={t("requestForm.titleLabel")}
          hint={t("requestForm.titleHint")}
        >
          <input
            {...getInputProps(fields.title, {
              type: "text",
              ariaDescribedBy: fields.title.descriptionId,
            })}
            maxLength={PURCHASE_REQUEST_LIMITS.titleMax}
            className={inputClass}
          />
        </RequestField>
        <RequestField
          field={fields.description}
          label={t("requestForm.descriptionLabel")}
          hint={t("requestForm.descriptionHint")}
        >
          <textarea
            {...getTextareaProps(fields.description, {
              ariaDescribedBy: fields.description.descriptionId,
            })}
            rows={4}
            maxLength={PURCHASE_REQUEST_LIMITS.descriptionMax}
            className={inputClass}
          />
        </RequestField>
        <RequestField field={fields.categoryCode} label={t("requestForm.categoryLabel")}>
          <select {...getSelectProps(fields.categoryCode)} className={inputClass}>
            <option value="">{t("requestForm.categoryNone")}</option>
            {categories.map((option) => (
              <option key={option.code} value={option.code}>
                {option.depth > 0 ? "— " : ""}
                {locale === "en" ? option.nameEn : option.nameVi}
              </option>
            ))}
          </select>
        </RequestField>
        <div className="grid grid-cols-2 gap-3">
          <RequestField field={fields.quantity} label={t("requestForm.quantityLabel")}>
            <input
              {...getInputProps(fields.quantity, { type: "text" })}
              inputMode="numeric"
              className={inputClass}
            />
          </RequestField>
          <RequestField field={fields.unit} label={t("requestForm.unitLabel")}>
            <UnitSelect field={fields.unit} className={inputClass} />
          </RequestField>
        </div>
        <RequestField
          field={fields.targetPriceVnd}
          label={t("requestForm.targetPriceLabel")}
          hint={t("requestForm.targetPriceHint")}
        >
          <input
            {...getInputProps(fields.targetPriceVnd, {
              type: "text",
              ariaDescribedBy: fields.targetPriceVnd.descriptionId,
            })}
            inputMode="numeric"
            className={inputClass}
          />
        </RequestField>
        <PlacePicker
          province={fields.provinceCode}
          commune={fields.communeCode}
          provinces={provinces}
          communes={communes}
        />
        <div className="grid gap-3 sm:grid-cols-2">
          <RequestField field={fields.recurrence} label={t("requestForm.recurrenceLabel")}>
            <select {...getSelectProps(fields.recurrence)} className={inputClass}>
              {RECURRENCE_OPTIONS.map((option) => (
                <option key={option} value={option}>
                  {t(`recurrence.${option}`)}
                </option>
              ))}
            </select>
          </RequestField>
          <RequestField
            field={fields.neededBy}
            label={isRecurring ? t("requestLife.endDateLabel") : t("requestForm.neededByLabel")}
            hint={isRecurring ? t("requestLife.endDateHint") : t("requestLife.dateHint")}
          >
            <input
              {...getInputProps(fields.neededBy, {
                type: "date",
                ariaDescribedBy: fields.neededBy.descriptionId,
              })}
              min={today}
              className={inputClass}
            />
          </RequestField>
        </div>
        <SubmitButton busy={navigation.state === "submitting"}>{submitLabel}</SubmitButton>
      </Form>
    </>
  );
}

/** The shared form field, with the limits this form's messages name ("at most {max}"). */
function RequestField(props: Omit<ComponentProps<typeof Field>, "params">) {
  return <Field {...props} params={PURCHASE_REQUEST_MESSAGE_PARAMS[props.field.name]} />;
}
