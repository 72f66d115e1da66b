import { describe, expect, it } from "vitest";
import {
  kindOfPeriod,
  parsePeriodQuery,
  periodBounds,
  periodOf,
  previousPeriod,
  twelveMonthsEnding,
  vietnamDayOf,
  vietnamDayStartMs,
} from "~/modules/reports/periods";
import { rollupRanges } from "~/modules/reports/rollup-ranges";
import { spreadProRata } from "~/modules/reports/spread";

describe("report periods", () => {
  it("finds the month, quarter and year holding a day, and the one before", () => {
    expect(periodOf("month", "2024-02-10")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(periodOf("quarter", "2026-11-30")).toEqual({ from: "2026-10-01", to: "2026-12-31" });
    expect(periodOf("year", "2026-05-05")).toEqual({ from: "2026-01-01", to: "2026-12-31" });
    expect(previousPeriod({ from: "2026-01-01", to: "2026-03-31" }, "quarter")).toEqual({
      from: "2025-10-01",
      to: "2025-12-31",
    });
    expect(previousPeriod({ from: "2026-03-01", to: "2026-03-31" }, "month")).toEqual({
      from: "2026-02-01",
      to: "2026-02-28",
    });
    // Custom: the same number of days just before.
    expect(previousPeriod({ from: "2026-03-10", to: "2026-03-19" }, "custom")).toEqual({
      from: "2026-02-28",
      to: "2026-03-09",
    });
    expect(kindOfPeriod({ from: "2026-04-01", to: "2026-06-30" })).toBe("quarter");
    expect(kindOfPeriod({ from: "2026-04-01", to: "2026-06-29" })).toBe("custom");
  });

  it("places days in Vietnam time: 00:00 in Hà Nội is 17:00 UTC the day before", () => {
    expect(new Date(vietnamDayStartMs("2026-07-01")).toISOString()).toBe(
      "2026-06-30T17:00:00.000Z",
    );
    expect(vietnamDayOf(new Date("2026-06-30T16:59:59.999Z"))).toBe("2026-06-30");
    expect(vietnamDayOf(new Date("2026-06-30T17:00:00.000Z"))).toBe("2026-07-01");
    const { startMs, endMs } = periodBounds({ from: "2026-07-01", to: "2026-09-30" });
    expect(endMs - startMs).toBe(92 * 86_400_000);
    expect(twelveMonthsEnding("2026-12-31")).toEqual([
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
      "2026-11",
      "2026-12",
    ]);
    expect(twelveMonthsEnding("2026-03-15")[0]).toBe("2025-04");
  });

  it("reads ?tu=&den= or names the field and the message key", () => {
    expect(parsePeriodQuery({}, "2026-12-03")).toEqual({
      ok: true,
      period: { from: "2026-10-01", to: "2026-12-31" },
      kind: "quarter",
    });
    expect(parsePeriodQuery({ tu: "2026-01-01", den: "2026-01-31" }, "2026-12-03")).toMatchObject({
      ok: true,
      kind: "month",
    });
    expect(parsePeriodQuery({ tu: "2026-02-30", den: "2026-03-01" }, "2026-12-03")).toMatchObject({
      ok: false,
      field: "tu",
      messageKey: "reports.errors.dateInvalid",
    });
    expect(parsePeriodQuery({ tu: "2026-02-01" }, "2026-12-03")).toMatchObject({
      ok: false,
      field: "den",
      messageKey: "reports.errors.dateMissing",
    });
    expect(parsePeriodQuery({ tu: "2026-02-01", den: "2026-01-01" }, "x")).toMatchObject({
      ok: false,
      field: "den",
      messageKey: "reports.errors.periodReversed",
    });
    expect(parsePeriodQuery({ tu: "2010-01-01", den: "2026-01-01" }, "x")).toMatchObject({
      ok: false,
      messageKey: "reports.errors.periodTooLong",
      params: { maxDays: 1830 },
    });
  });

  it("reads whole months from the month roll-ups and the edge days from the day roll-ups", () => {
    expect(rollupRanges({ from: "2026-07-01", to: "2026-09-30" })).toEqual({
      months: ["2026-07", "2026-09"],
      headDays: ["9", "0"],
      tailDays: ["9", "0"],
    });
    expect(rollupRanges({ from: "2026-07-15", to: "2026-09-10" })).toEqual({
      months: ["2026-08", "2026-08"],
      headDays: ["2026-07-15", "2026-07-31"],
      tailDays: ["2026-09-01", "2026-09-10"],
    });
    expect(rollupRanges({ from: "2026-07-15", to: "2026-07-20" })).toEqual({
      months: ["9", "0"],
      headDays: ["2026-07-15", "2026-07-20"],
      tailDays: ["9", "0"],
    });
  });
});

describe("spreading a refund over an order's lines", () => {
  it("shares pro rata to the đồng by the largest remainder, always adding up", () => {
    expect(spreadProRata(10_001, [100_000, 50_000])).toEqual([6_667, 3_334]);
    expect(spreadProRata(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(spreadProRata(5, [])).toEqual([]);
    // Large amounts stay exact (the products pass 2^53).
    const shares = spreadProRata(9_999_999_999, [7_777_777_777, 3, 2_222_222_219]);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(9_999_999_999);
  });
});
