/**
 * Child process of the `image` bench case, so that its peak RSS is the pipeline's alone.
 * Prints one JSON line with the times, the RSS once the modules are loaded, and the peak RSS.
 *
 *   image-worker.ts one <file> <runs>             storeImage on one upload, <runs> times
 *   image-worker.ts submit <file> <photos> <runs> the create-listing form's photo step with
 *                                                 <photos> copies of <file>, <runs> times
 */
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Actor } from "../../../app/modules/auth/actor";

const [mode, file, ...counts] = process.argv.slice(2);
if ((mode !== "one" && mode !== "submit") || !file) {
  throw new Error("usage: image-worker.ts one <file> <runs> | submit <file> <photos> <runs>");
}
const root = mkdtempSync(join(tmpdir(), "cung-cau-bench-store-"));
// The pending area (decision 024) lives under UPLOADS_DIR; set before the env is first read.
process.env.UPLOADS_DIR = root;
const rssMb = () => process.memoryUsage().rss / 1024 / 1024;

/**
 * One upload as the single-photo forms hand it over (`fileBytes`: the bytes in memory, which
 * count toward RSS), read from the file each time.
 */
async function one(runs: number) {
  const { storeImage } = await import("../../../app/modules/images/store.server");
  const idleRssMb = rssMb();
  const timesMs: number[] = [];
  let last: Awaited<ReturnType<typeof storeImage>> | undefined;
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    const bytes = readFileSync(file!);
    last = await storeImage(bytes, { root });
    timesMs.push(performance.now() - start);
  }
  return { timesMs, idleRssMb, width: last?.width ?? 0, height: last?.height ?? 0, images: 1 };
}

const CHUNK = 64 * 1024;

/**
 * A multipart POST whose body arrives in 64 KiB chunks, each a fresh buffer as from a socket
 * read, so the process holds no more of the body than the server's upload handler keeps.
 */
function multipartRequest(photos: number): Request {
  const boundary = "----cung-cau-bench";
  const encoder = new TextEncoder();
  const size = statSync(file!).size;
  const pieces: (() => Uint8Array)[] = [];
  const text = (value: string) => pieces.push(() => encoder.encode(value));
  text(`--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nBench\r\n`);
  for (let p = 0; p < photos; p += 1) {
    text(
      `--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="${p}.jpg"\r\n` +
        "Content-Type: image/jpeg\r\n\r\n",
    );
    for (let at = 0; at < size; at += CHUNK) {
      pieces.push(() => {
        const chunk = new Uint8Array(Math.min(CHUNK, size - at));
        const fd = openSync(file!, "r");
        try {
          readSync(fd, chunk, 0, chunk.byteLength, at);
        } finally {
          closeSync(fd);
        }
        return chunk;
      });
    }
    text("\r\n");
  }
  text(`--${boundary}--\r\n`);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = pieces.shift();
      if (next) controller.enqueue(next());
      else controller.close();
    },
  });
  return new Request("http://bench.local/ban-hang/san-pham/moi", {
    method: "POST",
    headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` },
    body,
    duplex: "half",
  });
}

/**
 * A create-listing submit with `photos` phone photos, the way the route does it: the multipart
 * body is read by readUploadForm (each file written to UPLOADS_DIR/incoming as it arrives),
 * then keepPickedPhotos runs every new file through the pipeline, read from disk one at a
 * time, and keeps them in the pending area.
 */
async function submit(photos: number, runs: number) {
  const { readUploadForm } = await import("../../../app/modules/images/upload.server");
  const { keepPickedPhotos } =
    await import("../../../app/modules/listings/create-with-photos.server");
  const actor: Actor = {
    kind: "user",
    userId: 1,
    sessionId: null,
    displayName: "Bench",
    locale: "vi",
    isBuyer: false,
    producers: [],
    staff: [],
  };
  const idleRssMb = rssMb();
  const timesMs: number[] = [];
  let images = 0;
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    const form = await readUploadForm(multipartRequest(photos));
    const picked = await keepPickedPhotos(actor, form);
    if (picked.error) throw picked.error;
    images = picked.images.length;
    timesMs.push(performance.now() - start);
  }
  return { timesMs, idleRssMb, width: 0, height: 0, images };
}

try {
  const [first = 1, second = 1] = counts.map(Number);
  const result = mode === "one" ? await one(first) : await submit(first, second);
  console.log(JSON.stringify({ ...result, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
} finally {
  rmSync(root, { recursive: true, force: true });
}
