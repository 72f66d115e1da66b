import {
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type FieldMetadata,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { HTMLAttributes } from "react";
import { Field, FormErrors, inputClass } from "~/components/auth-form";
import { UnitSelect } from "~/components/unit-select";
import { useLocale, useT } from "~/lib/i18n";
import { CERTIFICATION_OPTIONS, ListingFormSchema, OCOP_STAR_OPTIONS } from "~/lib/schemas/listing";
import { Alert } from "./alert";

/** The fields conform derives from the form's default values (all strings, as typed). */
type ListingFields = ReturnType<FieldMetadata<ReturnType<typeof listingDefaults>>["getFieldset"]>;

export interface CategoryOption {
  id: number;
  nameVi: string;
  nameEn: string;
  depth: number;
}

/** Form defaults for a listing, as strings the inputs show. */
export function listingDefaults(form?: {
  title: string;
  description: string;
  categoryId: number;
  priceVnd: number;
  unit: string;
  minOrderQty: number;
  stock: number;
  season: string;
  tags: string[];
  ocopStars: number;
  ocopCertificateNo: string | null;
  ocopIssuedOn: string | null;
  ocopExpiresOn: string | null;
  certifications: {
    kind: string;
    certificateNo: string | null;
    issuedOn: string | null;
    expiresOn: string | null;
  }[];
}) {
  return {
    title: form?.title ?? "",
    description: form?.description ?? "",
    categoryId: form ? String(form.categoryId) : "",
    priceVnd: form ? String(form.priceVnd) : "",
    unit: form?.unit ?? "",
    minOrderQty: form ? String(form.minOrderQty) : "1",
    stock: form ? String(form.stock) : "0",
    season: form?.season ?? "quanh năm",
    tags: form?.tags.join(", ") ?? "",
    ocopStars: String(form?.ocopStars ?? 0),
    ocopCertificateNo: form?.ocopCertificateNo ?? "",
    ocopIssuedOn: form?.ocopIssuedOn ?? "",
    ocopExpiresOn: form?.ocopExpiresOn ?? "",
    certifications: CERTIFICATION_OPTIONS.map((kind) => {
      const held = form?.certifications.find((c) => c.kind === kind);
      return {
        kind,
        held: held ? "on" : "",
        certificateNo: held?.certificateNo ?? "",
        issuedOn: held?.issuedOn ?? "",
        expiresOn: held?.expiresOn ?? "",
      };
    }),
  };
}

/**
 * The listing form's state (create and edit share it): checked in the browser with the same
 * schema as the action, first when a field is left, then as the producer types.
 */
export function useListingForm(
  id: string,
  lastResult: SubmissionResult<string[]> | undefined,
  values?: Parameters<typeof listingDefaults>[0],
) {
  return useForm({
    id,
    lastResult,
    defaultValue: listingDefaults(values),
    constraint: getZodConstraint(ListingFormSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ListingFormSchema }),
  });
}

/** Above the listing form: a summary when fields are wrong, and errors about the whole form. */
export function ListingFormErrors({
  form,
}: {
  form: { status?: "success" | "error"; errorId: string; errors?: string[] };
}) {
  const t = useT();
  return (
    <>
      {form.status === "error" ? <Alert>{t("form.errorSummary")}</Alert> : null}
      <FormErrors id={form.errorId} errors={form.errors} />
    </>
  );
}

/** A labelled input of one field, with its hint (if any) and its error. */
function InputField({
  field,
  label,
  hint,
  type = "text",
  maxLength,
  inputMode,
}: {
  field: FieldMetadata<string>;
  label: string;
  hint?: string;
  type?: "text" | "date";
  maxLength?: number;
  inputMode?: HTMLAttributes<HTMLInputElement>["inputMode"];
}) {
  return (
    <Field field={field} label={label} hint={hint}>
      <input
        {...getInputProps(field, {
          type,
          ariaDescribedBy: hint ? field.descriptionId : undefined,
        })}
        maxLength={maxLength}
        inputMode={inputMode}
        className={inputClass}
      />
    </Field>
  );
}

/** A certificate's number, issue date and expiry date (OCOP and the others alike). */
function CertificateFields({
  number,
  issued,
  expires,
  labels,
}: {
  number: FieldMetadata<string>;
  issued: FieldMetadata<string>;
  expires: FieldMetadata<string>;
  labels: { number: string; issued: string; expires: string };
}) {
  return (
    <div className="grid gap-2 sm:grid-cols-3">
      <InputField field={number} label={labels.number} maxLength={60} />
      <InputField field={issued} label={labels.issued} type="date" />
      <InputField field={expires} label={labels.expires} type="date" />
    </div>
  );
}

/**
 * Whether a certificate block is in use: ticked, something typed, or an error to show. Such a
 * block opens; the others stay folded, so the form is short on a phone.
 */
function inUse(...fields: FieldMetadata<string>[]): boolean {
  return fields.some((field) => {
    const value = field.value;
    return (typeof value === "string" && value !== "" && value !== "0") || Boolean(field.errors);
  });
}

