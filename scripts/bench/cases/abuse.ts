import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import { request } from "node:http";
import sharp from "sharp";
import { demoAccount } from "~db/seed/demo-accounts";
import { startServer, type StartedServer } from "../../../tests/helpers/server";
import {
  percentile,
  pollHealthz,
  postHugeForm,
  sampleRss,
  serverPid,
  type Poll,
} from "./abuse-flood";
import type { BenchCase, BenchRow } from "../types";

const REST_SECONDS = Number(process.env.ABUSE_BENCH_REST_SECONDS ?? 5) || 5;
const FLOOD_SECONDS = Number(process.env.ABUSE_BENCH_FLOOD_SECONDS ?? 10) || 10;
const FLOOD_CLIENTS = 20;
const FLOOD_BODY_BYTES = 50 * 1024 * 1024;
const FORMS = ["/gio-hang", "/thanh-toan", "/dang-nhap"];
/** A slow 3G link: about 50 kB/s up, sent as 5 kB every 100 ms. */
const SLOW_3G_BYTES_PER_SECOND = 50_000;
const SLOW_UPLOAD_BYTES = 2_000_000;

const round = (value: number) => Math.round(value * 10) / 10;

/** One table row: /healthz latency and throughput while `seconds` passed, peak memory. */
function row(
  scenario: string,
  seconds: number,
  poll: Poll,
  peakRss: number,
  extra: { answers: number; wrong: number },
): BenchRow {
  const sorted = [...poll.latencies].sort((a, b) => a - b);
  const non200 = Object.entries(poll.statuses)
    .filter(([status]) => status !== "200")
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    scenario,
    seconds: round(seconds),
    "healthz req": sorted.length,
    "req/s": round(sorted.length / seconds),
    "p50 (ms)": round(percentile(sorted, 50)),
    "p95 (ms)": round(percentile(sorted, 95)),
    "p99 (ms)": round(percentile(sorted, 99)),
    "max (ms)": round(sorted.at(-1) ?? Number.NaN),
    "healthz non-200": non200,
    "peak RSS (MB)": Math.round(peakRss),
    answers: extra.answers,
    "wrong answers": extra.wrong,
  };
}

/** Measures /healthz and the server's memory while `work` runs. */
async function measure<T>(server: StartedServer, pid: number, work: () => Promise<T>) {
  const memory = sampleRss(pid, 100);
  const health = pollHealthz(`${server.url}/healthz`);
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  return { result, seconds, poll: await health.stop(), peak: memory.stop() };
}

/** 20 clients, each sending 50 MB form bodies back to back until `seconds` pass. */
async function flood(server: StartedServer, seconds: number) {
  const stopAt = Date.now() + seconds * 1000;
  const statuses: number[] = [];
  await Promise.all(
    Array.from({ length: FLOOD_CLIENTS }, async (_, client) => {
      for (let n = 0; Date.now() < stopAt; n++) {
        const path = FORMS[(client + n) % FORMS.length] ?? "/gio-hang";
        const answer = await postHugeForm(`${server.url}${path}`, FLOOD_BODY_BYTES, {
          chunked: client % 2 === 1,
          origin: server.url,
        }).catch(() => ({ status: 0 }));
        statuses.push(answer.status);
      }
    }),
  );
  return statuses;
}

