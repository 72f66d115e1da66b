import { getSelectProps, type FieldMetadata } from "@conform-to/react";
import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useState } from "react";
import { Field } from "~/components/auth-form";
import { useT } from "~/lib/i18n";
import { foldVietnamese } from "~/lib/text";

/** A place option: an official code and the name people read. */
export interface PlaceOption {
  code: string;
  name: string;
}

/** What /dia-danh/<province> answers: one province's communes. */
export interface CommuneListData {
  /** The province as asked for (its official code). */
  province: string;
  communes: PlaceOption[];
}

const selectClass =
  "mt-1 min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 aria-[invalid=true]:border-red-600";

/**
 * Province and commune selects (official codes) for any form. Without JavaScript they are
 * plain selects, and the "Chọn tỉnh" button posts the form with `intent=pick-province` so
 * the page comes back with that province's communes and what was typed kept. With
 * JavaScript, changing the province loads its communes from /dia-danh/<code> and a filter
 * box narrows the commune list as one types. The browser never receives more than one
 * province's communes.
 */
export function PlacePicker({
  province,
  commune,
  provinces,
  communes,
}: {
  province: FieldMetadata<string>;
  commune: FieldMetadata<string>;
  provinces: PlaceOption[];
  /** The communes of the province chosen when the page was made ([] if none). */
  communes: PlaceOption[];
}) {
  const t = useT();
  const filterId = useId();
  const countId = useId();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const fetcher = useFetcher<CommuneListData>();
  const [provinceCode, setProvinceCode] = useState(province.initialValue ?? "");
  const [communeCode, setCommuneCode] = useState(commune.initialValue ?? "");
  const [filter, setFilter] = useState("");

  // A new answer from the server (the no-JS "Chọn tỉnh" round trip or a failed post) resets
  // the picker to what it says.
  useEffect(() => {
    setProvinceCode(province.initialValue ?? "");
    setCommuneCode(commune.initialValue ?? "");
  }, [province.initialValue, commune.initialValue]);

  // Only an answer for the province now chosen: a slower one for an earlier choice is ignored.
  const loaded = fetcher.data?.province === provinceCode ? fetcher.data.communes : undefined;
  const list = provinceCode === (province.initialValue ?? "") ? communes : (loaded ?? []);
  const folded = foldVietnamese(filter.trim());
  // At most one province's communes (a few hundred): filtering on each keystroke is cheap.
  const shown =
    folded === ""
      ? list
      : list.filter(
          (option) => foldVietnamese(option.name).includes(folded) || option.code === communeCode,
        );

  const chooseProvince = (code: string) => {
    setProvinceCode(code);
    setCommuneCode("");
    setFilter("");
    if (code !== "" && code !== (province.initialValue ?? "")) {
      fetcher.load(`/dia-danh/${encodeURIComponent(code)}`);
    }
  };

  // Controlled selects: the picker's own state, not conform's defaultValue.
  const provinceProps = getSelectProps(province, { value: false });
  const communeProps = getSelectProps(commune, {
    value: false,
    ariaDescribedBy: hydrated ? countId : undefined,
  });
  const loading = fetcher.state === "loading";
  return (
    <div className="space-y-3">
      <Field field={province} label={t("placePicker.provinceLabel")}>
        <div className="flex flex-wrap gap-2">
          <select
            {...provinceProps}
            value={provinceCode}
            onChange={(event) => chooseProvince(event.currentTarget.value)}
            className={`${selectClass} min-w-0 flex-1`}
            autoComplete="address-level1"
          >
            <option value="">{t("placePicker.provinceNone")}</option>
            {provinces.map((option) => (
              <option key={option.code} value={option.code}>
                {option.name}
              </option>
            ))}
          </select>
          {hydrated ? null : (
            <button
              type="submit"
              name="intent"
              value="pick-province"
              formNoValidate
              className="mt-1 min-h-11 rounded-lg border border-brand-700 px-4 font-semibold text-brand-800"
            >
              {t("placePicker.pickProvince")}
            </button>
          )}
        </div>
        {hydrated ? null : (
          <p className="mt-1 text-sm text-stone-600">{t("placePicker.pickProvinceHint")}</p>
        )}
      </Field>
      <Field field={commune} label={t("placePicker.communeLabel")}>
        {hydrated && list.length > 0 ? (
          <div className="mt-1">
            <label htmlFor={filterId} className="sr-only">
              {t("placePicker.filterLabel")}
            </label>
            <input
              id={filterId}
              type="search"
              value={filter}
              onChange={(event) => setFilter(event.currentTarget.value)}
              placeholder={t("placePicker.filterPlaceholder")}
              aria-controls={commune.id}
              className={selectClass}
            />
          </div>
        ) : null}
        <select
          {...communeProps}
          value={communeCode}
          onChange={(event) => setCommuneCode(event.currentTarget.value)}
          disabled={list.length === 0 && hydrated}
          className={selectClass}
          autoComplete="address-level2"
        >
          <option value="">
            {provinceCode === ""
              ? t("placePicker.provinceFirst")
              : loading
                ? t("placePicker.loading")
                : t("placePicker.communeNone")}
          </option>
          {shown.map((option) => (
            <option key={option.code} value={option.code}>
              {option.name}
            </option>
          ))}
        </select>
        {hydrated && list.length > 0 ? (
          <p id={countId} aria-live="polite" className="mt-1 text-sm text-stone-600">
            {t("placePicker.matchCount", { count: shown.length })}
          </p>
        ) : null}
      </Field>
    </div>
  );
}
