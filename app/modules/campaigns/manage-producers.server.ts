import { and, asc, desc, eq, inArray, isNull, like, notInArray, or } from "drizzle-orm";
import { Conflict, Forbidden, Invalid, NotFound } from "~/lib/errors";
import type { NoticeKey } from "~/modules/notifications/messages";
import type { SignedInActor } from "~/modules/auth/actor";
import { scopePaths } from "~/modules/auth/permissions.server";
import { notify } from "~/modules/notifications/notify.server";
import { writeAudit } from "~/modules/platform/audit.server";
import { inTransaction, type Db } from "~db/client.server";
import { campaignListings, campaignProducers, listings, orgUnits, producers } from "~db/schema";
import { vietnamToday } from "~/lib/dates";
import { campaignFigures, campaignsFigures } from "./figures.server";
import {
  changeableCampaign,
  publishGaps,
  scopedCampaign,
  type ScopedCampaign,
} from "./manage.server";
import { campaignPhase } from "./phase";
import {
  closeProducerListings,
  openListingIds,
  openMembership,
  openProducerListings,
  producerWithPath,
  publishedListingIds,
} from "./membership.server";
import { indexListings } from "~/modules/search/sync.server";

/**
 * Staff choose a campaign's producers and listings (issue 16): add a producer of their subtree,
 * approve or decline her request, remove her, and tick which of her published listings are
 * in. Each change is audited, the producer is told in the app, and every listing whose period
 * opens or closes is queued for the search index.
 */

/** A producer staff may put in the campaign: in her subtree (else 404) and the campaign's unit (else 403), verified. */
function eligibleProducer(
  db: Db,
  actor: SignedInActor,
  campaign: ScopedCampaign,
  producerId: number,
) {
  const producer = producerInScope(db, actor, producerId);
  if (!producer.orgUnitPath.startsWith(campaign.orgUnitPath)) {
    throw new Forbidden("campaigns.error.producerOutsideUnit", {}, { field: "producerId" });
  }
  if (producer.verificationStatus !== "verified") {
    throw new Conflict("campaigns.error.producerNotVerified", {}, { field: "producerId" });
  }
  return producer;
}

/** A changeable campaign, a producer of the actor's subtree and her open row in the expected state (else 404). */
function decisionContext(
  db: Db,
  actor: SignedInActor,
  slug: string,
  producerId: number,
  expected: "requested" | "joined",
) {
  const campaign = changeableCampaign(db, actor, slug);
  const producer = producerInScope(db, actor, producerId);
  const open = openMembership(db, campaign.id, producerId);
  if (!open || open.status !== expected) {
    throw new NotFound(
      expected === "requested" ? "campaigns.error.noRequest" : "campaigns.error.notMember",
    );
  }
  return { campaign, producer, open, now: new Date() };
}

function tell(
  db: Db,
  campaign: ScopedCampaign,
  producer: { id: number; name: string },
  event: "added" | "approved" | "declined" | "removed",
  reason = "",
) {
  const key: NoticeKey = `campaigns.notice.${event}`;
  notify(db, {
    recipients: { producerId: producer.id },
    kind: `campaign.producer_${event}`,
    message: { key, params: { producer: producer.name, campaign: campaign.title, reason } },
    link: campaign.status === "draft" ? "/ban-hang" : `/chien-dich/${campaign.slug}`,
  });
}

function audit(
  db: Db,
  actor: SignedInActor,
  campaign: ScopedCampaign,
  action: string,
  after: Record<string, unknown>,
) {
  writeAudit(db, {
    actorUserId: actor.userId,
    action,
    entityType: "campaign",
    entityId: campaign.id,
    orgUnitId: campaign.orgUnitId,
    after,
  });
}

/** Staff add a producer: she joins at once, with all her published listings. */
export function addProducer(db: Db, actor: SignedInActor, slug: string, producerId: number): void {
  inTransaction(db, () => {
    const campaign = changeableCampaign(db, actor, slug);
    const producer = eligibleProducer(db, actor, campaign, producerId);
    const open = openMembership(db, campaign.id, producerId);
    if (open?.status === "joined") {
      throw new Conflict("campaigns.error.alreadyJoined", {}, { field: "producerId" });
    }
    if (open?.status === "requested") {
      throw new Conflict("campaigns.error.alreadyRequested", {}, { field: "producerId" });
    }
    const now = new Date();
    db.insert(campaignProducers)
      .values({
        campaignId: campaign.id,
        producerId,
        status: "joined",
        joinedAt: now,
        decidedByUserId: actor.userId,
        decidedAt: now,
      })
      .run();
    const listingIds = openProducerListings(db, campaign.id, producerId, actor.userId, now);
    audit(db, actor, campaign, "campaign.producer.add", { producerId, listingIds });
    tell(db, campaign, producer, "added");
  });
}

