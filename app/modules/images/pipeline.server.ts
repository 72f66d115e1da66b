import { mkdir, open, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import sharp, { type OutputInfo, type ResizeOptions, type Sharp } from "sharp";
import { IMAGE_WIDTHS, variantWidths, type ImageWidth } from "~/lib/images";
import {
  ImageRefused,
  inspectImage,
  MAX_INPUT_PIXELS,
  type ImageSource,
  type InspectedImage,
} from "./detect.server";
import { uploadedFilePath } from "./uploaded-files.server";

// Sharp's operation cache only helps when the same input is processed again, which never
// happens here; it would keep up to 50 MB of decoded images alive per process.
sharp.cache(false);
// On glibc sharp starts with one libvips thread per pipeline. Two let the JPEG decode and
// the resize of a 12 MP photo overlap (about 200 → 180 ms, decision 032); more would only
// compete with the other requests on a two-core server.
sharp.concurrency(2);

/** An upload to process: its bytes, or a file kept on disk by readUploadForm. */
export type ImageInput = Uint8Array | Blob;

export interface ProcessedImage {
  /** Size of the largest variant, after orientation (its aspect ratio is the image's). */
  width: number;
  height: number;
  /** A tiny blurred WebP as a data: URI. */
  placeholder: string;
}

// effort 2 and no smart subsampling: 4–5× faster than the defaults for a few % more bytes.
const WEBP = { quality: 78, effort: 2, smartSubsample: false } as const;
// The 1600 width's encode ends the critical path (decode → resize → encode): effort 1 takes
// ~35 ms off it (125 → 90 ms CPU for a phone photo) for 4–7 % more bytes on that width
// only, at the same PSNR (decision 032).
const LARGEST_WIDTH_WEBP = { ...WEBP, effort: 1 } as const;

// One photo in the pipeline at a time per process: a submit with 8 photos, or several
// producers uploading at once, wait their turn instead of holding 8 decoded photos at once.
let previous: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = previous.then(task, task);
  previous = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

/**
 * What sharp reads: the path of a file readUploadForm kept on disk (libvips reads it in small
 * blocks, so the photo never sits in this process's memory), otherwise the bytes.
 */
async function sourceOf(input: ImageInput): Promise<ImageSource> {
  if (input instanceof Uint8Array) return input;
  return uploadedFilePath(input) ?? new Uint8Array(await input.arrayBuffer());
}

/**
 * Turns an untrusted upload into WebP variants written to `dir` (created once the upload
 * passed inspection) as `<width>.webp`: checked by content first (inspectImage), then decoded
 * once and resized to the largest width; every variant comes from that intermediate and is
 * turned upright from the EXIF Orientation. Output carries no metadata (sharp strips EXIF,
 * GPS, XMP and ICC unless asked to keep them), so a phone's position never gets out. Photos
 * are processed one at a time per process (see oneAtATime).
 */
export async function processImage(
  input: ImageInput,
  dir: string,
  options: { widths?: readonly ImageWidth[] } = {},
): Promise<ProcessedImage> {
  const source = await sourceOf(input);
  const inspected = await inspectImage(source);
  await mkdir(dir, { recursive: true });
  const widths = options.widths ?? IMAGE_WIDTHS;
  return oneAtATime(() => decodeAndEncode(source, inspected, dir, widths));
}

// The decoded photo at the largest width (1600 × 2133 × 3 = 10 MB for a phone photo) lives in
// one buffer that every photo reuses. Taken from sharp's raw output it was a new buffer per
// photo, freed only when V8 next collected garbage: in a process doing little else, three
// or four of them (30–40 MB) waited at once (decision 032). libvips writes the intermediate to
// a file in its native format (a 64-byte header, then the pixels) and it is read back here.
const REUSED_MAX_BYTES = 32 * 1024 * 1024;
const VIPS_HEADER_BYTES = 64;
let reused: Buffer | null = null;

function bufferFor(bytes: number): Buffer {
  if (bytes > REUSED_MAX_BYTES) return Buffer.allocUnsafeSlow(bytes); // a rare very tall image
  if (!reused || reused.byteLength < bytes) reused = Buffer.allocUnsafeSlow(bytes);
  return reused.subarray(0, bytes);
}

/** The pixels of a libvips-format file of 8-bit `width` × `height` × `channels`. */
async function readVipsPixels(path: string, info: OutputInfo): Promise<Buffer> {
  const file = await open(path, "r");
  try {
    const header = Buffer.alloc(VIPS_HEADER_BYTES);
    await file.read(header, 0, VIPS_HEADER_BYTES, 0);
    // Xsize, Ysize, Bands, then BandFmt 0 (uchar) and Coding 0 (none): plain 8-bit pixels.
    const fits =
      header.readUInt32LE(4) === info.width &&
      header.readUInt32LE(8) === info.height &&
      header.readUInt32LE(12) === info.channels &&
      header.readUInt32LE(20) === 0 &&
      header.readUInt32LE(24) === 0;
    if (!fits) throw new Error(`unexpected libvips header in ${path}`);
    const pixels = bufferFor(info.width * info.height * info.channels);
    const { bytesRead } = await file.read(pixels, 0, pixels.byteLength, VIPS_HEADER_BYTES);
    if (bytesRead !== pixels.byteLength) throw new Error(`short libvips file ${path}`);
    return pixels;
  } finally {
    await file.close();
  }
}

/**
 * How to turn pixels stored with an EXIF Orientation upright, as sharp's auto-orientation
 * does (checked against it for all eight values in tests/integration/image-orientation).
 * Sharp mirrors before it rotates when both are asked for after a resize.
 */
const UPRIGHT: Record<number, { flop: boolean; angle: 0 | 90 | 180 | 270 }> = {
  1: { flop: false, angle: 0 },
  2: { flop: true, angle: 0 },
  3: { flop: false, angle: 180 },
  4: { flop: true, angle: 180 },
  5: { flop: true, angle: 270 },
  6: { flop: false, angle: 90 },
  7: { flop: true, angle: 90 },
  8: { flop: false, angle: 270 },
};

/**
 * The intermediate keeps the stored orientation, and each variant is turned upright after it
 * is resized: turning the 10 MB intermediate meant a copy of it and ~15 ms on the critical
 * path (decode → largest encode), a 1024 px variant costs a fraction of that.
 */
function upright(orientation: number) {
  const { flop, angle } = UPRIGHT[orientation] ?? UPRIGHT[1]!;
  const sideways = angle === 90 || angle === 270;
  return {
    /** The resize to an upright width, given before turning (sideways: the stored height). */
    resizeTo: (width: number) => (sideways ? { height: width } : { width }),
    uprightWidth: (info: { width: number; height: number }) =>
      sideways ? info.height : info.width,
    uprightHeight: (info: { width: number; height: number }) =>
      sideways ? info.width : info.height,
    /** Mirrors and turns a pipeline; call after its resize, or sharp turns before resizing. */
    turn: (pipeline: Sharp) => {
      if (flop) pipeline.flop();
      if (angle !== 0) pipeline.rotate(angle);
      return pipeline;
    },
  };
}

/**
 * Decodes the photo, resized to the largest wanted width, into `intermediate` (a libvips
 * file of 8-bit sRGB pixels). An embedded ICC profile is applied after the resize, not
 * before it as sharp does: on a 12 MP photo sharp's conversion ran on every decoded pixel
 * (~140 of the decode stage's 250 ms of CPU, decision 032); at the largest width it touches
 * 3.4 MP. Resizing the camera's values before converting them changes no colour a viewer
 * could tell apart.
 */
async function decodeResized(
  source: ImageSource,
  inspected: InspectedImage,
  resize: ResizeOptions,
  intermediate: string,
): Promise<OutputInfo> {
  const decode = sharp(source, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" }).resize(
    resize,
  );
  if (!inspected.rgbWithProfile) return decode.toColourspace("srgb").toFile(intermediate);
  // keepIccProfile: sharp leaves the pixels in the camera's colour space and carries the
  // profile into the file, where the second step reads it as the embedded profile.
  const profiled = `${intermediate}.icc.v`;
  try {
    await decode.keepIccProfile().toFile(profiled);
    return await sharp(profiled).toColourspace("srgb").toFile(intermediate);
  } finally {
    await rm(profiled, { force: true });
  }
}

async function decodeAndEncode(
  source: ImageSource,
  inspected: InspectedImage,
  dir: string,
  wanted: readonly ImageWidth[],
): Promise<ProcessedImage> {
  const orient = upright(inspected.orientation);
  const intermediate = join(dir, "decoded.v");
  const resize = { ...orient.resizeTo(Math.max(...wanted)), withoutEnlargement: true };
  let info: OutputInfo;
  try {
    info = await decodeResized(source, inspected, resize, intermediate);
  } catch {
    await rm(intermediate, { force: true });
    throw new ImageRefused("unreadable");
  }
  let pixels: Buffer;
  try {
    pixels = await readVipsPixels(intermediate, info);
  } finally {
    await rm(intermediate, { force: true });
  }
  const width = orient.uprightWidth(info);
  const height = orient.uprightHeight(info);
  const raw = {
    raw: { width: info.width, height: info.height, channels: info.channels as 1 | 2 | 3 | 4 },
  } as const;
  // libvips writes each variant itself (no output buffer waits in this process for the
  // garbage collector); a temporary name, then a rename, so the media route never serves
  // half a file.
  const encode = async ({ nominal, actual }: { nominal: ImageWidth; actual: number }) => {
    const pipeline = sharp(pixels, raw);
    if (actual < width) pipeline.resize(orient.resizeTo(actual));
    orient.turn(pipeline);
    const target = join(dir, `${nominal}.webp`);
    await pipeline.webp(nominal === 1600 ? LARGEST_WIDTH_WEBP : WEBP).toFile(`${target}.tmp`);
    await rename(`${target}.tmp`, target);
  };

  // WebP encoding is single-threaded and the largest width takes longest: it gets a core of
  // its own while the smaller widths and the placeholder follow one another on the other.
  // Two encoders at most, not five, hold their buffers at the same time.
  const targets = variantWidths(width).filter(({ nominal }) => wanted.includes(nominal));
  const largest = targets.pop();
  // Both sides settle before an error goes up, so the caller's clean-up of `dir` does not
  // race a file still being written.
  const [largestDone, smallerDone] = await Promise.allSettled([
    largest ? encode(largest) : null,
    (async () => {
      for (const target of targets) await encode(target);
      return orient
        .turn(sharp(pixels, raw).resize(orient.resizeTo(16)))
        .blur(1.2)
        .webp({ quality: 40, effort: 2 })
        .toBuffer();
    })(),
  ]);
  if (largestDone.status === "rejected") throw largestDone.reason;
  if (smallerDone.status === "rejected") throw smallerDone.reason;
  const placeholder = `data:image/webp;base64,${smallerDone.value.toString("base64")}`;
  return { width, height, placeholder };
}
