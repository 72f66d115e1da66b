import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { imageSrcSet, variantWidths } from "~/lib/images";
import { ImageRefused, MAX_UPLOAD_BYTES } from "~/modules/images/detect.server";
import { readVariant, storeImage } from "~/modules/images/store.server";
import { loader as mediaLoader } from "~/routes/media.$key.$file";
import {
  gifFile,
  phoneJpeg,
  plainPng,
  pngDeclaring64Megapixels,
  readExifTags,
  svgFile,
  textFile,
} from "../helpers/images";

// The media route reads UPLOADS_DIR through getEnv(), cached on first use in this process.
const root = mkdtempSync(join(tmpdir(), "cung-cau-images-"));
process.env.UPLOADS_DIR = root;
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** An image's own folder: another image's key may share the two-letter fan-out folder. */
function imageFolder(storageKey: string): string {
  return join(root, "images", storageKey.slice(0, 2), storageKey);
}

function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}

async function fetchMedia(key: string, file: string): Promise<Response> {
  const request = new Request(`http://localhost/media/${key}/${file}`);
  return mediaLoader({ request, params: { key, file }, context: { clientIp: "127.0.0.1" } });
}

async function refusal(bytes: Uint8Array): Promise<ImageRefused> {
  const error = await storeImage(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImageRefused);
  return error as ImageRefused;
}

