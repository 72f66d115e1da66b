import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import type { BenchCase } from "../types";

const RUNS = Math.max(3, Number(process.env.IMAGE_BENCH_RUNS ?? 7) || 7);

/**
 * A 4000×3000 phone-like photo: smooth shapes plus sensor-like noise (so the JPEG is as
 * heavy as a real one, several MB), with EXIF Orientation=6 so auto-orient does real work.
 */
async function twelveMegapixelJpeg(): Promise<Buffer> {
  const shapes = Array.from(
    { length: 60 },
    (_, i) =>
      `<circle cx="${(i * 97) % 400}" cy="${(i * 53) % 300}" r="${10 + (i % 7) * 8}" fill="hsl(${(i * 37) % 360},60%,50%)" fill-opacity="0.6"/>`,
  ).join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect width="400" height="300" fill="#6a994e"/>${shapes}</svg>`;
  const scene = await sharp(Buffer.from(svg)).resize(4000, 3000, { kernel: "cubic" }).toBuffer();
  const noise = await sharp({
    create: {
      width: 4000,
      height: 3000,
      channels: 3,
      background: "#808080",
      noise: { type: "gaussian", mean: 128, sigma: 18 },
    },
  })
    .png({ compressionLevel: 0 })
    .toBuffer();
  return sharp(scene)
    .composite([{ input: noise, blend: "overlay" }])
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Make: "Bench", Model: "Phone" } })
    .toBuffer();
}

interface WorkerOutput {
  timesMs: number[];
  maxRssMb: number;
  variants: number;
  width: number;
  height: number;
}

/** Runs the pipeline in a fresh process so its peak RSS is the pipeline's, not ours. */
function runWorker(file: string): Promise<WorkerOutput> {
  const worker = fileURLToPath(new URL("./image-worker.ts", import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", worker, file, String(RUNS)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`image worker exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").pop() ?? "") as WorkerOutput);
      } catch (error) {
        reject(error);
      }
    });
  });
}

/** A 12-megapixel JPEG through the whole upload pipeline (inspect, orient, strip, 4 WebP widths). */
export const imageCase: BenchCase = {
  name: "image",
  description: "12-megapixel JPEG through the upload pipeline: median time and peak RSS",
  async run() {
    const dir = mkdtempSync(join(tmpdir(), "cung-cau-bench-image-"));
    try {
      const jpeg = await twelveMegapixelJpeg();
      const file = join(dir, "photo.jpg");
      writeFileSync(file, jpeg);
      const result = await runWorker(file);
      const sorted = [...result.timesMs].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
      return {
        rows: [
          {
            input: `4000×3000 JPEG, ${(jpeg.byteLength / 1024 / 1024).toFixed(1)} MB`,
            runs: sorted.length,
            "median (ms)": Math.round(median),
            "max (ms)": Math.round(sorted[sorted.length - 1] ?? Number.NaN),
            "peak RSS (MB)": Math.round(result.maxRssMb),
            output: `${result.variants} WebP, ${result.width}×${result.height}`,
          },
        ],
        targets: [
          { column: "median (ms)", op: "<=", value: 1000 },
          { column: "peak RSS (MB)", op: "<=", value: 350 },
        ],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
