import { sql } from "drizzle-orm";
import type { Db } from "~db/client.server";
import {
  campaignListings,
  campaignPartners,
  campaignPledges,
  campaignProducers,
  campaigns,
  buyerProfiles,
  categories,
  listings,
  offerMessages,
  offers,
  orders,
  orgUnits,
  payments,
  producerMemberships,
  producers,
  purchaseRequests,
  refunds,
  reviews,
  staffMemberships,
  unionMembers,
  unionOfficers,
  users,
} from "~db/schema";

/**
 * The small world the authorization test runs in: a province with two communes (A and B),
 * one producer in each, buyers with orders, and staff of every role. Route cases refer to
 * its objects by the names below (`world.otherBuyerOrderId`, …), never by raw ids.
 */
export const USER_KINDS = [
  "anonymous",
  /** A buyer with one order (from producer A). */
  "buyer",
  /** Another buyer: owns an order (from producer B) and a purchase request. */
  "other-buyer",
  /** Owner of producer A (commune A). */
  "producer",
  /** Owner of producer B (commune B). */
  "other-producer",
  /** Province moderator. */
  "moderator",
  /** Province reporter (reports only, no moderation). */
  "reporter",
  /** Province admin. */
  "admin",
  /** Admin, moderator and reporter of commune B only: objects of commune A are out of scope. */
  "staff-other-subtree",
  /** A member of producer A's team (not its owner) who may handle its listings only. */
  "team-member",
] as const;
export type UserKind = (typeof USER_KINDS)[number];
export type SignedInKind = Exclude<UserKind, "anonymous">;

export interface World {
  /** A member (hội viên) of commune A with sensitive data and consent, linked to producer A. */
  memberId: number;
  /** An officer (cán bộ hội) of commune A. */
  officerId: number;
  userIds: Record<SignedInKind, number>;
  province: { id: number; code: string };
  communeA: { id: number; code: string };
  communeB: { id: number; code: string };
  /** Producer A (the "producer" user's). */
  producerCode: string;
  producerId: number;
  /** Producer B (the "other-producer" user's). */
  otherProducerCode: string;
  otherProducerId: number;
  /** A published listing of producer A. */
  listingId: number;
  listingSlug: string;
  listingSku: string;
  /** A draft listing of producer A (visible to nobody but its producer and staff). */
  draftListingId: number;
  draftListingSlug: string;
  draftListingSku: string;
  /** A published listing of producer B. */
  otherListingId: number;
  /** The buyer's own order (from producer A) and another buyer's order (from producer B). */
  buyerOrderId: number;
  buyerOrderCode: string;
  otherBuyerOrderId: number;
  otherBuyerOrderCode: string;
  /**
   * A refund producer A owes the buyer: a bank transfer she received on a cancelled order;
   * another producer cannot mark it sent.
   */
  owedRefundId: number;
  /** The buyer's review of producer A's listing (commune A), for review moderation. */
  reviewId: number;
  /** A purchase request of the other buyer, delivered in commune A (its org unit). */
  purchaseRequestId: number;
  purchaseRequestCode: string;
  /**
   * Producer B's open offer on that request, with one question of the other buyer in its
   * thread: producer A, the buyer and staff of commune B's subtree have no business with it.
   */
  offerId: number;
  /**
   * Support campaigns (issue 16), all held by commune A: a published one with producer A and
   * its listing in it, and a draft nobody outside commune A's subtree (and the province) may
   * see. The other buyer's pending pledge to the published one, as partner "Công ty Thử Nghiệm".
   */
  campaignId: number;
  campaignSlug: string;
  draftCampaignId: number;
  draftCampaignSlug: string;
  pledgeId: number;
}

let phoneCounter = 0;

