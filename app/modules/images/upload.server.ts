import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
} from "@remix-run/node";
import { MAX_UPLOAD_BYTES } from "./detect.server";

export type UploadForm = { form: FormData; tooLarge: false } | { form: null; tooLarge: true };

/**
 * Reads a form that may carry files, keeping at most `maxBytes` per file in memory: a
 * bigger file stops the upload at that point instead of filling the server's memory.
 */
export async function readUploadForm(
  request: Request,
  maxBytes: number = MAX_UPLOAD_BYTES,
): Promise<UploadForm> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.startsWith("multipart/form-data"))
    return { form: await request.formData(), tooLarge: false };
  try {
    const form = await parseMultipartFormData(
      request,
      createMemoryUploadHandler({ maxPartSize: maxBytes }),
    );
    return { form, tooLarge: false };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { form: null, tooLarge: true };
    throw error;
  }
}

/** The bytes of an uploaded file field, or null when no file was chosen. */
export async function fileBytes(form: FormData, name: string): Promise<Uint8Array | null> {
  const value = form.get(name);
  if (!value || typeof value === "string" || value.size === 0) return null;
  return new Uint8Array(await value.arrayBuffer());
}
