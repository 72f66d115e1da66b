import { vietnamToday } from "~/lib/dates";
import { logger } from "~/modules/platform/logger.server";
import { prepared, type Db } from "~db/client.server";
import { sendMatchDigest, type DigestResult } from "./digest.server";
import { closeExpiredRequests } from "./purchase-request-states.server";
import { refreshOpenRequestMatches } from "./stored-matches.server";

/**
 * The periodic demand jobs. Every run closes the requests whose date has passed. Once a
 * day, from DIGEST_HOUR in Việt Nam, the open requests are matched again (listings and
 * stock change during the day) and each producer with new matches gets its one digest.
 * Whether today's digest went out is read from the database (request_match_notices), so a
 * restart or a second server process does not send a second one the same day.
 */

/** The hour (Việt Nam time) from which the day's digest goes out: early morning, before work. */
export const DIGEST_HOUR = 6;

export interface DemandJobsResult {
  expired: number;
  /** Present when this run did the daily part. */
  rematched?: number;
  digest?: DigestResult;
}

function vietnamHour(now: Date): number {
  return (now.getUTCHours() + 7) % 24;
}

/** True when a digest was already recorded on `now`'s Việt Nam day. */
function digestSentToday(db: Db, now: Date): boolean {
  const last = prepared<{ at: number | null }>(
    db,
    "SELECT max(notified_at) AS at FROM request_match_notices",
  ).get()?.at;
  return last != null && vietnamToday(new Date(last)) === vietnamToday(now);
}

/** Runs the demand jobs at `now`; `lastDailyDay` is the Việt Nam day the daily part last ran here. */
export async function runDemandJobs(
  db: Db,
  now = new Date(),
  lastDailyDay: string | null = null,
): Promise<DemandJobsResult> {
  const expired = closeExpiredRequests(db, now);
  const today = vietnamToday(now);
  const dailyDue =
    vietnamHour(now) >= DIGEST_HOUR && lastDailyDay !== today && !digestSentToday(db, now);
  if (!dailyDue) return { expired };
  const rematched = await refreshOpenRequestMatches(db, { now });
  const digest = sendMatchDigest(db, { now });
  return { expired, rematched, digest };
}

/** Runs the jobs now and then every `intervalMs` (default an hour); returns a stopper. */
export function scheduleDemandJobs(db: Db, intervalMs = 60 * 60 * 1000): () => void {
  let lastDailyDay: string | null = null;
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const now = new Date();
      const result = await runDemandJobs(db, now, lastDailyDay);
      if (result.digest) lastDailyDay = vietnamToday(now);
      if (result.expired > 0 || result.digest) logger.info(result, "demand jobs ran");
    } catch (error) {
      logger.error({ err: error }, "demand jobs failed");
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
