import {
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type FieldMetadata,
} from "@conform-to/react";
import { Field, inputClass } from "~/components/auth-form";
import { UnitSelect } from "~/components/unit-select";
import { formatDate, useLocale, useT } from "~/lib/i18n";
import { formatQuantity, unitLabel } from "~/lib/i18n/labels";
import { PLEDGE_LIMITS } from "~/lib/schemas/pledges";
import type { Unit } from "~db/schema";

/** A listing of the campaign a pledge may name (its unit becomes the pledge's unit). */
export interface PledgeListingChoice {
  id: number;
  title: string;
  unit: Unit;
}

/**
 * What a pledge promises, shared by the business buyer's form and the staff's: the goods in
 * words, maybe one listing of the campaign, quantity and unit, the date to buy by, a note.
 */
export function PledgeFields({
  fields,
  listings,
  today,
  lastByDate,
}: {
  fields: {
    goods: FieldMetadata<unknown>;
    listingId: FieldMetadata<unknown>;
    quantity: FieldMetadata<unknown>;
    unit: FieldMetadata<unknown>;
    byDate: FieldMetadata<unknown>;
    note: FieldMetadata<unknown>;
  };
  listings: PledgeListingChoice[];
  today: string;
  lastByDate: string;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <Field
        field={fields.goods}
        label={t("pledges.field.goods")}
        hint={t("pledges.field.goodsHint")}
      >
        <input
          {...getInputProps(fields.goods, { type: "text" })}
          maxLength={PLEDGE_LIMITS.goodsMax}
          className={inputClass}
        />
      </Field>
      {listings.length > 0 ? (
        <Field
          field={fields.listingId}
          label={t("pledges.field.listing")}
          hint={t("pledges.field.listingHint")}
        >
          <select {...getSelectProps(fields.listingId)} className={inputClass}>
            <option value="">{t("pledges.field.listingNone")}</option>
            {listings.map((listing) => (
              <option key={listing.id} value={String(listing.id)}>
                {`${listing.title} (${unitLabel(locale, listing.unit)})`}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <div className="grid grid-cols-2 gap-3">
        <Field field={fields.quantity} label={t("pledges.field.quantity")}>
          <input
            {...getInputProps(fields.quantity, { type: "text" })}
            inputMode="numeric"
            className={inputClass}
          />
        </Field>
        <Field field={fields.unit} label={t("pledges.field.unit")}>
          <UnitSelect field={fields.unit} className={inputClass} />
        </Field>
      </div>
      <Field
        field={fields.byDate}
        label={t("pledges.field.byDate")}
        hint={t("pledges.field.byDateHint", { last: formatDate(lastByDate, locale) })}
      >
        <input
          {...getInputProps(fields.byDate, { type: "date" })}
          min={today}
          max={lastByDate}
          className={inputClass}
        />
      </Field>
      <Field field={fields.note} label={t("pledges.field.note")}>
        <textarea
          {...getTextareaProps(fields.note)}
          rows={3}
          maxLength={PLEDGE_LIMITS.noteMax}
          className={inputClass}
        />
      </Field>
    </>
  );
}

/** "20 kg hồ tiêu · Mua trước 30/06/2027": one pledge in a line, as every pledge list shows it. */
export function PledgeLine({
  pledge,
}: {
  pledge: { goods: string; quantity: number; unit: Unit; byDate: string };
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <span className="font-medium text-stone-900">
        {t("pledges.line.what", {
          quantity: formatQuantity(locale, pledge.quantity, pledge.unit),
          goods: pledge.goods,
        })}
      </span>
      <span className="text-stone-700">
        {" · "}
        {t("pledges.line.by", { date: formatDate(pledge.byDate, locale) })}
      </span>
    </>
  );
}
