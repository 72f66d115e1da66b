import { Invalid } from "~/lib/errors";
import {
  isReportDay,
  parsePeriodQuery,
  periodOf,
  previousPeriod,
  type PeriodErrorKey,
} from "./periods";
import { DEFAULT_REPORT_TABLE, isReportTableId, type ReportTableId } from "./tables";
import type { PeriodKind, ReportPeriod } from "./types";

/**
 * The report's address, read the same way by the page, its print view and its exports:
 * `?tu=YYYY-MM-DD&den=YYYY-MM-DD&don-vi=<unit code>` (and `bang=` for an export). The period
 * form sends `ky` and `ngay` too; those are turned into `tu`/`den` by one redirect, so every
 * report has one address. Pure.
 */

/** `ky=` values of the period form, by period kind. */
export const KIND_PARAM: Record<PeriodKind, string> = {
  month: "thang",
  quarter: "quy",
  year: "nam",
  custom: "tuy-chon",
};

const KIND_OF_PARAM = new Map(Object.entries(KIND_PARAM).map(([kind, param]) => [param, kind]));

export interface ReportQuery {
  /** Null: the top of the reader's report reach. */
  unitCode: string | null;
  period: ReportPeriod;
  previous: ReportPeriod;
  kind: PeriodKind;
}

export interface ReportQueryError {
  field: "tu" | "den" | "ngay";
  messageKey: PeriodErrorKey;
  params: Record<string, number>;
}

/** The address of a report: `base?tu=&den=&don-vi=` (and more, e.g. `bang=`). */
export function reportHref(
  base: string,
  query: { unitCode: string | null; period: ReportPeriod },
  extra: Record<string, string> = {},
): string {
  const params = new URLSearchParams({ tu: query.period.from, den: query.period.to });
  if (query.unitCode) params.set("don-vi", query.unitCode);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return `${base}?${params.toString()}`;
}

/**
 * Where a submitted period form (`ky=…`) should go: the month, quarter or year holding `ngay`,
 * or the custom `tu`/`den`, at the report's own address. Null when the form was not sent;
 * an error when `ngay` is not a day.
 */
export function periodFormTarget(
  base: string,
  params: URLSearchParams,
): { href: string } | { error: ReportQueryError } | null {
  const kind = KIND_OF_PARAM.get(params.get("ky") ?? "") as PeriodKind | undefined;
  if (!kind) return null;
  const unitCode = params.get("don-vi")?.trim() || null;
  if (kind === "custom") {
    const href = reportHref(base, {
      unitCode,
      period: { from: params.get("tu")?.trim() ?? "", to: params.get("den")?.trim() ?? "" },
    });
    return { href };
  }
  const anchor = params.get("ngay")?.trim() ?? "";
  if (!isReportDay(anchor)) {
    return { error: { field: "ngay", messageKey: "reports.errors.dateInvalid", params: {} } };
  }
  return { href: reportHref(base, { unitCode, period: periodOf(kind, anchor) }) };
}

/** The unit and period of a report address, or the first field that cannot be read. */
export function readReportQuery(
  params: URLSearchParams,
  today: string,
): { ok: true; query: ReportQuery } | { ok: false; error: ReportQueryError } {
  const parsed = parsePeriodQuery({ tu: params.get("tu"), den: params.get("den") }, today);
  if (!parsed.ok) {
    return {
      ok: false,
      error: { field: parsed.field, messageKey: parsed.messageKey, params: parsed.params },
    };
  }
  return {
    ok: true,
    query: {
      unitCode: params.get("don-vi")?.trim() || null,
      period: parsed.period,
      previous: previousPeriod(parsed.period, parsed.kind),
      kind: parsed.kind,
    },
  };
}

/** An export's address: the report's query and `bang=` (the table by unit when absent); 400 otherwise. */
export function readExportQuery(
  params: URLSearchParams,
  today: string,
): ReportQuery & { table: ReportTableId } {
  const read = readReportQuery(params, today);
  if (!read.ok) {
    throw new Invalid(read.error.messageKey, read.error.params, { field: read.error.field });
  }
  const table = params.get("bang")?.trim() || DEFAULT_REPORT_TABLE;
  if (!isReportTableId(table)) {
    throw new Invalid("reports.errors.unknownTable", { table }, { field: "bang" });
  }
  return { ...read.query, table };
}
