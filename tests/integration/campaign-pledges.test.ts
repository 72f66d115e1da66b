import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { listCommunes } from "~/lib/places";
import type { PledgeInput } from "~/lib/schemas/pledges";
import {
  convertPledgeToCart,
  convertPledgeToRequest,
  myPledges,
  withdrawPledge,
} from "~/modules/campaigns/pledge-conversions.server";
import {
  addPartner,
  approvedPledges,
  decidePledge,
  pledgerOf,
  recordBuyerPledge,
  recordStaffPledge,
  staffPledgePage,
} from "~/modules/campaigns/pledges.server";
import { getCart } from "~/modules/orders/cart.server";
import type { SignedInActor } from "~/modules/auth/actor";
import {
  buyerAddresses,
  buyerProfiles,
  campaignListings,
  campaignPledges,
  campaignProducers,
  campaigns,
  orgUnits,
  purchaseRequests,
  requestInvitations,
  staffMemberships,
  users,
} from "~db/schema";
import { freshDb, type Db } from "../helpers/db";
import { makeMarket } from "../helpers/market";

/**
 * Partners' pledges (issue 16 item 4) on the module: who may pledge, staff deciding only in
 * their subtree, the public list showing approved pledges only, and the buyer turning an
 * approved pledge, once, into a purchase request to the campaign's producers or her cart.
 */

const NOW = new Date("2026-12-05T03:00:00Z");

let db: Db;
let m: ReturnType<typeof makeMarket>;
let business: SignedInActor;
let otherStaff: SignedInActor;

function insertCampaign(slug: string, status: "draft" | "published", startsOn = "2026-12-01") {
  return db
    .insert(campaigns)
    .values({
      slug,
      orgUnitId: m.commune.id,
      title: `Chiến dịch ${slug}`,
      kind: "disaster_recovery",
      startsOn,
      endsOn: "2026-12-31",
      targetVnd: 10_000_000,
      status,
    })
    .returning({ id: campaigns.id })
    .get().id;
}

const pledge = (fields: Partial<PledgeInput> = {}): PledgeInput => ({
  goods: "Hạt tiêu đen",
  quantity: 5,
  unit: "kg",
  byDate: "2026-12-20",
  note: "",
  ...fields,
});

let campaignId = 0;

beforeEach(() => {
  db = freshDb();
  m = makeMarket(db);
  campaignId = insertCampaign("lu-xa-test", "published");
  db.insert(campaignProducers)
    .values([
      { campaignId, producerId: m.producerA.id, status: "joined", joinedAt: NOW },
      { campaignId, producerId: m.producerB.id, status: "joined", joinedAt: NOW },
    ])
    .run();
  db.insert(campaignListings)
    .values([
      { campaignId, listingId: m.pepper.id, joinedAt: NOW },
      { campaignId, listingId: m.squid.id, joinedAt: NOW },
    ])
    .run();
  db.insert(buyerProfiles)
    .values([
      { userId: m.buyer.id, kind: "retailer", companyName: "Công ty Sạch" },
      { userId: m.otherBuyer.id, kind: "individual" },
    ])
    .run();
  db.update(users).set({ phone: "+84912345678" }).where(eq(users.id, m.buyer.id)).run();
  business = m.actors.buyer;
  // Staff of another commune (a sibling of the campaign's) under the same province.
  db.insert(orgUnits)
    .values({
      id: 3,
      code: "T-Y",
      name: "Hội LHPN xã Khác",
      level: "commune",
      parentId: 1,
      path: "/1/3/",
    })
    .run();
  const staffUser = db
    .insert(users)
    .values({ email: "khac@hoi.vn", passwordHash: "x", displayName: "Cán bộ khác" })
    .returning({ id: users.id })
    .get();
  db.insert(staffMemberships).values({ userId: staffUser.id, orgUnitId: 3, role: "admin" }).run();
  otherStaff = {
    ...m.actors.admin,
    userId: staffUser.id,
    staff: [{ orgUnitId: 3, orgUnitCode: "T-Y", orgUnitPath: "/1/3/", role: "admin" }],
  };
});

