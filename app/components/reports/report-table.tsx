import { Link } from "~/components/link";
import { formatNumber, useLocale, useT } from "~/lib/i18n";
import type { ReportCell, ReportTable } from "~/modules/reports/tables";

/** A number as the page shows it; a missing one (e.g. no woman member to divide by) is "—". */
function shownNumber(cell: ReportCell, locale: ReturnType<typeof useLocale>): string {
  return typeof cell === "number" ? formatNumber(cell, locale) : "—";
}

/**
 * A table of this many columns or fewer fits a phone once its names wrap (the headline
 * figures: name, this period, the previous one); a wider one keeps every cell on one line and
 * scrolls sideways, rather than stacking its headers word by word.
 */
const NARROW_TABLE_COLUMNS = 3;

/**
 * A table of more columns than this (the support campaigns' 13) prints in a smaller type with
 * tighter cells, so it fits the A4 page's printable width instead of running off its edge.
 */
const PRINT_WIDE_TABLE_COLUMNS = 8;

const ROW_STYLE = {
  item: "border-b border-stone-200",
  direct: "border-b border-stone-200 italic",
  total: "border-t-2 border-stone-500 font-semibold",
} as const;

/**
 * One report table (./tables.ts) with its caption and column headers: the row header is the
 * column `rowHeader` (the name), numbers are right-aligned, a drill-down row links its name
 * to that unit's report (`hrefOf`). On a phone a narrow table wraps its names and a wide one
 * scrolls sideways inside its box, which keyboard users can focus to scroll.
 */
export function ReportTableView({
  table,
  rowHeader = 0,
  hrefOf,
  exports,
}: {
  table: ReportTable;
  rowHeader?: number;
  hrefOf?: (unitCode: string) => string;
  /** Where the CSV and XLSX of this table are, when the reader may download them. */
  exports?: { csv: string; xlsx: string } | null;
}) {
  const t = useT();
  const locale = useLocale();
  const captionId = `bang-${table.id}`;
  return (
    <div className="mt-3">
      <div
        role="region"
        aria-labelledby={captionId}
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a box that scrolls must be reachable by keyboard to be scrolled (WCAG 2.1.1)
        tabIndex={0}
        className="overflow-x-auto rounded-lg border border-stone-200 bg-white print:overflow-visible print:border-0"
      >
        <table
          className={`w-full border-collapse text-sm print:min-w-0 ${
            table.columns.length <= NARROW_TABLE_COLUMNS ? "" : "min-w-max"
          } ${
            table.columns.length > PRINT_WIDE_TABLE_COLUMNS
              ? "print:text-[10px] print:[&_td]:px-1 print:[&_th]:px-1"
              : "print:text-xs"
          }`}
        >
          <caption id={captionId} className="px-3 pt-2 text-left font-semibold text-stone-900">
            {table.caption}
          </caption>
          <thead>
            <tr className="border-b border-stone-400 text-left align-bottom">
              {table.columns.map((column) => (
                <th
                  key={column.label}
                  scope="col"
                  className={`px-3 py-2 font-semibold ${column.isNumber ? "text-right" : "min-w-[7rem] print:min-w-0"}`}
                >
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.length === 0 ? (
              <tr>
                <td colSpan={table.columns.length} className="px-3 py-2 text-stone-700">
                  {t("reports.table.empty")}
                </td>
              </tr>
            ) : (
              table.rows.map((row, rowIndex) => (
                <tr key={rowIndex} className={ROW_STYLE[row.role]}>
                  {row.cells.map((cell, index) => {
                    const column = table.columns[index];
                    const shown = column?.isNumber ? shownNumber(cell, locale) : (cell ?? "");
                    const content =
                      index === rowHeader && row.drillDown && hrefOf ? (
                        <Link
                          to={hrefOf(row.drillDown)}
                          className="text-brand-800 underline underline-offset-2"
                          aria-label={t("reports.drillDown", { unit: String(shown) })}
                        >
                          {shown}
                        </Link>
                      ) : (
                        shown
                      );
                    // Names wrap so a phone shows the figures beside them; numbers never break.
                    const style = `px-3 py-2 ${column?.isNumber ? "whitespace-nowrap text-right tabular-nums" : ""}`;
                    return index === rowHeader ? (
                      <th
                        key={index}
                        scope="row"
                        className={`${style} text-left ${row.role === "total" ? "font-semibold" : "font-normal"}`}
                      >
                        {content}
                      </th>
                    ) : (
                      <td key={index} className={style}>
                        {content}
                      </td>
                    );
                  })}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {exports ? (
        <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm print:hidden">
          <a href={exports.csv} className="font-medium text-brand-800 underline underline-offset-2">
            {t("reports.export.csv")}
            <span className="sr-only"> – {t("reports.export.of", { table: table.caption })}</span>
          </a>
          <a
            href={exports.xlsx}
            className="font-medium text-brand-800 underline underline-offset-2"
          >
            {t("reports.export.xlsx")}
            <span className="sr-only"> – {t("reports.export.of", { table: table.caption })}</span>
          </a>
        </p>
      ) : null}
    </div>
  );
}