function insertCampaigns(
  db: Db,
  refs: { orgUnitId: number; producerId: number; listingId: number; pledgerUserId: number },
) {
  const now = Date.now();
  const common = {
    orgUnitId: refs.orgUnitId,
    kind: "disaster_recovery" as const,
    startsOn: "2026-01-01",
    endsOn: "2099-12-31",
    targetVnd: 10_000_000,
  };
  const campaignId = db
    .insert(campaigns)
    .values({
      ...common,
      slug: "chien-dich-xa-a",
      title: "Chung tay cùng chị em xã A",
      story: "Lũ cuốn trôi vườn tiêu.",
      status: "published",
      publishedAt: new Date(now),
    })
    .returning({ id: campaigns.id })
    .get().id;
  const draftCampaignId = db
    .insert(campaigns)
    .values({ ...common, slug: "ban-nhap-chien-dich-a", title: "Bản nháp chiến dịch xã A" })
    .returning({ id: campaigns.id })
    .get().id;
  db.insert(campaignProducers)
    .values({
      campaignId,
      producerId: refs.producerId,
      status: "joined",
      joinedAt: new Date(now),
    })
    .run();
  db.insert(campaignListings)
    .values({ campaignId, listingId: refs.listingId, joinedAt: new Date(now) })
    .run();
  const partnerId = db
    .insert(campaignPartners)
    .values({
      campaignId,
      name: "Công ty Thử Nghiệm",
      kind: "business",
      buyerUserId: refs.pledgerUserId,
    })
    .returning({ id: campaignPartners.id })
    .get().id;
  const pledgeId = db
    .insert(campaignPledges)
    .values({
      campaignId,
      partnerId,
      recordedByUserId: refs.pledgerUserId,
      buyerUserId: refs.pledgerUserId,
      goods: "Hồ tiêu",
      listingId: refs.listingId,
      quantity: 20,
      unit: "kg",
      byDate: "2099-06-30",
    })
    .returning({ id: campaignPledges.id })
    .get().id;
  return {
    campaignId,
    campaignSlug: "chien-dich-xa-a",
    draftCampaignId,
    draftCampaignSlug: "ban-nhap-chien-dich-a",
    pledgeId,
  };
}

function insertUser(db: Db, displayName: string): number {
  phoneCounter += 1;
  const row = db
    .insert(users)
    .values({
      phone: `+8490${String(9_000_000 + phoneCounter)}`,
      email: `authz-${phoneCounter}@example.test`,
      // Nobody logs in with a password here: the test creates sessions directly.
      passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$not-a-real-hash",
      displayName,
    })
    .returning({ id: users.id })
    .get();
  return row.id;
}

function insertOrgUnit(
  db: Db,
  code: string,
  name: string,
  level: "province" | "commune",
  parent: { id: number; path: string } | null,
): { id: number; code: string; path: string } {
  const row = db
    .insert(orgUnits)
    .values({ code, name, level, parentId: parent?.id ?? null, path: "/0/" })
    .returning({ id: orgUnits.id })
    .get();
  const path = `${parent?.path ?? "/"}${row.id}/`;
  db.update(orgUnits)
    .set({ path })
    .where(sql`${orgUnits.id} = ${row.id}`)
    .run();
  return { id: row.id, code, path };
}

function insertProducer(db: Db, code: string, orgUnitId: number): number {
  return db
    .insert(producers)
    .values({
      code,
      name: `Tổ hợp tác ${code}`,
      kind: "tho",
      orgUnitId,
      commune: "xã Thử Nghiệm",
      address: "thôn 1, xã Thử Nghiệm, Quảng Trị",
      membersTotal: 10,
      membersWomen: 9,
      verificationStatus: "verified",
    })
    .returning({ id: producers.id })
    .get().id;
}

function insertListing(
  db: Db,
  values: { sku: string; slug: string; producerId: number; categoryId: number; status: string },
): number {
  return db
    .insert(listings)
    .values({
      sku: values.sku,
      slug: values.slug,
      title: `Sản phẩm ${values.sku}`,
      producerId: values.producerId,
      categoryId: values.categoryId,
      priceVnd: 50_000,
      unit: "kg",
      stock: 100,
      status: values.status === "published" ? "published" : "draft",
      publishedAt: values.status === "published" ? new Date() : null,
    })
    .returning({ id: listings.id })
    .get().id;
}

