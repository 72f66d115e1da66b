import QRCode from "qrcode";
import { and, asc, desc, eq, gte, inArray, isNull, ne, sql } from "drizzle-orm";
import { vietnamToday } from "~/lib/dates";
import { NotFound } from "~/lib/errors";
import { pageOf } from "~/modules/catalog/paging.server";
import { cardQuery } from "~/modules/catalog/queries.server";
import { isVisibleListing } from "~/modules/catalog/visibility.server";
import type { SignedInActor } from "~/modules/auth/actor";
import { preparedQuery, type Db } from "~db/client.server";
import {
  campaignListings,
  campaignPartners,
  campaignPledges,
  campaignProducers,
  campaigns,
  listings,
  orgUnits,
  producers,
  type CampaignKind,
  type Unit,
} from "~db/schema";
import { campaignFigures, type CampaignFigures } from "./figures.server";
import { producerWithPath } from "./membership.server";
import { campaignDaysLeft, campaignPhase, type CampaignPhase } from "./phase";

/**
 * Support campaigns in public (issue 16): the list, a campaign's page, the home section and
 * the poster QR. Drafts never leave the staff side; ended campaigns stay readable with their
 * final figures. Every number comes from `campaignFigures`, the one count.
 */

/** What a campaign card and the page's header show: no staff-only columns. */
export interface PublicCampaignSummary {
  id: number;
  slug: string;
  title: string;
  kind: CampaignKind;
  startsOn: string;
  endsOn: string;
  targetVnd: number | null;
  targetQuantity: number | null;
  targetUnit: Unit | null;
  cover: {
    storageKey: string;
    width: number;
    height: number;
    placeholder: string;
    alt: string;
  } | null;
  orgUnitName: string;
  phase: CampaignPhase;
  daysLeft: number;
  figures: CampaignFigures;
}

const campaignColumns = {
  id: campaigns.id,
  slug: campaigns.slug,
  title: campaigns.title,
  story: campaigns.story,
  kind: campaigns.kind,
  status: campaigns.status,
  startsOn: campaigns.startsOn,
  endsOn: campaigns.endsOn,
  endedAt: campaigns.endedAt,
  targetVnd: campaigns.targetVnd,
  targetQuantity: campaigns.targetQuantity,
  targetUnit: campaigns.targetUnit,
  coverStorageKey: campaigns.coverStorageKey,
  coverWidth: campaigns.coverWidth,
  coverHeight: campaigns.coverHeight,
  coverPlaceholder: campaigns.coverPlaceholder,
  coverAlt: campaigns.coverAlt,
  orgUnitId: campaigns.orgUnitId,
  orgUnitPath: orgUnits.path,
  orgUnitName: orgUnits.name,
};

function campaignQuery(db: Db) {
  return db
    .select(campaignColumns)
    .from(campaigns)
    .innerJoin(orgUnits, eq(orgUnits.id, campaigns.orgUnitId));
}

type CampaignRow = ReturnType<ReturnType<typeof campaignQuery>["all"]>[number];

/** Published or ended: what the public may read (a draft is nobody's business yet). */
const isPublic = ne(campaigns.status, "draft");

/** Running (0), upcoming (1), ended (2) on `today`, the same rule as `campaignPhase`. */
function phaseRank(today: string) {
  return sql<number>`CASE WHEN ${campaigns.status} = 'ended' OR ${campaigns.endsOn} < ${today} THEN 2
    WHEN ${campaigns.startsOn} > ${today} THEN 1 ELSE 0 END`;
}

function summarize(db: Db, row: CampaignRow, today: string): PublicCampaignSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    kind: row.kind,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    targetVnd: row.targetVnd,
    targetQuantity: row.targetQuantity,
    targetUnit: row.targetUnit,
    cover:
      row.coverStorageKey && row.coverWidth && row.coverHeight
        ? {
            storageKey: row.coverStorageKey,
            width: row.coverWidth,
            height: row.coverHeight,
            placeholder: row.coverPlaceholder ?? "",
            alt: row.coverAlt,
          }
        : null,
    orgUnitName: row.orgUnitName,
    phase: campaignPhase(row, today),
    daysLeft: campaignDaysLeft(row, today),
    figures: campaignFigures(db, row),
  };
}

