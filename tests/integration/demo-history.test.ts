import { beforeAll, describe, expect, it } from "vitest";
import { readDemoCatalog } from "~db/seed/csv.server";
import { planDemoHistory } from "~db/seed/demo-history-plan";
import { seedDemo } from "~db/seed/seed.server";
import { freshDb, type Db } from "../helpers/db";
import { ledgerMismatches } from "../helpers/stock";

/**
 * Issue 12, item 7: the demo seed adds a year of orders made through the ordering module, so
 * a fresh demo's reports, inboxes and charts are full.
 */

// Noon in Việt Nam on 15 March 2027: the 12 months before it are 2026-03 … 2027-02.
const today = new Date("2027-03-15T05:00:00Z");
const MONTHS = [
  "2026-03",
  "2026-04",
  "2026-05",
  "2026-06",
  "2026-07",
  "2026-08",
  "2026-09",
  "2026-10",
  "2026-11",
  "2026-12",
  "2027-01",
  "2027-02",
];
const DAY_MS = 86_400_000;

interface OrderRow {
  id: number;
  status: string;
  producerId: number;
  orgUnitId: number;
  subtotal: number;
  createdAt: number;
  completedAt: number | null;
}

function rows<T>(db: Db, sql: string, ...params: unknown[]): T[] {
  return db.$client.prepare(sql).all(...params) as T[];
}

/** The month of a moment in Việt Nam (UTC+7), computed here without SQL. */
function vietnamMonth(ms: number): string {
  return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 7);
}

function ordersOf(db: Db): OrderRow[] {
  return rows<OrderRow>(
    db,
    `SELECT id, status, producer_id AS producerId, org_unit_id AS orgUnitId,
       subtotal_vnd AS subtotal, created_at AS createdAt, completed_at AS completedAt
     FROM orders ORDER BY created_at, id`,
  );
}

let db: Db;
let orders: OrderRow[];

beforeAll(async () => {
  db = freshDb();
  await seedDemo(db, { today, mode: "demo" });
  orders = ordersOf(db);
}, 120_000);

