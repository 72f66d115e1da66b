import { and, asc, count, desc, eq, isNull, like, or } from "drizzle-orm";
import { Conflict, NotFound } from "~/lib/errors";
import { vietnamToday } from "~/lib/dates";
import type { CampaignInput } from "~/lib/schemas/campaigns";
import { slugify } from "~/lib/text";
import type { Actor, SignedInActor } from "~/modules/auth/actor";
import { scopePaths } from "~/modules/auth/permissions.server";
import { deleteStoredImage, storeImage, type StoredImage } from "~/modules/images/store.server";
import { subtreeCondition } from "~/modules/moderation/scope.server";
import { writeAudit } from "~/modules/platform/audit.server";
import { indexListings } from "~/modules/search/sync.server";
import { inTransaction, type Db } from "~db/client.server";
import { campaignListings, campaignProducers, campaigns, orgUnits } from "~db/schema";
import { campaignsFigures, type CampaignFigures } from "./figures.server";
import { assertNotEnded } from "./membership.server";
import { campaignPhase, type CampaignPhase } from "./phase";

/**
 * Staff's side of support campaigns (issue 16): create, edit, publish and end the campaigns
 * of their subtree (`campaign:manage`). A campaign outside it is not found (404), a draft
 * included, so drafts never leak. Producers and listings: manage-producers.server.ts.
 */

const PERMISSION = "campaign:manage";
const PAGE_SIZE = 20;
/** Slugs a campaign may not take: they are staff pages under /quan-ly/chien-dich/. */
const RESERVED_SLUGS = new Set(["moi"]);

export type Campaign = typeof campaigns.$inferSelect;

export interface ScopedCampaign extends Campaign {
  orgUnitName: string;
  orgUnitPath: string;
}

/** A unit the actor may give a campaign to. */
export interface ManagedUnit {
  id: number;
  name: string;
  level: string;
  path: string;
}

/** The units of the actor's `campaign:manage` subtrees (not merged away), tree order. */
export function manageableUnits(db: Db, actor: Actor): ManagedUnit[] {
  return db
    .select({ id: orgUnits.id, name: orgUnits.name, level: orgUnits.level, path: orgUnits.path })
    .from(orgUnits)
    .where(and(isNull(orgUnits.mergedIntoId), subtreeCondition(actor, PERMISSION)))
    .orderBy(asc(orgUnits.path))
    .all();
}

/** The campaign by slug if its unit lies in the actor's subtree; 404 otherwise. */
export function scopedCampaign(db: Db, actor: Actor, slug: string): ScopedCampaign {
  const row = db
    .select({ campaign: campaigns, orgUnitName: orgUnits.name, orgUnitPath: orgUnits.path })
    .from(campaigns)
    .innerJoin(orgUnits, eq(orgUnits.id, campaigns.orgUnitId))
    .where(and(eq(campaigns.slug, slug), subtreeCondition(actor, PERMISSION)))
    .get();
  if (!row) throw new NotFound("campaigns.error.notFound");
  return { ...row.campaign, orgUnitName: row.orgUnitName, orgUnitPath: row.orgUnitPath };
}

/** A campaign that may still change, or 409: an ended one is read-only. */
export function changeableCampaign(db: Db, actor: Actor, slug: string): ScopedCampaign {
  const campaign = scopedCampaign(db, actor, slug);
  assertNotEnded(campaign);
  return campaign;
}

export interface CampaignRow extends ScopedCampaign {
  phase: CampaignPhase;
  figures: CampaignFigures;
}

/** One page of the campaigns of the actor's subtree, newest first, with their figures. */
export function listCampaigns(db: Db, actor: Actor, page: number) {
  const scope = subtreeCondition(actor, PERMISSION);
  const total =
    db
      .select({ n: count() })
      .from(campaigns)
      .innerJoin(orgUnits, eq(orgUnits.id, campaigns.orgUnitId))
      .where(scope)
      .get()?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = db
    .select({ campaign: campaigns, orgUnitName: orgUnits.name, orgUnitPath: orgUnits.path })
    .from(campaigns)
    .innerJoin(orgUnits, eq(orgUnits.id, campaigns.orgUnitId))
    .where(scope)
    .orderBy(desc(campaigns.createdAt), desc(campaigns.id))
    .limit(PAGE_SIZE)
    .offset((current - 1) * PAGE_SIZE)
    .all()
    .map((row) => ({
      ...row.campaign,
      orgUnitName: row.orgUnitName,
      orgUnitPath: row.orgUnitPath,
    }));
  const figures = campaignsFigures(db, rows);
  const today = vietnamToday();
  const items: CampaignRow[] = rows.flatMap((row) => {
    const counted = figures.get(row.id);
    return counted ? [{ ...row, phase: campaignPhase(row, today), figures: counted }] : [];
  });
  return { items, total, page: current, pageCount };
}

