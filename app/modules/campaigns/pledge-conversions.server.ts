import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { vietnamToday } from "~/lib/dates";
import { Conflict, NotFound } from "~/lib/errors";
import { findCommuneByCode } from "~/lib/places";
import { PURCHASE_REQUEST_LIMITS } from "~/lib/schemas/purchase-request";
import type { SignedInActor } from "~/modules/auth/actor";
import { createPurchaseRequest } from "~/modules/demand/purchase-requests.server";
import { recordInvitation } from "~/modules/demand/invitations.server";
import { preferredAddress } from "~/modules/orders/address-book.server";
import { addToCart } from "~/modules/orders/cart.server";
import { writeAudit } from "~/modules/platform/audit.server";
import { inTransaction, type Db } from "~db/client.server";
import {
  auditLog,
  campaignPartners,
  campaignPledges,
  campaignProducers,
  campaigns,
  categories,
  listings,
  producers,
  purchaseRequests,
  type PledgeStatus,
  type Unit,
} from "~db/schema";

/**
 * A buyer's own pledges (/tai-khoan/cam-ket): she withdraws a pending one, and turns an
 * approved one, once, into a purchase request addressed to the campaign's joined producers
 * or into her cart. The cart step is remembered in the audit log (action
 * CART_ACTION): the pledge's `order_id` would need the order she places later, which the
 * cart does not know.
 */

const CART_ACTION = "campaign.pledge_cart";

/** A pledge as its buyer sees it. */
export interface MyPledge {
  id: number;
  campaignSlug: string;
  campaignTitle: string;
  partnerName: string;
  goods: string;
  listingId: number | null;
  quantity: number;
  unit: Unit;
  byDate: string;
  status: PledgeStatus;
  declineReason: string | null;
  /** The purchase request it became, if any. */
  requestCode: string | null;
  /** Whether its goods went into her cart already. */
  isInCart: boolean;
}

const cartStepOf = sql<boolean>`exists (
  select 1 from ${auditLog} where ${auditLog.action} = ${CART_ACTION}
    and ${auditLog.entityType} = 'campaign_pledge'
    and ${auditLog.entityId} = cast(${campaignPledges.id} as text))`.mapWith(Boolean);

/** The signed-in buyer's pledges, newest first (only pledges naming her account). */
export function myPledges(db: Db, actor: SignedInActor): MyPledge[] {
  return db
    .select({
      id: campaignPledges.id,
      campaignSlug: campaigns.slug,
      campaignTitle: campaigns.title,
      partnerName: campaignPartners.name,
      goods: campaignPledges.goods,
      listingId: campaignPledges.listingId,
      quantity: campaignPledges.quantity,
      unit: campaignPledges.unit,
      byDate: campaignPledges.byDate,
      status: campaignPledges.status,
      declineReason: campaignPledges.declineReason,
      requestCode: purchaseRequests.code,
      isInCart: cartStepOf,
    })
    .from(campaignPledges)
    .innerJoin(campaigns, eq(campaigns.id, campaignPledges.campaignId))
    .innerJoin(campaignPartners, eq(campaignPartners.id, campaignPledges.partnerId))
    .leftJoin(purchaseRequests, eq(purchaseRequests.id, campaignPledges.purchaseRequestId))
    .where(eq(campaignPledges.buyerUserId, actor.userId))
    .orderBy(desc(campaignPledges.id))
    .all();
}

/** Her pledge (NotFound for anyone else's), with what it became. */
function ownPledge(db: Db, actor: SignedInActor, pledgeId: number) {
  const row = db
    .select({
      id: campaignPledges.id,
      campaignId: campaignPledges.campaignId,
      campaignTitle: campaigns.title,
      orgUnitId: campaigns.orgUnitId,
      goods: campaignPledges.goods,
      listingId: campaignPledges.listingId,
      quantity: campaignPledges.quantity,
      unit: campaignPledges.unit,
      byDate: campaignPledges.byDate,
      note: campaignPledges.note,
      status: campaignPledges.status,
      purchaseRequestId: campaignPledges.purchaseRequestId,
      orderId: campaignPledges.orderId,
      isInCart: cartStepOf,
    })
    .from(campaignPledges)
    .innerJoin(campaigns, eq(campaigns.id, campaignPledges.campaignId))
    .where(and(eq(campaignPledges.id, pledgeId), eq(campaignPledges.buyerUserId, actor.userId)))
    .get();
  if (!row) throw new NotFound("pledges.error.pledgeNotFound");
  return row;
}

type OwnPledge = ReturnType<typeof ownPledge>;

/** Withdraws her pending pledge; a decided one is a Conflict. */
export function withdrawPledge(db: Db, actor: SignedInActor, pledgeId: number): void {
  ownPledge(db, actor, pledgeId);
  const row = db
    .update(campaignPledges)
    .set({ status: "withdrawn", updatedAt: new Date() })
    .where(
      and(
        eq(campaignPledges.id, pledgeId),
        eq(campaignPledges.buyerUserId, actor.userId),
        eq(campaignPledges.status, "pending"),
      ),
    )
    .returning({ id: campaignPledges.id })
    .get();
  if (!row) throw new Conflict("pledges.error.notPending");
}

