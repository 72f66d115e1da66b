import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { DomainError } from "~/lib/errors";
import type { PurchaseRequestInput } from "~/lib/schemas/purchase-request";
import type { SignedInActor } from "~/modules/auth/actor";
import {
  closeExpiredRequests,
  closePurchaseRequest,
  hidePurchaseRequest,
  reopenPurchaseRequest,
  unhidePurchaseRequest,
} from "~/modules/demand/purchase-request-states.server";
import { listBuyerRequests } from "~/modules/demand/buyer-requests.server";
import {
  createPurchaseRequest,
  getPurchaseRequestByCode,
  listOpenPurchaseRequests,
  updatePurchaseRequest,
} from "~/modules/demand/purchase-requests.server";
import { REQUEST_LIMITS } from "~/modules/demand/request-limits.server";
import {
  auditLog,
  buyerProfiles,
  categories,
  offers,
  orgUnits,
  producers,
  purchaseRequests,
  users,
} from "~db/schema";
import { freshDb, type Db } from "../helpers/db";

// Noon in Việt Nam on 1 December 2026.
const NOON = new Date("2026-12-01T05:00:00Z");
const hours = (n: number) => new Date(NOON.getTime() + n * 3_600_000);

function user(userId: number, extra: Partial<SignedInActor> = {}): SignedInActor {
  return {
    kind: "user",
    userId,
    sessionId: null,
    displayName: `Người ${userId}`,
    locale: "vi",
    isBuyer: true,
    producers: [],
    staff: [],
    ...extra,
  };
}

const input: PurchaseRequestInput = {
  title: "Cần mua 200 kg gạo hữu cơ",
  description: "Giao đầu tháng.",
  categoryCode: "gao",
  quantity: 200,
  unit: "kg",
  targetPriceVnd: 36000,
  provinceCode: "44",
  communeCode: "19333",
  neededBy: "2026-12-20",
  recurrence: "none",
};

/** Status and message key of what `fn` throws. */
function refusal(fn: () => unknown): { status: number; key: string; details: unknown } {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) {
      return { status: error.status, key: error.messageKey, details: error.details };
    }
    throw error;
  }
  throw new Error("expected a refusal");
}

interface World {
  db: Db;
  buyer: SignedInActor;
  other: SignedInActor;
  moderator: SignedInActor;
  otherModerator: SignedInActor;
  dongHa: number;
  root: number;
}

function world(): World {
  const db = freshDb();
  db.insert(users)
    .values(
      [1, 2, 3, 4, 5].map((id) => ({
        id,
        phone: `+8490000030${id}`,
        passwordHash: "x",
        displayName: `Người ${id}`,
      })),
    )
    .run();
  db.insert(buyerProfiles)
    .values([
      { userId: 1, kind: "school", companyName: "Trường Mầm non Hoa Sen" },
      { userId: 2, kind: "individual" },
    ])
    .run();
  db.insert(orgUnits)
    .values([
      { id: 1, code: "QT", name: "Hội LHPN tỉnh Quảng Trị", level: "province", path: "/1/" },
      {
        id: 2,
        code: "QT-DONGHA",
        name: "Hội LHPN phường Đông Hà",
        level: "commune",
        parentId: 1,
        path: "/1/2/",
        communeCode: "19333",
      },
      {
        id: 3,
        code: "QT-CAMLO",
        name: "Hội LHPN xã Cam Lộ",
        level: "commune",
        parentId: 1,
        path: "/1/3/",
        communeCode: "19597",
      },
    ])
    .run();
  db.insert(categories).values({ id: 1, code: "gao", nameVi: "Gạo", nameEn: "Rice" }).run();
  const staff = (orgUnitId: number, path: string) => ({
    isBuyer: false,
    staff: [{ orgUnitId, orgUnitCode: "x", orgUnitPath: path, role: "moderator" as const }],
  });
  return {
    db,
    buyer: user(1),
    other: user(2),
    moderator: user(3, staff(2, "/1/2/")),
    otherModerator: user(4, staff(3, "/1/3/")),
    dongHa: 2,
    root: 1,
  };
}