/** Staff accept a producer's request: she joins, with all her published listings. */
export function approveRequest(
  db: Db,
  actor: SignedInActor,
  slug: string,
  producerId: number,
): void {
  inTransaction(db, () => {
    const { campaign, open, now } = decisionContext(db, actor, slug, producerId, "requested");
    const producer = eligibleProducer(db, actor, campaign, producerId);
    db.update(campaignProducers)
      .set({ status: "joined", joinedAt: now, decidedByUserId: actor.userId, decidedAt: now })
      .where(and(eq(campaignProducers.id, open.id), eq(campaignProducers.status, "requested")))
      .run();
    const listingIds = openProducerListings(db, campaign.id, producerId, actor.userId, now);
    audit(db, actor, campaign, "campaign.producer.approve", { producerId, listingIds });
    tell(db, campaign, producer, "approved");
  });
}

/** Staff decline a producer's request, with a note she reads. */
export function declineRequest(
  db: Db,
  actor: SignedInActor,
  slug: string,
  producerId: number,
  note: string,
): void {
  inTransaction(db, () => {
    const { campaign, producer, open, now } = decisionContext(
      db,
      actor,
      slug,
      producerId,
      "requested",
    );
    db.update(campaignProducers)
      .set({ status: "declined", note, decidedByUserId: actor.userId, decidedAt: now })
      .where(and(eq(campaignProducers.id, open.id), eq(campaignProducers.status, "requested")))
      .run();
    audit(db, actor, campaign, "campaign.producer.decline", { producerId, note });
    tell(db, campaign, producer, "declined", note || "—");
  });
}

/** Staff remove a producer: her row is left (left_at now) and her listings' periods close. */
export function removeProducer(
  db: Db,
  actor: SignedInActor,
  slug: string,
  producerId: number,
): void {
  inTransaction(db, () => {
    const { campaign, producer, open, now } = decisionContext(
      db,
      actor,
      slug,
      producerId,
      "joined",
    );
    db.update(campaignProducers)
      .set({ status: "left", leftAt: now, decidedByUserId: actor.userId, decidedAt: now })
      .where(eq(campaignProducers.id, open.id))
      .run();
    const listingIds = closeProducerListings(db, campaign.id, producerId, now);
    audit(db, actor, campaign, "campaign.producer.remove", { producerId, listingIds });
    tell(db, campaign, producer, "removed");
  });
}

/** A producer of the actor's subtree (for removing or declining), or 404. */
function producerInScope(db: Db, actor: SignedInActor, producerId: number) {
  const producer = producerWithPath(db, producerId);
  const paths = scopePaths(actor, "campaign:manage");
  if (!producer || !paths.some((path) => producer.orgUnitPath.startsWith(path))) {
    throw new NotFound("campaigns.error.producerNotFound", {}, { field: "producerId" });
  }
  return producer;
}

/**
 * Sets which of a joined producer's published listings are in the campaign: a newly ticked
 * one gets a period from now, an unticked one's period closes now. Returns what changed.
 */
export function setProducerListings(
  db: Db,
  actor: SignedInActor,
  slug: string,
  producerId: number,
  ticked: readonly number[],
): { added: number[]; removed: number[] } {
  return inTransaction(db, () => {
    const { campaign, now } = decisionContext(db, actor, slug, producerId, "joined");
    const published = publishedListingIds(db, producerId);
    const wanted = new Set(ticked);
    if ([...wanted].some((id) => !published.includes(id))) {
      throw new Invalid("campaigns.error.listingNotHers");
    }
    const own = db
      .select({ id: listings.id })
      .from(listings)
      .where(eq(listings.producerId, producerId))
      .all()
      .map((row) => row.id);
    const open = new Set(openListingIds(db, campaign.id, own));
    const added = [...wanted].filter((id) => !open.has(id));
    const removed = [...open].filter((id) => !wanted.has(id));
    for (const listingId of added) {
      db.insert(campaignListings)
        .values({ campaignId: campaign.id, listingId, joinedAt: now, addedByUserId: actor.userId })
        .run();
    }
    if (removed.length > 0) {
      db.update(campaignListings)
        .set({ leftAt: now })
        .where(
          and(
            eq(campaignListings.campaignId, campaign.id),
            inArray(campaignListings.listingId, removed),
            isNull(campaignListings.leftAt),
          ),
        )
        .run();
    }
    if (added.length > 0 || removed.length > 0) {
      audit(db, actor, campaign, "campaign.listings", { producerId, added, removed });
      indexListings(db, [...added, ...removed]);
    }
    return { added, removed };
  });
}

