import { describe, expect, it } from "vitest";
import { topPositions } from "~/modules/search/ranking";

describe("ranking helpers", () => {
  it("picks the best k by key, ties by larger id, on small and large inputs", () => {
    const small = topPositions(
      Float64Array.from([1, 5, 3, 5]),
      Int32Array.from([10, 11, 12, 13]),
      3,
    );
    expect(small).toEqual([3, 1, 2]);
    const n = 10_000;
    const keys = Float64Array.from({ length: n }, (_, i) => (i * 7919) % 1000);
    const ids = Int32Array.from({ length: n }, (_, i) => i + 1);
    const top = topPositions(keys, ids, 25);
    const expected = Array.from({ length: n }, (_, i) => i)
      .sort((a, b) => (keys[b] ?? 0) - (keys[a] ?? 0) || (ids[b] ?? 0) - (ids[a] ?? 0))
      .slice(0, 25);
    expect(top).toEqual(expected);
  });
});
