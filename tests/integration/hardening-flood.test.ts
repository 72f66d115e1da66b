import { afterAll, beforeAll, expect, it } from "vitest";
import {
  pollHealthz,
  postHugeForm,
  rssMb,
  sampleRss,
  serverPid,
} from "../../scripts/bench/cases/abuse-flood";
import {
  changedTables,
  databaseFingerprint,
  type DatabaseFingerprint,
} from "../helpers/db-snapshot";
import { startServer, type StartedServer } from "../helpers/server";

/**
 * Acceptance (issue 10): twenty anonymous 50 MB form bodies at once, half with a
 * Content-Length and half chunked, to the cart, checkout and login forms. Each is refused
 * with 413 (the connection then closed), the server's memory stays under 400 MB, sampled
 * every 100 ms from /proc, /healthz keeps answering 200 meanwhile, and no table changes.
 * The bodies are generated piece by piece while they are sent.
 */

const BODIES = 20;
const BODY_BYTES = 50 * 1024 * 1024;
const RSS_LIMIT_MB = 400;
const FORMS = ["/gio-hang", "/thanh-toan", "/dang-nhap"];

let server: StartedServer;

/**
 * Waits (at most 60 s) for the boot's own garbage to go back to the system: right after
 * /healthz answers, the demo seeding (when the server seeds itself), the search warm-up and
 * the first job runs leave the process at 300–450 MB (the most in a full, busy test run) until
 * V8's memory reducer runs on an idle server (about 30 s later, down to about 210 MB). The
 * flood is measured from a settled server, not from the boot.
 */
async function settled(pid: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (rssMb(pid) > 260 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/**
 * Waits until the server's own start-up work has written its last row: the demand job's
 * daily digest is queued after the first delivery run and sent by the next one, 30 s later.
 * A flood landing on that tick would see a table change the flood did not cause. Returns the
 * fingerprint that held across a whole delivery period (at most three tries).
 */
async function quietFingerprint(databasePath: string): Promise<DatabaseFingerprint> {
  let fingerprint = databaseFingerprint(databasePath);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 31_000));
    const later = databaseFingerprint(databasePath);
    if (changedTables(fingerprint, later).length === 0) return later;
    fingerprint = later;
  }
  throw new Error("the database kept changing on an idle server");
}

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

it("refuses 20 concurrent 50 MB bodies with 413, under 400 MB, /healthz answering", async () => {
  const pid = serverPid(server.databasePath);
  const atBoot = rssMb(pid);
  await settled(pid);
  // The limit is the flood's: the boot's peak depends on when V8 collects (see settled).
  expect(rssMb(pid)).toBeLessThan(RSS_LIMIT_MB);
  const before = await quietFingerprint(server.databasePath);
  const memory = sampleRss(pid, 100);
  // Two visitors checking the server back to back while the bodies arrive.
  const health = [pollHealthz(`${server.url}/healthz`), pollHealthz(`${server.url}/healthz`)];

  const answers = await Promise.all(
    Array.from({ length: BODIES }, (_, i) =>
      postHugeForm(`${server.url}${FORMS[i % FORMS.length]}`, BODY_BYTES, {
        chunked: i % 2 === 1,
        origin: server.url,
      }),
    ),
  );
  const polls = await Promise.all(health.map((poller) => poller.stop()));
  const polled = {
    latencies: polls.flatMap((poll) => poll.latencies),
    statuses: Object.assign({}, ...polls.map((poll) => poll.statuses)) as Record<number, number>,
  };
  const peak = memory.stop();

  expect(answers.map((answer) => answer.status)).toEqual(Array(BODIES).fill(413));
  expect(answers.every((answer) => answer.connection === "close")).toBe(true);
  // Refused long before the end: nobody sent the whole 50 MB.
  expect(Math.max(...answers.map((answer) => answer.sent))).toBeLessThan(BODY_BYTES / 2);
  expect(peak).toBeLessThan(RSS_LIMIT_MB);
  expect(polled.latencies.length).toBeGreaterThan(0);
  expect(Object.keys(polled.statuses)).toEqual(["200"]);
  expect(changedTables(before, databaseFingerprint(server.databasePath))).toEqual([]);
  // The server is still fine afterwards.
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  console.log(
    `flood: RSS at boot ${atBoot.toFixed(0)} MB, peak ${peak.toFixed(0)} MB, /healthz ${polled.latencies.length}× ` +
      `max ${Math.max(...polled.latencies).toFixed(0)} ms`,
  );
}, 240_000);