/** The campaign's producers for its staff page: joined (with listings), requests, past rows. */
export function campaignProducersOf(db: Db, campaignId: number) {
  const rows = db
    .select({
      row: campaignProducers,
      producerName: producers.name,
      producerCode: producers.code,
    })
    .from(campaignProducers)
    .innerJoin(producers, eq(producers.id, campaignProducers.producerId))
    .where(eq(campaignProducers.campaignId, campaignId))
    .orderBy(asc(producers.name), desc(campaignProducers.id))
    .all();
  const joinedIds = rows.filter((r) => r.row.status === "joined").map((r) => r.row.producerId);
  const ownListings =
    joinedIds.length === 0
      ? []
      : db
          .select({
            id: listings.id,
            title: listings.title,
            producerId: listings.producerId,
            status: listings.status,
          })
          .from(listings)
          .where(inArray(listings.producerId, joinedIds))
          .orderBy(asc(listings.title))
          .all();
  const inCampaign = new Set(
    openListingIds(
      db,
      campaignId,
      ownListings.map((l) => l.id),
    ),
  );
  const joined = rows
    .filter((r) => r.row.status === "joined")
    .map((r) => ({
      producerId: r.row.producerId,
      name: r.producerName,
      code: r.producerCode,
      joinedAt: r.row.joinedAt,
      listings: ownListings
        .filter(
          (l) =>
            l.producerId === r.row.producerId && (l.status === "published" || inCampaign.has(l.id)),
        )
        .map((l) => ({
          id: l.id,
          title: l.title,
          published: l.status === "published",
          inCampaign: inCampaign.has(l.id),
        })),
    }));
  const requests = rows
    .filter((r) => r.row.status === "requested")
    .map((r) => ({
      producerId: r.row.producerId,
      name: r.producerName,
      requestedAt: r.row.requestedAt,
      note: r.row.note,
    }));
  const history = rows
    .filter((r) => r.row.status === "left" || r.row.status === "declined")
    .map((r) => ({
      id: r.row.id,
      name: r.producerName,
      status: r.row.status,
      leftAt: r.row.leftAt,
    }));
  return { joined, requests, history };
}

/** Verified producers of the campaign's unit (within the actor's subtree) not in it or asking. */
export function producersToAdd(db: Db, actor: SignedInActor, campaign: ScopedCampaign) {
  const open = db
    .select({ id: campaignProducers.producerId })
    .from(campaignProducers)
    .where(
      and(
        eq(campaignProducers.campaignId, campaign.id),
        inArray(campaignProducers.status, ["requested", "joined"]),
      ),
    )
    .all()
    .map((row) => row.id);
  const paths = scopePaths(actor, "campaign:manage");
  return db
    .select({ id: producers.id, name: producers.name, code: producers.code })
    .from(producers)
    .innerJoin(orgUnits, eq(orgUnits.id, producers.orgUnitId))
    .where(
      and(
        eq(producers.verificationStatus, "verified"),
        like(orgUnits.path, `${campaign.orgUnitPath}%`),
        or(...paths.map((path) => like(orgUnits.path, `${path}%`))),
        open.length > 0 ? notInArray(producers.id, open) : undefined,
      ),
    )
    .orderBy(asc(producers.name))
    .limit(500)
    .all();
}

/** Everything the campaign's staff page shows: the campaign, its figures and its producers. */
export function campaignForStaff(db: Db, actor: SignedInActor, slug: string) {
  const campaign = scopedCampaign(db, actor, slug);
  const phase = campaignPhase(campaign, vietnamToday());
  const figures = campaignsFigures(db, [campaign]).get(campaign.id);
  const ended = phase === "ended";
  return {
    campaign: { ...campaign, phase, figures: figures ?? campaignFigures(db, campaign) },
    readOnly: ended,
    gaps: campaign.status === "draft" ? publishGaps(db, campaign) : [],
    producers: campaignProducersOf(db, campaign.id),
    candidates: ended ? [] : producersToAdd(db, actor, campaign),
  };
}
