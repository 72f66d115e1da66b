import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { vietnamToday } from "~/lib/dates";
import { Conflict, Forbidden, Invalid, NotFound } from "~/lib/errors";
import { PLEDGE_LIMITS, type PartnerInput, type PledgeInput } from "~/lib/schemas/pledges";
import type { Actor, SignedInActor } from "~/modules/auth/actor";
import { scopePaths } from "~/modules/auth/permissions.server";
import { subtreeCondition } from "~/modules/moderation/scope.server";
import { writeAudit } from "~/modules/platform/audit.server";
import { addDays } from "~/modules/reports/periods";
import { inTransaction, type Db } from "~db/client.server";
import {
  buyerProfiles,
  campaignListings,
  campaignPartners,
  campaignPledges,
  campaigns,
  listings,
  orgUnits,
  users,
  type CampaignStatus,
  type PartnerKind,
  type PledgeStatus,
  type Unit,
} from "~db/schema";
import { campaignPhase, type CampaignPhase } from "./phase";

/**
 * Partners' pledges to buy (issue 16 item 4, db/schema/campaigns.ts): a business buyer
 * pledges for her company, or staff with `campaign:manage` over the campaign's unit pledge for
 * an organisation; a pledge waits for staff to approve it, and only approved ones are public.
 * Pledges are taken on a published campaign that has not ended. Turning an approved pledge
 * into a purchase request or a cart is pledge-conversions.server.ts.
 */

export const PLEDGE_PERMISSION = "campaign:manage" as const;

/** A campaign as the pledge pages need it. */
export interface PledgeCampaign {
  id: number;
  slug: string;
  title: string;
  orgUnitId: number;
  startsOn: string;
  endsOn: string;
  phase: CampaignPhase;
  /** The last day a pledge may name (the campaign's end + 60 days). */
  lastByDate: string;
}

/** A listing of the campaign a pledge may name. */
export interface PledgeListingOption {
  id: number;
  title: string;
  unit: Unit;
}

const campaignColumns = {
  id: campaigns.id,
  slug: campaigns.slug,
  title: campaigns.title,
  orgUnitId: campaigns.orgUnitId,
  status: campaigns.status,
  startsOn: campaigns.startsOn,
  endsOn: campaigns.endsOn,
};

function withPhase(
  row: Omit<PledgeCampaign, "phase" | "lastByDate"> & { status: CampaignStatus },
  today: string,
): PledgeCampaign {
  const { status, ...rest } = row;
  return {
    ...rest,
    phase: campaignPhase({ status, startsOn: rest.startsOn, endsOn: rest.endsOn }, today),
    lastByDate: addDays(rest.endsOn, PLEDGE_LIMITS.byDateDaysAfterEnd),
  };
}

/** A published campaign by its slug (drafts are nobody's business here): NotFound otherwise. */
export function publicCampaign(db: Db, slug: string, today = vietnamToday()): PledgeCampaign {
  const row = db
    .select(campaignColumns)
    .from(campaigns)
    .where(and(eq(campaigns.slug, slug), sql`${campaigns.status} <> 'draft'`))
    .get();
  if (!row) throw new NotFound("pledges.error.campaignNotFound");
  return withPhase(row, today);
}

/** A campaign of the actor's `campaign:manage` subtree, drafts included: NotFound otherwise. */
export function scopedCampaign(
  db: Db,
  actor: Actor,
  slug: string,
  today = vietnamToday(),
): PledgeCampaign {
  const row = db
    .select(campaignColumns)
    .from(campaigns)
    .innerJoin(orgUnits, eq(orgUnits.id, campaigns.orgUnitId))
    .where(and(eq(campaigns.slug, slug), subtreeCondition(actor, PLEDGE_PERMISSION)))
    .get();
  if (!row) throw new NotFound("pledges.error.campaignNotFound");
  return withPhase(row, today);
}

/** The listings in the campaign now (open periods), for the pledge forms' list. */
export function pledgeListingOptions(db: Db, campaignId: number): PledgeListingOption[] {
  return db
    .select({ id: listings.id, title: listings.title, unit: listings.unit })
    .from(campaignListings)
    .innerJoin(listings, eq(listings.id, campaignListings.listingId))
    .where(
      and(
        eq(campaignListings.campaignId, campaignId),
        isNull(campaignListings.leftAt),
        eq(listings.status, "published"),
      ),
    )
    .orderBy(asc(listings.title))
    .all();
}