/** Signs in as the demo producer; their session cookie and first listing's SKU. */
async function producerSession(server: StartedServer) {
  const producer = demoAccount("producer");
  const login = await fetch(`${server.url}/dang-nhap`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: server.url },
    body: new URLSearchParams({ identifier: producer.email, password: producer.password }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((header) => header.split(";")[0])
    .join("; ");
  const db = new Database(server.databasePath, { readonly: true });
  const listing = db
    .prepare<[string], { sku: string }>(
      "SELECT l.sku FROM listings l JOIN producers p ON p.id = l.producer_id WHERE p.code = ? LIMIT 1",
    )
    .get(producer.producer?.producerCode ?? "");
  db.close();
  if (login.status !== 302 || !listing) throw new Error("cannot sign in as the demo producer");
  return { cookie, sku: listing.sku };
}

/** A listing image form with a PNG of random pixels of about `bytes`. */
async function imageUpload(bytes: number): Promise<{ body: Buffer; boundary: string }> {
  const side = Math.ceil(Math.sqrt(bytes / 3));
  const png = await sharp(randomBytes(side * side * 3), {
    raw: { width: side, height: side, channels: 3 },
  })
    .png()
    .toBuffer();
  const boundary = "slow3gupload";
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nimage-upload\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="anh.png"\r\n` +
    "Content-Type: image/png\r\n\r\n";
  const body = Buffer.concat([Buffer.from(head), png, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { body, boundary };
}

/** POSTs `body` at `bytesPerSecond` (a piece every 100 ms); the answer's status. */
function postSlowly(
  url: string,
  body: Buffer,
  headers: Record<string, string>,
  bytesPerSecond: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: "POST",
      headers: { ...headers, "Content-Length": String(body.length) },
    });
    let at = 0;
    const piece = Math.round(bytesPerSecond / 10);
    const timer = setInterval(() => {
      req.write(body.subarray(at, at + piece));
      at += piece;
      if (at >= body.length) {
        clearInterval(timer);
        req.end();
      }
    }, 100);
    req.on("response", (res) => {
      clearInterval(timer);
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", (error) => {
      clearInterval(timer);
      reject(error);
    });
  });
}

/**
 * The request limits under abuse, on the real server with its real limits: /healthz latency
 * at rest and while 20 clients send 50 MB form bodies back to back (each must be refused with
 * 413), the server's peak memory, and a 2 MB image upload over a slow 3G link (about 50 kB/s,
 * 40 s: several 30-second pace windows) that must go through.
 */
export const abuseCase: BenchCase = {
  name: "abuse",
  description: "/healthz during a 20×50 MB form flood, peak RSS, a 2 MB upload at slow-3G pace",
  async run() {
    const server = await startServer({ env: { LOG_LEVEL: "warn" } });
    let rows: BenchRow[];
    try {
      const pid = serverPid(server.databasePath);
      const rest = await measure(server, pid, async () => {
        await new Promise((r) => setTimeout(r, REST_SECONDS * 1000));
      });
      const flooded = await measure(server, pid, () => flood(server, FLOOD_SECONDS));
      const refused = flooded.result.filter((status) => status === 413).length;
      rows = [
        row("at rest", rest.seconds, rest.poll, rest.peak, { answers: 0, wrong: 0 }),
        row(`flood ${FLOOD_CLIENTS}×50 MB`, flooded.seconds, flooded.poll, flooded.peak, {
          answers: flooded.result.length,
          wrong: flooded.result.length - refused,
        }),
      ];
    } finally {
      await server.stop();
    }
    // A fresh server for the upload: the memory the flood left behind is not the upload's.
    const uploadServer = await startServer({ env: { LOG_LEVEL: "warn" } });
    try {
      const pid = serverPid(uploadServer.databasePath);
      const session = await producerSession(uploadServer);
      const upload = await imageUpload(SLOW_UPLOAD_BYTES);
      const slow = await measure(uploadServer, pid, () =>
        postSlowly(
          `${uploadServer.url}/ban-hang/san-pham/${session.sku}`,
          upload.body,
          {
            Origin: uploadServer.url,
            Cookie: session.cookie,
            "Content-Type": `multipart/form-data; boundary=${upload.boundary}`,
          },
          SLOW_3G_BYTES_PER_SECOND,
        ),
      );
      rows.push(
        row(
          `upload ${(upload.body.length / 1e6).toFixed(1)} MB @ 50 kB/s`,
          slow.seconds,
          slow.poll,
          slow.peak,
          { answers: 1, wrong: slow.result === 302 ? 0 : 1 },
        ),
      );
    } finally {
      await uploadServer.stop();
    }
    return {
      rows,
      targets: [
        { column: "peak RSS (MB)", op: "<=", value: 400 },
        { column: "healthz non-200", op: "<=", value: 0 },
        { column: "wrong answers", op: "<=", value: 0 },
      ],
    };
  },
};
