import { getSelectProps, type FieldMetadata } from "@conform-to/react";
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
}: {
  field: FieldMetadata<unknown>;
  className: string;
}) {
  const locale = useLocale();
  return (
    <select {...getSelectProps(field)} className={className}>
      <option value="">—</option>
      {UNIT_OPTIONS.map((unit) => (
        <option key={unit} value={unit}>
          {unitLabel(locale, unit)}
        </option>
      ))}
    </select>
  );
}
