import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { Forbidden, NotFound } from "~/lib/errors";
import type { SignedInActor } from "~/modules/auth/actor";
import {
  acceptOrder,
  cancelOrderByBuyer,
  confirmReceipt,
  deliverOrder,
  recordRefund,
  shipOrder,
} from "~/modules/orders/fulfilment.server";
import { placeOrder } from "~/modules/orders/place-order.server";
import { outcomeReport } from "~/modules/reports/outcome.server";
import { vietnamDayStartMs } from "~/modules/reports/periods";
import { rebuildReportRollups } from "~/modules/reports/rollups.server";
import {
  categories,
  listings,
  offlineDeals,
  producerMemberships,
  producers,
  users,
} from "~db/schema";
import { freshDb } from "../helpers/db";
import { newKey, SHIPPING } from "../helpers/market";

/*
 * The hand-made fixture of issue 12: 12 orders across two communes (A, B) and three
 * producers (P1 in A; P2 in unit M, merged into A after its orders; P3 in B), made through
 * the ordering module with injected times, and the figures of the third quarter of 2026
 * worked out by hand below. Times are Vietnam time (UTC+7).
 */

type Db = ReturnType<typeof freshDb>;

/** An instant given in Vietnam time: "2026-09-30 23:59". */
const vn = (dayAndTime: string) => {
  const [day, time] = dayAndTime.split(" ") as [string, string];
  const [h, m] = time.split(":").map(Number) as [number, number];
  return new Date(vietnamDayStartMs(day) + (h * 60 + m) * 60_000);
};

const Q3 = { from: "2026-07-01", to: "2026-09-30" };
const Q2 = { from: "2026-04-01", to: "2026-06-30" };

function actorOf(userId: number, extra: Partial<SignedInActor>): SignedInActor {
  return {
    kind: "user",
    userId,
    sessionId: null,
    displayName: `#${userId}`,
    locale: "vi",
    isBuyer: false,
    producers: [],
    staff: [],
    ...extra,
  };
}

