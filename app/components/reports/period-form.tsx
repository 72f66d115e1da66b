import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import { useT } from "~/lib/i18n";
import type { PeriodKind, ReportPeriod } from "~/modules/reports/types";
import { KIND_PARAM } from "~/modules/reports/report-query";

export interface UnitOption {
  code: string;
  name: string;
  depth: number;
}

export interface QuickPeriod {
  key:
    | "reports.quick.thisMonth"
    | "reports.quick.lastMonth"
    | "reports.quick.thisQuarter"
    | "reports.quick.lastQuarter"
    | "reports.quick.thisYear"
    | "reports.quick.lastYear";
  href: string;
}

const KINDS: readonly PeriodKind[] = ["month", "quarter", "year", "custom"];

const fieldClass = "mt-1 min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3 py-2";

/**
 * The report's GET form (works without JavaScript): a kind of period (month, quarter, year or
 * custom), a day inside it or the two custom dates, and the unit among those the reader may
 * report on; plus links to the usual periods. The loader turns the form into `?tu=&den=`.
 */
export function PeriodForm({
  action,
  kind,
  period,
  unitCode,
  units,
  quick,
  errors,
}: {
  action: string;
  kind: PeriodKind;
  period: ReportPeriod | null;
  unitCode: string | null;
  units: readonly UnitOption[];
  quick: readonly QuickPeriod[];
  errors: Partial<Record<"tu" | "den" | "ngay", string>>;
}) {
  const t = useT();
  const errorOf = (field: "tu" | "den" | "ngay") =>
    errors[field] ? (
      <p id={`loi-${field}`} className="mt-1 text-sm font-medium text-red-800">
        {errors[field]}
      </p>
    ) : null;
  const describedBy = (field: "tu" | "den" | "ngay", hint: string) =>
    errors[field] ? `${hint} loi-${field}` : hint;
  return (
    <div className="rounded-xl border border-stone-200 bg-white p-4 print:hidden">
      <nav aria-label={t("reports.quick.label")}>
        <p className="text-sm font-semibold">{t("reports.quick.label")}</p>
        <ul className="mt-1 flex flex-wrap gap-2 text-sm">
          {quick.map((item) => (
            <li key={item.key}>
              <Link
                to={item.href}
                className="inline-block rounded-full border border-stone-300 px-3 py-1.5 font-medium hover:border-brand-700"
              >
                {t(item.key)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Form method="get" action={action} className="mt-4">
        <fieldset>
          <legend className="font-semibold">{t("reports.form.legend")}</legend>
          <div className="mt-2 grid gap-3 sm:grid-cols-2">
            <div>
              <label htmlFor="bao-cao-ky" className="block text-sm font-medium">
                {t("reports.form.kind")}
              </label>
              <select
                id="bao-cao-ky"
                name="ky"
                defaultValue={KIND_PARAM[kind]}
                className={fieldClass}
              >
                {KINDS.map((option) => (
                  <option key={option} value={KIND_PARAM[option]}>
                    {t(`reports.form.kind.${option}`)}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="bao-cao-ngay" className="block text-sm font-medium">
                {t("reports.form.anchor")}
              </label>
              <input
                id="bao-cao-ngay"
                name="ngay"
                type="date"
                defaultValue={period?.from ?? ""}
                aria-describedby={describedBy("ngay", "goi-y-ngay")}
                aria-invalid={errors.ngay ? true : undefined}
                className={fieldClass}
              />
              <p id="goi-y-ngay" className="mt-1 text-sm text-stone-600">
                {t("reports.form.anchorHint")}
              </p>
              {errorOf("ngay")}
            </div>
            <div>
              <label htmlFor="bao-cao-tu" className="block text-sm font-medium">
                {t("reports.form.from")}
              </label>
              <input
                id="bao-cao-tu"
                name="tu"
                type="date"
                defaultValue={period?.from ?? ""}
                aria-describedby={describedBy("tu", "goi-y-tuy-chon")}
                aria-invalid={errors.tu ? true : undefined}
                className={fieldClass}
              />
              {errorOf("tu")}
            </div>
            <div>
              <label htmlFor="bao-cao-den" className="block text-sm font-medium">
                {t("reports.form.to")}
              </label>
              <input
                id="bao-cao-den"
                name="den"
                type="date"
                defaultValue={period?.to ?? ""}
                aria-describedby={describedBy("den", "goi-y-tuy-chon")}
                aria-invalid={errors.den ? true : undefined}
                className={fieldClass}
              />
              {errorOf("den")}
            </div>
          </div>
          <p id="goi-y-tuy-chon" className="mt-1 text-sm text-stone-600">
            {t("reports.form.customHint")}
          </p>
          <div className="mt-3">
            <label htmlFor="bao-cao-don-vi" className="block text-sm font-medium">
              {t("reports.form.unit")}
            </label>
            <select
              id="bao-cao-don-vi"
              name="don-vi"
              defaultValue={unitCode ?? ""}
              className={fieldClass}
            >
              {units.map((unit) => (
                <option key={unit.code} value={unit.code}>
                  {`${"\u00A0\u00A0".repeat(unit.depth)}${unit.name}`}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
        <button
          type="submit"
          className="mt-4 min-h-11 rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white"
        >
          {t("reports.form.submit")}
        </button>
      </Form>
    </div>
  );
}
