/** The end of a list's filter form: the search box (`q`) and the button that applies the filters. */
export function FilterSearch({
  label,
  defaultValue,
  submitLabel,
}: {
  label: string;
  defaultValue: string;
  submitLabel: string;
}) {
  return (
    <>
      <div className="min-w-0 flex-1">
        <label htmlFor="filter-q" className="block text-sm font-medium">
          {label}
        </label>
        <input
          id="filter-q"
          name="q"
          type="search"
          defaultValue={defaultValue}
          className="mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2"
        />
      </div>
      <button
        type="submit"
        className="rounded-lg border border-brand-700 px-4 py-2 font-semibold text-brand-800"
      >
        {submitLabel}
      </button>
    </>
  );
}
