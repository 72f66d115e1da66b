import { describe, expect, it } from "vitest";
import { randomBase64, withRandomBytes } from "~/modules/platform/random.server";

describe("pooled random bytes", () => {
  it("hands out the number of bytes asked for, each call different, across many refills", () => {
    const seen = new Set<string>();
    // 4 KiB per refill: 5,000 draws of 16 bytes go through about twenty refills.
    for (let i = 0; i < 5000; i++) {
      const hex = withRandomBytes(16, (bytes) => {
        expect(bytes.length).toBe(16);
        return bytes.toString("hex");
      });
      seen.add(hex);
    }
    expect(seen.size).toBe(5000);
  });

  it("never hands out the same bytes twice, also when a draw straddles a refill", () => {
    // Draws of 250 bytes do not divide 4,096: the pool is refilled before a draw that would
    // run past its end. Hex of every draw, compared by overlapping windows of 8 bytes.
    const windows = new Set<string>();
    for (let i = 0; i < 100; i++) {
      const hex = withRandomBytes(250, (bytes) => bytes.toString("hex"));
      for (let at = 0; at + 16 <= hex.length; at += 16) windows.add(hex.slice(at, at + 16));
    }
    // 100 draws × 31 windows; a repeated window of 8 random bytes would mean reused bytes.
    expect(windows.size).toBe(100 * 31);
  });

  it("gives a nonce as 24 characters of base64 for 16 bytes", () => {
    expect(randomBase64(16)).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(randomBase64(16)).not.toBe(randomBase64(16));
  });

  it("refuses a count it cannot serve from one refill", () => {
    expect(() => withRandomBytes(0, () => null)).toThrow(RangeError);
    expect(() => withRandomBytes(257, () => null)).toThrow(RangeError);
    expect(() => withRandomBytes(1.5, () => null)).toThrow(RangeError);
  });
});
