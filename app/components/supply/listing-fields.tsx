import {
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type FieldMetadata,
} from "@conform-to/react";
import { Field, inputClass } from "~/components/auth-form";
import { useLocale, useT } from "~/lib/i18n";
import { unitLabel } from "~/lib/i18n/labels";
import { CERTIFICATION_OPTIONS, OCOP_STAR_OPTIONS, UNIT_OPTIONS } from "~/lib/schemas/listing";

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
      <Field
        field={fields.title}
        label={t("listingForm.titleLabel")}
        hint={t("listingForm.titleHint")}
      >
        <input
          {...getInputProps(fields.title, {
            type: "text",
            ariaDescribedBy: fields.title.descriptionId,
          })}
          maxLength={120}
          className={inputClass}
        />
      </Field>
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
        <Field
          field={fields.priceVnd}
          label={t("listingForm.price")}
          hint={t("listingForm.priceHint")}
        >
          <input
            {...getInputProps(fields.priceVnd, {
              type: "text",
              ariaDescribedBy: fields.priceVnd.descriptionId,
            })}
            inputMode="numeric"
            className={inputClass}
          />
        </Field>
        <Field field={fields.unit} label={t("listingForm.unit")}>
          <select {...getSelectProps(fields.unit)} className={inputClass}>
            <option value="">—</option>
            {UNIT_OPTIONS.map((unit) => (
              <option key={unit} value={unit}>
                {unitLabel(locale, unit)}
              </option>
            ))}
          </select>
        </Field>
        <Field field={fields.minOrderQty} label={t("listingForm.minOrder")}>
          <input
            {...getInputProps(fields.minOrderQty, { type: "text" })}
            inputMode="numeric"
            className={inputClass}
          />
        </Field>
        <Field field={fields.stock} label={t("listingForm.stock")}>
          <input
            {...getInputProps(fields.stock, { type: "text" })}
            inputMode="numeric"
            className={inputClass}
          />
        </Field>
      </div>
      <Field
        field={fields.season}
        label={t("listingForm.season")}
        hint={t("listingForm.seasonHint")}
      >
        <input
          {...getInputProps(fields.season, {
            type: "text",
            ariaDescribedBy: fields.season.descriptionId,
          })}
          maxLength={40}
          className={inputClass}
        />
      </Field>
      <Field field={fields.tags} label={t("listingForm.tags")} hint={t("listingForm.tagsHint")}>
        <input
          {...getInputProps(fields.tags, {
            type: "text",
            ariaDescribedBy: fields.tags.descriptionId,
          })}
          maxLength={400}
          className={inputClass}
        />
      </Field>
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
        <Field field={fields.ocopCertificateNo} label={t("listingForm.ocopNumber")}>
          <input
            {...getInputProps(fields.ocopCertificateNo, { type: "text" })}
            maxLength={60}
            className={inputClass}
          />
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field field={fields.ocopIssuedOn} label={t("listingForm.ocopIssued")}>
            <input
              {...getInputProps(fields.ocopIssuedOn, { type: "date" })}
              className={inputClass}
            />
          </Field>
          <Field field={fields.ocopExpiresOn} label={t("listingForm.ocopExpires")}>
            <input
              {...getInputProps(fields.ocopExpiresOn, { type: "date" })}
              className={inputClass}
            />
          </Field>
        </div>
      </fieldset>
      <fieldset className="space-y-4 rounded-xl border border-stone-200 bg-white p-4">
        <legend className="px-1 font-semibold">{t("listingForm.certLegend")}</legend>
        {certifications.map((certification, index) => {
          const cert = certification.getFieldset();
          const kind = CERTIFICATION_OPTIONS[index] ?? "VietGAP";
          const name = t(`certification.${kind}`);
          return (
            <div
              key={certification.key}
              className="space-y-2 border-b border-stone-100 pb-3 last:border-0"
            >
              <input {...getInputProps(cert.kind, { type: "hidden" })} />
              <div className="flex items-center gap-2">
                <input
                  {...getInputProps(cert.held, { type: "checkbox" })}
                  className="h-5 w-5 rounded border-stone-400"
                />
                <label htmlFor={cert.held.id} className="font-medium">
                  {t("listingForm.certHeld", { name })}
                </label>
              </div>
              <div className="grid gap-2 sm:grid-cols-3">
                <Field field={cert.certificateNo} label={t("listingForm.certNumber", { name })}>
                  <input
                    {...getInputProps(cert.certificateNo, { type: "text" })}
                    maxLength={60}
                    className={inputClass}
                  />
                </Field>
                <Field field={cert.issuedOn} label={t("listingForm.certIssued", { name })}>
                  <input
                    {...getInputProps(cert.issuedOn, { type: "date" })}
                    className={inputClass}
                  />
                </Field>
                <Field field={cert.expiresOn} label={t("listingForm.certExpires", { name })}>
                  <input
                    {...getInputProps(cert.expiresOn, { type: "date" })}
                    className={inputClass}
                  />
                </Field>
              </div>
            </div>
          );
        })}
      </fieldset>
    </>
  );
}
