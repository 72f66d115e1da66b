import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { vietnamToday } from "~/lib/dates";
import type { HomeSections } from "~/modules/catalog/home-sections.server";
import { listOf, preparedQuery, type Db } from "~db/client.server";
import { campaignListings, campaigns } from "~db/schema";

/** The campaign a card's badge names and links to. */
export interface CampaignBadge {
  slug: string;
  title: string;
}

/**
 * The running campaign of each listing (issue 16): a published campaign whose days include
 * `today` (the rule of `campaignPhase`) and in which the listing has an open period. One
 * query for a whole page of cards; a listing in two running campaigns shows the one that
 * ends first.
 */
export function campaignBadges(
  db: Db,
  listingIds: readonly number[],
  today: string = vietnamToday(),
): Map<number, CampaignBadge> {
  const badges = new Map<number, CampaignBadge>();
  const ids = [...new Set(listingIds)];
  if (ids.length === 0) return badges;
  const rows = preparedQuery(db, runningCampaignsOf).all({ ids: JSON.stringify(ids), today });
  for (const row of rows) {
    if (!badges.has(row.listingId)) badges.set(row.listingId, { slug: row.slug, title: row.title });
  }
  return badges;
}

// Every page of cards reads their badges: prepared once per connection, the ids as one list.
const runningCampaignsOf = (db: Db) =>
  db
    .select({
      listingId: campaignListings.listingId,
      slug: campaigns.slug,
      title: campaigns.title,
    })
    .from(campaignListings)
    .innerJoin(campaigns, eq(campaigns.id, campaignListings.campaignId))
    .where(
      and(
        inArray(campaignListings.listingId, listOf("ids")),
        isNull(campaignListings.leftAt),
        eq(campaigns.status, "published"),
        sql`${campaigns.startsOn} <= ${sql.placeholder("today")}`,
        sql`${campaigns.endsOn} >= ${sql.placeholder("today")}`,
      ),
    )
    .orderBy(asc(campaigns.endsOn), asc(campaigns.id))
    .prepare();

/** Cards (search hits, a grid) with their campaign badge attached: null when in none. */
export function withCampaignBadges<Card extends { id: number }>(
  db: Db,
  cards: Card[],
  today?: string,
): (Card & { campaign: CampaignBadge | null })[] {
  const badges = campaignBadges(
    db,
    cards.map((card) => card.id),
    today,
  );
  return badged(badges, cards);
}

function badged<Card extends { id: number }>(badges: Map<number, CampaignBadge>, cards: Card[]) {
  return cards.map((card) => ({ ...card, campaign: badges.get(card.id) ?? null }));
}

/** The home page's product sections with their badges, all in one query. */
export function homeSectionsWithBadges(db: Db, sections: HomeSections, today?: string) {
  const province = sections.province;
  const badges = campaignBadges(
    db,
    [...sections.ocop, ...sections.newest, ...(province?.products ?? [])].map((card) => card.id),
    today,
  );
  return {
    ocop: badged(badges, sections.ocop),
    newest: badged(badges, sections.newest),
    province: province ? { ...province, products: badged(badges, province.products) } : null,
  };
}
