import { formatDate } from "~/lib/i18n/format";
import { t, type MessageKey } from "~/lib/i18n/translate";
import type { Locale } from "~/lib/i18n/locales";
import type { OutcomeReport, ReportFigures, UnitRow } from "./types";

/**
 * Every table of an outcome report as plain rows of cells, built once for the page, the print
 * view and the CSV/XLSX exports, so what is downloaded is, cell for cell, what is on the
 * screen. Cells are raw values (numbers stay numbers); only the page formats them. Pure, so
 * components may use it.
 */

/** The tables, by the name `bang=` gives them in an export's address. */
export const REPORT_TABLE_IDS = [
  "don-vi",
  "chi-so",
  "nhu-cau",
  "giao-dich",
  "nha-san-xuat",
  "nganh-hang",
  "sao-ocop",
  "nhom-yeu-the",
  "12-thang",
  "chien-dich",
] as const;
export type ReportTableId = (typeof REPORT_TABLE_IDS)[number];

/** The table an export gives when `bang=` is missing: the table by org unit (issue 12, item 5). */
export const DEFAULT_REPORT_TABLE: ReportTableId = "don-vi";

export function isReportTableId(value: string): value is ReportTableId {
  return (REPORT_TABLE_IDS as readonly string[]).includes(value);
}

export type ReportCell = string | number | null;

export interface ReportColumn {
  label: string;
  /** Numbers are right-aligned on the page and written as numbers in the exports. */
  isNumber: boolean;
}

export interface ReportRow {
  cells: ReportCell[];
  /** "direct" is the "trực thuộc" row, "total" the sum of the table. */
  role: "item" | "direct" | "total";
  /** A unit code whose own report the row links to (drill-down). */
  drillDown: string | null;
}

export interface ReportTable {
  id: ReportTableId;
  caption: string;
  columns: ReportColumn[];
  rows: ReportRow[];
}

const text = (label: string): ReportColumn => ({ label, isNumber: false });
const num = (label: string): ReportColumn => ({ label, isNumber: true });
const item = (cells: ReportCell[], drillDown: string | null = null): ReportRow => ({
  cells,
  role: "item",
  drillDown,
});

/** The change from `before` to `now` in percent, one decimal; null when there was nothing before. */
export function changePercent(now: number | null, before: number | null): number | null {
  if (now === null || before === null || before === 0) return null;
  return Math.round(((now - before) / Math.abs(before)) * 1000) / 10;
}

const FIGURE_KEYS = [
  "salesVnd",
  "refundsVnd",
  "completedOrders",
  "activeProducers",
  "activeListings",
  "distinctBuyers",
  "womenMembers",
  "salesPerWomanMemberVnd",
] as const satisfies readonly (keyof ReportFigures)[];

const DEMAND_KEYS = [
  "requestsPosted",
  "requestsAnswered",
  "requestsFulfilled",
  "offlineDeals",
  "offlineDealsVnd",
] as const satisfies readonly (keyof ReportFigures)[];

function comparison(
  report: OutcomeReport,
  locale: Locale,
  id: "chi-so" | "nhu-cau",
  keys: readonly (keyof ReportFigures)[],
): ReportTable {
  return {
    id,
    caption: t(locale, id === "chi-so" ? "reports.table.figures" : "reports.table.demand"),
    columns: [
      text(t(locale, "reports.col.figure")),
      num(t(locale, "reports.col.current")),
      num(t(locale, "reports.col.previous")),
      num(t(locale, "reports.col.changePercent")),
    ],
    rows: keys.map((key) => {
      const now = report.current[key];
      const before = report.before[key];
      return item([
        t(locale, `reports.figure.${key}` as MessageKey),
        now,
        before,
        changePercent(now, before),
      ]);
    }),
  };
}

