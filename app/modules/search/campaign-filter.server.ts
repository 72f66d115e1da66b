import { vietnamToday } from "~/lib/dates";
import { prepared, type Db } from "~db/client.server";

/**
 * The search filter "listings in this running campaign" (issue 16 item 5), the one rule both
 * engines follow: a listing is in a campaign while its campaign_listings row is open
 * (left_at null), and a campaign runs while it is published and today (Việt Nam) lies within
 * its dates. The embedded engine asks SQL for the ids at query time; Meilisearch documents
 * carry the slugs of their running campaigns (`campaigns`), refreshed whenever a listing is
 * queued in the search outbox, and by the daily job (campaign-jobs.server.ts) when a campaign starts or ends by
 * its dates.
 */

export const RUNNING_CAMPAIGN = `c.status = 'published' AND c.starts_on <= @today AND c.ends_on >= @today`;

/** Ids of the listings in the running campaign with this slug (empty when it does not run). */
export function runningCampaignListingIds(
  db: Db,
  slug: string,
  today = vietnamToday(),
): Set<number> {
  const ids = prepared<number>(
    db,
    `SELECT DISTINCT cl.listing_id FROM campaign_listings cl
     JOIN campaigns c ON c.id = cl.campaign_id
     WHERE c.slug = @slug AND cl.left_at IS NULL AND ${RUNNING_CAMPAIGN}`,
  )
    .pluck()
    .all({ slug, today });
  return new Set(ids);
}

/** Each listing's running campaigns, by slug (listings in none are left out). */
export function runningCampaignSlugs(
  db: Db,
  listingIds: readonly number[],
  today = vietnamToday(),
): Map<number, string[]> {
  const bySlug = new Map<number, string[]>();
  if (listingIds.length === 0) return bySlug;
  const rows = prepared<{ listingId: number; slug: string }>(
    db,
    `SELECT DISTINCT cl.listing_id AS listingId, c.slug AS slug FROM campaign_listings cl
     JOIN campaigns c ON c.id = cl.campaign_id
     WHERE cl.listing_id IN (SELECT value FROM json_each(@ids)) AND cl.left_at IS NULL
       AND ${RUNNING_CAMPAIGN}
     ORDER BY cl.listing_id, c.slug`,
  ).all({ ids: JSON.stringify(listingIds), today });
  for (const row of rows) {
    const list = bySlug.get(row.listingId) ?? [];
    list.push(row.slug);
    bySlug.set(row.listingId, list);
  }
  return bySlug;
}

/** The campaign a search is filtered by, for the page's label: its slug and title, or null. */
export function searchCampaign(db: Db, slug: string): { slug: string; title: string } | null {
  return (
    prepared<{ slug: string; title: string }>(
      db,
      `SELECT slug, title FROM campaigns WHERE slug = ? AND status <> 'draft'`,
    ).get(slug) ?? null
  );
}
