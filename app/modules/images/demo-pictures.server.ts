import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asc, eq, sql } from "drizzle-orm";
import sharp from "sharp";
import type { ImageWidth } from "~/lib/images";
import type { Db } from "~db/client.server";
import { categories, listingImages, listings, producerImages, producers } from "~db/schema";
import {
  deleteStoredImage,
  exportVariants,
  importVariants,
  storeImage,
  type StoredImage,
} from "./store.server";

/**
 * Pictures for the demo catalog: an SVG card per product (title, category) and per producer
 * (name, commune), coloured by top-level category, rasterized by sharp and sent through the
 * same upload pipeline as a real photo. Only rows without a picture get one, so running it
 * again is cheap and never duplicates.
 */

/** Drawn on an 800×600 canvas, rendered at 640×480: two widths cover the card's srcset. */
const CARD = { width: 800, height: 600, renderWidth: 640, renderHeight: 480 } as const;
const DEMO_WIDTHS: readonly ImageWidth[] = [320, 640];

const PALETTE = [
  ["#2e7d32", "#66bb6a"],
  ["#8d6e63", "#d7ccc8"],
  ["#ef6c00", "#ffb74d"],
  ["#00838f", "#4dd0e1"],
  ["#6a1b9a", "#ba68c8"],
  ["#c62828", "#ef9a9a"],
  ["#1565c0", "#90caf9"],
  ["#9e9d24", "#e6ee9c"],
  ["#4e342e", "#a1887f"],
  ["#ad1457", "#f48fb1"],
  ["#00695c", "#80cbc4"],
  ["#f9a825", "#fff59d"],
  ["#37474f", "#b0bec5"],
] as const;

function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** Greedy word wrap by character count (the card font is close to monospace in width). */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && (line + " " + word).length > maxChars) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]?.slice(0, maxChars - 1)}…`;
    return kept;
  }
  return lines;
}

/** The SVG of one card. `colourIndex` picks the palette entry (by top-level category). */
export function demoCardSvg(card: {
  title: string;
  label: string;
  footer: string;
  colourIndex: number;
}): string {
  const [dark, light] = PALETTE[Math.abs(card.colourIndex) % PALETTE.length] ?? PALETTE[0];
  const lines = wrapText(card.title, 20, 4);
  const lineHeight = 62;
  const top = 300 - ((lines.length - 1) * lineHeight) / 2;
  const title = lines
    .map(
      (line, i) =>
        `<text x="60" y="${top + i * lineHeight}" font-size="52" font-weight="bold" fill="#fff">${escapeXml(line)}</text>`,
    )
    .join("");
  const label = escapeXml(card.label);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.renderWidth}" height="${CARD.renderHeight}" viewBox="0 0 ${CARD.width} ${CARD.height}" font-family="DejaVu Sans, Noto Sans, Arial, sans-serif">
  <defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${dark}"/><stop offset="1" stop-color="${light}"/></linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#bg)"/>
  <circle cx="700" cy="90" r="170" fill="#fff" fill-opacity="0.12"/>
  <circle cx="760" cy="560" r="120" fill="#fff" fill-opacity="0.10"/>
  <rect x="60" y="56" rx="22" width="${Math.min(680, 40 + label.length * 17)}" height="44" fill="#000" fill-opacity="0.22"/>
  <text x="80" y="87" font-size="26" fill="#fff">${label}</text>
  ${title}
  <text x="60" y="548" font-size="26" fill="#fff" fill-opacity="0.9">${escapeXml(card.footer)}</text>
</svg>`;
}

/**
 * Where finished cards are kept between runs (every test server and every fresh demo
 * database would otherwise redraw the same 265 cards). Bump the version when the card
 * design or the pipeline changes.
 */
const DEFAULT_DEMO_CACHE = join(tmpdir(), "cung-cau-demo-pictures-v1");

async function cardToStoredImage(svg: string, cacheDir: string | null): Promise<StoredImage> {
  const key = createHash("sha256")
    .update(`${DEMO_WIDTHS.join(",")}\n${svg}`)
    .digest("hex");
  const cached = cacheDir ? join(cacheDir, key.slice(0, 2), key) : null;
  if (cached) {
    try {
      const meta = JSON.parse(await readFile(join(cached, "meta.json"), "utf8")) as Omit<
        StoredImage,
        "storageKey"
      >;
      return { ...meta, storageKey: await importVariants(cached) };
    } catch {
      // Not cached yet (or a broken entry): draw it.
    }
  }
  // A lossless PNG without compression is the quickest hand-over to the pipeline.
  const png = await sharp(Buffer.from(svg)).png({ compressionLevel: 0 }).toBuffer();
  const stored = await storeImage(png, { widths: DEMO_WIDTHS });
  if (cached) {
    try {
      const temp = `${cached}.${process.pid}.tmp`;
      await rm(temp, { recursive: true, force: true });
      await mkdir(join(temp, ".."), { recursive: true });
      await exportVariants(stored.storageKey, temp);
      const { storageKey: _key, ...meta } = stored;
      await writeFile(join(temp, "meta.json"), JSON.stringify(meta));
      await rename(temp, cached).catch(() => rm(temp, { recursive: true, force: true }));
    } catch {
      // A cache that cannot be written only costs time next run.
    }
  }
  return stored;
}

