/**
 * Which roll-up rows cover a period (docs/decisions/020-outcome-reports.md): its whole
 * months from grain 'month', the days before the first and after the last whole month from
 * grain 'day'. Pure, so it is tested without a database.
 */
import { addDays, monthsBetween, periodOf } from "./periods";
import type { ReportPeriod } from "./types";

/** Inclusive ranges of roll-up `period` keys; an empty range is [NONE_FROM, NONE_TO]. */
export interface RollupRanges {
  months: [string, string];
  headDays: [string, string];
  tailDays: [string, string];
}

/** A range no key falls in ("9" sorts after every digit string, "0" before). */
const EMPTY: [string, string] = ["9", "0"];

/** The month and day keys whose rows add up to exactly the period. */
export function rollupRanges(period: ReportPeriod): RollupRanges {
  const whole = monthsBetween(period.from, period.to).filter((month) => {
    const { from, to } = periodOf("month", `${month}-01`);
    return from >= period.from && to <= period.to;
  });
  const first = whole[0];
  const last = whole[whole.length - 1];
  if (first === undefined || last === undefined) {
    return { months: EMPTY, headDays: [period.from, period.to], tailDays: EMPTY };
  }
  const firstDay = `${first}-01`;
  const lastDay = periodOf("month", `${last}-01`).to;
  return {
    months: [first, last],
    headDays: period.from < firstDay ? [period.from, addDays(firstDay, -1)] : EMPTY,
    tailDays: period.to > lastDay ? [addDays(lastDay, 1), period.to] : EMPTY,
  };
}

/** The ranges as six parameters: months, head days, tail days (each from, to). */
export function rollupParams(ranges: RollupRanges): string[] {
  return [...ranges.months, ...ranges.headDays, ...ranges.tailDays];
}
