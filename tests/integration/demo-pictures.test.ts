import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { demoCardSvg, generateDemoPictures, wrapText } from "~/modules/images/demo-pictures.server";
import { readVariant } from "~/modules/images/store.server";
import { createListing } from "~/modules/listings/lifecycle.server";
import { listingImages, producerImages } from "~db/schema";
import { freshDb } from "../helpers/db";
import { buildSupplyWorld, listingInput } from "../helpers/supply";

const root = mkdtempSync(join(tmpdir(), "cung-cau-demo-"));
process.env.UPLOADS_DIR = join(root, "uploads");
const cacheDir = join(root, "cache");
afterAll(() => rmSync(root, { recursive: true, force: true }));

function world() {
  const db = freshDb();
  const w = buildSupplyWorld(db);
  createListing(
    db,
    w.producer,
    w.producerA.id,
    listingInput(w.categoryId, { title: "Đậu đen xanh lòng Cam Lộ & <đặc biệt>" }),
  );
  createListing(
    db,
    w.otherProducer,
    w.producerB.id,
    listingInput(w.otherCategoryId, { title: "Cà phê Arabica Khe Sanh" }),
  );
  return db;
}

describe("demo pictures", () => {
  it("gives every listing and producer without a picture a card through the pipeline", async () => {
    const db = world();
    const progress: number[] = [];
    const result = await generateDemoPictures(db, {
      cacheDir,
      onProgress: (done) => progress.push(done),
    });
    expect(result).toMatchObject({ listings: 2, producers: 2 });
    expect(progress).toEqual([1, 2, 3, 4]);
    const images = db.select().from(listingImages).all();
    expect(images).toHaveLength(2);
    expect(images.every((i) => i.isCover && i.width === 640 && i.height === 480)).toBe(true);
    expect(images[0]?.placeholder).toMatch(/^data:image\/webp;base64,/);
    const bytes = await readVariant(images[0]!.storageKey, 640);
    const meta = await sharp(bytes ?? Buffer.alloc(0)).metadata();
    expect({ format: meta.format, width: meta.width, exif: meta.exif }).toEqual({
      format: "webp",
      width: 640,
      exif: undefined,
    });
    expect(db.select().from(producerImages).all()).toHaveLength(2);
    // Nothing left to draw the second time.
    expect(await generateDemoPictures(db, { cacheDir })).toMatchObject({
      listings: 0,
      producers: 0,
    });
  });

  it("reuses finished cards from the cache for a fresh database", async () => {
    const db = world();
    const result = await generateDemoPictures(db, { cacheDir });
    expect(result.listings).toBe(2);
    const keys = db.select({ key: listingImages.storageKey }).from(listingImages).all();
    for (const { key } of keys) expect(await readVariant(key, 320)).not.toBeNull();
  });

  it("escapes titles and wraps them", () => {
    const svg = demoCardSvg({ title: "A & <b>", label: "x", footer: "y", colourIndex: 0 });
    expect(svg).toContain("A &amp; &lt;b&gt;");
    expect(wrapText("một hai ba bốn năm sáu bảy tám", 10, 2)).toEqual(["một hai ba", "bốn năm…"]);
  });
});
