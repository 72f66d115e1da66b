import { readdirSync, readFileSync } from "node:fs";
import { request } from "node:http";

/**
 * The pieces of the request-flood acceptance (issue 10), shared by
 * tests/integration/hardening-flood.test.ts and `npm run bench -- abuse`: huge form bodies
 * generated on the fly, the server's memory read from /proc, and /healthz polled meanwhile.
 */

/** The pid of the server started for `databasePath` (scripts/start.ts, found by its environment). */
export function serverPid(databasePath: string): number {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, "latin1").split("\0");
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "latin1");
      if (environ.includes(`DATABASE_PATH=${databasePath}`) && cmdline.includes("start.ts")) {
        return Number(entry);
      }
    } catch {
      // Gone, or not ours to read.
    }
  }
  throw new Error(`no server process for ${databasePath}`);
}

/** Resident memory of a process in MB (VmRSS), or NaN once it has exited. */
export function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "latin1");
    const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return Number.NaN;
  }
}

/** Samples a process's RSS every `intervalMs` until stopped; returns the peak. */
export function sampleRss(pid: number, intervalMs = 100): { stop(): number; peak(): number } {
  let peak = rssMb(pid);
  const timer = setInterval(() => {
    const now = rssMb(pid);
    if (now > peak) peak = now;
  }, intervalMs);
  return {
    peak: () => peak,
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}

export interface FloodAnswer {
  status: number;
  connection: string | undefined;
  /** Bytes the client had written when the answer came. */
  sent: number;
}

// One 64 KiB piece of an url-encoded field, written again and again: no 50 MB buffer.
const PIECE = Buffer.alloc(64 * 1024, "a");

/**
 * POSTs an url-encoded body of `bytes` to `url`, written piece by piece as the socket takes
 * it, with a Content-Length or chunked; stops writing as soon as the server answers. Errors
 * after the answer (the server closing while we write) do not matter.
 */
export function postHugeForm(
  url: string,
  bytes: number,
  options: { chunked: boolean; origin: string },
): Promise<FloodAnswer> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request(url, {
      method: "POST",
      headers: {
        Origin: options.origin,
        "Content-Type": "application/x-www-form-urlencoded",
        ...(options.chunked ? {} : { "Content-Length": String(bytes) }),
      },
    });
    req.on("response", (res) => {
      answered = true;
      const answer = { status: res.statusCode ?? 0, connection: res.headers.connection, sent };
      res.resume();
      res.on("end", () => {
        req.destroy();
        resolve(answer);
      });
      res.on("error", () => resolve(answer));
    });
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      while (!answered && sent < bytes) {
        const piece = PIECE.subarray(0, Math.min(PIECE.length, bytes - sent));
        sent += piece.length;
        if (!req.write(piece)) {
          req.once("drain", pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

export interface Poll {
  latencies: number[];
  statuses: Record<number, number>;
}

/** GETs `url` back to back until stopped, recording each answer's time and status. */
export function pollHealthz(url: string): { stop(): Promise<Poll> } {
  const poll: Poll = { latencies: [], statuses: {} };
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      let status = 0;
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
        await response.arrayBuffer();
        status = response.status;
      } catch {
        status = 0;
      }
      poll.latencies.push(performance.now() - started);
      poll.statuses[status] = (poll.statuses[status] ?? 0) + 1;
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return poll;
    },
  };
}

/** The p-th percentile of ascending `sorted` values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}
