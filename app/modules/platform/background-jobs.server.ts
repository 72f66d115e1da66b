import { scheduleCertificateExpiry } from "~/modules/listings/certificate-expiry.server";
import { scheduleOrderJobs } from "~/modules/payments/jobs.server";
import { startSearchIndexerFromEnv, warmSearch } from "~/modules/search/search.server";
import { getDb } from "./db.server";
import { logger } from "./logger.server";

// One flag on globalThis, not a module variable: the dev server re-evaluates modules on
// every change, and the jobs must still run once per process.
const STARTED = Symbol.for("cung-cau.background-jobs");

/**
 * Starts the periodic work of a server process, inside the server build so the jobs share
 * its database handle and in-memory search state: the search outbox indexer (and warming
 * the embedded engine), the daily certificate-expiry job, and the order jobs (unpaid
 * transfers, expired card checkouts, completing delivered orders). All of them are safe
 * with several processes on one database file.
 */
export function startBackgroundJobs(): void {
  const registry = globalThis as { [STARTED]?: true };
  if (registry[STARTED]) return;
  registry[STARTED] = true;

  const db = getDb();
  startSearchIndexerFromEnv(db);
  // After the first requests can be served: warming reads the whole catalog once.
  setImmediate(() => {
    try {
      warmSearch(db);
    } catch (error) {
      logger.error({ err: error }, "warming the search engine failed");
    }
  });
  scheduleCertificateExpiry(db, {
    onError: (error) => logger.error({ err: error }, "certificate expiry job failed"),
  });
  scheduleOrderJobs(db);
}