function buildFixture(db: Db) {
  const unit = db.$client.prepare(
    `INSERT INTO org_units (id, code, name, level, parent_id, path) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  unit.run(1, "T", "Hội LHPN tỉnh Thử", "province", null, "/1/");
  unit.run(2, "T-A", "Hội LHPN xã A", "commune", 1, "/1/2/");
  unit.run(3, "T-B", "Hội LHPN xã B", "commune", 1, "/1/3/");
  unit.run(4, "T-M", "Hội LHPN xã M", "commune", 1, "/1/4/");
  const rau = db
    .insert(categories)
    .values({ code: "rau", nameVi: "Rau", nameEn: "Vegetables" })
    .returning()
    .get();
  const giaVi = db
    .insert(categories)
    .values({ code: "gia-vi", nameVi: "Gia vị", nameEn: "Spices" })
    .returning()
    .get();
  const since = vn("2026-01-01 08:00");
  const producer = (
    code: string,
    orgUnitId: number,
    women: number,
    extra: { ethnic?: number; poor?: number } = {},
  ) =>
    db
      .insert(producers)
      .values({
        code,
        name: `Tổ ${code}`,
        kind: "nhom",
        orgUnitId,
        commune: "xã Thử",
        address: "thôn 1",
        membersTotal: 20,
        membersWomen: women,
        membersEthnicMinority: extra.ethnic ?? 0,
        membersPoorHousehold: extra.poor ?? 0,
        deliveryFeeVnd: 30000,
        verificationStatus: "verified",
        createdAt: since,
      })
      .returning()
      .get();
  const p1 = producer("P1", 2, 8);
  const p2 = producer("P2", 4, 5, { poor: 1 });
  const p3 = producer("P3", 3, 4, { ethnic: 2 });
  const ocop = (stars: 3 | 4) => ({
    ocopStars: stars,
    ocopCertificateNo: `OCOP-${stars}`,
    ocopIssuedOn: "2025-01-01",
    ocopExpiresOn: "2028-01-01",
  });
  const listing = (
    sku: string,
    producerId: number,
    categoryId: number,
    priceVnd: number,
    extra: object = {},
    publishedAt = since,
  ) =>
    db
      .insert(listings)
      .values({
        sku,
        producerId,
        title: `Hàng ${sku}`,
        slug: sku.toLowerCase(),
        categoryId,
        priceVnd,
        unit: "kg",
        stock: 100,
        status: "published",
        publishedAt,
        createdAt: publishedAt,
        ...extra,
      })
      .run();
  listing("L1", p1.id, rau.id, 100_000);
  listing("L2", p1.id, giaVi.id, 50_000, ocop(3));
  listing("L3", p2.id, rau.id, 200_000);
  listing("L4", p3.id, giaVi.id, 30_000, ocop(4));
  // Published after the quarter: not an active listing of it.
  listing("L5", p3.id, rau.id, 10_000, {}, vn("2026-11-01 08:00"));

  const user = (name: string) =>
    db
      .insert(users)
      .values({ email: `${name}@example.vn`, passwordHash: "x", displayName: name })
      .returning()
      .get().id;
  const [u1, u2, u3] = [user("u1"), user("u2"), user("u3")];
  const member = (producerId: number, code: string) => {
    const id = user(`member${code.toLowerCase()}`);
    db.insert(producerMemberships).values({ userId: id, producerId, role: "owner" }).run();
    return actorOf(id, {
      producers: [{ producerId, producerCode: code, producerName: `Tổ ${code}`, role: "owner" }],
    });
  };
  const members = new Map([
    [p1.id, member(p1.id, "P1")],
    [p2.id, member(p2.id, "P2")],
    [p3.id, member(p3.id, "P3")],
  ]);
  const admin = actorOf(user("admin"), {
    staff: [{ orgUnitId: 1, orgUnitCode: "T", orgUnitPath: "/1/", role: "admin" }],
  });

  /** Places an order (COD) and walks it to completion at `completedAt`, or stops earlier. */
  const order = (
    buyer: number,
    items: { sku: string; qty: number }[],
    at: string,
    end: "completed" | "delivered" | "cancelled" = "completed",
    delivery?: string,
  ) => {
    const completedAt = vn(at);
    const placedAt = new Date(completedAt.getTime() - 3 * 86_400_000);
    const placed = placeOrder(db, {
      buyerUserId: buyer,
      items,
      shipping: SHIPPING,
      paymentMethod: "cod",
      delivery: delivery ? { [delivery]: "delivery" } : undefined,
      idempotency: { scope: "report-fixture", key: newKey() },
      now: placedAt,
    }).orders[0]!;
    const producerActor = members.get(placed.producer.id)!;
    if (end === "cancelled") {
      cancelOrderByBuyer(db, buyer, placed.id, "đổi ý", placedAt);
      return placed.id;
    }
    acceptOrder(db, producerActor, placed.id, placedAt);
    shipOrder(db, producerActor, placed.id, placedAt);
    deliverOrder(db, producerActor, placed.id, new Date(completedAt.getTime() - 60_000));
    if (end === "completed") confirmReceipt(db, buyer, placed.id, completedAt);
    return placed.id;
  };
  const refund = (orderId: number, amountVnd: number, at: string) =>
    recordRefund(db, admin, { orderId, amountVnd, reason: "hàng hỏng" }, vn(at));

  const o1 = order(
    u1,
    [
      { sku: "L1", qty: 2 },
      { sku: "L2", qty: 1 },
    ],
    "2026-07-05 10:00",
  );
  refund(o1, 50_000, "2026-08-01 09:00");
  // 23:59 on the last day counts; 00:00 the next day does not. A delivery fee is no sale.
  order(u2, [{ sku: "L1", qty: 1 }], "2026-09-30 23:59", "completed", "P1");
  order(u1, [{ sku: "L2", qty: 3 }], "2026-10-01 00:00");
  order(u3, [{ sku: "L1", qty: 1 }], "2026-08-01 10:00", "cancelled");
  order(u2, [{ sku: "L3", qty: 1 }], "2026-07-10 10:00");
  order(u3, [{ sku: "L3", qty: 2 }], "2026-08-15 10:00");
  order(u1, [{ sku: "L4", qty: 10 }], "2026-07-01 00:00");
  order(u1, [{ sku: "L4", qty: 5 }], "2026-06-30 23:59");
  const o9 = order(u2, [{ sku: "L4", qty: 3 }], "2026-05-20 10:00");
  // Recorded in Q3 on an order completed in Q2: counts in Q3.
  refund(o9, 30_000, "2026-07-15 09:00");
  order(u3, [{ sku: "L4", qty: 1 }], "2026-09-20 10:00", "delivered");
  order(u2, [{ sku: "L3", qty: 1 }], "2026-09-01 10:00");
  const o12 = order(
    u3,
    [
      { sku: "L1", qty: 1 },
      { sku: "L2", qty: 1 },
    ],
    "2026-09-10 10:00",
  );
  // 10,001 over 100,000 + 50,000: 6,667.33 and 3,333.67 → 6,667 and 3,334.
  refund(o12, 10_001, "2026-09-20 09:00");

  // Unit M merges into A (the 2025 mergers): P2 moves to A, its orders keep unit M.
  db.$client.exec(`UPDATE org_units SET parent_id = 2, merged_into_id = 2,
    merged_at = ${vn("2026-10-10 08:00").getTime()}, path = '/1/2/4/' WHERE id = 4`);
  db.update(producers).set({ orgUnitId: 2 }).where(eq(producers.id, p2.id)).run();
  // A later declaration (today's clock) does not change the quarter's figure.
  db.update(producers).set({ membersWomen: 12 }).where(eq(producers.id, p1.id)).run();
  db.insert(offlineDeals)
    .values([
      {
        producerId: p3.id,
        orgUnitId: 3,
        buyerName: "Bếp trường",
        description: "gừng",
        amountVnd: 5_000_000,
        dealOn: "2026-08-20",
      },
      {
        producerId: p3.id,
        orgUnitId: 3,
        buyerName: "Bếp trường",
        description: "gừng",
        amountVnd: 1_000_000,
        dealOn: "2026-10-01",
      },
    ])
    .run();
  return { admin };
}

describe("outcome report on the hand-made fixture", () => {
  const db = freshDb();
  let admin: SignedInActor;
  beforeAll(() => {
    ({ admin } = buildFixture(db));
  });

  it("gives the province's figures of Q3 2026 beside Q2, as worked out by hand", () => {
    const report = outcomeReport(db, admin, { unitCode: "T", period: Q3, previous: Q2 });
    expect(report.current).toEqual({
      // Completed in Q3: 250,000 + 100,000 + 200,000 + 400,000 + 300,000 + 200,000 + 150,000.
      // Refunds recorded in Q3: 50,000 + 30,000 + 10,001.
      salesVnd: 1_509_999,
      refundsVnd: 90_001,
      completedOrders: 7,
      activeProducers: 3,
      activeListings: 4,
      distinctBuyers: 3,
      womenMembers: 8 + 5 + 4,
      salesPerWomanMemberVnd: 88_823, // 1,509,999 / 17 = 88,823.47
      offlineDeals: 1,
      offlineDealsVnd: 5_000_000,
      requestsPosted: 0,
      requestsAnswered: 0,
      requestsFulfilled: 0,
    });
  });

  it("adds up by unit: A holds the merged unit M's orders, only sales, orders and deals add up", () => {
    const { byUnit, before } = outcomeReport(db, admin, { unitCode: "T", period: Q3 });
    const row = (sales: number, orders: number, producers: number, women: number) => ({
      salesVnd: sales,
      completedOrders: orders,
      activeProducers: producers,
      womenMembers: women,
      salesPerWomanMemberVnd: women > 0 ? Math.round(sales / women) : null,
    });
    expect(byUnit.children).toEqual([
      // P1: 250,000 + 100,000 + 150,000 − 50,000 − 10,001; P2 (unit M): 200,000 + 400,000 + 200,000.
      {
        unitCode: "T-A",
        unitName: "Hội LHPN xã A",
        hasChildren: false,
        offlineDealsVnd: 0,
        ...row(1_239_999, 6, 2, 13),
      },
      // P3: 300,000 − the 30,000 refund of its Q2 order.
      {
        unitCode: "T-B",
        unitName: "Hội LHPN xã B",
        hasChildren: false,
        offlineDealsVnd: 5_000_000,
        ...row(270_000, 1, 1, 4),
      },
    ]);
    expect(byUnit.direct).toEqual({
      unitCode: null,
      unitName: "Hội LHPN tỉnh Thử",
      hasChildren: false,
      offlineDealsVnd: 0,
      ...row(0, 0, 0, 0),
    });
    expect(byUnit.total).toEqual({
      unitCode: "T",
      unitName: "Hội LHPN tỉnh Thử",
      hasChildren: true,
      offlineDealsVnd: 5_000_000,
      ...row(1_509_999, 7, 3, 17),
    });
    // Q2: O8 150,000 and O9 90,000, both P3's; the 00:00 order of Q3's first day is not here.
    expect(before).toMatchObject({
      salesVnd: 240_000,
      refundsVnd: 0,
      completedOrders: 2,
      activeProducers: 1,
      distinctBuyers: 2,
      womenMembers: 4,
      salesPerWomanMemberVnd: 60_000,
      activeListings: 4,
      offlineDeals: 0,
    });
  });

  it("spreads refunds over their orders' lines for categories and OCOP stars, to the đồng", () => {
    const report = outcomeReport(db, admin, { unitCode: "T", period: Q3 });
    expect(report.byCategory).toEqual([
      // 200,000 + 100,000 + 200,000 + 400,000 + 200,000 + 100,000 − 40,000 − 6,667
      { categoryCode: "rau", nameVi: "Rau", nameEn: "Vegetables", salesVnd: 1_153_333 },
      // 50,000 + 300,000 + 50,000 − 10,000 − 30,000 − 3,334
      { categoryCode: "gia-vi", nameVi: "Gia vị", nameEn: "Spices", salesVnd: 356_666 },
    ]);
    expect(report.byOcop).toEqual([
      { stars: 5, salesVnd: 0 },
      { stars: 4, salesVnd: 270_000 },
      { stars: 3, salesVnd: 86_666 },
      { stars: 0, salesVnd: 1_153_333 },
    ]);
    expect(report.byGroup).toEqual([
      {
        group: "ethnicMinority",
        producers: 1,
        activeProducers: 1,
        salesVnd: 270_000,
        womenMembers: 4,
      },
      {
        group: "poorHousehold",
        producers: 1,
        activeProducers: 1,
        salesVnd: 800_000,
        womenMembers: 5,
      },
    ]);
    expect(
      report.byProducer.map((p) => [
        p.producerCode,
        p.unitCode,
        p.salesVnd,
        p.completedOrders,
        p.womenMembers,
      ]),
    ).toEqual([
      ["P2", "T-A", 800_000, 3, 5],
      ["P1", "T-A", 439_999, 3, 8],
      ["P3", "T-B", 270_000, 1, 4],
    ]);
  });

  it("draws the 12 months ending with the period's last month, refunds in the month they count", () => {
    const { last12Months } = outcomeReport(db, admin, { unitCode: "T", period: Q3 });
    expect(last12Months.map((m) => m.month)).toEqual([
      "2025-10",
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
    ]);
    expect(last12Months.filter((m) => m.salesVnd !== 0)).toEqual([
      { month: "2026-05", salesVnd: 90_000 },
      { month: "2026-06", salesVnd: 150_000 },
      { month: "2026-07", salesVnd: 250_000 + 200_000 + 300_000 - 30_000 },
      { month: "2026-08", salesVnd: 400_000 - 50_000 },
      { month: "2026-09", salesVnd: 100_000 + 200_000 + 150_000 - 10_001 },
    ]);
  });

  it("gives commune A's staff her commune (the merged unit's history in it) and nothing else", () => {
    const staffA = actorOf(admin.userId, {
      staff: [{ orgUnitId: 2, orgUnitCode: "T-A", orgUnitPath: "/1/2/", role: "reporter" }],
    });
    const report = outcomeReport(db, staffA, { unitCode: null, period: Q3 });
    expect(report.unit).toEqual({
      code: "T-A",
      name: "Hội LHPN xã A",
      level: "commune",
      parentCode: null,
    });
    expect(report.ancestors).toEqual([]);
    expect(report.byUnit.children).toEqual([]);
    expect(report.byUnit.direct.salesVnd).toBe(1_239_999);
    expect(report.current).toMatchObject({
      salesVnd: 1_239_999,
      completedOrders: 6,
      activeListings: 3,
      distinctBuyers: 3,
      offlineDeals: 0,
    });
    expect(() => outcomeReport(db, staffA, { unitCode: "T-B", period: Q3 })).toThrow(Forbidden);
    expect(() => outcomeReport(db, staffA, { unitCode: "T", period: Q3 })).toThrow(Forbidden);
    // A merged unit has no report of its own, an unknown one neither.
    expect(() => outcomeReport(db, admin, { unitCode: "T-M", period: Q3 })).toThrow(NotFound);
    expect(() => outcomeReport(db, admin, { unitCode: "T-ZZ", period: Q3 })).toThrow(NotFound);
    const moderator = actorOf(admin.userId, {
      staff: [{ orgUnitId: 1, orgUnitCode: "T", orgUnitPath: "/1/", role: "moderator" }],
    });
    expect(() => outcomeReport(db, moderator, { unitCode: "T", period: Q3 })).toThrow(Forbidden);
  });

  it("roll-ups rebuilt from the orders equal the ones the trigger wrote", () => {
    const snapshot = () =>
      [
        db.$client.prepare("SELECT * FROM report_sales ORDER BY 1, 2, 3, 4, 5, 6").all(),
        db.$client.prepare("SELECT * FROM report_orders ORDER BY 1, 2, 3, 4").all(),
      ] as const;
    const byTrigger = snapshot();
    // 10 completed orders on 10 days; P1's two September orders share a month row.
    expect(byTrigger[1]).toHaveLength(10 + 9);
    rebuildReportRollups(db);
    expect(snapshot()).toEqual(byTrigger);
  });
});