/**
 * Who the actor is to the pledge form: a business buyer (her company pledges), an individual
 * buyer (told plainly that pledges are for businesses and organisations), staff (pledge on
 * the staff page), or someone else.
 */
export type Pledger =
  | { kind: "business"; companyName: string }
  | { kind: "individual" }
  | { kind: "staff" }
  | { kind: "other" };

export function pledgerOf(db: Db, actor: Actor): Pledger {
  if (actor.kind !== "user") return { kind: "other" };
  if (actor.isBuyer) {
    const profile = db
      .select({ kind: buyerProfiles.kind, companyName: buyerProfiles.companyName })
      .from(buyerProfiles)
      .where(eq(buyerProfiles.userId, actor.userId))
      .get();
    if (profile && profile.kind !== "individual" && profile.companyName) {
      return { kind: "business", companyName: profile.companyName };
    }
  }
  if (scopePaths(actor, PLEDGE_PERMISSION).length > 0) return { kind: "staff" };
  return actor.isBuyer ? { kind: "individual" } : { kind: "other" };
}

/** Refuses a pledge on a campaign that is not taking them, or goods and dates that do not fit. */
function checkedPledge(
  db: Db,
  campaign: PledgeCampaign,
  input: PledgeInput,
  today: string,
): { listingId: number | null; unit: Unit } {
  if (campaign.phase !== "running" && campaign.phase !== "upcoming") {
    throw new Conflict("pledges.error.campaignClosed");
  }
  if (input.byDate < today || input.byDate > campaign.lastByDate) {
    throw new Invalid(
      "pledges.error.byDateRange",
      { last: formatIsoDay(campaign.lastByDate) },
      { field: "byDate" },
    );
  }
  if (input.listingId === undefined) return { listingId: null, unit: input.unit };
  const listing = pledgeListingOptions(db, campaign.id).find((l) => l.id === input.listingId);
  if (!listing) throw new Invalid("pledges.error.listing", {}, { field: "listingId" });
  // The pledge counts in the listing's own unit, so that it can go into the cart as it is.
  return { listingId: listing.id, unit: listing.unit };
}