describe("who may pledge", () => {
  it("a business buyer pledges for her company, which becomes a partner; the pledge waits", () => {
    expect(pledgerOf(db, business)).toEqual({ kind: "business", companyName: "Công ty Sạch" });
    const { id } = recordBuyerPledge(db, business, "lu-xa-test", pledge(), { now: NOW });
    const row = db.select().from(campaignPledges).where(eq(campaignPledges.id, id)).get();
    expect(row).toMatchObject({ status: "pending", buyerUserId: m.buyer.id, quantity: 5 });
    const page = staffPledgePage(db, m.actors.moderator, "lu-xa-test");
    expect(page.partners).toEqual([
      expect.objectContaining({ name: "Công ty Sạch", kind: "business", hasBuyer: true }),
    ]);
    // A second pledge reuses the partner.
    recordBuyerPledge(db, business, "lu-xa-test", pledge({ goods: "Mực khô" }), { now: NOW });
    expect(staffPledgePage(db, m.actors.admin, "lu-xa-test").partners).toHaveLength(1);
  });

  it("refuses an individual buyer, a producer, a draft, an ended campaign and a date too late", () => {
    expect(pledgerOf(db, m.actors.otherBuyer)).toEqual({ kind: "individual" });
    expect(() =>
      recordBuyerPledge(db, m.actors.otherBuyer, "lu-xa-test", pledge(), { now: NOW }),
    ).toThrow(expect.objectContaining({ status: 403 }));
    expect(() =>
      recordBuyerPledge(db, { ...m.actors.memberA, isBuyer: false }, "lu-xa-test", pledge(), {
        now: NOW,
      }),
    ).toThrow(expect.objectContaining({ status: 403 }));
    insertCampaign("nhap", "draft");
    expect(() => recordBuyerPledge(db, business, "nhap", pledge(), { now: NOW })).toThrow(
      expect.objectContaining({ status: 404 }),
    );
    expect(() =>
      recordBuyerPledge(db, business, "lu-xa-test", pledge(), {
        now: new Date("2027-01-02T03:00:00Z"),
      }),
    ).toThrow(expect.objectContaining({ status: 409 }));
    // The last day allowed is the campaign's end + 60 days.
    expect(() =>
      recordBuyerPledge(db, business, "lu-xa-test", pledge({ byDate: "2027-03-02" }), { now: NOW }),
    ).toThrow(expect.objectContaining({ status: 400, details: { field: "byDate" } }));
    expect(() =>
      recordBuyerPledge(db, business, "lu-xa-test", pledge({ byDate: "2026-12-04" }), { now: NOW }),
    ).toThrow(expect.objectContaining({ status: 400 }));
    recordBuyerPledge(db, business, "lu-xa-test", pledge({ byDate: "2027-03-01" }), { now: NOW });
    expect(db.select().from(campaignPledges).all()).toHaveLength(1);
  });

  it("a named listing must be in the campaign now, and sets the pledge's unit", () => {
    const { id } = recordBuyerPledge(
      db,
      business,
      "lu-xa-test",
      pledge({ listingId: m.pepper.id, unit: "kg" }),
      { now: NOW },
    );
    expect(db.select().from(campaignPledges).where(eq(campaignPledges.id, id)).get()).toMatchObject(
      { listingId: m.pepper.id, unit: "gói" },
    );
    expect(() =>
      recordBuyerPledge(db, business, "lu-xa-test", pledge({ listingId: m.bulk.id }), { now: NOW }),
    ).toThrow(expect.objectContaining({ status: 400, details: { field: "listingId" } }));
  });

  it("staff record a pledge for an organisation, linking its buyer account by phone", () => {
    const { id } = recordStaffPledge(
      db,
      m.actors.moderator,
      "lu-xa-test",
      {
        ...pledge(),
        partnerName: "Công ty Sạch",
        partnerKind: "business",
        buyerPhone: "+84912345678",
      },
      { now: NOW },
    );
    expect(db.select().from(campaignPledges).where(eq(campaignPledges.id, id)).get()).toMatchObject(
      { buyerUserId: m.buyer.id, recordedByUserId: m.actors.moderator.userId },
    );
    const charity = recordStaffPledge(
      db,
      m.actors.moderator,
      "lu-xa-test",
      { ...pledge(), partnerName: "Quỹ Từ Tâm", partnerKind: "charity" },
      { now: NOW },
    );
    expect(
      db.select().from(campaignPledges).where(eq(campaignPledges.id, charity.id)).get()
        ?.buyerUserId,
    ).toBeNull();
    expect(() =>
      addPartner(db, m.actors.moderator, "lu-xa-test", {
        partnerName: "Hợp tác xã X",
        partnerKind: "organisation",
        buyerPhone: "+84987654321",
      }),
    ).toThrow(expect.objectContaining({ status: 400, details: { field: "buyerPhone" } }));
    expect(() =>
      recordStaffPledge(
        db,
        otherStaff,
        "lu-xa-test",
        { ...pledge(), partnerName: "Quỹ Từ Tâm", partnerKind: "charity" },
        { now: NOW },
      ),
    ).toThrow(expect.objectContaining({ status: 404 }));
  });
});

