import { and, eq, inArray, isNull } from "drizzle-orm";
import { Conflict, Forbidden, NotFound } from "~/lib/errors";
import { vietnamToday } from "~/lib/dates";
import type { Actor } from "~/modules/auth/actor";
import { writeAudit } from "~/modules/platform/audit.server";
import { indexListings } from "~/modules/search/sync.server";
import { inTransaction, type Db } from "~db/client.server";
import {
  campaignListings,
  campaignProducers,
  campaigns,
  listings,
  orgUnits,
  producers,
} from "~db/schema";
import { campaignPhase } from "./phase";

/**
 * A producer's membership of a campaign (docs/decisions/030-campaigns.md): she asks to join
 * (`requestToJoin`, from her workspace) or leaves by herself (`leaveCampaign`); staff add,
 * approve, decline and remove her (manage-producers.server.ts). Her listings' periods in the
 * campaign open when she joins and close when she leaves, and every change of a period queues
 * the listings for the search index, so cards and the campaign filter stay right.
 */

/** A campaign as the membership rules need it, with the path of its holding unit. */
export interface CampaignScope {
  id: number;
  slug: string;
  title: string;
  status: "draft" | "published" | "ended";
  startsOn: string;
  endsOn: string;
  orgUnitId: number;
  orgUnitPath: string;
}

/** The campaign by id with its unit's path, or null. */
export function campaignScopeById(db: Db, campaignId: number): CampaignScope | null {
  return (
    db
      .select({
        id: campaigns.id,
        slug: campaigns.slug,
        title: campaigns.title,
        status: campaigns.status,
        startsOn: campaigns.startsOn,
        endsOn: campaigns.endsOn,
        orgUnitId: campaigns.orgUnitId,
        orgUnitPath: orgUnits.path,
      })
      .from(campaigns)
      .innerJoin(orgUnits, eq(orgUnits.id, campaigns.orgUnitId))
      .where(eq(campaigns.id, campaignId))
      .get() ?? null
  );
}

/** Throws 409 unless the campaign can still change (not ended, by staff or by its dates). */
export function assertNotEnded(campaign: CampaignScope, today = vietnamToday()): void {
  if (campaignPhase(campaign, today) === "ended") throw new Conflict("campaigns.error.ended");
}

/** The producer with its unit's path, or null. */
export function producerWithPath(db: Db, producerId: number) {
  return (
    db
      .select({
        id: producers.id,
        name: producers.name,
        code: producers.code,
        verificationStatus: producers.verificationStatus,
        orgUnitPath: orgUnits.path,
      })
      .from(producers)
      .innerJoin(orgUnits, eq(orgUnits.id, producers.orgUnitId))
      .where(eq(producers.id, producerId))
      .get() ?? null
  );
}

/** The producer's open row (requested or joined) in the campaign, or null. */
export function openMembership(db: Db, campaignId: number, producerId: number) {
  return (
    db
      .select()
      .from(campaignProducers)
      .where(
        and(
          eq(campaignProducers.campaignId, campaignId),
          eq(campaignProducers.producerId, producerId),
          inArray(campaignProducers.status, ["requested", "joined"]),
        ),
      )
      .get() ?? null
  );
}

/**
 * Opens a period for each published listing of the producer not already in the campaign
 * (she joined: all her published listings are in by default). Returns the listing ids.
 */
export function openProducerListings(
  db: Db,
  campaignId: number,
  producerId: number,
  userId: number | null,
  now: Date,
): number[] {
  const published = publishedListingIds(db, producerId);
  const open = new Set(openListingIds(db, campaignId, published));
  const added = published.filter((id) => !open.has(id));
  for (const listingId of added) {
    db.insert(campaignListings)
      .values({ campaignId, listingId, joinedAt: now, addedByUserId: userId })
      .run();
  }
  indexListings(db, added);
  return added;
}

/** The ids of the producer's published listings. */
export function publishedListingIds(db: Db, producerId: number): number[] {
  return db
    .select({ id: listings.id })
    .from(listings)
    .where(and(eq(listings.producerId, producerId), eq(listings.status, "published")))
    .all()
    .map((row) => row.id);
}

/** Closes the open periods of the producer's listings in the campaign. Returns the ids. */
export function closeProducerListings(
  db: Db,
  campaignId: number,
  producerId: number,
  now: Date,
): number[] {
  const own = db
    .select({ id: listings.id })
    .from(listings)
    .where(eq(listings.producerId, producerId))
    .all()
    .map((row) => row.id);
  const closed = openListingIds(db, campaignId, own);
  if (closed.length === 0) return closed;
  db.update(campaignListings)
    .set({ leftAt: now })
    .where(
      and(
        eq(campaignListings.campaignId, campaignId),
        inArray(campaignListings.listingId, closed),
        isNull(campaignListings.leftAt),
      ),
    )
    .run();
  indexListings(db, closed);
  return closed;
}

