import { rm } from "node:fs/promises";

/**
 * Which Files stand for an upload kept on disk (upload.server.ts), so the image pipeline can
 * give libvips the path instead of reading the photo into memory. A file is removed once its
 * File object is garbage-collected; upload.server.ts sweeps what is left behind.
 */
const paths = new WeakMap<Blob, string>();
const removeWhenCollected = new FinalizationRegistry<string>((path) => {
  rm(path, { force: true }).catch(() => undefined);
});

/** Records that `file` reads the upload kept at `path`, and removes it when `file` is gone. */
export function rememberUploadedFile(file: Blob, path: string): void {
  paths.set(file, path);
  removeWhenCollected.register(file, path);
}

/** The file on disk behind a File read by readUploadForm, or null for any other Blob. */
export function uploadedFilePath(file: Blob): string | null {
  return paths.get(file) ?? null;
}
