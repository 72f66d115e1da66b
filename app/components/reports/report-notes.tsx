import { formatDate, useLocale, useT, type MessageKey } from "~/lib/i18n";
import type { OutcomeReport } from "~/modules/reports/types";

const NOTES: readonly MessageKey[] = [
  "reports.notes.todayTree",
  "reports.notes.additive",
  "reports.notes.privacy",
];

const DEFINITIONS: readonly MessageKey[] = [
  "reports.def.period",
  "reports.def.sales",
  "reports.def.refundSpread",
  "reports.def.cancelled",
  "reports.def.activeProducer",
  "reports.def.activeListing",
  "reports.def.womenMembers",
  "reports.def.offlineDeals",
  "reports.def.groups",
  "reports.def.demand",
  "reports.def.campaigns",
];

/**
 * What a reader must know before adding figures up: the report uses today's org tree, only
 * sales, orders and deals add up across rows, and no buyer's personal data is in it.
 */
export function ReportNotes() {
  const t = useT();
  return (
    <aside
      aria-labelledby="cach-doc"
      className="mt-6 rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-stone-900"
    >
      <h2 id="cach-doc" className="font-semibold">
        {t("reports.notes.title")}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {NOTES.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
    </aside>
  );
}

/** The definitions of the report's figures, written on the page (and in docs/reports.md). */
export function ReportDefinitions() {
  const t = useT();
  return (
    <section aria-labelledby="dinh-nghia" className="mt-8 break-inside-avoid text-sm print:mt-5">
      <h2 id="dinh-nghia" className="text-lg font-semibold print:text-base">
        {t("reports.def.title")}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {DEFINITIONS.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
    </section>
  );
}

/** Which unit and period the report covers, and the previous period it is compared with. */
export function ReportPeriodLines({
  report,
  classNames,
}: {
  report: Pick<OutcomeReport, "unit" | "period" | "previous">;
  classNames: { current: string; previous: string };
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <p className={classNames.current}>
        {t("reports.unitPeriod", {
          unit: report.unit.name,
          from: formatDate(report.period.from, locale),
          to: formatDate(report.period.to, locale),
        })}
      </p>
      <p className={classNames.previous}>
        {t("reports.previousPeriod", {
          from: formatDate(report.previous.from, locale),
          to: formatDate(report.previous.to, locale),
        })}
      </p>
    </>
  );
}
