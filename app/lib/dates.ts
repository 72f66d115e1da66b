/**
 * Việt Nam's calendar day, the one rule for "today": certificates expire, purchase requests
 * fall due and the storefront hides lapsed badges by the local calendar, not by UTC. Pure,
 * so the server, the browser (form checks) and the seed share it.
 */

/** The time zone of the Union and of almost every user. */
export const VIETNAM_TIME_ZONE = "Asia/Ho_Chi_Minh";

const vietnamDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: VIETNAM_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

// The day is asked for several times per page; formatting costs more than the page's reads.
// Việt Nam's day begins on a whole minute (UTC+7, no daylight saving), so every moment of
// one minute has the same day: the last minute's answer is kept.
let lastMinute = Number.NaN;
let lastDay = "";

/** Today (or `moment`) in Việt Nam as YYYY-MM-DD. */
export function vietnamToday(moment: Date = new Date()): string {
  const minute = Math.floor(moment.getTime() / 60_000);
  if (minute !== lastMinute) {
    lastDay = vietnamDay.format(moment);
    lastMinute = minute;
  }
  return lastDay;
}

/** YYYY-MM-DD → whole days since 1970-01-01; NaN for anything else. */
export function dayNumber(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return Number.NaN;
  return Math.floor(
    Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000,
  );
}
