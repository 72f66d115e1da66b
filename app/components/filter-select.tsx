/**
 * One labelled `<select>` of a GET filter form: an "any" choice with the empty value first,
 * then the options. Staff filter pages (producer directory, audit log) share it, so every
 * filter reads and submits the same way without JavaScript.
 */
export function FilterSelect({
  id,
  name,
  label,
  value,
  anyLabel,
  options,
  labelClassName = "block font-medium text-stone-900",
  selectClassName,
}: {
  id: string;
  name: string;
  label: string;
  value: string | null | undefined;
  anyLabel: string;
  options: readonly { value: string; label: string }[];
  labelClassName?: string;
  selectClassName: string;
}) {
  return (
    <div>
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={selectClassName}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