function rowOf(db: Db, id: number) {
  const row = db.select().from(purchaseRequests).where(eq(purchaseRequests.id, id)).get();
  if (!row) throw new Error("no row");
  return row;
}

describe("a purchase request's whole life", () => {
  let w: World;
  beforeEach(() => {
    w = world();
  });

  it("stores the place as official codes, writes it for people, and picks the covering org unit", () => {
    const { id } = createPurchaseRequest(w.db, w.buyer, input, { now: NOON });
    expect(rowOf(w.db, id)).toMatchObject({
      provinceCode: "44",
      communeCode: "19333",
      deliveryLocation: "Phường Đông Hà, Tỉnh Quảng Trị",
      orgUnitId: w.dongHa,
      status: "open",
      createdAt: NOON,
    });
  });

  it("falls back to the province's root unit for a commune no unit covers", () => {
    const { id } = createPurchaseRequest(
      w.db,
      w.buyer,
      { ...input, provinceCode: "01", communeCode: "00070" },
      { now: NOON },
    );
    expect(rowOf(w.db, id)).toMatchObject({
      orgUnitId: w.root,
      deliveryLocation: "Phường Hoàn Kiếm, Thành phố Hà Nội",
    });
  });

  it("refuses a commune of another province and a past date, naming the field, writing nothing", () => {
    expect(
      refusal(() =>
        createPurchaseRequest(w.db, w.buyer, { ...input, communeCode: "00070" }, { now: NOON }),
      ),
    ).toMatchObject({
      status: 400,
      key: "requests.errors.communeNotInProvince",
      details: { field: "communeCode" },
    });
    expect(
      refusal(() =>
        createPurchaseRequest(w.db, w.buyer, { ...input, neededBy: "2026-11-30" }, { now: NOON }),
      ),
    ).toMatchObject({ status: 400, details: { field: "neededBy" } });
    expect(w.db.select().from(purchaseRequests).all()).toEqual([]);
  });

  it("lets the owner edit an open request, and nobody else", () => {
    const { id, code } = createPurchaseRequest(w.db, w.buyer, input, { now: NOON });
    updatePurchaseRequest(
      w.db,
      w.buyer,
      code,
      {
        ...input,
        title: "Cần mua 300 kg gạo",
        communeCode: "19597",
        recurrence: "monthly",
        neededBy: "2027-03-31",
      },
      { now: hours(1) },
    );
    expect(rowOf(w.db, id)).toMatchObject({
      code,
      title: "Cần mua 300 kg gạo",
      communeCode: "19597",
      orgUnitId: 3,
      deliveryLocation: "Xã Cam Lộ, Tỉnh Quảng Trị",
      recurrence: "monthly",
      neededBy: "2027-03-31",
    });
    expect(refusal(() => updatePurchaseRequest(w.db, w.other, code, input))).toMatchObject({
      status: 404,
    });
    closePurchaseRequest(w.db, w.buyer, code, { now: hours(2) });
    expect(
      refusal(() => updatePurchaseRequest(w.db, w.buyer, code, input, { now: hours(3) })),
    ).toMatchObject({
      status: 409,
      key: "requests.errors.notOpen",
    });
  });

  it("closes and reopens for the owner only", () => {
    const { id, code } = createPurchaseRequest(w.db, w.buyer, input, { now: NOON });
    expect(refusal(() => closePurchaseRequest(w.db, w.other, code))).toMatchObject({ status: 404 });
    closePurchaseRequest(w.db, w.buyer, code, { now: hours(1) });
    expect(rowOf(w.db, id)).toMatchObject({
      status: "closed",
      closeReason: "owner",
      closedAt: hours(1),
    });
    expect(refusal(() => closePurchaseRequest(w.db, w.buyer, code))).toMatchObject({ status: 409 });
    expect(listOpenPurchaseRequests(w.db, { today: "2026-12-01" }).items).toEqual([]);
    expect(
      refusal(() => reopenPurchaseRequest(w.db, w.other, code, { now: hours(2) })),
    ).toMatchObject({
      status: 404,
    });
    reopenPurchaseRequest(w.db, w.buyer, code, { now: hours(2) });
    expect(rowOf(w.db, id)).toMatchObject({ status: "open", closeReason: null, closedAt: null });
  });

  it("closes one-off requests after their day and recurring ones after their end date", () => {
    const oneOff = createPurchaseRequest(
      w.db,
      w.buyer,
      { ...input, neededBy: "2026-12-05" },
      { now: NOON },
    );
    const weekly = createPurchaseRequest(
      w.db,
      w.buyer,
      { ...input, recurrence: "weekly", neededBy: "2026-12-10" },
      { now: NOON },
    );
    // 5 December, 23:00 in Việt Nam: the one-off request's day has not passed yet.
    expect(closeExpiredRequests(w.db, new Date("2026-12-05T16:00:00Z"))).toBe(0);
    // 6 December, 00:30 in Việt Nam.
    const sixth = new Date("2026-12-05T17:30:00Z");
    expect(closeExpiredRequests(w.db, sixth)).toBe(1);
    expect(rowOf(w.db, oneOff.id)).toMatchObject({
      status: "closed",
      closeReason: "expired",
      closedAt: sixth,
    });
    expect(rowOf(w.db, weekly.id).status).toBe("open");
    expect(closeExpiredRequests(w.db, new Date("2026-12-11T01:00:00Z"))).toBe(1);
    expect(rowOf(w.db, weekly.id)).toMatchObject({ status: "closed", closeReason: "expired" });
    // Past its date it cannot be reopened: a new request is needed.
    expect(
      refusal(() =>
        reopenPurchaseRequest(w.db, w.buyer, oneOff.code, {
          now: new Date("2026-12-12T01:00:00Z"),
        }),
      ),
    ).toMatchObject({ status: 409, key: "requests.errors.datePassed" });
  });

  it("allows 5 new requests a day, then 429 until the oldest turns a day old", () => {
    for (let i = 0; i < REQUEST_LIMITS.newPerDay; i++) {
      createPurchaseRequest(w.db, w.buyer, input, { now: hours(i) });
    }
    const refused = refusal(() => createPurchaseRequest(w.db, w.buyer, input, { now: hours(5) }));
    expect(refused).toMatchObject({
      status: 429,
      key: "requests.errors.tooManyToday",
      details: { retryAfterSeconds: 19 * 3600 },
    });
    expect(w.db.select().from(purchaseRequests).all()).toHaveLength(5);
    // Another buyer is not affected; a day after the first, one more passes.
    createPurchaseRequest(w.db, w.other, input, { now: hours(5) });
    createPurchaseRequest(w.db, w.buyer, input, { now: hours(24) });
  });

  it("allows 10 open requests; closing one frees a place, reopening counts again", () => {
    const codes: string[] = [];
    for (let i = 0; i < REQUEST_LIMITS.open; i++) {
      codes.push(createPurchaseRequest(w.db, w.buyer, input, { now: hours(i * 24) }).code);
    }
    const later = hours(10 * 24);
    const longInput = { ...input, neededBy: "2027-06-01" };
    expect(
      refusal(() => createPurchaseRequest(w.db, w.buyer, longInput, { now: later })),
    ).toMatchObject({
      status: 429,
      key: "requests.errors.tooManyOpen",
    });
    const first = codes[0] ?? "";
    closePurchaseRequest(w.db, w.buyer, first, { now: later });
    createPurchaseRequest(w.db, w.buyer, longInput, { now: later });
    expect(
      refusal(() => reopenPurchaseRequest(w.db, w.buyer, first, { now: later })),
    ).toMatchObject({
      status: 429,
    });
  });

  it("lets a moderator hide and unhide within her subtree, audited; others get 403 or 404", () => {
    const { id, code } = createPurchaseRequest(w.db, w.buyer, input, { now: NOON });
    expect(refusal(() => hidePurchaseRequest(w.db, w.other, code))).toMatchObject({ status: 403 });
    expect(refusal(() => hidePurchaseRequest(w.db, w.otherModerator, code))).toMatchObject({
      status: 404,
    });
    expect(w.db.select().from(auditLog).all()).toEqual([]);

    hidePurchaseRequest(w.db, w.moderator, code, {
      reason: "Quảng cáo",
      now: hours(1),
      ipAddress: "10.0.0.1",
    });
    expect(rowOf(w.db, id)).toMatchObject({
      isHidden: true,
      hiddenReason: "Quảng cáo",
      hiddenByUserId: 3,
      hiddenAt: hours(1),
    });
    expect(getPurchaseRequestByCode(w.db, code)).toBeNull();
    expect(getPurchaseRequestByCode(w.db, code, { includeHidden: true })?.isHidden).toBe(true);
    expect(listBuyerRequests(w.db, 1).items[0]).toMatchObject({ code, isHidden: true });

    unhidePurchaseRequest(w.db, w.moderator, code, { now: hours(2) });
    expect(rowOf(w.db, id).isHidden).toBe(false);
    const audit = w.db.select().from(auditLog).all();
    expect(audit.map((entry) => entry.action)).toEqual([
      "purchase-request.hide",
      "purchase-request.unhide",
    ]);
    expect(audit[0]).toMatchObject({
      actorUserId: 3,
      entityType: "purchase_request",
      entityId: String(id),
      orgUnitId: w.dongHa,
      ipAddress: "10.0.0.1",
      after: { isHidden: true, hiddenReason: "Quảng cáo" },
    });
  });

  it("shows the public no identity or contact of the buyer", () => {
    const { code } = createPurchaseRequest(w.db, w.buyer, input, { now: NOON });
    const detail = getPurchaseRequestByCode(w.db, code);
    const card = listOpenPurchaseRequests(w.db, { today: "2026-12-01" }).items[0];
    for (const shown of [detail, card]) {
      const text = JSON.stringify(shown);
      expect(text).not.toContain("Hoa Sen");
      expect(text).not.toContain("+84900000301");
      expect(text).not.toContain("Người 1");
    }
    expect(detail).toMatchObject({ buyerKind: "school", orgUnitName: "Hội LHPN phường Đông Hà" });
  });

  it("lists a buyer's own requests, newest first, with offer counts that skip withdrawn offers", () => {
    const first = createPurchaseRequest(w.db, w.buyer, input, { now: NOON });
    const second = createPurchaseRequest(w.db, w.buyer, input, { now: hours(1) });
    createPurchaseRequest(w.db, w.other, input, { now: hours(2) });
    w.db
      .insert(producers)
      .values({
        id: 1,
        code: "SX001",
        name: "HTX Đông Hà",
        kind: "htx",
        orgUnitId: w.dongHa,
        commune: "Phường Đông Hà",
        address: "Đông Hà",
        membersTotal: 10,
      })
      .run();
    const offer = (status: "submitted" | "withdrawn") => ({
      purchaseRequestId: first.id,
      producerId: 1,
      goods: "Gạo",
      priceVnd: 30000,
      quantity: 200,
      status,
    });
    w.db
      .insert(offers)
      .values([offer("submitted"), offer("withdrawn")])
      .run();
    const page = listBuyerRequests(w.db, 1);
    expect(page.total).toBe(2);
    expect(page.items.map((r) => [r.code, r.offerCount])).toEqual([
      [second.code, 0],
      [first.code, 1],
    ]);
  });
});
