import { describe, expect, it } from "vitest";
import { formatVnd } from "~/lib/money";

// Intl separates the amount and the symbol with a no-break space.
const plain = (text: string) => text.replace(/\u00a0/g, " ");

describe("formatVnd", () => {
  it("formats đồng the Vietnamese way by default", () => {
    expect(plain(formatVnd(120000))).toBe("120.000 ₫");
    expect(plain(formatVnd(1_250_000, "vi"))).toBe("1.250.000 ₫");
    expect(plain(formatVnd(0))).toBe("0 ₫");
  });

  it("formats đồng for English readers", () => {
    expect(formatVnd(120000, "en")).toBe("₫120,000");
  });

  it("never shows decimals", () => {
    expect(plain(formatVnd(5))).toBe("5 ₫");
  });

  it("handles negative amounts (refunds)", () => {
    expect(plain(formatVnd(-30000))).toMatch(/^-30\.000 ₫$/);
  });

  it("never shows a negative zero", () => {
    expect(plain(formatVnd(-0))).toBe("0 ₫");
    expect(formatVnd(-0, "en")).toBe("₫0");
  });

  it("refuses anything but whole đồng", () => {
    expect(() => formatVnd(1.5)).toThrow(TypeError);
    expect(() => formatVnd(Number.NaN)).toThrow(TypeError);
    expect(() => formatVnd(Number.POSITIVE_INFINITY)).toThrow(TypeError);
    expect(() => formatVnd(2 ** 60)).toThrow(TypeError);
  });

  it("reuses one formatter per locale", () => {
    const before = Intl.NumberFormat;
    let created = 0;
    const counting = function (...args: ConstructorParameters<typeof Intl.NumberFormat>) {
      created += 1;
      return new before(...args);
    } as unknown as typeof Intl.NumberFormat;
    Intl.NumberFormat = counting;
    try {
      for (let i = 0; i < 100; i += 1) formatVnd(i * 1000, i % 2 === 0 ? "vi" : "en");
    } finally {
      Intl.NumberFormat = before;
    }
    expect(created).toBe(0);
  });
});