describe("deciding and the public list", () => {
  it("staff approve or decline only in their subtree; public shows approved pledges only", () => {
    const a = recordBuyerPledge(db, business, "lu-xa-test", pledge(), { now: NOW });
    const b = recordBuyerPledge(db, business, "lu-xa-test", pledge({ goods: "Mực khô" }), {
      now: NOW,
    });
    recordBuyerPledge(db, business, "lu-xa-test", pledge({ goods: "Còn chờ" }), { now: NOW });
    expect(approvedPledges(db, campaignId)).toEqual([]);
    expect(() => decidePledge(db, otherStaff, "lu-xa-test", a.id, { approve: true })).toThrow(
      expect.objectContaining({ status: 404 }),
    );
    expect(() => decidePledge(db, m.actors.buyer, "lu-xa-test", a.id, { approve: true })).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    decidePledge(db, m.actors.moderator, "lu-xa-test", a.id, { approve: true });
    decidePledge(db, m.actors.admin, "lu-xa-test", b.id, { approve: false, reason: "Trùng" });
    expect(() => decidePledge(db, m.actors.admin, "lu-xa-test", a.id, { approve: true })).toThrow(
      expect.objectContaining({ status: 409 }),
    );
    expect(approvedPledges(db, campaignId)).toEqual([
      {
        id: a.id,
        partnerName: "Công ty Sạch",
        partnerKind: "business",
        goods: "Hạt tiêu đen",
        quantity: 5,
        unit: "kg",
        byDate: "2026-12-20",
      },
    ]);
    expect(myPledges(db, business).map((p) => [p.goods, p.status, p.declineReason])).toEqual([
      ["Còn chờ", "pending", null],
      ["Mực khô", "declined", "Trùng"],
      ["Hạt tiêu đen", "approved", null],
    ]);
  });

  it("the buyer withdraws her pending pledge; another buyer cannot touch it", () => {
    const { id } = recordBuyerPledge(db, business, "lu-xa-test", pledge(), { now: NOW });
    expect(() => withdrawPledge(db, m.actors.otherBuyer, id)).toThrow(
      expect.objectContaining({ status: 404 }),
    );
    withdrawPledge(db, business, id);
    expect(myPledges(db, business)[0]?.status).toBe("withdrawn");
    expect(() => withdrawPledge(db, business, id)).toThrow(
      expect.objectContaining({ status: 409 }),
    );
  });
});