const foldSummary =
  "cursor-pointer rounded-lg py-2 font-medium text-brand-800 underline-offset-2 hover:underline";

/** Every field of the listing form (create and edit share it). */
export function ListingFields({
  fields,
  categories,
}: {
  fields: ListingFields;
  categories: CategoryOption[];
}) {
  const t = useT();
  const locale = useLocale();
  const certifications = fields.certifications.getFieldList();
  return (
    <>
      <InputField
        field={fields.title}
        label={t("listingForm.titleLabel")}
        hint={t("listingForm.titleHint")}
        maxLength={120}
      />
      <Field field={fields.categoryId} label={t("listingForm.category")}>
        <select {...getSelectProps(fields.categoryId)} className={inputClass}>
          <option value="">{t("listingForm.categoryChoose")}</option>
          {categories.map((category) => (
            <option key={category.id} value={String(category.id)}>
              {category.depth > 0 ? "— " : ""}
              {locale === "en" ? category.nameEn : category.nameVi}
            </option>
          ))}
        </select>
      </Field>
      <Field
        field={fields.description}
        label={t("listingForm.description")}
        hint={t("listingForm.descriptionHint")}
      >
        <textarea
          {...getTextareaProps(fields.description, {
            ariaDescribedBy: fields.description.descriptionId,
          })}
          rows={5}
          maxLength={5000}
          className={inputClass}
        />
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <InputField
          field={fields.priceVnd}
          label={t("listingForm.price")}
          hint={t("listingForm.priceHint")}
          inputMode="numeric"
        />
        <Field field={fields.unit} label={t("listingForm.unit")}>
          <UnitSelect field={fields.unit} className={inputClass} />
        </Field>
        <InputField
          field={fields.minOrderQty}
          label={t("listingForm.minOrder")}
          inputMode="numeric"
        />
        <InputField field={fields.stock} label={t("listingForm.stock")} inputMode="numeric" />
      </div>
      <InputField
        field={fields.season}
        label={t("listingForm.season")}
        hint={t("listingForm.seasonHint")}
        maxLength={40}
      />
      <InputField
        field={fields.tags}
        label={t("listingForm.tags")}
        hint={t("listingForm.tagsHint")}
        maxLength={400}
      />
      <fieldset className="space-y-3 rounded-xl border border-stone-200 bg-white p-4">
        <legend className="px-1 font-semibold">{t("listingForm.ocopLegend")}</legend>
        <Field field={fields.ocopStars} label={t("listingForm.ocopStars")}>
          <select {...getSelectProps(fields.ocopStars)} className={inputClass}>
            {OCOP_STAR_OPTIONS.map((stars) => (
              <option key={stars} value={String(stars)}>
                {stars === 0
                  ? t("listingForm.ocopNone")
                  : t("listingForm.ocopStarsOption", { stars })}
              </option>
            ))}
          </select>
        </Field>
        <details
          open={inUse(
            fields.ocopStars,
            fields.ocopCertificateNo,
            fields.ocopIssuedOn,
            fields.ocopExpiresOn,
          )}
        >
          <summary className={foldSummary}>{t("listingtools.cert.ocopPaper")}</summary>
          <CertificateFields
            number={fields.ocopCertificateNo}
            issued={fields.ocopIssuedOn}
            expires={fields.ocopExpiresOn}
            labels={{
              number: t("listingForm.ocopNumber"),
              issued: t("listingForm.ocopIssued"),
              expires: t("listingForm.ocopExpires"),
            }}
          />
        </details>
      </fieldset>
      <fieldset className="space-y-4 rounded-xl border border-stone-200 bg-white p-4">
        <legend className="px-1 font-semibold">{t("listingForm.certLegend")}</legend>
        {certifications.map((certification, index) => {
          const cert = certification.getFieldset();
          const kind = CERTIFICATION_OPTIONS[index] ?? "VietGAP";
          const name = t(`certification.${kind}`);
          return (
            <details
              key={certification.key}
              open={inUse(cert.held, cert.certificateNo, cert.issuedOn, cert.expiresOn)}
              className="border-b border-stone-100 pb-2 last:border-0"
            >
              <summary className={foldSummary}>{name}</summary>
              <input {...getInputProps(cert.kind, { type: "hidden" })} />
              <div className="mt-1 flex items-center gap-2">
                <input
                  {...getInputProps(cert.held, { type: "checkbox" })}
                  className="h-5 w-5 rounded border-stone-400"
                />
                <label htmlFor={cert.held.id} className="font-medium">
                  {t("listingForm.certHeld", { name })}
                </label>
              </div>
              <CertificateFields
                number={cert.certificateNo}
                issued={cert.issuedOn}
                expires={cert.expiresOn}
                labels={{
                  number: t("listingForm.certNumber", { name }),
                  issued: t("listingForm.certIssued", { name }),
                  expires: t("listingForm.certExpires", { name }),
                }}
              />
            </details>
          );
        })}
      </fieldset>
    </>
  );
}
