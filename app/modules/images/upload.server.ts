import { randomBytes } from "node:crypto";
import { openAsBlob } from "node:fs";
import { mkdir, open, readdir, rm, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import {
  MaxPartSizeExceededError,
  unstable_parseMultipartFormData as parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { DomainError } from "~/lib/errors";
import type { MessageKey } from "~/lib/i18n/translate";
import { getEnv } from "~/modules/platform/env.server";
import { MAX_UPLOAD_BYTES } from "./detect.server";
import { rememberUploadedFile } from "./uploaded-files.server";

/**
 * Uploaded files wait on disk, not in memory (decision 032): a listing submit with 8 phone
 * photos held ~33 MB in the process, plus the socket chunks, while its photos went through the
 * image pipeline one by one. Each file part is written as it arrives to UPLOADS_DIR/incoming
 * and handed out as a File that reads that file when asked; the image pipeline gives its path
 * to libvips, which reads it in small blocks.
 *
 * A file is removed once its File object is garbage-collected (uploaded-files.server.ts), at
 * once if the form is refused, and a sweep at the next upload removes what a crash or a
 * long-lived reference left behind (INCOMING_TTL_MS). An empty file part (no file chosen)
 * leaves nothing on disk.
 */

export const INCOMING_TTL_MS = 60 * 60 * 1000;

function incomingDir(): string {
  return join(resolve(getEnv().UPLOADS_DIR), "incoming");
}

/** Writes one file part to disk as it arrives, refusing a part over `maxBytes`. */
async function keepOnDisk(
  data: AsyncIterable<Uint8Array>,
  name: string,
  maxBytes: number,
): Promise<{ path: string; size: number }> {
  const dir = incomingDir();
  await mkdir(dir, { recursive: true });
  const path = join(dir, randomBytes(16).toString("hex"));
  const file = await open(path, "wx");
  try {
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size > maxBytes) throw new MaxPartSizeExceededError(name, maxBytes);
      await file.write(chunk);
    }
    await file.close();
    return { path, size };
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(path, { force: true });
    throw error;
  }
}

/** Text fields stay in memory, refused past `maxBytes` like files. */
async function readText(
  data: AsyncIterable<Uint8Array>,
  name: string,
  maxBytes: number,
): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of data) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new MaxPartSizeExceededError(name, maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size).toString("utf8");
}

function diskUploadHandler(maxBytes: number, written: string[]): UploadHandler {
  return async ({ name, filename, contentType, data }) => {
    if (typeof filename !== "string") return readText(data, name, maxBytes);
    const { path, size } = await keepOnDisk(data, name, maxBytes);
    if (size === 0) {
      await rm(path, { force: true });
      return new File([], filename, { type: contentType });
    }
    written.push(path);
    const file = new File([await openAsBlob(path)], filename, { type: contentType });
    rememberUploadedFile(file, path);
    return file;
  };
}

/** Removes incoming files older than INCOMING_TTL_MS (their requests are long over). */
export async function sweepIncomingUploads(now = Date.now()): Promise<number> {
  const dir = incomingDir();
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (!info || now - info.mtimeMs < INCOMING_TTL_MS) continue;
    await rm(path, { force: true });
    removed += 1;
  }
  return removed;
}

/**
 * Reads a form that may carry files, keeping at most `maxBytes` per file (on disk): a
 * bigger file stops the upload at that point, and is refused with 413 and the message
 * `tooLarge` (the image one unless told otherwise).
 */
export async function readUploadForm(
  request: Request,
  maxBytes: number = MAX_UPLOAD_BYTES,
  tooLarge: MessageKey = "images.refused.tooLarge",
): Promise<FormData> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.startsWith("multipart/form-data")) return request.formData();
  await sweepIncomingUploads();
  const written: string[] = [];
  try {
    return await parseMultipartFormData(request, diskUploadHandler(maxBytes, written));
  } catch (error) {
    await Promise.all(written.map((path) => rm(path, { force: true })));
    if (error instanceof MaxPartSizeExceededError) {
      throw new DomainError(413, "too_large", tooLarge, {}, { field: "file" });
    }
    throw error;
  }
}

/** The bytes of an uploaded file field, or null when no file was chosen. */
export async function fileBytes(form: FormData, name: string): Promise<Uint8Array | null> {
  const value = form.get(name);
  if (!value || typeof value === "string" || value.size === 0) return null;
  return new Uint8Array(await value.arrayBuffer());
}