/** Which of `listingIds` are in the campaign now (an open period). */
export function openListingIds(db: Db, campaignId: number, listingIds: readonly number[]) {
  if (listingIds.length === 0) return [];
  return db
    .select({ id: campaignListings.listingId })
    .from(campaignListings)
    .where(
      and(
        eq(campaignListings.campaignId, campaignId),
        inArray(campaignListings.listingId, [...listingIds]),
        isNull(campaignListings.leftAt),
      ),
    )
    .all()
    .map((row) => row.id);
}

/** The signed-in member of `producerId`, or 403: only her own producer's members act for it. */
function requireMemberOf(actor: Actor, producerId: number) {
  if (actor.kind !== "user") throw new Forbidden("campaigns.error.notYourProducer");
  if (!actor.producers.some((p) => p.producerId === producerId)) {
    throw new Forbidden("campaigns.error.notYourProducer");
  }
  return actor;
}

/** A published campaign that has not ended, or 404 (a draft is not shown to producers). */
function joinableCampaign(db: Db, campaignId: number): CampaignScope {
  const campaign = campaignScopeById(db, campaignId);
  if (!campaign || campaign.status === "draft") throw new NotFound("campaigns.error.notFound");
  assertNotEnded(campaign);
  return campaign;
}

/**
 * A producer asks to join a published campaign (her workspace's button). She must be a
 * verified producer of the campaign's unit's subtree and not already asking or in it.
 * Staff decide later (approve or decline). Returns the request's row id.
 */
export function requestToJoin(
  db: Db,
  actor: Actor,
  campaignId: number,
  producerId: number,
  note: string,
): number {
  const user = requireMemberOf(actor, producerId);
  return inTransaction(db, () => {
    const campaign = joinableCampaign(db, campaignId);
    const producer = producerWithPath(db, producerId);
    if (!producer) throw new NotFound("campaigns.error.producerNotFound");
    if (!producer.orgUnitPath.startsWith(campaign.orgUnitPath)) {
      throw new Forbidden("campaigns.error.producerOutsideUnit");
    }
    if (producer.verificationStatus !== "verified") {
      throw new Conflict("campaigns.error.producerNotVerified");
    }
    const open = openMembership(db, campaignId, producerId);
    if (open) {
      throw new Conflict(
        open.status === "joined"
          ? "campaigns.error.alreadyJoined"
          : "campaigns.error.alreadyRequested",
      );
    }
    const now = new Date();
    const row = db
      .insert(campaignProducers)
      .values({
        campaignId,
        producerId,
        status: "requested",
        requestedAt: now,
        requestedByUserId: user.userId,
        note: note.slice(0, 1000),
      })
      .returning({ id: campaignProducers.id })
      .get();
    writeAudit(db, {
      actorUserId: user.userId,
      action: "campaign.producer.request",
      entityType: "campaign",
      entityId: campaignId,
      orgUnitId: campaign.orgUnitId,
      after: { producerId, note },
    });
    return row.id;
  });
}

/**
 * A producer leaves a campaign by herself: a pending request is withdrawn (the row goes), a
 * membership ends (status left, left_at now) and her listings' periods close.
 */
export function leaveCampaign(db: Db, actor: Actor, campaignId: number, producerId: number): void {
  const user = requireMemberOf(actor, producerId);
  inTransaction(db, () => {
    const campaign = campaignScopeById(db, campaignId);
    if (!campaign || campaign.status === "draft") throw new NotFound("campaigns.error.notFound");
    assertNotEnded(campaign);
    const open = openMembership(db, campaignId, producerId);
    if (!open) throw new NotFound("campaigns.error.notMember");
    const now = new Date();
    if (open.status === "requested") {
      db.delete(campaignProducers).where(eq(campaignProducers.id, open.id)).run();
    } else {
      db.update(campaignProducers)
        .set({ status: "left", leftAt: now })
        .where(eq(campaignProducers.id, open.id))
        .run();
      closeProducerListings(db, campaignId, producerId, now);
    }
    writeAudit(db, {
      actorUserId: user.userId,
      action:
        open.status === "requested" ? "campaign.producer.withdraw" : "campaign.producer.leave",
      entityType: "campaign",
      entityId: campaignId,
      orgUnitId: campaign.orgUnitId,
      before: { producerId, status: open.status },
    });
  });
}
