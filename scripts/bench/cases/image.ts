import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import type { BenchCase, BenchRow } from "../types";

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
  idleRssMb: number;
  images: number;
  width: number;
  height: number;
}

/**
 * The variables `npm start` sets in front of the server command (package.json's start script,
 * e.g. `MALLOC_ARENA_MAX=2 tsx scripts/start.ts`): the allocator settings the server runs with
 * shape its memory, so the worker gets them too. A variable set in the caller's environment
 * wins, so `MALLOC_ARENA_MAX=4 npm run bench -- image` still measures another setting.
 */
function serverStartEnvironment(): Record<string, string> {
  const packageJson = fileURLToPath(new URL("../../../package.json", import.meta.url));
  const { scripts } = JSON.parse(readFileSync(packageJson, "utf8")) as {
    scripts?: Record<string, string>;
  };
  const env: Record<string, string> = {};
  for (const word of (scripts?.start ?? "").split(/\s+/)) {
    const assignment = /^([A-Z_][A-Z0-9_]*)=(\S*)$/.exec(word);
    if (!assignment) break;
    env[assignment[1]!] = assignment[2]!;
  }
  return env;
}

/** Allocator variables in `env`, for the table (glibc's defaults when none is set). */
function mallocSettings(env: NodeJS.ProcessEnv): string {
  const set = Object.keys(env)
    .filter((name) => name.startsWith("MALLOC_") || name === "GLIBC_TUNABLES")
    .sort()
    .map((name) => `${name}=${env[name]}`);
  return set.length > 0 ? set.join(" ") : "glibc default";
}

/**
 * Runs the worker in a fresh process so its peak RSS is the pipeline's, not ours, with the
 * environment the server gets from `npm start` (decision 032).
 */
function runWorker(args: string[], env: NodeJS.ProcessEnv): Promise<WorkerOutput> {
  const worker = fileURLToPath(new URL("./image-worker.ts", import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", worker, ...args], {
      stdio: ["ignore", "pipe", "inherit"],
      env,
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

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** Photos in the listing-submit row: the create form's limit (MAX_LISTING_IMAGES). */
const SUBMIT_PHOTOS = 8;

/**
 * A 12-megapixel JPEG through the whole upload pipeline (inspect, orient, strip, 4 WebP
 * widths) RUNS times in one process, and one create-listing submit with 8 of them read from
 * a multipart body the way the route reads it, each in its own worker process. "idle RSS" is
 * each worker's RSS once its modules are loaded (one photo / submit), for reference.
 */
export const imageCase: BenchCase = {
  name: "image",
  description: "12-megapixel JPEG through the upload pipeline, and an 8-photo listing submit",
  async run() {
    const dir = mkdtempSync(join(tmpdir(), "cung-cau-bench-image-"));
    try {
      const jpeg = await twelveMegapixelJpeg();
      const file = join(dir, "photo.jpg");
      writeFileSync(file, jpeg);
      const mb = (jpeg.byteLength / 1024 / 1024).toFixed(1);
      const env = { ...serverStartEnvironment(), ...process.env };
      const one = await runWorker(["one", file, String(RUNS)], env);
      const submit = await runWorker(["submit", file, String(SUBMIT_PHOTOS), "1"], env);
      // One row with every figure: a target applies to each row, so both workers share it.
      const row: BenchRow = {
        input: `4000×3000 JPEG, ${mb} MB`,
        malloc: mallocSettings(env),
        runs: one.timesMs.length,
        "median (ms)": Math.round(median(one.timesMs)),
        "max (ms)": Math.round(Math.max(...one.timesMs)),
        "peak RSS (MB)": Math.round(one.maxRssMb),
        [`${SUBMIT_PHOTOS}-photo submit (ms)`]: Math.round(median(submit.timesMs)),
        "submit peak RSS (MB)": Math.round(submit.maxRssMb),
        "idle RSS (MB)": `${Math.round(one.idleRssMb)} / ${Math.round(submit.idleRssMb)}`,
        output: `${one.width}×${one.height}; ${submit.images} kept`,
      };
      return {
        rows: [row],
        targets: [
          { column: "median (ms)", op: "<=", value: 300 },
          { column: "peak RSS (MB)", op: "<=", value: 200 },
          { column: "submit peak RSS (MB)", op: "<=", value: 250 },
        ],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
