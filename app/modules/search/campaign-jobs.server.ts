import { vietnamToday } from "~/lib/dates";
import { addDays } from "~/modules/reports/periods";
import { prepared, type Db } from "~db/client.server";
import { indexListings } from "./sync.server";

/**
 * The daily re-indexing of campaign listings (issue 16): Meilisearch documents carry the
 * slugs of the running campaigns their listing is in (campaign-filter.server.ts), computed
 * when the listing is indexed. A campaign that starts or ends by its dates changes no row, so
 * nothing else would queue its listings: this job does, once per Việt Nam day.
 */

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * Queues in the search outbox the listings of the campaigns that start today or ended
 * yesterday by their dates (a listing that left in the last two days included). Returns how
 * many were queued.
 */
export function requeueCampaignListings(db: Db, now: Date = new Date()): number {
  const today = vietnamToday(now);
  const ids = prepared<number>(
    db,
    `SELECT DISTINCT cl.listing_id FROM campaign_listings cl
     JOIN campaigns c ON c.id = cl.campaign_id
     WHERE c.status <> 'draft' AND (c.starts_on = @today OR c.ends_on = @yesterday)
       AND (cl.left_at IS NULL OR cl.left_at >= @since)`,
  )
    .pluck()
    .all({ today, yesterday: addDays(today, -1), since: now.getTime() - 2 * DAY_MS });
  indexListings(db, ids);
  return ids.length;
}

/**
 * Checks every hour whether the Việt Nam day changed since the last run, and then runs
 * `requeueCampaignListings` (so a campaign leaves Meilisearch's filter within an hour of
 * midnight, whenever the server started). Call once at start-up; returns a function that
 * stops it. A failed run is reported and tried again at the next check.
 */
export function scheduleCampaignSearchJob(
  db: Db,
  options: { intervalMs?: number; onError?: (error: unknown) => void } = {},
): () => void {
  let doneFor: string | null = null;
  const run = () => {
    const today = vietnamToday();
    if (doneFor === today) return;
    try {
      requeueCampaignListings(db);
      doneFor = today;
    } catch (error) {
      options.onError?.(error);
    }
  };
  run();
  const timer = setInterval(run, options.intervalMs ?? HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}