describe("turning an approved pledge into a request or an order", () => {
  const approved = (fields: Partial<PledgeInput> = {}) => {
    const { id } = recordBuyerPledge(db, business, "lu-xa-test", pledge(fields), { now: NOW });
    decidePledge(db, m.actors.moderator, "lu-xa-test", id, { approve: true });
    return id;
  };
  const saveAddress = () => {
    const commune = listCommunes()[0]!;
    db.insert(buyerAddresses)
      .values({
        userId: m.buyer.id,
        name: "Kho Công ty Sạch",
        phone: "0912345678",
        province: "Tỉnh",
        communeCode: commune.code,
        commune: commune.name,
        address: "Số 1",
        isDefault: true,
      })
      .run();
    return commune;
  };

  it("posts a request as her, addressed to the campaign's joined producers, once", () => {
    const id = approved({ goods: "Gạo", quantity: 300, unit: "kg", note: "Giao 2 đợt" });
    expect(() => convertPledgeToRequest(db, business, id, { now: NOW })).toThrow(
      expect.objectContaining({ status: 409, messageKey: "pledges.error.noAddress" }),
    );
    const commune = saveAddress();
    expect(() => convertPledgeToRequest(db, m.actors.otherBuyer, id, { now: NOW })).toThrow(
      expect.objectContaining({ status: 404 }),
    );
    const { code, invited } = convertPledgeToRequest(db, business, id, { now: NOW });
    expect(invited).toBe(2);
    const request = db.select().from(purchaseRequests).where(eq(purchaseRequests.code, code)).get();
    expect(request).toMatchObject({
      buyerUserId: m.buyer.id,
      title: "Gạo – Chiến dịch lu-xa-test",
      quantity: 300,
      unit: "kg",
      neededBy: "2026-12-20",
      description: "Giao 2 đợt",
      communeCode: commune.code,
    });
    const invitedProducers = db
      .select({ producerId: requestInvitations.producerId })
      .from(requestInvitations)
      .where(eq(requestInvitations.purchaseRequestId, request!.id))
      .all()
      .map((r) => r.producerId)
      .sort();
    expect(invitedProducers).toEqual([m.producerA.id, m.producerB.id].sort());
    expect(
      db.select().from(campaignPledges).where(eq(campaignPledges.id, id)).get()?.purchaseRequestId,
    ).toBe(request!.id);
    expect(myPledges(db, business)[0]?.requestCode).toBe(code);
    // Once only: neither a second request nor the cart.
    expect(() => convertPledgeToRequest(db, business, id, { now: NOW })).toThrow(
      expect.objectContaining({ status: 409, messageKey: "pledges.error.converted" }),
    );
    expect(() => convertPledgeToCart(db, business, id)).toThrow(
      expect.objectContaining({ status: 409 }),
    );
    expect(db.select().from(purchaseRequests).all()).toHaveLength(1);
  });

  it("puts the pledged listing × quantity into her cart, once; a pending pledge cannot", () => {
    const pending = recordBuyerPledge(
      db,
      business,
      "lu-xa-test",
      pledge({ listingId: m.pepper.id }),
      {
        now: NOW,
      },
    );
    expect(() => convertPledgeToCart(db, business, pending.id)).toThrow(
      expect.objectContaining({ status: 409, messageKey: "pledges.error.notApproved" }),
    );
    const words = approved();
    expect(() => convertPledgeToCart(db, business, words)).toThrow(
      expect.objectContaining({ status: 409, messageKey: "pledges.error.noListing" }),
    );
    const id = approved({ listingId: m.pepper.id, quantity: 3 });
    convertPledgeToCart(db, business, id);
    const lines = getCart(db, { userId: m.buyer.id }).groups.flatMap((g) => g.lines);
    expect(lines.map((l) => [l.listingId, l.qty])).toEqual([[m.pepper.id, 3]]);
    expect(myPledges(db, business).find((p) => p.id === id)?.isInCart).toBe(true);
    expect(() => convertPledgeToCart(db, business, id)).toThrow(
      expect.objectContaining({ status: 409, messageKey: "pledges.error.converted" }),
    );
    saveAddress();
    expect(() => convertPledgeToRequest(db, business, id, { now: NOW })).toThrow(
      expect.objectContaining({ status: 409 }),
    );
  });

  it("a cart refusal (more than the stock) changes nothing", () => {
    const id = approved({ listingId: m.squid.id, quantity: 50 });
    expect(() => convertPledgeToCart(db, business, id)).toThrow(
      expect.objectContaining({ status: 400 }),
    );
    expect(getCart(db, { userId: m.buyer.id }).groups).toEqual([]);
    expect(myPledges(db, business)[0]?.isInCart).toBe(false);
  });
});