/** One card through the upload pipeline, cached like the catalog's (the demo campaigns' covers). */
export function demoCardImage(
  svg: string,
  cacheDir: string | null = DEFAULT_DEMO_CACHE,
): Promise<StoredImage> {
  return cardToStoredImage(svg, cacheDir);
}

export interface DemoPicturesResult {
  listings: number;
  producers: number;
  ms: number;
}

/** Runs `tasks` two at a time: the pipeline is mostly native work on the other core. */
async function inPairs<T>(items: T[], task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      if (item !== undefined) await task(item);
    }
  };
  await Promise.all([worker(), worker()]);
}

/** Gives every listing and producer without a picture a generated card. */
export async function generateDemoPictures(
  db: Db,
  options: {
    onProgress?: (done: number, total: number) => void;
    /** A directory of finished cards reused across runs; null to always draw. */
    cacheDir?: string | null;
  } = {},
): Promise<DemoPicturesResult> {
  const cacheDir = options.cacheDir === undefined ? DEFAULT_DEMO_CACHE : options.cacheDir;
  const started = performance.now();
  const topCategories = db
    .select({ id: categories.id, parentId: categories.parentId })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.id))
    .all();
  const roots = topCategories.filter((c) => c.parentId === null).map((c) => c.id);
  const rootOf = (id: number): number => {
    const category = topCategories.find((c) => c.id === id);
    return category?.parentId ? rootOf(category.parentId) : id;
  };

  const products = db
    .select({
      id: listings.id,
      title: listings.title,
      categoryId: listings.categoryId,
      categoryName: categories.nameVi,
      producerName: producers.name,
    })
    .from(listings)
    .innerJoin(categories, eq(categories.id, listings.categoryId))
    .innerJoin(producers, eq(producers.id, listings.producerId))
    .where(
      sql`not exists (select 1 from ${listingImages} where ${listingImages.listingId} = ${listings.id})`,
    )
    .orderBy(asc(listings.id))
    .all();
  const groups = db
    .select({ id: producers.id, name: producers.name, commune: producers.commune })
    .from(producers)
    .where(
      sql`not exists (select 1 from ${producerImages} where ${producerImages.producerId} = ${producers.id})`,
    )
    .orderBy(asc(producers.id))
    .all();

  const total = products.length + groups.length;
  let done = 0;
  const tick = () => {
    done += 1;
    options.onProgress?.(done, total);
  };

  await inPairs(products, async (product) => {
    const stored = await cardToStoredImage(
      demoCardSvg({
        title: product.title,
        label: product.categoryName,
        footer: product.producerName,
        colourIndex: roots.indexOf(rootOf(product.categoryId)),
      }),
      cacheDir,
    );
    try {
      db.insert(listingImages)
        .values({
          listingId: product.id,
          storageKey: stored.storageKey,
          width: stored.width,
          height: stored.height,
          placeholder: stored.placeholder,
          alt: product.title,
          position: 0,
          isCover: true,
        })
        .run();
    } catch (error) {
      await deleteStoredImage(stored.storageKey);
      throw error;
    }
    tick();
  });
  await inPairs(groups, async (producer) => {
    const stored = await cardToStoredImage(
      demoCardSvg({
        title: producer.name,
        label: producer.commune,
        footer: "Cung Cầu · Hội LHPN tỉnh Quảng Trị",
        colourIndex: producer.id,
      }),
      cacheDir,
    );
    try {
      db.insert(producerImages)
        .values({
          producerId: producer.id,
          storageKey: stored.storageKey,
          width: stored.width,
          height: stored.height,
          placeholder: stored.placeholder,
          alt: producer.name,
          position: 0,
        })
        .run();
    } catch (error) {
      await deleteStoredImage(stored.storageKey);
      throw error;
    }
    tick();
  });
  return {
    listings: products.length,
    producers: groups.length,
    ms: Math.round(performance.now() - started),
  };
}
