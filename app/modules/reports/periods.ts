/**
 * Report periods (docs/reports.md): runs of whole days in Vietnam time (UTC+7), both ends
 * included. Pure, so the report page's period picker can use it in the browser too.
 */
import type { PeriodKind, ReportPeriod } from "./types";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Vietnam has kept UTC+7 all year since 1975: no daylight saving to handle. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The longest custom period a report accepts, so one request cannot ask for decades. */
export const MAX_PERIOD_DAYS = 5 * 366;

/** The period kinds the picker offers, in its order. */
export const PERIOD_KINDS: readonly PeriodKind[] = ["month", "quarter", "year", "custom"];

/** Message keys (reports catalog) of a period query that cannot be read. */
export type PeriodErrorKey =
  | "reports.errors.dateInvalid"
  | "reports.errors.dateMissing"
  | "reports.errors.periodReversed"
  | "reports.errors.periodTooLong";

export type PeriodQueryResult =
  | { ok: true; period: ReportPeriod; kind: PeriodKind }
  | { ok: false; field: "tu" | "den"; messageKey: PeriodErrorKey; params: Record<string, number> };

function dayNumber(day: string): number {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function dayOfNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** Whether `value` is a real calendar day written "YYYY-MM-DD" (between 2000 and 2099). */
export function isReportDay(value: string): boolean {
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  return year >= 2000 && year <= 2099 && dayOfNumber(dayNumber(value)) === value;
}

/** The day `days` after (or before, when negative) `day`. */
export function addDays(day: string, days: number): string {
  return dayOfNumber(dayNumber(day) + days);
}

/** How many days the period holds, both ends included. */
export function periodDays(period: ReportPeriod): number {
  return dayNumber(period.to) - dayNumber(period.from) + 1;
}

/** The UTC instant (ms) at which a Vietnam-time day begins: 00:00 in Hà Nội. */
export function vietnamDayStartMs(day: string): number {
  return dayNumber(day) * DAY_MS - VIETNAM_OFFSET_MS;
}

/** The Vietnam-time day ("YYYY-MM-DD") holding an instant. */
export function vietnamDayOf(instant: Date | number): string {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  return new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instants a period covers: [startMs, endMs), end exclusive (00:00 of the next day). */
export function periodBounds(period: ReportPeriod): { startMs: number; endMs: number } {
  return {
    startMs: vietnamDayStartMs(period.from),
    endMs: vietnamDayStartMs(addDays(period.to, 1)),
  };
}

function lastDayOfMonth(year: number, month: number): string {
  return dayOfNumber(Date.UTC(year, month, 0) / DAY_MS);
}

function monthStart(year: number, month: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-01`;
}

/** The month, quarter or year holding the day `anchor` ("YYYY-MM-DD"). */
export function periodOf(kind: Exclude<PeriodKind, "custom">, anchor: string): ReportPeriod {
  const year = Number(anchor.slice(0, 4));
  const month = Number(anchor.slice(5, 7));
  if (kind === "month") return { from: monthStart(year, month), to: lastDayOfMonth(year, month) };
  if (kind === "year") return { from: `${year}-01-01`, to: `${year}-12-31` };
  const first = month - ((month - 1) % 3);
  return { from: monthStart(year, first), to: lastDayOfMonth(year, first + 2) };
}

/**
 * The period to show beside `period`: the previous month, quarter or year, or for custom
 * dates the same number of days just before.
 */
export function previousPeriod(period: ReportPeriod, kind: PeriodKind): ReportPeriod {
  const dayBefore = addDays(period.from, -1);
  if (kind === "custom") {
    return { from: addDays(period.from, -periodDays(period)), to: dayBefore };
  }
  return periodOf(kind, dayBefore);
}

/** What kind of period the dates are: a whole month, quarter or year, else custom. */
export function kindOfPeriod(period: ReportPeriod): PeriodKind {
  for (const kind of ["month", "quarter", "year"] as const) {
    const whole = periodOf(kind, period.from);
    if (whole.from === period.from && whole.to === period.to) return kind;
  }
  return "custom";
}

/** The months ("YYYY-MM") from the one holding `from` to the one holding `to`, in order. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const key = monthStart(year, month).slice(0, 7);
    months.push(key);
    if (key >= last) return months;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/** The 12 months ending with the month holding `day`, oldest first ("YYYY-MM"). */
export function twelveMonthsEnding(day: string): string[] {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const first = month === 12 ? monthStart(year, 1) : monthStart(year - 1, month + 1);
  return monthsBetween(first, day);
}

/**
 * Reads the report query `?tu=YYYY-MM-DD&den=YYYY-MM-DD`. Both empty: the quarter holding
 * `today` (Vietnam time). Otherwise both must be real days, `den` not before `tu`, and the
 * period at most MAX_PERIOD_DAYS long; an error names the field and a reports catalog key.
 */
export function parsePeriodQuery(
  query: { tu?: string | null; den?: string | null },
  today: string,
): PeriodQueryResult {
  const tu = query.tu?.trim() ?? "";
  const den = query.den?.trim() ?? "";
  if (tu === "" && den === "") {
    return { ok: true, period: periodOf("quarter", today), kind: "quarter" };
  }
  for (const [field, value] of [
    ["tu", tu],
    ["den", den],
  ] as const) {
    if (value === "")
      return { ok: false, field, messageKey: "reports.errors.dateMissing", params: {} };
    if (!isReportDay(value)) {
      return { ok: false, field, messageKey: "reports.errors.dateInvalid", params: {} };
    }
  }
  const period = { from: tu, to: den };
  if (den < tu)
    return { ok: false, field: "den", messageKey: "reports.errors.periodReversed", params: {} };
  if (periodDays(period) > MAX_PERIOD_DAYS) {
    return {
      ok: false,
      field: "den",
      messageKey: "reports.errors.periodTooLong",
      params: { maxDays: MAX_PERIOD_DAYS },
    };
  }
  return { ok: true, period, kind: kindOfPeriod(period) };
}
