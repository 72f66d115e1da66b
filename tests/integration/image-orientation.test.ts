import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, expect, it } from "vitest";
import { variantWidths } from "~/lib/images";
import { readVariant, storeImage } from "~/modules/images/store.server";

const root = mkdtempSync(join(tmpdir(), "cung-cau-image-orientation-"));
process.env.UPLOADS_DIR = root;
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A 400×300 JPEG of four coloured quadrants (red, green / blue, yellow), tagged `orientation`. */
async function quadrants(orientation: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300">
    <rect width="200" height="150" fill="#ff0000"/><rect x="200" width="200" height="150" fill="#00ff00"/>
    <rect y="150" width="200" height="150" fill="#0000ff"/><rect x="200" y="150" width="200" height="150" fill="#ffff00"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 95 }).withMetadata({ orientation }).toBuffer();
}

async function pixels(image: Buffer) {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  const at = (fx: number, fy: number) => {
    const i = (Math.floor(fy * info.height) * info.width + Math.floor(fx * info.width)) * 3;
    return [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
  };
  const corners = [at(0.25, 0.25), at(0.75, 0.25), at(0.25, 0.75), at(0.75, 0.75)];
  return { width: info.width, height: info.height, corners };
}

it.each([1, 2, 3, 4, 5, 6, 7, 8])(
  "turns EXIF Orientation %i upright as sharp's auto-orientation does",
  async (orientation) => {
    const jpeg = await quadrants(orientation);
    const stored = await storeImage(jpeg);
    const expected = await pixels(await sharp(jpeg).rotate().png().toBuffer());
    expect({ width: stored.width, height: stored.height }).toEqual({
      width: expected.width,
      height: expected.height,
    });
    // The largest variant is the image at its own size (it is under 640 px either way).
    const largest = variantWidths(stored.width).at(-1)?.nominal ?? 320;
    const got = await pixels((await readVariant(stored.storageKey, largest)) ?? Buffer.alloc(0));
    expect({ width: got.width, height: got.height }).toEqual({
      width: expected.width,
      height: expected.height,
    });
    got.corners.forEach((colour, i) =>
      colour.forEach((value, band) =>
        expect(Math.abs(value - (expected.corners[i]?.[band] ?? 0))).toBeLessThan(40),
      ),
    );
  },
);
