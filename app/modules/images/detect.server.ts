import { open } from "node:fs/promises";
import sharp, { type Metadata } from "sharp";
import { Invalid } from "~/lib/errors";

export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
export const MAX_INPUT_PIXELS = 50_000_000;

export type AcceptedFormat = "jpeg" | "png" | "webp";

/** What sharp is given: the bytes of an upload, or the path of the file that holds them. */
export type ImageSource = Uint8Array | string;

/** Why an upload is refused, one message (`images.refused.<reason>`) per reason. */
export type ImageRefusal =
  "tooLarge" | "tooManyPixels" | "empty" | "svg" | "gif" | "notImage" | "unreadable";

/** Thrown for every refused upload; `reason` lets tests and forms tell refusals apart. */
export class ImageRefused extends Invalid {
  constructor(public readonly reason: ImageRefusal) {
    super(`images.refused.${reason}`, {}, { field: "image", reason });
  }
}

/** The format announced by the first bytes of the file, whatever its name or declared type. */
function sniffFormat(bytes: Uint8Array): AcceptedFormat | "svg" | "gif" | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return "jpeg";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "png";
  if (
    starts(0x52, 0x49, 0x46, 0x46) &&
    bytes[8] === 0x57 &&
    bytes[9] === 0x45 &&
    bytes[10] === 0x42 &&
    bytes[11] === 0x50
  ) {
    return "webp";
  }
  if (starts(0x47, 0x49, 0x46, 0x38)) return "gif";
  const head = new TextDecoder("utf-8", { fatal: false })
    .decode(bytes.subarray(0, 1024))
    .toLowerCase();
  if (head.includes("<svg") || (head.trimStart().startsWith("<?xml") && head.includes("svg"))) {
    return "svg";
  }
  return null;
}

export interface InspectedImage {
  format: AcceptedFormat;
  /** Dimensions declared by the header, before orientation. */
  width: number;
  height: number;
  /** The EXIF Orientation tag (1–8; 1 when absent): how the stored pixels are to be turned. */
  orientation: number;
  /**
   * 8-bit RGB described by an embedded ICC profile (a phone's sRGB or Display P3): its
   * colours are converted to sRGB, which the pipeline does once the photo is resized.
   */
  rgbWithProfile: boolean;
}

/** The size of a source and its first KiB, enough to tell its format (a file is not read). */
async function headOf(source: ImageSource): Promise<{ size: number; head: Uint8Array }> {
  if (typeof source !== "string") return { size: source.byteLength, head: source };
  const file = await open(source, "r");
  try {
    const { size } = await file.stat();
    const head = new Uint8Array(Math.min(size, 1024));
    await file.read(head, 0, head.byteLength, 0);
    return { size, head };
  } finally {
    await file.close();
  }
}

/**
 * Checks an upload by its content before any pixel is decoded: size, magic bytes, then the
 * header dimensions read by sharp (`metadata()` parses the header only). Throws ImageRefused.
 */
export async function inspectImage(source: ImageSource): Promise<InspectedImage> {
  const { size, head } = await headOf(source);
  if (size === 0) throw new ImageRefused("empty");
  if (size > MAX_UPLOAD_BYTES) throw new ImageRefused("tooLarge");
  const sniffed = sniffFormat(head);
  if (sniffed === "svg") throw new ImageRefused("svg");
  if (sniffed === "gif") throw new ImageRefused("gif");
  if (sniffed === null) throw new ImageRefused("notImage");

  let metadata: Metadata;
  try {
    // limitInputPixels: false here only because we compare the declared size ourselves, to
    // give the right message; the decoding pipeline keeps sharp's own limit as a backstop.
    metadata = await sharp(source, { limitInputPixels: false }).metadata();
  } catch {
    throw new ImageRefused("unreadable");
  }
  if (metadata.format !== sniffed) throw new ImageRefused("unreadable");
  if (!metadata.width || !metadata.height) throw new ImageRefused("unreadable");
  if (metadata.width * metadata.height > MAX_INPUT_PIXELS) throw new ImageRefused("tooManyPixels");
  const orientation = metadata.orientation ?? 1;
  const rgbWithProfile =
    metadata.hasProfile === true &&
    metadata.space === "srgb" &&
    metadata.depth === "uchar" &&
    metadata.channels === 3;
  return {
    format: sniffed,
    width: metadata.width,
    height: metadata.height,
    orientation,
    rgbWithProfile,
  };
}
