import type { ReactNode } from "react";
import { formatNumber, useLocale, useT } from "~/lib/i18n";
import type { Locale } from "~/lib/i18n/locales";
import { monthLabel, reportTable, type ReportTableId } from "~/modules/reports/tables";
import type { OutcomeReport } from "~/modules/reports/types";
import { BarChart, type Bar } from "./bar-chart";
import { MonthChart } from "./month-chart";
import { ReportTableView } from "./report-table";

/** The text alternative of a bar chart: how many bars, the total and the largest. */
function barsSummary(bars: readonly Bar[], locale: Locale, t: ReturnType<typeof useT>): string {
  const top = bars.reduce<Bar | null>(
    (best, bar) => (!best || bar.value > best.value ? bar : best),
    null,
  );
  return t("reports.chart.barsSummary", {
    count: bars.length,
    total: formatNumber(
      bars.reduce((sum, bar) => sum + bar.value, 0),
      locale,
    ),
    top: top?.label ?? "",
    value: formatNumber(top?.value ?? 0, locale),
  });
}

/** The text alternative of the 12-month chart: the span, the total, the best and worst month. */
function monthsSummary(report: OutcomeReport, locale: Locale, t: ReturnType<typeof useT>) {
  const points = report.last12Months;
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return t("reports.chart.empty");
  const best = points.reduce((a, b) => (b.salesVnd > a.salesVnd ? b : a));
  const worst = points.reduce((a, b) => (b.salesVnd < a.salesVnd ? b : a));
  return t("reports.chart.monthsSummary", {
    first: monthLabel(first.month, locale),
    last: monthLabel(last.month, locale),
    total: formatNumber(
      points.reduce((sum, point) => sum + point.salesVnd, 0),
      locale,
    ),
    maxMonth: monthLabel(best.month, locale),
    max: formatNumber(best.salesVnd, locale),
    minMonth: monthLabel(worst.month, locale),
    min: formatNumber(worst.salesVnd, locale),
  });
}

/** A chart with its caption and its text alternative, shown above the table of its figures. */
function ChartFigure({
  caption,
  summary,
  hasData,
  children,
}: {
  caption: string;
  summary: string;
  hasData: boolean;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <figure className="mt-3 break-inside-avoid rounded-lg border border-stone-200 bg-white p-3">
      <figcaption className="font-semibold">{caption}</figcaption>
      {hasData ? <div className="mt-2">{children}</div> : null}
      <p className="mt-2 text-sm text-stone-700">{hasData ? summary : t("reports.chart.empty")}</p>
    </figure>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-8 print:mt-5">
      <h2 id={id} className="text-lg font-semibold print:text-base">
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * Every table and chart of an outcome report, for the report page and its print view:
 * figures beside the previous period, sales over 12 months, by unit (with drill-down links
 * when `hrefOf` is given), by producer, category, OCOP stars, disadvantaged group, the
 * demand side and the support campaigns. `exportsOf` gives each table's download links (none
 * in print).
 */
export function ReportSections({
  report,
  hrefOf,
  exportsOf,
}: {
  report: OutcomeReport;
  hrefOf?: (unitCode: string) => string;
  exportsOf?: (table: ReportTableId) => { csv: string; xlsx: string };
}) {
  const t = useT();
  const locale = useLocale();
  const table = (id: ReportTableId, rowHeader = 0, withLinks = false) => (
    <ReportTableView
      table={reportTable(report, id, locale)}
      rowHeader={rowHeader}
      hrefOf={withLinks ? hrefOf : undefined}
      exports={exportsOf ? exportsOf(id) : null}
    />
  );
  const unitBars: Bar[] = [
    ...report.byUnit.children.map((row) => ({ label: row.unitName, value: row.salesVnd })),
    { label: t("reports.row.direct"), value: report.byUnit.direct.salesVnd },
  ];
  const categoryBars: Bar[] = report.byCategory.map((row) => ({
    label:
      row.categoryCode === null
        ? t("reports.row.noCategory")
        : locale === "vi"
          ? row.nameVi
          : row.nameEn,
    value: row.salesVnd,
  }));
  const hasMonths = report.last12Months.some((point) => point.salesVnd !== 0);
  return (
    <>
      <Section id="so-lieu-chinh" title={t("reports.table.figures")}>
        {table("chi-so")}
      </Section>
      <Section id="theo-thang" title={t("reports.table.months")}>
        <ChartFigure
          caption={t("reports.chart.months")}
          summary={monthsSummary(report, locale, t)}
          hasData={hasMonths}
        >
          <MonthChart
            id="bieu-do-thang"
            title={t("reports.chart.months")}
            summary={monthsSummary(report, locale, t)}
            columns={report.last12Months.map((point) => ({
              month: point.month,
              value: point.salesVnd,
            }))}
          />
        </ChartFigure>
        {table("12-thang")}
      </Section>
      <Section id="theo-don-vi" title={t("reports.table.units")}>
        <ChartFigure
          caption={t("reports.chart.units")}
          summary={barsSummary(unitBars, locale, t)}
          hasData={unitBars.some((bar) => bar.value !== 0)}
        >
          <BarChart
            id="bieu-do-don-vi"
            title={t("reports.chart.units")}
            summary={barsSummary(unitBars, locale, t)}
            bars={unitBars}
          />
        </ChartFigure>
        {table("don-vi", 1, true)}
        {table("giao-dich", 1, true)}
      </Section>
      <Section id="theo-nha-san-xuat" title={t("reports.table.producers")}>
        {table("nha-san-xuat", 1)}
      </Section>
      <Section id="theo-nganh-hang" title={t("reports.table.categories")}>
        <ChartFigure
          caption={t("reports.chart.categories")}
          summary={barsSummary(categoryBars, locale, t)}
          hasData={categoryBars.some((bar) => bar.value !== 0)}
        >
          <BarChart
            id="bieu-do-nganh-hang"
            title={t("reports.chart.categories")}
            summary={barsSummary(categoryBars, locale, t)}
            bars={categoryBars}
          />
        </ChartFigure>
        {table("nganh-hang", 1)}
      </Section>
      <Section id="theo-sao-ocop" title={t("reports.table.ocop")}>
        {table("sao-ocop")}
      </Section>
      <Section id="theo-nhom-yeu-the" title={t("reports.table.groups")}>
        {table("nhom-yeu-the")}
      </Section>
      <Section id="phia-cau" title={t("reports.table.demand")}>
        {table("nhu-cau")}
      </Section>
      <Section id="chien-dich-ho-tro" title={t("reports.table.campaigns")}>
        {table("chien-dich")}
      </Section>
    </>
  );
}
