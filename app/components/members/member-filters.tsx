import { Form } from "@remix-run/react";
import { useT } from "~/lib/i18n";
import type { MemberFilters } from "~/lib/schemas/members";
import { memberInputClass } from "./members-header";

/** A unit or producer to filter by. */
export interface FilterChoice {
  code: string;
  name: string;
}

/** The options of a unit or producer picker, by code. */
export function ChoiceOptions({ choices }: { choices: FilterChoice[] }) {
  return (
    <>
      {choices.map((choice) => (
        <option key={choice.code} value={choice.code}>
          {choice.name}
        </option>
      ))}
    </>
  );
}

/** The unit picker of a list's filters (`?don-vi=`), every unit of the subtree by default. */
function UnitFilter({
  id,
  unitCode,
  units,
}: {
  id: string;
  unitCode: string | null;
  units: FilterChoice[];
}) {
  const t = useT();
  return (
    <>
      <label htmlFor={id} className="block font-medium text-stone-900">
        {t("members.filter.unit")}
      </label>
      <select id={id} name="don-vi" defaultValue={unitCode ?? ""} className={memberInputClass}>
        <option value="">{t("members.filter.allUnits")}</option>
        <ChoiceOptions choices={units} />
      </select>
    </>
  );
}

/** The list's filters as a GET form (works without JavaScript): unit, producer, name. */
export function MemberFilterForm({
  filters,
  units,
  producers,
}: {
  filters: MemberFilters;
  units: FilterChoice[];
  producers: FilterChoice[];
}) {
  const t = useT();
  return (
    <Form
      method="get"
      className="grid gap-3 rounded-xl border border-stone-200 bg-white p-4 sm:grid-cols-4"
      aria-label={t("members.filter.label")}
    >
      <div>
        <UnitFilter id="filter-unit" unitCode={filters.unitCode} units={units} />
      </div>
      <div>
        <label htmlFor="filter-producer" className="block font-medium text-stone-900">
          {t("members.filter.producer")}
        </label>
        <select
          id="filter-producer"
          name="nha-san-xuat"
          defaultValue={filters.producerCode ?? ""}
          className={memberInputClass}
        >
          <option value="">{t("members.filter.allProducers")}</option>
          <ChoiceOptions choices={producers} />
        </select>
      </div>
      <div>
        <label htmlFor="filter-name" className="block font-medium text-stone-900">
          {t("members.filter.name")}
        </label>
        <input
          id="filter-name"
          name="q"
          type="search"
          maxLength={120}
          defaultValue={filters.query ?? ""}
          className={memberInputClass}
        />
      </div>
      <div className="flex items-end">
        <button
          type="submit"
          className="min-h-11 w-full rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
        >
          {t("members.filter.submit")}
        </button>
      </div>
    </Form>
  );
}

/** The officer list's filter as a GET form (works without JavaScript): the unit. */
export function OfficerFilterForm({
  unitCode,
  units,
}: {
  unitCode: string | null;
  units: FilterChoice[];
}) {
  const t = useT();
  return (
    <Form
      method="get"
      className="flex flex-wrap items-end gap-3 rounded-xl border border-stone-200 bg-white p-4"
    >
      <div className="min-w-0 flex-1">
        <UnitFilter id="officer-unit" unitCode={unitCode} units={units} />
      </div>
      <button
        type="submit"
        className="min-h-11 rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
      >
        {t("members.filter.submit")}
      </button>
    </Form>
  );
}
