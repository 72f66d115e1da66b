import { expect, it } from "vitest";
import { DOWNSCALE_MAX_EDGE, downscaledSize } from "~/components/supply/downscale-photos";

it("draws a photo at 2,048 px on its longest side at most, keeping its shape, never enlarging", () => {
  expect(DOWNSCALE_MAX_EDGE).toBe(2048);
  // A 12-megapixel phone photo, landscape and portrait.
  expect(downscaledSize(4000, 3000)).toEqual({ width: 2048, height: 1536 });
  expect(downscaledSize(3000, 4000)).toEqual({ width: 1536, height: 2048 });
  expect(downscaledSize(4032, 1816)).toEqual({ width: 2048, height: 922 });
  // Already small enough: left as it is.
  expect(downscaledSize(1600, 1200)).toEqual({ width: 1600, height: 1200 });
  expect(downscaledSize(2048, 10)).toEqual({ width: 2048, height: 10 });
  // A very thin panorama never goes to 0 px.
  expect(downscaledSize(100_000, 10)).toEqual({ width: 2048, height: 1 });
});
