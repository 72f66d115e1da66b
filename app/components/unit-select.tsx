import { getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import { Field, inputClass } from "~/components/auth-form";
import { useLocale } from "~/lib/i18n";
import { unitLabel } from "~/lib/i18n/labels";
import { UNIT_OPTIONS } from "~/lib/units";

/**
 * The unit of sale in a conform form (a listing, a purchase request). It starts on an empty
 * choice so that a forgotten unit is a field error rather than a silent "kg".
 */
export function UnitSelect({
  field,
  className,
  blank = true,
}: {
  field: FieldMetadata<unknown>;
  className: string;
  /** Starts on "—"; false where the form's default unit is a fine first choice. */
  blank?: boolean;
}) {
  const locale = useLocale();
  return (
    <select {...getSelectProps(field)} className={className}>
      {blank ? <option value="">—</option> : null}
      {UNIT_OPTIONS.map((unit) => (
        <option key={unit} value={unit}>
          {unitLabel(locale, unit)}
        </option>
      ))}
    </select>
  );
}

/** A whole-number quantity and its unit side by side, as the deal and pledge forms ask them. */
export function QuantityAndUnit({
  quantity,
  unit,
  quantityLabel,
  unitLabel: unitFieldLabel,
  blankUnit = true,
}: {
  quantity: FieldMetadata<unknown>;
  unit: FieldMetadata<unknown>;
  quantityLabel: string;
  unitLabel: string;
  blankUnit?: boolean;
}) {
  return (
    <div className="grid grid-cols-2 gap-3">
      <Field field={quantity} label={quantityLabel}>
        <input
          {...getInputProps(quantity, { type: "text" })}
          inputMode="numeric"
          className={inputClass}
        />
      </Field>
      <Field field={unit} label={unitFieldLabel}>
        <UnitSelect field={unit} className={inputClass} blank={blankUnit} />
      </Field>
    </div>
  );
}
