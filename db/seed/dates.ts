/**
 * The demo CSVs write every date against a reference day; the seed moves them by whole days
 * so that, whatever day it runs, the demo has open requests and certificates about to expire.
 */
export const REFERENCE_DAY = "2026-12-01";

const DAY_MS = 86_400_000;

const vietnamDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Ho_Chi_Minh",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar day of `moment` in Việt Nam (UTC+7), as YYYY-MM-DD. */
export function vietnamIsoDate(moment: Date): string {
  return vietnamDay.format(moment);
}

function isoToUtcMs(iso: string): number {
  const [year, month, day] = iso.split("-").map(Number);
  if (year === undefined || month === undefined || day === undefined) {
    throw new Error(`not an ISO date: ${iso}`);
  }
  return Date.UTC(year, month - 1, day);
}

/** Whole days from the reference day to `today`'s Vietnamese calendar day (negative before it). */
export function shiftDaysFor(today: Date, referenceDay = REFERENCE_DAY): number {
  return Math.round((isoToUtcMs(vietnamIsoDate(today)) - isoToUtcMs(referenceDay)) / DAY_MS);
}

/** `iso` moved by `days` whole days (calendar arithmetic, no time zone involved). */
export function addDays(iso: string, days: number): string {
  return new Date(isoToUtcMs(iso) + days * DAY_MS).toISOString().slice(0, 10);
}