/** /chien-dich: published campaigns, running first, then upcoming, then ended; a page at a time. */
export function listPublicCampaigns(
  db: Db,
  {
    page = 1,
    perPage = 12,
    today = vietnamToday(),
  }: { page?: number; perPage?: number; today?: string } = {},
) {
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(campaigns)
      .where(isPublic)
      .get()?.n ?? 0;
  const paging = pageOf(total, page, perPage);
  const rank = phaseRank(today);
  const rows = campaignQuery(db)
    .where(isPublic)
    .orderBy(
      asc(rank),
      // Running: the nearest end first; upcoming: the nearest start; ended: the latest end.
      sql`CASE WHEN ${rank} = 0 THEN ${campaigns.endsOn} WHEN ${rank} = 1 THEN ${campaigns.startsOn} END`,
      desc(campaigns.endsOn),
      desc(campaigns.id),
    )
    .limit(perPage)
    .offset(paging.offset)
    .all();
  return { ...paging, items: rows.map((row) => summarize(db, row, today)) };
}

// The home page reads it on every visit: prepared once per connection.
const runningCampaigns = (db: Db) =>
  campaignQuery(db)
    .where(
      and(
        eq(campaigns.status, "published"),
        sql`${campaigns.startsOn} <= ${sql.placeholder("today")}`,
        sql`${campaigns.endsOn} >= ${sql.placeholder("today")}`,
      ),
    )
    .orderBy(asc(campaigns.endsOn), desc(campaigns.id))
    .limit(sql.placeholder("limit"))
    .prepare();

/** The home page's section: up to `limit` running campaigns, the nearest end first. */
export function listRunningCampaigns(
  db: Db,
  { limit = 3, today = vietnamToday() }: { limit?: number; today?: string } = {},
): PublicCampaignSummary[] {
  return preparedQuery(db, runningCampaigns)
    .all({ today, limit })
    .map((row) => summarize(db, row, today));
}

function findPublicCampaign(db: Db, slug: string): CampaignRow | null {
  return (
    campaignQuery(db)
      .where(and(eq(campaigns.slug, slug), isPublic))
      .get() ?? null
  );
}

/** The producers in the campaign now (joined), with where they are: commune and province. */
function joinedProducers(db: Db, campaignId: number) {
  return db
    .select({
      code: producers.code,
      name: producers.name,
      commune: producers.commune,
      province: sql<string | null>`(SELECT p.name FROM ${orgUnits} p JOIN ${orgUnits} u
        ON u.id = ${producers.orgUnitId} AND u.path LIKE p.path || '%'
        WHERE p.level = 'province' ORDER BY length(p.path) DESC LIMIT 1)`,
    })
    .from(campaignProducers)
    .innerJoin(producers, eq(producers.id, campaignProducers.producerId))
    .where(
      and(
        eq(campaignProducers.campaignId, campaignId),
        eq(campaignProducers.status, "joined"),
        eq(producers.verificationStatus, "verified"),
      ),
    )
    .orderBy(asc(producers.name))
    .all();
}

/** The visible listings in the campaign now (an open period), as cards with what the cart needs. */
function listingsInCampaign(db: Db, campaignId: number, today: string) {
  const open = db
    .select({ listingId: campaignListings.listingId })
    .from(campaignListings)
    .where(and(eq(campaignListings.campaignId, campaignId), isNull(campaignListings.leftAt)))
    .all()
    .map((row) => row.listingId);
  if (open.length === 0) return [];
  const cards = cardQuery(db, today)
    .where(and(isVisibleListing, inArray(listings.id, open)))
    .orderBy(asc(producers.name), asc(listings.title))
    .all();
  const minimums = new Map(
    db
      .select({ id: listings.id, minOrderQty: listings.minOrderQty })
      .from(listings)
      .where(inArray(listings.id, open))
      .all()
      .map((row) => [row.id, row.minOrderQty]),
  );
  return cards.map((card) => ({ ...card, minOrderQty: minimums.get(card.id) ?? 1 }));
}