describe("image pipeline", () => {
  it("the phone fixture really carries GPS and Orientation=6", async () => {
    const meta = await sharp(await phoneJpeg()).metadata();
    expect(meta.orientation).toBe(6);
    const tags = readExifTags(meta.exif ?? Buffer.alloc(0));
    expect(tags.ifd0).toContain(0x8825); // GPS IFD pointer
    expect(tags.gps.length).toBeGreaterThanOrEqual(4);
  });

  it("serves an upright WebP without EXIF or GPS, with nosniff and immutable caching", async () => {
    const stored = await storeImage(await phoneJpeg(800, 600));
    // Orientation 6 turns the stored 800×600 into a 600×800 portrait.
    expect({ width: stored.width, height: stored.height }).toEqual({ width: 600, height: 800 });
    expect(stored.placeholder).toMatch(/^data:image\/webp;base64,/);
    expect(imageSrcSet(stored.storageKey, stored.width)).toContain("640.webp 600w");

    const response = await fetchMedia(stored.storageKey, "640.webp");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("image/webp");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");

    const served = Buffer.from(await response.arrayBuffer());
    const meta = await sharp(served).metadata();
    expect(meta.format).toBe("webp");
    expect({ width: meta.width, height: meta.height }).toEqual({ width: 600, height: 800 });
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(served.includes(Buffer.from("Exif"))).toBe(false);

    // The red → blue gradient ran left to right; turned upright it runs top to bottom.
    const { data, info } = await sharp(served).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => {
      const i = (y * info.width + x) * info.channels;
      return { r: data[i] ?? 0, b: data[i + 2] ?? 0 };
    };
    const top = pixel(300, 5);
    const bottom = pixel(300, 794);
    expect(top.r).toBeGreaterThan(200);
    expect(top.b).toBeLessThan(60);
    expect(bottom.b).toBeGreaterThan(200);
    expect(bottom.r).toBeLessThan(60);
  });

  it("writes every width up to the image's own, never upscaled, and no original", async () => {
    const stored = await storeImage(await plainPng(2000, 1000));
    expect(stored.width).toBe(1600);
    const files = filesUnder(imageFolder(stored.storageKey));
    expect(files.map((f) => f.split("/").pop()).sort()).toEqual([
      "1024.webp",
      "1600.webp",
      "320.webp",
      "640.webp",
    ]);
    for (const { nominal, actual } of variantWidths(stored.width)) {
      const bytes = await readVariant(stored.storageKey, nominal);
      expect(bytes).not.toBeNull();
      const meta = await sharp(bytes ?? Buffer.alloc(0)).metadata();
      expect(meta.width).toBe(actual);
    }
    const small = await storeImage(await plainPng(500, 400));
    expect(variantWidths(small.width).map((v) => v.nominal)).toEqual([320, 640]);
    const meta = await sharp(
      (await readVariant(small.storageKey, 640)) ?? Buffer.alloc(0),
    ).metadata();
    expect(meta.width).toBe(500);
    expect((await fetchMedia(small.storageKey, "1024.webp")).status).toBe(404);
  });

  it("turns a photo's own colour profile into sRGB after resizing, upright, and keeps no profile", async () => {
    // sRGB (200, 80, 60) stored in Display P3 is (187, 88, 67): a pipeline that ignored the
    // profile would show those numbers as sRGB, visibly duller.
    const colour = { r: 200, g: 80, b: 60 };
    const photo = await sharp({
      create: { width: 2400, height: 1800, channels: 3, background: colour },
    })
      .jpeg({ quality: 95 })
      .withMetadata({ orientation: 6, icc: "p3" })
      .toBuffer();
    const declared = await sharp(photo).metadata();
    expect({ hasProfile: declared.hasProfile, orientation: declared.orientation }).toEqual({
      hasProfile: true,
      orientation: 6,
    });

    const stored = await storeImage(photo);
    expect({ width: stored.width, height: stored.height }).toEqual({ width: 1600, height: 2133 });
    for (const { nominal } of variantWidths(stored.width)) {
      const bytes = (await readVariant(stored.storageKey, nominal)) ?? Buffer.alloc(0);
      const meta = await sharp(bytes).metadata();
      expect(meta.icc).toBeUndefined();
      const { data } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
      const [r = 0, g = 0, b = 0] = data;
      expect(Math.abs(r - colour.r)).toBeLessThanOrEqual(4);
      expect(Math.abs(g - colour.g)).toBeLessThanOrEqual(4);
      expect(Math.abs(b - colour.b)).toBeLessThanOrEqual(4);
    }
    expect(filesUnder(imageFolder(stored.storageKey)).every((file) => file.endsWith(".webp"))).toBe(
      true,
    );
  });

  it("handles a PNG by its content even when named .jpg", async () => {
    const png = await plainPng(400, 300);
    const file = new File([new Uint8Array(png)], "anh-san-pham.jpg", { type: "image/jpeg" });
    const stored = await storeImage(new Uint8Array(await file.arrayBuffer()));
    expect(stored.width).toBe(400);
    const served = await fetchMedia(stored.storageKey, "640.webp");
    expect(served.headers.get("Content-Type")).toBe("image/webp");
  });

  it.each([
    ["a text file renamed .jpg", textFile, "notImage"],
    ["an SVG", svgFile, "svg"],
    ["a GIF", gifFile, "gif"],
    ["a truncated JPEG", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), "unreadable"],
    ["an empty file", Buffer.alloc(0), "empty"],
  ] as const)("refuses %s with a message and stores nothing", async (_name, bytes, reason) => {
    const before = filesUnder(root).length;
    const error = await refusal(bytes);
    expect(error.reason).toBe(reason);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/[ảáạàãâăếệ]/); // Vietnamese, not a library message
    expect(filesUnder(root).length).toBe(before);
  });

  it("refuses a small PNG declaring 64 megapixels from its header, before decoding", async () => {
    const bomb = pngDeclaring64Megapixels();
    expect(bomb.byteLength).toBeLessThan(1000);
    const before = filesUnder(root).length;
    const error = await refusal(bomb);
    expect(error.reason).toBe("tooManyPixels");
    expect(error.message).toContain("50 megapixel");
    expect(filesUnder(root).length).toBe(before);
  });

  it("refuses a file over 15 MB", async () => {
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    const error = await refusal(big);
    expect(error.reason).toBe("tooLarge");
    expect(error.message).toContain("15 MB");
  });

  it("answers 404 for anything but an existing variant, including path traversal", async () => {
    const stored = await storeImage(await plainPng(400, 300));
    const key = stored.storageKey;
    for (const [k, file] of [
      [key, "original"],
      [key, "640.jpg"],
      [key, "641.webp"],
      [key, "1600.webp"], // never written: the image is narrower
      [key, "..%2F..%2Fapp.db"],
      ["..", "640.webp"],
      ["../../etc", "passwd"],
      [key.toUpperCase(), "640.webp"],
      ["0".repeat(32), "640.webp"],
    ] as const) {
      const response = await fetchMedia(k, file);
      expect(response.status, `${k}/${file}`).toBe(404);
      expect(response.headers.get("Content-Type")).not.toBe("image/webp");
    }
  });
});