/** The three parts of the by-unit breakdown in order: children, "trực thuộc", total. */
function unitRows(
  report: OutcomeReport,
  locale: Locale,
  cellsOf: (row: UnitRow) => ReportCell[],
): ReportRow[] {
  const { children, direct, total } = report.byUnit;
  return [
    ...children.map((row) => item([row.unitCode, row.unitName, ...cellsOf(row)], row.unitCode)),
    {
      // The issue fixes this row: an empty unit code, named "trực thuộc".
      cells: [null, t(locale, "reports.row.direct"), ...cellsOf(direct)],
      role: "direct",
      drillDown: null,
    },
    {
      cells: [
        report.unit.code,
        t(locale, "reports.row.total", { unit: report.unit.name }),
        ...cellsOf(total),
      ],
      role: "total",
      drillDown: null,
    },
  ];
}

function byUnit(report: OutcomeReport, locale: Locale): ReportTable {
  return {
    id: "don-vi",
    caption: t(locale, "reports.table.units"),
    columns: [
      text(t(locale, "reports.col.unitCode")),
      text(t(locale, "reports.col.unitName")),
      num(t(locale, "reports.col.salesVnd")),
      num(t(locale, "reports.col.completedOrders")),
      num(t(locale, "reports.col.activeProducers")),
      num(t(locale, "reports.col.womenMembers")),
      num(t(locale, "reports.col.salesPerWomanMemberVnd")),
    ],
    rows: unitRows(report, locale, (row) => [
      row.salesVnd,
      row.completedOrders,
      row.activeProducers,
      row.womenMembers,
      row.salesPerWomanMemberVnd,
    ]),
  };
}

function dealsByUnit(report: OutcomeReport, locale: Locale): ReportTable {
  return {
    id: "giao-dich",
    caption: t(locale, "reports.table.deals"),
    columns: [
      text(t(locale, "reports.col.unitCode")),
      text(t(locale, "reports.col.unitName")),
      num(t(locale, "reports.col.offlineDealsVnd")),
    ],
    rows: unitRows(report, locale, (row) => [row.offlineDealsVnd]),
  };
}

function byProducer(report: OutcomeReport, locale: Locale): ReportTable {
  return {
    id: "nha-san-xuat",
    caption: t(locale, "reports.table.producers"),
    columns: [
      text(t(locale, "reports.col.producerCode")),
      text(t(locale, "reports.col.producerName")),
      text(t(locale, "reports.col.unitCode")),
      text(t(locale, "reports.col.unitName")),
      num(t(locale, "reports.col.salesVnd")),
      num(t(locale, "reports.col.completedOrders")),
      num(t(locale, "reports.col.producerWomenMembers")),
      num(t(locale, "reports.col.salesPerWomanMemberVnd")),
    ],
    rows: report.byProducer.map((row) =>
      item([
        row.producerCode,
        row.producerName,
        row.unitCode,
        row.unitName,
        row.salesVnd,
        row.completedOrders,
        row.womenMembers,
        row.salesPerWomanMemberVnd,
      ]),
    ),
  };
}

function byCategory(report: OutcomeReport, locale: Locale): ReportTable {
  return {
    id: "nganh-hang",
    caption: t(locale, "reports.table.categories"),
    columns: [
      text(t(locale, "reports.col.categoryCode")),
      text(t(locale, "reports.col.categoryName")),
      num(t(locale, "reports.col.salesVnd")),
    ],
    rows: report.byCategory.map((row) =>
      item([
        row.categoryCode,
        row.categoryCode === null
          ? t(locale, "reports.row.noCategory")
          : locale === "vi"
            ? row.nameVi
            : row.nameEn,
        row.salesVnd,
      ]),
    ),
  };
}

function byOcop(report: OutcomeReport, locale: Locale): ReportTable {
  return {
    id: "sao-ocop",
    caption: t(locale, "reports.table.ocop"),
    columns: [text(t(locale, "reports.col.ocopStars")), num(t(locale, "reports.col.salesVnd"))],
    rows: report.byOcop.map((row) =>
      item([
        row.stars === 0
          ? t(locale, "reports.row.noStars")
          : t(locale, "reports.row.stars", { stars: row.stars }),
        row.salesVnd,
      ]),
    ),
  };
}