/** A unit of the actor's subtree by id, or 400 naming the field (a unit she cannot use). */
function usableUnit(db: Db, actor: Actor, orgUnitId: number): ManagedUnit {
  const paths = scopePaths(actor, PERMISSION);
  const unit = db
    .select({ id: orgUnits.id, name: orgUnits.name, level: orgUnits.level, path: orgUnits.path })
    .from(orgUnits)
    .where(
      and(
        eq(orgUnits.id, orgUnitId),
        isNull(orgUnits.mergedIntoId),
        or(...paths.map((path) => like(orgUnits.path, `${path}%`))),
      ),
    )
    .get();
  if (!unit) throw new NotFound("campaigns.error.unitOutside", {}, { field: "orgUnitId" });
  return unit;
}

/** A free slug from the title: the folded title, "-2", "-3"… when taken. */
function uniqueSlug(db: Db, title: string): string {
  let base = slugify(title, 70);
  if (base.length < 3) base = `chien-dich${base ? `-${base}` : ""}`;
  const taken = (slug: string) =>
    RESERVED_SLUGS.has(slug) ||
    db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, slug)).get() !==
      undefined;
  if (!taken(base)) return base;
  for (let n = 2; ; n += 1) {
    if (!taken(`${base}-${n}`)) return `${base}-${n}`;
  }
}

/** The columns a form sets (targets: null when left blank). */
function formColumns(input: CampaignInput) {
  return {
    title: input.title,
    story: input.story,
    kind: input.kind,
    orgUnitId: input.orgUnitId,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    targetVnd: input.targetVnd ?? null,
    targetQuantity: input.targetQuantity ?? null,
    targetUnit: input.targetQuantity === undefined ? null : (input.targetUnit ?? null),
    coverAlt: input.coverAlt,
  };
}

function coverColumns(cover: StoredImage | null) {
  if (!cover) return {};
  return {
    coverStorageKey: cover.storageKey,
    coverWidth: cover.width,
    coverHeight: cover.height,
    coverPlaceholder: cover.placeholder,
  };
}

/**
 * Runs `write` with the cover photo (if one was sent) already through the image pipeline;
 * if `write` fails, the stored photo is removed again, so nothing is left behind.
 */
async function withCover<T>(
  coverBytes: Uint8Array | null,
  write: (cover: StoredImage | null) => T,
): Promise<T> {
  const cover = coverBytes ? await storeImage(coverBytes) : null;
  try {
    return write(cover);
  } catch (error) {
    if (cover) await deleteStoredImage(cover.storageKey);
    throw error;
  }
}

/** Creates a draft campaign held by a unit of the actor's subtree. Returns its slug. */
export async function createCampaign(
  db: Db,
  actor: SignedInActor,
  input: CampaignInput,
  coverBytes: Uint8Array | null,
): Promise<string> {
  usableUnit(db, actor, input.orgUnitId);
  return withCover(coverBytes, (cover) =>
    inTransaction(db, () => {
      const unit = usableUnit(db, actor, input.orgUnitId);
      const row = db
        .insert(campaigns)
        .values({
          ...formColumns(input),
          ...coverColumns(cover),
          slug: uniqueSlug(db, input.title),
          status: "draft",
          createdByUserId: actor.userId,
        })
        .returning()
        .get();
      writeAudit(db, {
        actorUserId: actor.userId,
        action: "campaign.create",
        entityType: "campaign",
        entityId: row.id,
        orgUnitId: unit.id,
        after: { ...formColumns(input), slug: row.slug },
      });
      return row.slug;
    }),
  );
}

/**
 * Saves a campaign's form (not an ended one). The slug stays when the title changes (links
 * already shared keep working); the unit changes only while it is a draft. A new cover
 * replaces the old one, whose stored image is then deleted.
 */
