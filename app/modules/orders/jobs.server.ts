import {
  cancelExpiredCardCheckouts,
  cancelUnpaidTransfers,
  completeDeliveredOrders,
} from "./fulfilment.server";
import { logger } from "~/modules/platform/logger.server";
import type { Db } from "~db/client.server";

/**
 * The periodic order jobs: cancel bank transfers unpaid after 3 days and card checkouts
 * whose session expired without word from Stripe (stock released), and complete orders
 * delivered more than 7 days ago. Safe to run from several processes.
 */
export function runOrderJobs(db: Db, now = new Date()) {
  const cancelledTransfers = cancelUnpaidTransfers(db, now);
  const cancelledCardCheckouts = cancelExpiredCardCheckouts(db, now);
  const completed = completeDeliveredOrders(db, now);
  if (cancelledTransfers + cancelledCardCheckouts + completed > 0) {
    logger.info({ cancelledTransfers, cancelledCardCheckouts, completed }, "order jobs ran");
  }
  return { cancelledTransfers, cancelledCardCheckouts, completed };
}

/** Runs the jobs now and then every `intervalMs` (default 10 minutes); returns a stopper. */
export function scheduleOrderJobs(db: Db, intervalMs = 10 * 60 * 1000): () => void {
  const run = () => {
    try {
      runOrderJobs(db);
    } catch (error) {
      logger.error({ err: error }, "order jobs failed");
    }
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
