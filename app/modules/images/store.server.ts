import { randomBytes } from "node:crypto";
import { cp, readFile, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { IMAGE_WIDTHS, isStorageKey, type ImageWidth } from "~/lib/images";
import { getEnv } from "~/modules/platform/env.server";
import { processImage, type ImageInput } from "./pipeline.server";

export interface StoredImage {
  storageKey: string;
  width: number;
  height: number;
  placeholder: string;
}

/** Where variants live: outside public/, so only the media route can hand them out. */
function uploadsRoot(): string {
  return resolve(getEnv().UPLOADS_DIR);
}

function imageDir(root: string, storageKey: string): string {
  return join(root, "images", storageKey.slice(0, 2), storageKey);
}

/**
 * Runs an upload through the pipeline and writes its WebP variants under a new random key.
 * The original is never kept. Throws ImageRefused for refused files, before anything is
 * written; a later failure removes what was written.
 */
export async function storeImage(
  input: ImageInput,
  options: { widths?: readonly ImageWidth[]; root?: string } = {},
): Promise<StoredImage> {
  const storageKey = randomBytes(16).toString("hex");
  const dir = imageDir(options.root ?? uploadsRoot(), storageKey);
  let processed;
  try {
    processed = await processImage(input, dir, { widths: options.widths });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    storageKey,
    width: processed.width,
    height: processed.height,
    placeholder: processed.placeholder,
  };
}

/** The bytes of one variant, or null when the key, width or file does not exist. */
export async function readVariant(
  storageKey: string,
  width: number,
  root = uploadsRoot(),
): Promise<Buffer | null> {
  // Both parts are checked against strict patterns, so no path can leave the store.
  if (!isStorageKey(storageKey)) return null;
  if (!IMAGE_WIDTHS.some((w) => w === width)) return null;
  try {
    return await readFile(join(imageDir(root, storageKey), `${width}.webp`));
  } catch {
    return null;
  }
}

/** Removes every variant of an image (after its row is gone). Missing files are fine. */
export async function deleteStoredImage(storageKey: string, root = uploadsRoot()): Promise<void> {
  if (!isStorageKey(storageKey)) return;
  await rm(imageDir(root, storageKey), { recursive: true, force: true });
}

/** Copies every variant of an image under a new random key (e.g. to duplicate a listing). */
export async function copyStoredImage(storageKey: string, root = uploadsRoot()): Promise<string> {
  if (!isStorageKey(storageKey)) throw new Error(`not a storage key: ${storageKey}`);
  const copyKey = randomBytes(16).toString("hex");
  await cp(imageDir(root, storageKey), imageDir(root, copyKey), { recursive: true });
  return copyKey;
}

/** Copies the variants of a stored image into `targetDir` (e.g. a cache of demo pictures). */
export async function exportVariants(storageKey: string, targetDir: string, root = uploadsRoot()) {
  if (!isStorageKey(storageKey)) throw new Error(`not a storage key: ${storageKey}`);
  await cp(imageDir(root, storageKey), targetDir, { recursive: true });
}

/** Stores variants prepared earlier by this pipeline (a directory of <width>.webp) under a new key. */
export async function importVariants(sourceDir: string, root = uploadsRoot()): Promise<string> {
  const storageKey = randomBytes(16).toString("hex");
  await cp(sourceDir, imageDir(root, storageKey), {
    recursive: true,
    filter: (source) => !source.endsWith(".json"),
  });
  return storageKey;
}
