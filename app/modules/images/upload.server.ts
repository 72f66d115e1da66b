import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
} from "@remix-run/node";
import { DomainError } from "~/lib/errors";
import type { MessageKey } from "~/lib/i18n/translate";
import { MAX_UPLOAD_BYTES } from "./detect.server";

/**
 * Reads a form that may carry files, keeping at most `maxBytes` per file in memory: a
 * bigger file stops the upload at that point instead of filling the server's memory, and
 * is refused with 413 and the message `tooLarge` (the image one unless told otherwise).
 */
export async function readUploadForm(
  request: Request,
  maxBytes: number = MAX_UPLOAD_BYTES,
  tooLarge: MessageKey = "images.refused.tooLarge",
): Promise<FormData> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.startsWith("multipart/form-data")) return request.formData();
  try {
    return await parseMultipartFormData(
      request,
      createMemoryUploadHandler({ maxPartSize: maxBytes }),
    );
  } catch (error) {
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
