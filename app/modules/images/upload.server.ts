import {
  MaxPartSizeExceededError,
  unstable_parseMultipartFormData as parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { DomainError } from "~/lib/errors";
import type { MessageKey } from "~/lib/i18n/translate";
import { MAX_UPLOAD_BYTES } from "./detect.server";

/**
 * An uploaded file kept as one Buffer. Remix's memory upload handler builds a `File` from the
 * part's chunks, which copies the bytes into a native blob, and `arrayBuffer()` copies them
 * again: three copies of every photo alive at once during a submit (8 photos: ~100 MB). Here
 * the chunks are joined once and `arrayBuffer()` hands out those bytes, not a copy; readers
 * (the image pipeline, CSV imports) only read them. Only the methods this app and Remix's
 * form helpers use are backed by the buffer (size, arrayBuffer, bytes, text, stream, slice).
 */
class UploadedFile extends File {
  readonly #bytes: Buffer;

  constructor(bytes: Buffer, name: string, type: string) {
    super([], name, { type });
    this.#bytes = bytes;
  }

  override get size(): number {
    return this.#bytes.byteLength;
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    const { buffer, byteOffset, byteLength } = this.#bytes;
    // Buffer.concat of a large file owns its whole ArrayBuffer; a pooled small one does not.
    if (byteOffset === 0 && byteLength === buffer.byteLength && buffer instanceof ArrayBuffer) {
      return Promise.resolve(buffer);
    }
    return Promise.resolve(new Uint8Array(this.#bytes).buffer);
  }

  override bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return this.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  }

  override text(): Promise<string> {
    return Promise.resolve(this.#bytes.toString("utf8"));
  }

  override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    return new Blob([new Uint8Array(this.#bytes)]).stream();
  }

  override slice(start?: number, end?: number, contentType?: string): Blob {
    return new Blob([new Uint8Array(this.#bytes.subarray(start, end))], { type: contentType });
  }
}

/** Keeps each file part in memory as one buffer, refusing a part over `maxBytes`. */
function memoryUploadHandler(maxBytes: number): UploadHandler {
  return async ({ name, filename, contentType, data }) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size > maxBytes) throw new MaxPartSizeExceededError(name, maxBytes);
      chunks.push(chunk);
    }
    const bytes = Buffer.concat(chunks, size);
    if (typeof filename === "string") return new UploadedFile(bytes, filename, contentType);
    return bytes.toString("utf8");
  };
}

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
    return await parseMultipartFormData(request, memoryUploadHandler(maxBytes));
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
