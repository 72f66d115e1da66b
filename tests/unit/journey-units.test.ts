import { describe, expect, it } from "vitest";
import { formatQuantity, unitLabel } from "~/lib/i18n/labels";
import { timelineSteps } from "~/components/order-timeline";
import { UNIT_OPTIONS } from "~/lib/units";

/** Issue 14: quantities read naturally in English ("337 packs in stock", "1 pack", "5 kg"). */
describe("units with their quantities", () => {
  it("agrees the English word with the count", () => {
    expect(formatQuantity("en", 337, "gói")).toBe("337 packs");
    expect(formatQuantity("en", 1, "gói")).toBe("1 pack");
    expect(formatQuantity("en", 5, "kg")).toBe("5 kg");
    expect(formatQuantity("en", 1, "kg")).toBe("1 kg");
    expect(formatQuantity("en", 2, "hộp")).toBe("2 boxes");
    expect(formatQuantity("en", 1200, "chai")).toBe("1,200 bottles");
    expect(formatQuantity("en", 0, "hũ")).toBe("0 jars");
  });

  it("keeps the Vietnamese word, which has no plural, and its number format", () => {
    expect(formatQuantity("vi", 337, "gói")).toBe("337 gói");
    expect(formatQuantity("vi", 1, "gói")).toBe("1 gói");
    expect(formatQuantity("vi", 1200, "lít")).toBe("1.200 lít");
  });

  it("has a plural for every unit, and shows an unknown unit as it is", () => {
    for (const unit of UNIT_OPTIONS) {
      expect(unitLabel("vi", unit, 3)).toBe(unitLabel("vi", unit, 1));
      expect(unitLabel("en", unit, 3)).not.toMatch(/^journey\./);
    }
    expect(unitLabel("en", "bó", 3)).toBe("bó");
    expect(formatQuantity("en", 3, "bó")).toBe("3 bó");
  });
});

describe("the order timeline's steps", () => {
  const placed = "2026-12-01T02:00:00.000Z";
  it("lists what happened with times, then what is ahead", () => {
    const steps = timelineSteps({
      status: "shipped",
      createdAt: placed,
      confirmedAt: "2026-12-01T03:00:00.000Z",
      shippedAt: "2026-12-02T03:00:00.000Z",
    });
    expect(steps.map((step) => [step.name, step.at !== null])).toEqual([
      ["placed", true],
      ["confirmed", true],
      ["shipped", true],
      ["delivered", false],
      ["completed", false],
    ]);
  });

  it("leaves out a skipped step and ends at a cancellation", () => {
    const pickedUp = timelineSteps({
      status: "delivered",
      createdAt: placed,
      confirmedAt: placed,
      deliveredAt: "2026-12-03T03:00:00.000Z",
    });
    expect(pickedUp.map((step) => step.name)).toEqual([
      "placed",
      "confirmed",
      "delivered",
      "completed",
    ]);
    const cancelled = timelineSteps({
      status: "cancelled",
      createdAt: placed,
      cancelledAt: "2026-12-01T05:00:00.000Z",
    });
    expect(cancelled.map((step) => step.name)).toEqual(["placed", "cancelled"]);
  });
});
