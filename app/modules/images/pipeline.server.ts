import sharp, { type OutputInfo } from "sharp";
import { IMAGE_WIDTHS, variantWidths, type ImageWidth } from "~/lib/images";
import { ImageRefused, inspectImage, MAX_INPUT_PIXELS } from "./detect.server";

// Sharp's operation cache only helps when the same input is processed again, which never
// happens here; it would keep up to 50 MB of decoded images alive per process.
sharp.cache(false);
// On glibc sharp starts with one libvips thread per pipeline. Two let the JPEG decode and
// the resize of a 12 MP photo overlap (about 200 → 180 ms, decision 032); more would only
// compete with the other requests on a two-core server.
sharp.concurrency(2);

export interface ProcessedImage {
  /** Size of the largest variant, after orientation (its aspect ratio is the image's). */
  width: number;
  height: number;
  /** A tiny blurred WebP as a data: URI. */
  placeholder: string;
  variants: { width: ImageWidth; data: Buffer }[];
}

// effort 2 and no smart subsampling: 4–5× faster than the defaults for a few % more bytes.
const WEBP = { quality: 78, effort: 2, smartSubsample: false } as const;

// One photo in the pipeline at a time per process: a submit with 8 photos, or several
// producers uploading at once, wait their turn instead of holding 8 decoded photos at once.
let previous: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = previous.then(task, task);
  previous = run.catch(() => undefined);
  return run;
}

/**
 * Turns an untrusted upload into WebP variants: checked by content first (inspectImage),
 * then decoded once, auto-oriented from EXIF and resized to the largest width; smaller
 * variants come from that intermediate. Output carries no metadata (sharp strips EXIF,
 * GPS, XMP and ICC unless asked to keep them), so a phone's position never gets out.
 * Photos are processed one at a time per process (see oneAtATime).
 */
export async function processImage(
  bytes: Uint8Array,
  options: { widths?: readonly ImageWidth[] } = {},
): Promise<ProcessedImage> {
  await inspectImage(bytes);
  return oneAtATime(() => decodeAndEncode(bytes, options.widths ?? IMAGE_WIDTHS));
}

async function decodeAndEncode(
  bytes: Uint8Array,
  wanted: readonly ImageWidth[],
): Promise<ProcessedImage> {
  let base: { data: Buffer; info: OutputInfo };
  try {
    base = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" })
      .rotate()
      .resize({ width: Math.max(...wanted), withoutEnlargement: true })
      .toColourspace("srgb")
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw new ImageRefused("unreadable");
  }
  const { width, height, channels } = base.info;
  const raw = { raw: { width, height, channels } } as const;
  const encode = async ({ nominal, actual }: { nominal: ImageWidth; actual: number }) => {
    const pipeline = sharp(base.data, raw);
    if (actual < width) pipeline.resize({ width: actual });
    return { width: nominal, data: await pipeline.webp(WEBP).toBuffer() };
  };

  // WebP encoding is single-threaded and the largest width takes longest: it gets a core of
  // its own while the smaller widths and the placeholder follow one another on the other.
  // Two encoders at most, not five, hold their buffers at the same time.
  const targets = variantWidths(width).filter(({ nominal }) => wanted.includes(nominal));
  const largest = targets.pop();
  const [largestVariant, smaller] = await Promise.all([
    largest ? encode(largest) : null,
    (async () => {
      const variants = [];
      for (const target of targets) variants.push(await encode(target));
      const tiny = await sharp(base.data, raw)
        .resize({ width: 16 })
        .blur(1.2)
        .webp({ quality: 40, effort: 2 })
        .toBuffer();
      return { variants, tiny };
    })(),
  ]);
  return {
    width,
    height,
    placeholder: `data:image/webp;base64,${smaller.tiny.toString("base64")}`,
    variants: largestVariant ? [...smaller.variants, largestVariant] : smaller.variants,
  };
}