/** An approved pledge not yet turned into anything, else a Conflict saying why. */
function convertible(pledge: OwnPledge): void {
  if (pledge.status !== "approved") throw new Conflict("pledges.error.notApproved");
  if (pledge.purchaseRequestId !== null || pledge.orderId !== null || pledge.isInCart) {
    throw new Conflict("pledges.error.converted");
  }
}

/** Marks the pledge as turned into a request, only if nothing else claimed it meanwhile. */
function claim(db: Db, pledge: OwnPledge, set: { purchaseRequestId: number } | null): void {
  const row = db
    .update(campaignPledges)
    .set({ ...set, updatedAt: new Date() })
    .where(
      and(
        eq(campaignPledges.id, pledge.id),
        eq(campaignPledges.status, "approved"),
        isNull(campaignPledges.purchaseRequestId),
        isNull(campaignPledges.orderId),
      ),
    )
    .returning({ id: campaignPledges.id })
    .get();
  if (!row) throw new Conflict("pledges.error.converted");
}

/** A request title of the allowed length: the goods, with the campaign when they are short. */
function requestTitle(pledge: OwnPledge): string {
  const { titleMin, titleMax } = PURCHASE_REQUEST_LIMITS;
  const title =
    pledge.goods.length >= titleMin ? pledge.goods : `${pledge.goods} – ${pledge.campaignTitle}`;
  return title.slice(0, titleMax).padEnd(titleMin, ".");
}

/**
 * Turns her approved pledge into a purchase request posted as her (the demand module's own
 * `createPurchaseRequest`, with its checks and limits), delivered where her last order went
 * (else her default address), and invites each producer in the campaign now to answer it.
 * All or nothing; a second conversion is a Conflict. Returns the request's code.
 */
export function convertPledgeToRequest(
  db: Db,
  actor: SignedInActor,
  pledgeId: number,
  { now = new Date(), ipAddress = null }: { now?: Date; ipAddress?: string | null } = {},
): { code: string; invited: number } {
  return inTransaction(db, () => {
    const pledge = ownPledge(db, actor, pledgeId);
    convertible(pledge);
    if (pledge.byDate < vietnamToday(now)) throw new Conflict("pledges.error.byDatePassed");
    const address = preferredAddress(db, actor.userId);
    const commune = address ? findCommuneByCode(address.communeCode) : undefined;
    if (!commune) throw new Conflict("pledges.error.noAddress");
    const category = pledge.listingId
      ? db
          .select({ code: categories.code })
          .from(listings)
          .innerJoin(categories, eq(categories.id, listings.categoryId))
          .where(eq(listings.id, pledge.listingId))
          .get()
      : undefined;
    const request = createPurchaseRequest(
      db,
      actor,
      {
        title: requestTitle(pledge),
        description: pledge.note,
        categoryCode: category?.code,
        quantity: pledge.quantity,
        unit: pledge.unit,
        provinceCode: commune.provinceOfficialCode,
        communeCode: commune.code,
        neededBy: pledge.byDate,
        recurrence: "none",
      },
      { now },
    );
    claim(db, pledge, { purchaseRequestId: request.id });
    const joined = db
      .select({ id: campaignProducers.producerId })
      .from(campaignProducers)
      .innerJoin(producers, eq(producers.id, campaignProducers.producerId))
      .where(
        and(
          eq(campaignProducers.campaignId, pledge.campaignId),
          eq(campaignProducers.status, "joined"),
          eq(producers.verificationStatus, "verified"),
        ),
      )
      .all();
    const stored = db
      .select({ orgUnitId: purchaseRequests.orgUnitId, title: purchaseRequests.title })
      .from(purchaseRequests)
      .where(eq(purchaseRequests.id, request.id))
      .get();
    let invited = 0;
    for (const producer of joined) {
      const done = recordInvitation(
        db,
        {
          request: { ...request, title: stored?.title ?? "", orgUnitId: stored?.orgUnitId ?? null },
          producerId: producer.id,
          invitedByUserId: actor.userId,
          note: pledge.campaignTitle,
        },
        { ipAddress },
      );
      if (done) invited += 1;
    }
    return { code: request.code, invited };
  });
}

/**
 * Puts her approved pledge's listing × quantity into her cart (the cart's own checks: stock,
 * minimum order); she then checks out as usual. A pledge without a listing, or already
 * converted, is a Conflict.
 */
export function convertPledgeToCart(
  db: Db,
  actor: SignedInActor,
  pledgeId: number,
  { ipAddress = null }: { ipAddress?: string | null } = {},
): void {
  inTransaction(db, () => {
    const pledge = ownPledge(db, actor, pledgeId);
    convertible(pledge);
    if (pledge.listingId === null) throw new Conflict("pledges.error.noListing");
    addToCart(db, { userId: actor.userId }, pledge.listingId, pledge.quantity);
    claim(db, pledge, null);
    writeAudit(db, {
      actorUserId: actor.userId,
      action: CART_ACTION,
      entityType: "campaign_pledge",
      entityId: pledge.id,
      orgUnitId: pledge.orgUnitId,
      after: { listingId: pledge.listingId, quantity: pledge.quantity },
      ipAddress,
    });
  });
}
