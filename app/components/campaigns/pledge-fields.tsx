import {
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type FieldMetadata,
} from "@conform-to/react";
import { Field, inputClass } from "~/components/auth-form";
import { QuantityAndUnit } from "~/components/unit-select";
import { formatDate, useLocale, useT } from "~/lib/i18n";
import { formatQuantity, unitLabel } from "~/lib/i18n/labels";
import { PLEDGE_LIMITS } from "~/lib/schemas/pledges";
import type { PledgeStatus, Unit } from "~db/schema";

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
      <QuantityAndUnit
        quantity={fields.quantity}
        unit={fields.unit}
        quantityLabel={t("pledges.field.quantity")}
        unitLabel={t("pledges.field.unit")}
      />
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

/**
 * One pledge as every pledge list shows it: "20 kg hồ tiêu · Mua trước 30/06/2027", its
 * status, and the note and the reason it was declined when there are any.
 */
export function PledgeDetails({
  pledge,
}: {
  pledge: {
    goods: string;
    quantity: number;
    unit: Unit;
    byDate: string;
    status: PledgeStatus;
    note?: string;
    declineReason: string | null;
  };
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <p>
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
      </p>
      <p className="text-sm">
        <span className="font-medium">{t("pledges.staff.status")}: </span>
        {t(`pledges.status.${pledge.status}`)}
      </p>
      {pledge.note ? (
        <p className="text-sm text-stone-700">{t("pledges.line.note", { note: pledge.note })}</p>
      ) : null}
      {pledge.declineReason ? (
        <p className="text-sm text-stone-700">
          {t("pledges.line.reason", { reason: pledge.declineReason })}
        </p>
      ) : null}
    </>
  );
}
