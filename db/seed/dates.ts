import { vietnamToday } from "~/lib/dates";

/**
 * The demo CSVs write every date against a reference day; the seed moves them by whole days
 * so that, whatever day it runs, the demo has open requests and certificates about to expire.
 */
export const REFERENCE_DAY = "2026-12-01";

const DAY_MS = 86_400_000;

function isoToUtcMs(iso: string): number {
  const [year, month, day] = iso.split("-").map(Number);
  if (year === undefined || month === undefined || day === undefined) {
    throw new Error(`not an ISO date: ${iso}`);
  }
  return Date.UTC(year, month - 1, day);
}

/** Whole days from the reference day to `today`'s Vietnamese calendar day (negative before it). */
export function shiftDaysFor(today: Date, referenceDay = REFERENCE_DAY): number {
  return Math.round((isoToUtcMs(vietnamToday(today)) - isoToUtcMs(referenceDay)) / DAY_MS);
}

/** `iso` moved by `days` whole days (calendar arithmetic, no time zone involved). */
export function addDays(iso: string, days: number): string {
  return new Date(isoToUtcMs(iso) + days * DAY_MS).toISOString().slice(0, 10);
}