describe("the demo's year of orders", () => {
  it("holds a few hundred orders over the last 12 months, most completed, some cancelled or refunded", () => {
    expect(orders.length).toBeGreaterThan(250);
    expect(orders.length).toBeLessThan(1500);
    const byStatus = new Map<string, number>();
    for (const order of orders) byStatus.set(order.status, (byStatus.get(order.status) ?? 0) + 1);
    const completed = byStatus.get("completed") ?? 0;
    const cancelled = byStatus.get("cancelled") ?? 0;
    expect(completed / orders.length).toBeGreaterThan(0.8);
    expect(cancelled).toBeGreaterThan(10);
    const refunds = rows<{ orderId: number; createdAt: number; status: string }>(
      db,
      `SELECT r.order_id AS orderId, r.created_at AS createdAt, o.status FROM refunds r
       JOIN orders o ON o.id = r.order_id`,
    );
    expect(refunds.length).toBeGreaterThan(5);
    // Refunds of the history are recorded on completed orders, in the past.
    expect(
      refunds.filter((r) => r.status !== "completed" || r.createdAt >= today.getTime()),
    ).toEqual([]);
    // Every order lies in the year before the seed's day, every step before it.
    const yearAgo = today.getTime() - 366 * DAY_MS;
    expect(orders.filter((o) => o.createdAt < yearAgo || o.createdAt > today.getTime())).toEqual(
      [],
    );
    expect(orders.filter((o) => (o.completedAt ?? 0) >= today.getTime())).toEqual([]);
    // Spread over producers of several communes.
    expect(new Set(orders.map((o) => o.orgUnitId)).size).toBeGreaterThan(10);
    expect(new Set(orders.map((o) => o.producerId)).size).toBeGreaterThan(20);
  });

  it("fills the report roll-ups for each of the 12 months, equal to the completed orders", () => {
    const expected = new Map<string, { orders: number; sales: number }>();
    for (const order of orders) {
      if (order.status !== "completed" || order.completedAt === null) continue;
      const month = vietnamMonth(order.completedAt);
      const sum = expected.get(month) ?? { orders: 0, sales: 0 };
      sum.orders += 1;
      sum.sales += order.subtotal;
      expected.set(month, sum);
    }
    const rolled = rows<{ period: string; orders: number; sales: number }>(
      db,
      `SELECT period, sum(orders) AS orders, sum(sales_vnd) AS sales FROM report_orders
       WHERE grain = 'month' GROUP BY period ORDER BY period`,
    );
    expect(new Map(rolled.map((r) => [r.period, { orders: r.orders, sales: r.sales }]))).toEqual(
      expected,
    );
    const salesMonths = rows<{ period: string }>(
      db,
      "SELECT DISTINCT period FROM report_sales WHERE grain = 'month' AND sales_vnd > 0",
    ).map((r) => r.period);
    for (const month of MONTHS) {
      // The first month holds only its second half (the history starts a year ago).
      expect(expected.get(month)?.orders ?? 0, month).toBeGreaterThan(month === MONTHS[0] ? 3 : 10);
      expect(salesMonths, month).toContain(month);
    }
  });

  it("dates the catalogue before the history: listings published and producers declared a year ago", () => {
    const firstOrder = orders[0]?.createdAt ?? 0;
    const late = rows<{ listingId: number }>(
      db,
      `SELECT listing_id AS listingId FROM listing_status_log GROUP BY listing_id
       HAVING min(changed_at) > ?`,
      firstOrder,
    );
    // Only the demo's own moderation work is newer; the seed adds none of it.
    expect(late).toEqual([]);
    const published = rows<{ n: number }>(
      db,
      "SELECT count(*) AS n FROM listings WHERE status = 'published' AND published_at < ?",
      firstOrder,
    );
    expect(published[0]?.n).toBe(220);
    const declared = rows<{ producerId: number }>(
      db,
      `SELECT producer_id AS producerId FROM producer_count_log GROUP BY producer_id
       HAVING min(changed_at) > ?`,
      firstOrder,
    );
    expect(declared).toEqual([]);
  });

  it("keeps every listing's stock equal to its movements and at its catalogue stock", () => {
    expect(ledgerMismatches(db)).toEqual([]);
    const stock = new Map(
      rows<{ sku: string; stock: number }>(db, "SELECT sku, stock FROM listings").map((r) => [
        r.sku,
        r.stock,
      ]),
    );
    const differs = readDemoCatalog().products.filter((p) => stock.get(p.sku) !== p.stock);
    expect(differs).toEqual([]);
  });

  it("leaves the demo producer accounts open orders to act on, and past notices read", () => {
    for (const code of ["SX001", "SX004"]) {
      const open = rows<{ status: string }>(
        db,
        `SELECT o.status FROM orders o JOIN producers p ON p.id = o.producer_id
         WHERE p.code = ? AND o.status IN ('pending_payment', 'confirmed', 'shipping', 'delivered')
         GROUP BY o.status ORDER BY o.status`,
        code,
      ).map((r) => r.status);
      expect(open, code).toEqual(["confirmed", "delivered", "pending_payment", "shipping"]);
    }
    // A finished order's notices were read long ago; the bell holds what is still open.
    const unreadPast = rows<{ n: number }>(
      db,
      `SELECT count(*) AS n FROM notifications n JOIN orders o
         ON n.link IN ('/don-hang/' || o.id, '/ban-hang/don-hang/' || o.id)
       WHERE n.read_at IS NULL AND o.status IN ('completed', 'cancelled')`,
    );
    expect(unreadPast[0]?.n).toBe(0);
    // …and its e-mails went out at the time: none is waiting to be sent.
    const unsent = rows<{ n: number }>(
      db,
      `SELECT count(*) AS n FROM outbound_messages m JOIN orders o
         ON m.subject LIKE '%' || o.code || '%'
       WHERE m.sent_at IS NULL AND o.status IN ('completed', 'cancelled')`,
    );
    expect(unsent[0]?.n).toBe(0);
  });

  it("tells the same story every time: the plan comes from a seeded generator, not Math.random", () => {
    const input = {
      now: today,
      buyers: [11, 12, 13],
      producers: [
        {
          id: 1,
          hasAccount: true,
          takesTransfer: true,
          listings: [{ id: 1, minOrderQty: 2, priceVnd: 50_000 }],
        },
        {
          id: 2,
          hasAccount: false,
          takesTransfer: false,
          listings: [{ id: 2, minOrderQty: 1, priceVnd: 120_000 }],
        },
      ],
    };
    const first = planDemoHistory(input);
    expect(first.length).toBeGreaterThan(250);
    expect(planDemoHistory(input)).toEqual(first);
  });
});

describe("outside demo mode", () => {
  it("adds no history", async () => {
    const live = freshDb();
    await seedDemo(live, { today, mode: "live" });
    expect(ordersOf(live)).toEqual([]);
    const late = rows<{ n: number }>(
      live,
      "SELECT count(*) AS n FROM listings WHERE published_at < ?",
      today.getTime() - 100 * DAY_MS,
    );
    expect(late[0]?.n).toBe(0);
  });
});
