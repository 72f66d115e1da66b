import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { DomainError } from "~/lib/errors";
import { readVariant, storeImage } from "~/modules/images/store.server";
import {
  INCOMING_TTL_MS,
  readUploadForm,
  sweepIncomingUploads,
} from "~/modules/images/upload.server";
import { uploadedFilePath } from "~/modules/images/uploaded-files.server";
import { phoneJpeg, plainPng } from "../helpers/images";

// readUploadForm and the store read UPLOADS_DIR through getEnv(), cached on first use.
const root = mkdtempSync(join(tmpdir(), "cung-cau-image-uploads-"));
process.env.UPLOADS_DIR = root;
afterAll(() => rmSync(root, { recursive: true, force: true }));

const incoming = join(root, "incoming");
const incomingFiles = () => (existsSync(incoming) ? readdirSync(incoming) : []);

function multipart(parts: { name: string; filename?: string; body: Uint8Array | string }[]) {
  const boundary = "----image-uploads-test";
  const chunks: Uint8Array[] = [];
  const text = (value: string) => chunks.push(new TextEncoder().encode(value));
  for (const part of parts) {
    const file = part.filename === undefined ? "" : `; filename="${part.filename}"`;
    text(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${file}\r\n`);
    text(part.filename === undefined ? "\r\n" : "Content-Type: image/jpeg\r\n\r\n");
    if (typeof part.body === "string") text(part.body);
    else chunks.push(part.body);
    text("\r\n");
  }
  text(`--${boundary}--\r\n`);
  return new Request("http://localhost/upload", {
    method: "POST",
    headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` },
    body: Buffer.concat(chunks),
  });
}

describe("uploads kept on disk", () => {
  it("hands out Files backed by a file under UPLOADS_DIR/incoming, with text fields as strings", async () => {
    const jpeg = await phoneJpeg(800, 600);
    const form = await readUploadForm(
      multipart([
        { name: "title", body: "Rau muống" },
        { name: "photos", filename: "a.jpg", body: jpeg },
        { name: "photos", filename: "", body: new Uint8Array() },
      ]),
    );
    expect(form.get("title")).toBe("Rau muống");
    const [photo, empty] = form.getAll("photos");
    if (!(photo instanceof File) || !(empty instanceof File)) throw new Error("not files");
    expect(photo.name).toBe("a.jpg");
    expect(photo.size).toBe(jpeg.byteLength);
    expect(Buffer.from(await photo.arrayBuffer()).equals(jpeg)).toBe(true);
    const path = uploadedFilePath(photo);
    expect(path?.startsWith(incoming)).toBe(true);
    // A file input left empty writes nothing.
    expect(empty.size).toBe(0);
    expect(uploadedFilePath(empty)).toBeNull();
    expect(incomingFiles()).toHaveLength(1);

    // The pipeline reads the upload from its path: same result as from the bytes.
    const stored = await storeImage(photo);
    expect({ width: stored.width, height: stored.height }).toEqual({ width: 600, height: 800 });
    const variant = await readVariant(stored.storageKey, 640);
    expect((await sharp(variant ?? Buffer.alloc(0)).metadata()).width).toBe(600);
  });

  it("refuses a file over the limit with 413 and leaves none of the form's files behind", async () => {
    const before = incomingFiles().length;
    const small = await plainPng(50, 50);
    const error = await readUploadForm(
      multipart([
        { name: "photos", filename: "small.png", body: small },
        { name: "photos", filename: "big.jpg", body: new Uint8Array(2048) },
      ]),
      1024,
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).status).toBe(413);
    expect(incomingFiles()).toHaveLength(before);
  });

  it("sweeps incoming files older than an hour, and only those", async () => {
    const old = join(incoming, "0".repeat(32));
    const fresh = join(incoming, "1".repeat(32));
    writeFileSync(old, "x");
    writeFileSync(fresh, "x");
    const past = (Date.now() - INCOMING_TTL_MS - 60_000) / 1000;
    utimesSync(old, past, past);
    expect(await sweepIncomingUploads()).toBeGreaterThanOrEqual(1);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
  });

  it("stores photos of different sizes one after another (the decoded buffer is reused)", async () => {
    const wide = await storeImage(await plainPng(2000, 1000));
    const small = await storeImage(await phoneJpeg(400, 300));
    expect(wide.width).toBe(1600);
    expect({ width: small.width, height: small.height }).toEqual({ width: 300, height: 400 });
    const served = (await readVariant(small.storageKey, 320)) ?? Buffer.alloc(0);
    const { data, info } = await sharp(served).raw().toBuffer({ resolveWithObject: true });
    // The red → blue gradient, turned upright, runs top to bottom: nothing of the wide image.
    const at = (y: number) => (y * info.width + 150) * info.channels;
    expect(data[at(3)]).toBeGreaterThan(200);
    expect(data[at(info.height - 3) + 2]).toBeGreaterThan(200);
    expect(
      readdirSync(join(root, "images", small.storageKey.slice(0, 2), small.storageKey)),
    ).toEqual(expect.not.arrayContaining(["decoded.v"]));
  });
});
