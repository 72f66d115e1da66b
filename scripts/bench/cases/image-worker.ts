/**
 * Child process of the `image` bench case: runs the upload pipeline N times on one file and
 * prints one JSON line with the times and this process's peak RSS.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { storeImage } from "../../../app/modules/images/store.server";

const [file, runsArg] = process.argv.slice(2);
if (!file) throw new Error("usage: image-worker.ts <file> [runs]");
const root = mkdtempSync(join(tmpdir(), "cung-cau-bench-store-"));
try {
  const timesMs: number[] = [];
  let last: Awaited<ReturnType<typeof storeImage>> | undefined;
  for (let i = 0; i < Number(runsArg ?? 5); i += 1) {
    // Read the file each time, like an upload arriving: the bytes count toward peak memory.
    const start = performance.now();
    const bytes = readFileSync(file);
    last = await storeImage(bytes, { root });
    timesMs.push(performance.now() - start);
  }
  console.log(
    JSON.stringify({
      timesMs,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      variants: 4,
      width: last?.width ?? 0,
      height: last?.height ?? 0,
    }),
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
