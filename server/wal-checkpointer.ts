import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Db } from "~db/client.server";
import { logger } from "~/modules/platform/logger.server";

/**
 * WAL checkpoints off the request path (docs/decisions/036-speed-orders.md). By default SQLite
 * makes whichever commit pushes the WAL past 1,000 pages copy them back into the database
 * file and sync it, inside that request; under a stream of orders that is every few dozen
 * orders. Instead a worker thread with its own connection does it on a timer, so one copy of
 * a hot page (the listing's stock, an index page) serves many commits and the sync happens
 * beside the event loop, not in it; the request connection only checkpoints as a backstop,
 * ten times less often (BACKSTOP_FRAMES).
 */

/** How often the worker copies the WAL back. */
const INTERVAL_MS = 200;
/**
 * Only a writer that starts while every frame is copied back, with nobody reading the WAL,
 * rewinds it; a PASSIVE checkpoint beside a steady stream of orders almost never leaves it so,
 * and the WAL grew by gigabytes in the benchmark. So past this many frames (8 MB of 4 KiB
 * pages) the worker follows with a RESTART: it holds off new writers for at most
 * RESTART_WAIT_MS while it copies the few frames written meanwhile and readers move on.
 */
const RESTART_AFTER_FRAMES = 2_000;
const RESTART_WAIT_MS = 10;
/**
 * The request connection still checkpoints past this many frames (40 MB), as a backstop for
 * when the worker's RESTART keeps losing to readers: the WAL stays bounded whatever happens.
 */
const BACKSTOP_FRAMES = 10_000;

// The worker is plain JavaScript evaluated from a string: this file is bundled into the Remix
// server build, where no separate worker file exists.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma("wal_autocheckpoint = 0");
db.pragma("busy_timeout = " + workerData.restartWaitMs);
const checkpoint = (mode) => db.pragma("wal_checkpoint(" + mode + ")")[0];
const tick = () => {
  try {
    if (checkpoint("PASSIVE").log >= workerData.restartAfterFrames) checkpoint("RESTART");
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message) });
  }
};
const timer = setInterval(tick, workerData.intervalMs);
parentPort.on("message", (message) => {
  if (message !== "stop") return;
  clearInterval(timer);
  tick();
  db.close();
  parentPort.close();
});
`;

const RUNNING = Symbol.for("cung-cau.wal-checkpointer");
type Registry = { [RUNNING]?: { stop(): Promise<void> } };

/**
 * Starts the checkpointing worker for `db`'s file and moves the connection's own automatic
 * checkpoints to the backstop; once per process. If the worker dies, the connection gets
 * SQLite's default back.
 */
export function startWalCheckpointer(db: Db): void {
  const registry = globalThis as Registry;
  const sqlite = db.$client;
  if (registry[RUNNING] || sqlite.memory || sqlite.name === "") return;
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driver: createRequire(import.meta.url).resolve("better-sqlite3"),
      path: sqlite.name,
      intervalMs: INTERVAL_MS,
      restartAfterFrames: RESTART_AFTER_FRAMES,
      restartWaitMs: RESTART_WAIT_MS,
    },
  });
  // Never what keeps the process alive.
  worker.unref();
  let stopping = false;
  const restoreAutoCheckpoint = () => {
    if (sqlite.open) sqlite.pragma("wal_autocheckpoint = 1000");
  };
  worker.on("message", (message: { error?: string }) => {
    if (message.error) logger.warn({ err: message.error }, "WAL checkpoint failed");
  });
  worker.on("error", (error) => {
    logger.error({ err: error }, "the WAL checkpointer stopped");
    restoreAutoCheckpoint();
  });
  worker.on("exit", () => {
    if (!stopping) restoreAutoCheckpoint();
  });
  sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_FRAMES}`);
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  registry[RUNNING] = {
    async stop() {
      stopping = true;
      restoreAutoCheckpoint();
      worker.postMessage("stop");
      await exited;
    },
  };
}

/** Stops the worker after a last checkpoint (server shutdown); nothing when none runs. */
export async function stopWalCheckpointer(): Promise<void> {
  const registry = globalThis as Registry;
  const running = registry[RUNNING];
  delete registry[RUNNING];
  await running?.stop();
}