function byGroup(report: OutcomeReport, locale: Locale): ReportTable {
  return {
    id: "nhom-yeu-the",
    caption: t(locale, "reports.table.groups"),
    columns: [
      text(t(locale, "reports.col.group")),
      num(t(locale, "reports.col.producers")),
      num(t(locale, "reports.col.activeProducers")),
      num(t(locale, "reports.col.salesVnd")),
      num(t(locale, "reports.col.womenMembers")),
    ],
    rows: report.byGroup.map((row) =>
      item([
        t(locale, `reports.group.${row.group}`),
        row.producers,
        row.activeProducers,
        row.salesVnd,
        row.womenMembers,
      ]),
    ),
  };
}

/** "2026-07" → "07/2026" (the same text on the page and in the exports). */
export function monthLabel(month: string, locale: Locale): string {
  const [year = "", number = ""] = month.split("-");
  return t(locale, "reports.row.month", { month: number, year });
}

function byMonth(report: OutcomeReport, locale: Locale): ReportTable {
  return {
    id: "12-thang",
    caption: t(locale, "reports.table.months"),
    columns: [text(t(locale, "reports.col.month")), num(t(locale, "reports.col.salesVnd"))],
    rows: report.last12Months.map((point) =>
      item([monthLabel(point.month, locale), point.salesVnd]),
    ),
  };
}

/** Support campaigns overlapping the period, each with its whole figures (issue 16). */
function byCampaign(report: OutcomeReport, locale: Locale): ReportTable {
  return {
    id: "chien-dich",
    caption: t(locale, "reports.table.campaigns"),
    columns: [
      text(t(locale, "reports.col.campaign")),
      text(t(locale, "reports.col.campaignUnit")),
      text(t(locale, "reports.col.campaignDates")),
      text(t(locale, "reports.col.campaignPhase")),
      num(t(locale, "reports.col.targetVnd")),
      num(t(locale, "reports.col.orderedVnd")),
      num(t(locale, "reports.col.soldVnd")),
      num(t(locale, "reports.col.targetQuantity")),
      text(t(locale, "reports.col.quantityUnit")),
      num(t(locale, "reports.col.orderedQuantity")),
      num(t(locale, "reports.col.soldQuantity")),
      num(t(locale, "reports.col.campaignBuyers")),
      num(t(locale, "reports.col.campaignOrders")),
    ],
    rows: report.campaigns.map((row) => {
      const hasQuantity = row.targetQuantity !== null;
      return item([
        row.title,
        row.unitName,
        `${formatDate(row.startsOn, locale)} – ${formatDate(row.endsOn, locale)}`,
        t(locale, `reports.campaignPhase.${row.phase}`),
        row.targetVnd,
        row.orderedVnd,
        row.soldVnd,
        row.targetQuantity,
        row.targetUnit,
        hasQuantity ? row.orderedQuantity : null,
        hasQuantity ? row.soldQuantity : null,
        row.buyers,
        row.orders,
      ]);
    }),
  };
}

const BUILDERS: Record<ReportTableId, (report: OutcomeReport, locale: Locale) => ReportTable> = {
  "don-vi": byUnit,
  "chi-so": (report, locale) => comparison(report, locale, "chi-so", FIGURE_KEYS),
  "nhu-cau": (report, locale) => comparison(report, locale, "nhu-cau", DEMAND_KEYS),
  "giao-dich": dealsByUnit,
  "nha-san-xuat": byProducer,
  "nganh-hang": byCategory,
  "sao-ocop": byOcop,
  "nhom-yeu-the": byGroup,
  "12-thang": byMonth,
  "chien-dich": byCampaign,
};

/** One table of the report, in the reader's language. */
export function reportTable(report: OutcomeReport, id: ReportTableId, locale: Locale): ReportTable {
  return BUILDERS[id](report, locale);
}
