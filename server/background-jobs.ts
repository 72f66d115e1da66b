import { scheduleDemandJobs } from "~/modules/demand/jobs.server";
import { scheduleCertificateExpiry } from "~/modules/listings/certificate-expiry.server";
import { scheduleWorkAlerts } from "~/modules/moderation/work-alerts.server";
import { scheduleDelivery } from "~/modules/notifications/delivery.server";
import { scheduleOrderJobs } from "~/modules/orders/jobs.server";
import { startSearchIndexerFromEnv, warmSearch } from "~/modules/search/search.server";
import { scheduleCampaignSearchJob } from "~/modules/search/campaign-jobs.server";
import { scheduleSearchSnapshot } from "~/modules/search/index-snapshot.server";
import { scheduleAnonymiseJob } from "~/modules/privacy/closing.server";
import { scheduleBackupRetention } from "~/modules/platform/backups.server";
import { getDb } from "~/modules/platform/db.server";
import { getEnv } from "~/modules/platform/env.server";
import { logger } from "~/modules/platform/logger.server";

// One flag on globalThis, not a module variable: the dev server re-evaluates modules on
// every change, and the jobs must still run once per process.
const STARTED = Symbol.for("cung-cau.background-jobs");

/**
 * Starts the periodic work of a server process. This file is the one part of server/ that is
 * bundled into the Remix server build (app/entry.server.tsx calls it), so the jobs share
 * its database handle and in-memory search state: the search outbox indexer (and warming
 * the embedded engine), the daily certificate-expiry job, the order jobs (unpaid
 * transfers, expired card checkouts, completing delivered orders) and the demand jobs
 * (closing requests whose date passed, the daily matching and digest) and the staff work
 * alerts (new work for review, escalated after 3 days) and the delivery of queued e-mails and
 * texts (every 30 s, with retries), anonymising closed accounts whose orders are finished
 * (hourly) and deleting expired backups (daily). All of them are safe
 * with several processes on one database file. It lives here, above the modules, because it
 * wires several of them together (docs/decisions/011-background-jobs.md).
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
    // Then a snapshot of that index for the next start, when the stored one is missing or old.
    scheduleSearchSnapshot(db, {
      onError: (error) => logger.error({ err: error }, "writing the search snapshot failed"),
    });
  });
  scheduleCertificateExpiry(db, {
    onError: (error) => logger.error({ err: error }, "certificate expiry job failed"),
  });
  scheduleOrderJobs(db);
  // Campaign listings re-indexed when a campaign starts or ends by its dates (issue 16).
  scheduleCampaignSearchJob(db, {
    onError: (error) => logger.error({ err: error }, "campaign search job failed"),
  });
  scheduleDemandJobs(db);
  scheduleWorkAlerts(db);
  scheduleAnonymiseJob(db);
  scheduleBackupRetention(db, {
    dir: getEnv().BACKUP_DIR,
    retentionDays: getEnv().BACKUP_RETENTION_DAYS,
    onError: (error) => logger.error({ err: error }, "backup retention failed"),
  });
  scheduleDelivery(db);
}
