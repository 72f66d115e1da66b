import { describe, expect, it } from "vitest";
import { vietnamToday } from "~/lib/dates";

describe("vietnamToday", () => {
  it("turns the day at midnight in Việt Nam (17:00 UTC), also when it remembers the last minute", () => {
    const lastMoment = new Date("2026-12-05T16:59:59.999Z");
    const midnight = new Date("2026-12-05T17:00:00.000Z");
    expect(vietnamToday(lastMoment)).toBe("2026-12-05");
    expect(vietnamToday(new Date("2026-12-05T16:59:00.000Z"))).toBe("2026-12-05");
    expect(vietnamToday(midnight)).toBe("2026-12-06");
    expect(vietnamToday(lastMoment)).toBe("2026-12-05");
    expect(vietnamToday(new Date("2026-12-05T17:00:59.999Z"))).toBe("2026-12-06");
  });

  it("still refuses an invalid date", () => {
    expect(() => vietnamToday(new Date(Number.NaN))).toThrow(RangeError);
  });
});