/** Partners with their approved pledges (pending and declined ones are staff business). */
function partnersWithPledges(db: Db, campaignId: number) {
  const partners = db
    .select({ id: campaignPartners.id, name: campaignPartners.name, kind: campaignPartners.kind })
    .from(campaignPartners)
    .where(eq(campaignPartners.campaignId, campaignId))
    .orderBy(asc(campaignPartners.name))
    .all();
  const pledges = db
    .select({
      id: campaignPledges.id,
      partnerId: campaignPledges.partnerId,
      goods: campaignPledges.goods,
      quantity: campaignPledges.quantity,
      unit: campaignPledges.unit,
      byDate: campaignPledges.byDate,
    })
    .from(campaignPledges)
    .where(and(eq(campaignPledges.campaignId, campaignId), eq(campaignPledges.status, "approved")))
    .orderBy(asc(campaignPledges.byDate), asc(campaignPledges.id))
    .all();
  return partners.map((partner) => ({
    ...partner,
    pledges: pledges
      .filter((pledge) => pledge.partnerId === partner.id)
      .map(({ partnerId: _partner, ...pledge }) => pledge),
  }));
}

/** A campaign's public page; null for a draft or an unknown slug (the route answers 404). */
export function getCampaignPage(db: Db, slug: string, today: string = vietnamToday()) {
  const row = findPublicCampaign(db, slug);
  if (!row) return null;
  return {
    campaign: { ...summarize(db, row, today), story: row.story },
    producers: joinedProducers(db, row.id),
    listings: listingsInCampaign(db, row.id, today),
    partners: partnersWithPledges(db, row.id),
  };
}

/** The campaign page's address, absolute. */
export function campaignUrl(publicUrl: string, slug: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/chien-dich/${encodeURIComponent(slug)}`;
}

/** A printable QR code (SVG) of a campaign's page, for posters; a draft is not found. */
export async function campaignQrSvg(db: Db, slug: string, publicUrl: string): Promise<string> {
  const row = db
    .select({ slug: campaigns.slug })
    .from(campaigns)
    .where(and(eq(campaigns.slug, slug), isPublic))
    .get();
  if (!row) throw new NotFound("campaignpage.notFound");
  return QRCode.toString(campaignUrl(publicUrl, row.slug), {
    type: "svg",
    errorCorrectionLevel: "M",
    margin: 2,
    width: 512,
  });
}

/** A campaign on the producer's page: its summary and, when she is in it, her status. */
export interface ProducerCampaign extends PublicCampaignSummary {
  membership: "requested" | "joined" | null;
}

/**
 * /ban-hang/chien-dich, for each producer the member acts for: the campaigns she is in
 * (asked or joined, with figures) and the published campaigns not ended yet that she may ask
 * to join: held by a unit whose subtree holds her (its path a prefix of hers).
 */
export function producerCampaigns(
  db: Db,
  actor: SignedInActor,
  today: string = vietnamToday(),
): {
  producerId: number;
  producerName: string;
  mine: ProducerCampaign[];
  open: ProducerCampaign[];
}[] {
  return actor.producers.map(({ producerId, producerName }) => {
    const producerPath = producerWithPath(db, producerId)?.orgUnitPath ?? null;
    const memberships = new Map(
      db
        .select({ campaignId: campaignProducers.campaignId, status: campaignProducers.status })
        .from(campaignProducers)
        .where(
          and(
            eq(campaignProducers.producerId, producerId),
            inArray(campaignProducers.status, ["requested", "joined"]),
          ),
        )
        .all()
        .map((row) => [row.campaignId, row.status as "requested" | "joined"]),
    );
    const mineRows =
      memberships.size === 0
        ? []
        : campaignQuery(db)
            .where(and(isPublic, inArray(campaigns.id, [...memberships.keys()])))
            .orderBy(asc(phaseRank(today)), asc(campaigns.endsOn), desc(campaigns.id))
            .all();
    const openRows = producerPath
      ? campaignQuery(db)
          .where(
            and(
              eq(campaigns.status, "published"),
              gte(campaigns.endsOn, today),
              sql`${producerPath} LIKE ${orgUnits.path} || '%'`,
            ),
          )
          .orderBy(asc(phaseRank(today)), asc(campaigns.endsOn), desc(campaigns.id))
          .all()
          .filter((row) => !memberships.has(row.id))
      : [];
    const withStatus = (row: CampaignRow): ProducerCampaign => ({
      ...summarize(db, row, today),
      membership: memberships.get(row.id) ?? null,
    });
    return {
      producerId,
      producerName,
      mine: mineRows.map(withStatus),
      open: openRows.map(withStatus),
    };
  });
}
