/**
 * Photos are made smaller in the browser before they are sent, when JavaScript runs: a phone
 * photo of 4–12 MB becomes a JPEG (WebP for a PNG) of a few hundred kB at 2,048 px on its
 * longest side, so a slow mobile link sends it in seconds. Without JavaScript, or where a
 * step is missing (no createImageBitmap, a format the browser cannot encode), the original
 * file is sent and the server's pipeline does the same work.
 */

export const DOWNSCALE_MAX_EDGE = 2048;

/** The size a photo is drawn at: the longest side at most `maxEdge`, never enlarged. */
export function downscaledSize(
  width: number,
  height: number,
  maxEdge: number = DOWNSCALE_MAX_EDGE,
): { width: number; height: number } {
  const scale = Math.min(1, maxEdge / Math.max(width, height, 1));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/** One photo made smaller, or the original when that would not help or cannot be done. */
async function downscaleFile(file: File): Promise<File> {
  if (!/^image\/(jpeg|png|webp)$/.test(file.type) || typeof createImageBitmap !== "function") {
    return file;
  }
  let bitmap: ImageBitmap;
  try {
    // Applies the EXIF orientation, so the pixels drawn are the right way up.
    bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch {
    return file;
  }
  const size = downscaledSize(bitmap.width, bitmap.height);
  const canvas = document.createElement("canvas");
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext("2d");
  if (!context) {
    bitmap.close();
    return file;
  }
  context.drawImage(bitmap, 0, 0, size.width, size.height);
  bitmap.close();
  // A PNG may be transparent: WebP keeps that, JPEG would turn it black.
  const type = file.type === "image/jpeg" ? "image/jpeg" : "image/webp";
  const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, type, 0.85));
  // A browser that cannot encode the type answers PNG: keep the original then.
  if (!blob || blob.type !== type || blob.size >= file.size) return file;
  const name = `${file.name.replace(/\.[^.]*$/, "")}.${type === "image/jpeg" ? "jpg" : "webp"}`;
  return new File([blob], name, { type, lastModified: file.lastModified });
}

/**
 * Replaces the files of a file input by their smaller versions (DataTransfer is the only way
 * to set `input.files`). Returns when done; the input keeps its originals if anything fails.
 */
export async function downscaleInputFiles(input: HTMLInputElement): Promise<void> {
  const files = Array.from(input.files ?? []);
  if (files.length === 0 || typeof DataTransfer !== "function") return;
  try {
    // One at a time: a few decoded 12-megapixel photos at once can exhaust a phone's memory.
    const transfer = new DataTransfer();
    for (const file of files) transfer.items.add(await downscaleFile(file));
    input.files = transfer.files;
  } catch {
    // The originals stay selected; the server resizes them.
  }
}