export async function updateCampaign(
  db: Db,
  actor: SignedInActor,
  slug: string,
  input: CampaignInput,
  coverBytes: Uint8Array | null,
): Promise<void> {
  changeableCampaign(db, actor, slug);
  const replaced = await withCover(coverBytes, (cover) =>
    inTransaction(db, () => {
      const before = changeableCampaign(db, actor, slug);
      if (input.orgUnitId !== before.orgUnitId) {
        if (before.status !== "draft") {
          throw new Conflict("campaigns.error.unitLocked", {}, { field: "orgUnitId" });
        }
        usableUnit(db, actor, input.orgUnitId);
      }
      db.update(campaigns)
        .set({ ...formColumns(input), ...coverColumns(cover), updatedAt: new Date() })
        .where(eq(campaigns.id, before.id))
        .run();
      writeAudit(db, {
        actorUserId: actor.userId,
        action: "campaign.update",
        entityType: "campaign",
        entityId: before.id,
        orgUnitId: input.orgUnitId,
        before: { ...pickForm(before), coverStorageKey: before.coverStorageKey },
        after: {
          ...formColumns(input),
          coverStorageKey: cover?.storageKey ?? before.coverStorageKey,
        },
      });
      // Cards and the campaign filter show the campaign's name and dates.
      indexListings(db, openListingsOf(db, before.id));
      return cover && before.coverStorageKey ? before.coverStorageKey : null;
    }),
  );
  if (replaced) await deleteStoredImage(replaced);
}

function pickForm(campaign: Campaign) {
  return {
    title: campaign.title,
    story: campaign.story,
    kind: campaign.kind,
    orgUnitId: campaign.orgUnitId,
    startsOn: campaign.startsOn,
    endsOn: campaign.endsOn,
    targetVnd: campaign.targetVnd,
    targetQuantity: campaign.targetQuantity,
    targetUnit: campaign.targetUnit,
    coverAlt: campaign.coverAlt,
  };
}

/** The listings in the campaign now (open periods). */
export function openListingsOf(db: Db, campaignId: number): number[] {
  return db
    .select({ id: campaignListings.listingId })
    .from(campaignListings)
    .where(and(eq(campaignListings.campaignId, campaignId), isNull(campaignListings.leftAt)))
    .all()
    .map((row) => row.id);
}

/** What a campaign still lacks before it can be published (catalog keys `campaigns.missing.*`). */
export type PublishGap = "title" | "story" | "dates" | "target" | "producer";

export function publishGaps(db: Db, campaign: Campaign, today = vietnamToday()): PublishGap[] {
  const gaps: PublishGap[] = [];
  if (campaign.title.trim() === "") gaps.push("title");
  if (campaign.story.trim() === "") gaps.push("story");
  if (!campaign.startsOn || !campaign.endsOn || campaign.endsOn < today) gaps.push("dates");
  if (campaign.targetVnd === null && campaign.targetQuantity === null) gaps.push("target");
  const joined =
    db
      .select({ n: count() })
      .from(campaignProducers)
      .where(
        and(eq(campaignProducers.campaignId, campaign.id), eq(campaignProducers.status, "joined")),
      )
      .get()?.n ?? 0;
  if (joined === 0) gaps.push("producer");
  return gaps;
}

/**
 * Publishes a draft: it needs a title, a story, dates not yet past, a target and at least one
 * joined producer (409 naming what is missing). Its listings are reindexed (badges, filter).
 */
export function publishCampaign(db: Db, actor: SignedInActor, slug: string): void {
  inTransaction(db, () => {
    const campaign = changeableCampaign(db, actor, slug);
    if (campaign.status !== "draft") throw new Conflict("campaigns.error.notDraft");
    const gaps = publishGaps(db, campaign);
    if (gaps.length > 0) {
      throw new Conflict("campaigns.error.cannotPublish", { count: gaps.length }, { gaps });
    }
    const now = new Date();
    db.update(campaigns)
      .set({ status: "published", publishedAt: now, updatedAt: now })
      .where(and(eq(campaigns.id, campaign.id), eq(campaigns.status, "draft")))
      .run();
    writeAudit(db, {
      actorUserId: actor.userId,
      action: "campaign.publish",
      entityType: "campaign",
      entityId: campaign.id,
      orgUnitId: campaign.orgUnitId,
      before: { status: "draft" },
      after: { status: "published" },
    });
    indexListings(db, openListingsOf(db, campaign.id));
  });
}

/**
 * Ends a published campaign early (ended_at now: later orders no longer count). An ended
 * campaign cannot be published again or edited.
 */
export function endCampaign(db: Db, actor: SignedInActor, slug: string): void {
  inTransaction(db, () => {
    const campaign = changeableCampaign(db, actor, slug);
    if (campaign.status !== "published") throw new Conflict("campaigns.error.notPublished");
    const now = new Date();
    db.update(campaigns)
      .set({ status: "ended", endedAt: now, updatedAt: now })
      .where(and(eq(campaigns.id, campaign.id), eq(campaigns.status, "published")))
      .run();
    writeAudit(db, {
      actorUserId: actor.userId,
      action: "campaign.end",
      entityType: "campaign",
      entityId: campaign.id,
      orgUnitId: campaign.orgUnitId,
      before: { status: "published" },
      after: { status: "ended", endedAt: now.toISOString() },
    });
    indexListings(db, openListingsOf(db, campaign.id));
  });
}
