import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ComponentProps } from "react";
import { Field, SubmitButton } from "~/components/auth-form";
import { vietnamToday } from "~/lib/dates";
import { t, useLocale, useT } from "~/lib/i18n";
import { unitLabel } from "~/lib/i18n/labels";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import { UNIT_OPTIONS } from "~/lib/schemas/listing";
import { cleanText } from "~/lib/text";
import {
  PURCHASE_REQUEST_LIMITS,
  PURCHASE_REQUEST_MESSAGE_PARAMS,
  purchaseRequestSchema,
  RECURRENCE_OPTIONS,
  type PurchaseRequestInput,
} from "~/lib/schemas/purchase-request";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireBuyer } from "~/modules/auth/session.server";
import { createPurchaseRequest } from "~/modules/demand/purchase-requests.server";
import { categoryOptions } from "~/modules/listings/queries.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta: MetaFunction = ({ matches }) => {
  const locale = localeFromMatches(matches);
  return pageMeta(locale, t(locale, "requestForm.title"), t(locale, "requestForm.intro"));
};

/**
 * The "post a purchase request" form for signed-in buyers, prefilled from `q` and `danh-muc`
 * (the search page links here when nothing matched).
 */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  await requireBuyer(request);
  const url = new URL(request.url);
  const wanted = url.searchParams.get("danh-muc") ?? "";
  const options = categoryOptions(getDb()).map(({ code, nameVi, nameEn, depth }) => ({
    code,
    nameVi,
    nameEn,
    depth,
  }));
  return {
    options,
    today: vietnamToday(),
    defaults: {
      title: cleanText(url.searchParams.get("q") ?? "").slice(0, 150),
      categoryCode: options.some((option) => option.code === wanted) ? wanted : "",
      recurrence: "none" as const,
    },
  };
});

export const action = handle(async ({ request }: ActionFunctionArgs) => {
  const actor = await requireBuyer(request);
  assertSameOrigin(request);
  const submission = parseWithZod(await request.formData(), { schema: purchaseRequestSchema });
  if (submission.status !== "success") {
    return data(submission.reply(), { status: 400 });
  }
  const created = createPurchaseRequest(getDb(), actor, submission.value);
  return redirect(`/yeu-cau-mua/${created.code}?da-dang=1`);
});

export default function NewPurchaseRequestPage() {
  const { options, today, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const locale = useLocale();
  const [form, fields] = useForm<PurchaseRequestInput>({
    id: "purchase-request",
    lastResult,
    defaultValue: defaults,
    constraint: getZodConstraint(purchaseRequestSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: purchaseRequestSchema }),
  });
  const hasErrors = form.status === "error";
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold text-stone-900">{t("requestForm.title")}</h1>
      <p className="mt-1 text-stone-700">{t("requestForm.intro")}</p>
      {hasErrors ? (
        <p
          role="alert"
          className="mt-4 rounded-lg border border-red-300 bg-red-50 px-4 py-3 font-medium text-red-800"
        >
          {t("requestForm.errorSummary")}
        </p>
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
            {options.map((option) => (
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
            <select {...getSelectProps(fields.unit)} className={inputClass}>
              <option value="">—</option>
              {UNIT_OPTIONS.map((unit) => (
                <option key={unit} value={unit}>
                  {unitLabel(locale, unit)}
                </option>
              ))}
            </select>
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
        <RequestField
          field={fields.deliveryLocation}
          label={t("requestForm.deliveryLocationLabel")}
          hint={t("requestForm.deliveryLocationHint")}
        >
          <input
            {...getInputProps(fields.deliveryLocation, {
              type: "text",
              ariaDescribedBy: fields.deliveryLocation.descriptionId,
            })}
            maxLength={PURCHASE_REQUEST_LIMITS.locationMax}
            autoComplete="address-level2"
            className={inputClass}
          />
        </RequestField>
        <div className="grid gap-3 sm:grid-cols-2">
          <RequestField field={fields.neededBy} label={t("requestForm.neededByLabel")}>
            <input
              {...getInputProps(fields.neededBy, { type: "date" })}
              min={today}
              className={inputClass}
            />
          </RequestField>
          <RequestField field={fields.recurrence} label={t("requestForm.recurrenceLabel")}>
            <select {...getSelectProps(fields.recurrence)} className={inputClass}>
              {RECURRENCE_OPTIONS.map((recurrence) => (
                <option key={recurrence} value={recurrence}>
                  {t(`recurrence.${recurrence}`)}
                </option>
              ))}
            </select>
          </RequestField>
        </div>
        <SubmitButton busy={navigation.state === "submitting"}>
          {t("requestForm.submit")}
        </SubmitButton>
      </Form>
    </div>
  );
}

const inputClass =
  "mt-1 min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 aria-[invalid=true]:border-red-600";

/** The shared form field, with the limits this form's messages name ("at most {max}"). */
function RequestField(props: Omit<ComponentProps<typeof Field>, "params">) {
  return <Field {...props} params={PURCHASE_REQUEST_MESSAGE_PARAMS[props.field.name]} />;
}