/** "2026-12-31" → "31/12/2026", as messages show dates. */
export function formatIsoDay(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

function insertPledge(
  db: Db,
  values: {
    campaign: PledgeCampaign;
    partnerId: number;
    actor: SignedInActor;
    buyerUserId: number | null;
    input: PledgeInput;
    checked: { listingId: number | null; unit: Unit };
  },
  ipAddress: string | null,
): { id: number } {
  const { campaign, input, checked, actor } = values;
  const row = db
    .insert(campaignPledges)
    .values({
      campaignId: campaign.id,
      partnerId: values.partnerId,
      recordedByUserId: actor.userId,
      buyerUserId: values.buyerUserId,
      goods: input.goods,
      listingId: checked.listingId,
      quantity: input.quantity,
      unit: checked.unit,
      byDate: input.byDate,
      note: input.note,
    })
    .returning({ id: campaignPledges.id })
    .get();
  writeAudit(db, {
    actorUserId: actor.userId,
    action: "campaign.pledge",
    entityType: "campaign_pledge",
    entityId: row.id,
    orgUnitId: campaign.orgUnitId,
    after: { campaignId: campaign.id, partnerId: values.partnerId, quantity: input.quantity },
    ipAddress,
  });
  return row;
}

/**
 * A business buyer pledges for her company on a published campaign that has not ended: her
 * company becomes a partner of the campaign (once), and the pledge waits for staff. An
 * individual buyer is refused (403, with a plain explanation); so is a company name another
 * partner of the campaign already uses without her account (409: ask the Union).
 */
export function recordBuyerPledge(
  db: Db,
  actor: SignedInActor,
  slug: string,
  input: PledgeInput,
  { now = new Date(), ipAddress = null }: { now?: Date; ipAddress?: string | null } = {},
): { id: number } {
  const pledger = pledgerOf(db, actor);
  if (pledger.kind !== "business") throw new Forbidden("pledges.error.businessOnly");
  const today = vietnamToday(now);
  const campaign = publicCampaign(db, slug, today);
  const checked = checkedPledge(db, campaign, input, today);
  return inTransaction(db, () => {
    const partnerId = partnerFor(db, campaign, actor, {
      partnerName: pledger.companyName,
      partnerKind: "business",
      buyerUserId: actor.userId,
    });
    return insertPledge(
      db,
      { campaign, partnerId, actor, buyerUserId: actor.userId, input, checked },
      ipAddress,
    );
  });
}

/** The buyer account with this phone, or a field error. */
function buyerByPhone(db: Db, phone: string | undefined): number | null {
  if (phone === undefined) return null;
  const row = db
    .select({ id: users.id })
    .from(users)
    .innerJoin(buyerProfiles, eq(buyerProfiles.userId, users.id))
    .where(and(eq(users.phone, phone), isNull(users.closedAt)))
    .get();
  if (!row) throw new Invalid("pledges.error.noBuyerWithPhone", {}, { field: "buyerPhone" });
  return row.id;
}

/**
 * The campaign's partner of that name, made if new. A partner without an account gets the
 * one named now; a partner whose account is someone else's is refused, so nobody pledges in
 * another company's name.
 */
function partnerFor(
  db: Db,
  campaign: PledgeCampaign,
  actor: SignedInActor,
  wanted: { partnerName: string; partnerKind: PartnerKind; buyerUserId: number | null },
): number {
  const existing = db
    .select({ id: campaignPartners.id, buyerUserId: campaignPartners.buyerUserId })
    .from(campaignPartners)
    .where(
      and(
        eq(campaignPartners.campaignId, campaign.id),
        eq(campaignPartners.name, wanted.partnerName),
      ),
    )
    .get();
  if (existing) {
    if (wanted.buyerUserId === null || existing.buyerUserId === wanted.buyerUserId) {
      return existing.id;
    }
    if (existing.buyerUserId !== null) {
      throw new Conflict("pledges.error.partnerTaken", { name: wanted.partnerName });
    }
    db.update(campaignPartners)
      .set({ buyerUserId: wanted.buyerUserId })
      .where(eq(campaignPartners.id, existing.id))
      .run();
    return existing.id;
  }
  return db
    .insert(campaignPartners)
    .values({
      campaignId: campaign.id,
      name: wanted.partnerName,
      kind: wanted.partnerKind,
      buyerUserId: wanted.buyerUserId,
      createdByUserId: actor.userId,
    })
    .returning({ id: campaignPartners.id })
    .get().id;
}

/** Staff add a partner organisation to a campaign of their subtree (the same name twice: one). */
export function addPartner(
  db: Db,
  actor: SignedInActor,
  slug: string,
  input: PartnerInput,
  { ipAddress = null }: { ipAddress?: string | null } = {},
): { id: number } {
  const campaign = scopedCampaign(db, actor, slug);
  return inTransaction(db, () => {
    const buyerUserId = buyerByPhone(db, input.buyerPhone);
    const id = partnerFor(db, campaign, actor, { ...input, buyerUserId });
    writeAudit(db, {
      actorUserId: actor.userId,
      action: "campaign.partner",
      entityType: "campaign_partner",
      entityId: id,
      orgUnitId: campaign.orgUnitId,
      after: { campaignId: campaign.id, name: input.partnerName, kind: input.partnerKind },
      ipAddress,
    });
    return { id };
  });
}

/**
 * Staff record a pledge for an organisation on a campaign of their subtree; the phone of the
 * organisation's buyer account, when given, lets that buyer turn it into a request or an order.
 */
export function recordStaffPledge(
  db: Db,
  actor: SignedInActor,
  slug: string,
  input: PledgeInput & PartnerInput,
  { now = new Date(), ipAddress = null }: { now?: Date; ipAddress?: string | null } = {},
): { id: number } {
  const today = vietnamToday(now);
  const campaign = scopedCampaign(db, actor, slug, today);
  const checked = checkedPledge(db, campaign, input, today);
  return inTransaction(db, () => {
    const phoneBuyer = buyerByPhone(db, input.buyerPhone);
    const partnerId = partnerFor(db, campaign, actor, { ...input, buyerUserId: phoneBuyer });
    const buyerUserId =
      phoneBuyer ??
      db
        .select({ id: campaignPartners.buyerUserId })
        .from(campaignPartners)
        .where(eq(campaignPartners.id, partnerId))
        .get()?.id ??
      null;
    return insertPledge(db, { campaign, partnerId, actor, buyerUserId, input, checked }, ipAddress);
  });
}

/**
 * Staff approve or decline a pending pledge of a campaign in their subtree (NotFound
 * outside it). One conditional UPDATE: a pledge already decided or withdrawn is a Conflict.
 */
export function decidePledge(
  db: Db,
  actor: SignedInActor,
  slug: string,
  pledgeId: number,
  decision: { approve: true } | { approve: false; reason: string },
  { now = new Date(), ipAddress = null }: { now?: Date; ipAddress?: string | null } = {},
): void {
  const campaign = scopedCampaign(db, actor, slug);
  inTransaction(db, () => {
    const row = db
      .update(campaignPledges)
      .set({
        status: decision.approve ? "approved" : "declined",
        declineReason: decision.approve ? null : decision.reason,
        decidedByUserId: actor.userId,
        decidedAt: now,
        updatedAt: now,
      })
      .where(
        and(
          eq(campaignPledges.id, pledgeId),
          eq(campaignPledges.campaignId, campaign.id),
          eq(campaignPledges.status, "pending"),
        ),
      )
      .returning({ id: campaignPledges.id })
      .get();
    if (!row) {
      const exists = db
        .select({ id: campaignPledges.id })
        .from(campaignPledges)
        .where(and(eq(campaignPledges.id, pledgeId), eq(campaignPledges.campaignId, campaign.id)))
        .get();
      if (!exists) throw new NotFound("pledges.error.pledgeNotFound");
      throw new Conflict("pledges.error.notPending");
    }
    writeAudit(db, {
      actorUserId: actor.userId,
      action: decision.approve ? "campaign.pledge_approve" : "campaign.pledge_decline",
      entityType: "campaign_pledge",
      entityId: pledgeId,
      orgUnitId: campaign.orgUnitId,
      after: decision.approve ? null : { reason: decision.reason },
      ipAddress,
    });
  });
}

/** A pledge as the public campaign page shows it (approved ones only). */
export interface PublicPledge {
  id: number;
  partnerName: string;
  partnerKind: PartnerKind;
  goods: string;
  quantity: number;
  unit: Unit;
  byDate: string;
}

const publicColumns = {
  id: campaignPledges.id,
  partnerName: campaignPartners.name,
  partnerKind: campaignPartners.kind,
  goods: campaignPledges.goods,
  quantity: campaignPledges.quantity,
  unit: campaignPledges.unit,
  byDate: campaignPledges.byDate,
};

/** The approved pledges of a campaign, soonest first: what the public page lists. */
export function approvedPledges(db: Db, campaignId: number): PublicPledge[] {
  return db
    .select(publicColumns)
    .from(campaignPledges)
    .innerJoin(campaignPartners, eq(campaignPartners.id, campaignPledges.partnerId))
    .where(and(eq(campaignPledges.campaignId, campaignId), eq(campaignPledges.status, "approved")))
    .orderBy(asc(campaignPledges.byDate), asc(campaignPledges.id))
    .all();
}

/** A pledge on the staff page: every status, with who can act on it. */
export interface StaffPledge extends PublicPledge {
  status: PledgeStatus;
  note: string;
  declineReason: string | null;
  hasBuyer: boolean;
  createdAt: Date;
}

/** The staff page of a campaign's pledges: partners and pledges, pending ones first. */
export function staffPledgePage(db: Db, actor: Actor, slug: string) {
  const campaign = scopedCampaign(db, actor, slug);
  const pledges: StaffPledge[] = db
    .select({
      ...publicColumns,
      status: campaignPledges.status,
      note: campaignPledges.note,
      declineReason: campaignPledges.declineReason,
      hasBuyer: sql<boolean>`${campaignPledges.buyerUserId} is not null`.mapWith(Boolean),
      createdAt: campaignPledges.createdAt,
    })
    .from(campaignPledges)
    .innerJoin(campaignPartners, eq(campaignPartners.id, campaignPledges.partnerId))
    .where(eq(campaignPledges.campaignId, campaign.id))
    .orderBy(sql`${campaignPledges.status} <> 'pending'`, desc(campaignPledges.id))
    .all();
  const partners = db
    .select({
      id: campaignPartners.id,
      name: campaignPartners.name,
      kind: campaignPartners.kind,
      hasBuyer: sql<boolean>`${campaignPartners.buyerUserId} is not null`.mapWith(Boolean),
    })
    .from(campaignPartners)
    .where(eq(campaignPartners.campaignId, campaign.id))
    .orderBy(asc(campaignPartners.name))
    .all();
  return { campaign, pledges, partners, listings: pledgeListingOptions(db, campaign.id) };
}