function insertOrder(
  db: Db,
  code: string,
  buyerUserId: number,
  producerId: number,
  orgUnitId: number,
): number {
  return db
    .insert(orders)
    .values({
      code,
      checkoutId: `checkout-${code}`,
      buyerUserId,
      producerId,
      orgUnitId,
      status: "confirmed",
      paymentMethod: "cod",
      deliveryMethod: "delivery",
      subtotalVnd: 100_000,
      deliveryFeeVnd: 0,
      totalVnd: 100_000,
      shipName: "Người nhận",
      shipPhone: "+84900000999",
      shipProvince: "Quảng Trị",
      shipCommune: "phường Đông Hà",
      shipAddress: "1 Lê Duẩn",
    })
    .returning({ id: orders.id })
    .get().id;
}

/**
 * Builds the world in a fresh migrated database. `withTeamMember` puts the "team-member" user
 * in producer A's team (the authorization test); without it she is a user with no role, so
 * tests counting producer A's members see its owner only.
 */
export function buildWorld(db: Db, options: { withTeamMember?: boolean } = {}): World {
  const province = insertOrgUnit(db, "AZ", "Hội LHPN tỉnh Thử Nghiệm", "province", null);
  const communeA = insertOrgUnit(db, "AZ-A", "Hội LHPN xã A", "commune", province);
  const communeB = insertOrgUnit(db, "AZ-B", "Hội LHPN xã B", "commune", province);

  const categoryId = db
    .insert(categories)
    .values({ code: "thu-nghiem", nameVi: "Thử nghiệm", nameEn: "Testing" })
    .returning({ id: categories.id })
    .get().id;

  const producerId = insertProducer(db, "SX901", communeA.id);
  const otherProducerId = insertProducer(db, "SX902", communeB.id);

  const userIds = {} as Record<SignedInKind, number>;
  for (const kind of USER_KINDS) {
    if (kind !== "anonymous") userIds[kind] = insertUser(db, `Người dùng ${kind}`);
  }
  for (const kind of ["buyer", "other-buyer"] as const) {
    db.insert(buyerProfiles).values({ userId: userIds[kind], kind: "individual" }).run();
  }
  db.insert(producerMemberships)
    .values([
      { userId: userIds.producer, producerId, role: "owner" },
      { userId: userIds["other-producer"], producerId: otherProducerId, role: "owner" },
    ])
    .run();
  if (options.withTeamMember) {
    db.insert(producerMemberships)
      .values({
        userId: userIds["team-member"],
        producerId,
        role: "member",
        permissions: ["listings"],
      })
      .run();
  }
  db.insert(staffMemberships)
    .values([
      { userId: userIds.moderator, orgUnitId: province.id, role: "moderator" },
      { userId: userIds.reporter, orgUnitId: province.id, role: "reporter" },
      { userId: userIds.admin, orgUnitId: province.id, role: "admin" },
      ...(["admin", "moderator", "reporter"] as const).map((role) => ({
        userId: userIds["staff-other-subtree"],
        orgUnitId: communeB.id,
        role,
      })),
    ])
    .run();

  const listingId = insertListing(db, {
    sku: "SP9001",
    slug: "san-pham-thu-nghiem-a",
    producerId,
    categoryId,
    status: "published",
  });
  const draftListingId = insertListing(db, {
    sku: "SP9002",
    slug: "ban-nhap-thu-nghiem-a",
    producerId,
    categoryId,
    status: "draft",
  });
  const otherListingId = insertListing(db, {
    sku: "SP9003",
    slug: "san-pham-thu-nghiem-b",
    producerId: otherProducerId,
    categoryId,
    status: "published",
  });

  const buyerOrderId = insertOrder(db, "DH-AZ-0001", userIds.buyer, producerId, communeA.id);
  const otherBuyerOrderId = insertOrder(
    db,
    "DH-AZ-0002",
    userIds["other-buyer"],
    otherProducerId,
    communeB.id,
  );

  // A cancelled bank-transfer order of producer A whose money she received and owes back.
  const refundedOrderId = insertOrder(db, "DH-AZ-0003", userIds.buyer, producerId, communeA.id);
  db.update(orders)
    .set({
      status: "cancelled",
      paymentMethod: "bank_transfer",
      cancelledBy: "buyer",
      cancelledAt: new Date(),
    })
    .where(sql`${orders.id} = ${refundedOrderId}`)
    .run();
  const paymentId = db
    .insert(payments)
    .values({
      orderId: refundedOrderId,
      provider: "bank_transfer",
      amountVnd: 100_000,
      status: "succeeded",
      paidAt: new Date(),
    })
    .returning({ id: payments.id })
    .get().id;
  const owedRefundId = db
    .insert(refunds)
    .values({
      orderId: refundedOrderId,
      paymentId,
      amountVnd: 100_000,
      reason: "Người mua huỷ",
      toBankBin: "970436",
      toAccountNumber: "0011223344",
      toAccountName: "NGUYEN THI MUA",
    })
    .returning({ id: refunds.id })
    .get().id;

  const reviewId = db
    .insert(reviews)
    .values({
      orderId: buyerOrderId,
      listingId,
      buyerUserId: userIds.buyer,
      rating: 4,
      comment: "Hàng tốt",
    })
    .returning({ id: reviews.id })
    .get().id;

  const purchaseRequestId = db
    .insert(purchaseRequests)
    .values({
      code: "YC-AZ-0001",
      buyerUserId: userIds["other-buyer"],
      title: "Cần mua gạo",
      categoryId,
      quantity: 100,
      unit: "kg",
      deliveryLocation: "phường Đông Hà, tỉnh Quảng Trị",
      provinceCode: "44",
      communeCode: "19333",
      orgUnitId: communeA.id,
      neededBy: "2099-12-31",
    })
    .returning({ id: purchaseRequests.id })
    .get().id;

  const offerId = db
    .insert(offers)
    .values({
      purchaseRequestId,
      producerId: otherProducerId,
      listingId: otherListingId,
      goods: "Sản phẩm thử nghiệm B",
      unit: "kg",
      priceVnd: 20_000,
      quantity: 100,
      deliveryOn: "2099-12-01",
    })
    .returning({ id: offers.id })
    .get().id;
  db.insert(offerMessages)
    .values({ offerId, authorUserId: userIds["other-buyer"], body: "Giao được trong tuần không?" })
    .run();

  // The Union's records in commune A: out of reach for staff of commune B.
  const memberId = db
    .insert(unionMembers)
    .values({
      orgUnitId: communeA.id,
      fullName: "Hội viên Thử Nghiệm",
      birthYear: 1985,
      joinedOn: "2020-03-08",
      producerId,
      ethnicGroup: "Vân Kiều",
      householdStatus: "poor",
      hasDisability: false,
      consentGivenOn: "2026-01-05",
      consentForm: "paper",
    })
    .returning({ id: unionMembers.id })
    .get().id;
  const officerId = db
    .insert(unionOfficers)
    .values({
      orgUnitId: communeA.id,
      fullName: "Cán bộ Thử Nghiệm",
      position: "Chủ tịch",
      termStart: "2021-01-01",
      fullTime: true,
    })
    .returning({ id: unionOfficers.id })
    .get().id;

  const campaign = insertCampaigns(db, {
    orgUnitId: communeA.id,
    producerId,
    listingId,
    pledgerUserId: userIds["other-buyer"],
  });

  return {
    ...campaign,
    memberId,
    officerId,
    userIds,
    province: { id: province.id, code: province.code },
    communeA: { id: communeA.id, code: communeA.code },
    communeB: { id: communeB.id, code: communeB.code },
    producerCode: "SX901",
    producerId,
    otherProducerCode: "SX902",
    otherProducerId,
    listingId,
    listingSlug: "san-pham-thu-nghiem-a",
    listingSku: "SP9001",
    draftListingId,
    draftListingSlug: "ban-nhap-thu-nghiem-a",
    draftListingSku: "SP9002",
    otherListingId,
    buyerOrderId,
    buyerOrderCode: "DH-AZ-0001",
    otherBuyerOrderId,
    otherBuyerOrderCode: "DH-AZ-0002",
    owedRefundId,
    reviewId,
    purchaseRequestId,
    purchaseRequestCode: "YC-AZ-0001",
    offerId,
  };
}
