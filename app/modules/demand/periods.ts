import { vietnamToday } from "~/lib/dates";

/**
 * The period an accepted offer fills (offers.period_key): a one-off request has one period,
 * "once"; a weekly request one per ISO week ("2026-W49"), a monthly one per calendar month
 * ("2026-12"), both by Việt Nam's calendar day. Pure, so a test passes its own clock.
 */

export type Recurrence = "none" | "weekly" | "monthly";

/** The ISO week of a YYYY-MM-DD day as "YYYY-Www" (the week belongs to its Thursday's year). */
export function isoWeekKey(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(year, month - 1, date));
  const weekday = utc.getUTCDay() === 0 ? 7 : utc.getUTCDay();
  // The Thursday of this week decides the ISO year and week number.
  utc.setUTCDate(utc.getUTCDate() + 4 - weekday);
  const isoYear = utc.getUTCFullYear();
  const firstDay = Date.UTC(isoYear, 0, 1);
  const week = Math.ceil(((utc.getTime() - firstDay) / 86_400_000 + 1) / 7);
  return `${isoYear}-W${String(week).padStart(2, "0")}`;
}

/** The period key of a request with `recurrence` at the moment `now`. */
export function periodKey(recurrence: Recurrence, now: Date): string {
  if (recurrence === "none") return "once";
  const today = vietnamToday(now);
  return recurrence === "weekly" ? isoWeekKey(today) : today.slice(0, 7);
}
