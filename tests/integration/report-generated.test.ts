import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { SignedInActor } from "~/modules/auth/actor";
import { outcomeReport } from "~/modules/reports/outcome.server";
import { periodBounds, twelveMonthsEnding, vietnamDayStartMs } from "~/modules/reports/periods";
import { rebuildReportRollups } from "~/modules/reports/rollups.server";
import type { ReportPeriod } from "~/modules/reports/types";
import { openMigratedDatabase, type Db } from "~db/client.server";
import { projectRoot, tempDir } from "../helpers/server";

/*
 * Generated data (seeded PRNG): a province, three communes with two branches each, a unit
 * merged into the first commune, 14 producers (one attached to the province itself), ~600
 * orders with 1–4 lines over 15 months, some cancelled, some refunded, some exactly on the
 * period's edges. The expected figures are recomputed below in plain code over the generated
 * rows, never with the report's queries. Orders are inserted as delivered and then completed
 * by an UPDATE, so the roll-ups are the trigger's; `rebuildReportRollups` must give the same.
 */

const DAY = 86_400_000;
const PERIOD: ReportPeriod = { from: "2026-07-01", to: "2026-09-30" };
const PREVIOUS: ReportPeriod = { from: "2026-04-01", to: "2026-06-30" };

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface GenUnit {
  id: number;
  code: string;
  path: string;
}
interface GenOrder {
  id: number;
  unitId: number;
  producerId: number;
  buyerId: number;
  status: "completed" | "cancelled";
  completedAt: number;
  lines: { categoryId: number; total: number }[];
  subtotal: number;
}
interface GenRefund {
  orderId: number;
  amount: number;
  at: number;
}

function generate(db: Db) {
  const next = random(2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const units: GenUnit[] = [];
  const unit = db.$client.prepare(
    `INSERT INTO org_units (id, code, name, level, parent_id, path) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const addUnit = (id: number, level: string, parent: GenUnit | null) => {
    const u: GenUnit = { id, code: `U${id}`, path: `${parent?.path ?? "/"}${id}/` };
    unit.run(id, u.code, `Đơn vị ${id}`, level, parent?.id ?? null, u.path);
    units.push(u);
    return u;
  };
  const province = addUnit(1, "province", null);
  const communes = [2, 3, 4].map((id) => addUnit(id, "commune", province));
  for (const commune of communes) {
    for (const k of [1, 2]) addUnit(commune.id * 10 + k, "branch", commune);
  }
  const merged = addUnit(5, "commune", province);
  const categories = [1, 2, 3].map((id) => {
    db.$client
      .prepare("INSERT INTO categories (id, code, name_vi, name_en) VALUES (?, ?, ?, ?)")
      .run(id, `c${id}`, `Ngành ${id}`, `Category ${id}`);
    return id;
  });
  const women = new Map<number, number>();
  const insertProducer = db.$client.prepare(
    `INSERT INTO producers (id, code, name, kind, org_unit_id, commune, address, members_total,
       members_women, verification_status, created_at)
     VALUES (?, ?, ?, 'nhom', ?, 'x', 'y', 30, ?, 'verified', ?)`,
  );
  const producerUnit = new Map<number, number>();
  for (let id = 1; id <= 14; id++) {
    const unitId = id === 1 ? province.id : id === 2 ? merged.id : pick(units).id;
    const w = 1 + Math.floor(next() * 25);
    insertProducer.run(id, `P${id}`, `Tổ ${id}`, unitId, w, vietnamDayStartMs("2025-01-01"));
    women.set(id, w);
    producerUnit.set(id, unitId);
  }
  const insertUser = db.$client.prepare(
    "INSERT INTO users (id, email, password_hash, display_name) VALUES (?, ?, 'x', ?)",
  );
  for (let id = 1; id <= 40; id++) insertUser.run(id, `b${id}@example.vn`, `B${id}`);

  const insertOrder = db.$client.prepare(
    `INSERT INTO orders (id, code, checkout_id, buyer_user_id, producer_id, org_unit_id, status,
       payment_method, delivery_method, subtotal_vnd, delivery_fee_vnd, total_vnd, ship_name,
       ship_phone, ship_province, ship_commune, ship_address, cancelled_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'cod', 'delivery', ?, 25000, ?, 'n', 'p', 'q', 'c', 'a', ?, ?)`,
  );
  const insertLine = db.$client.prepare(
    `INSERT INTO order_lines (order_id, sku, title, unit, unit_price_vnd, qty, line_total_vnd,
       category_id, ocop_stars) VALUES (?, 'S', 'T', 'kg', ?, ?, ?, ?, ?)`,
  );
  const complete = db.$client.prepare(
    "UPDATE orders SET status = 'completed', completed_at = ? WHERE id = ?",
  );
  const insertRefund = db.$client.prepare(
    "INSERT INTO refunds (order_id, amount_vnd, reason, created_at) VALUES (?, ?, 'r', ?)",
  );
  const { startMs, endMs } = periodBounds(PERIOD);
  // The edges: the first instant, 23:59 on the last day, 00:00 the day after.
  const edges = [startMs, endMs - 60_000, endMs, startMs - 60_000];
  const first = vietnamDayStartMs("2025-10-01");
  const orders: GenOrder[] = [];
  const refunds: GenRefund[] = [];
  for (let id = 1; id <= 600; id++) {
    const producerId = 1 + Math.floor(next() * 14);
    const unitId = producerUnit.get(producerId) ?? 1;
    const completedAt =
      id <= edges.length * 3 ? edges[id % edges.length]! : first + Math.floor(next() * 365 * DAY);
    const status = next() < 0.1 ? "cancelled" : "completed";
    const lines = Array.from({ length: 1 + Math.floor(next() * 4) }, () => {
      const price = 1000 * (1 + Math.floor(next() * 300));
      const qty = 1 + Math.floor(next() * 9);
      return {
        categoryId: pick(categories),
        price,
        qty,
        total: price * qty,
        stars: pick([0, 3, 4, 5]),
      };
    });
    const subtotal = lines.reduce((sum, line) => sum + line.total, 0);
    const buyerId = 1 + Math.floor(next() * 40);
    insertOrder.run(
      id,
      `O${id}`,
      `c${id}`,
      buyerId,
      producerId,
      unitId,
      status === "cancelled" ? "cancelled" : "delivered",
      subtotal,
      subtotal + 25000,
      status === "cancelled" ? completedAt : null,
      completedAt - 2 * DAY,
    );
    for (const line of lines) {
      insertLine.run(id, line.price, line.qty, line.total, line.categoryId, line.stars);
    }
    if (status === "completed") complete.run(completedAt, id);
    orders.push({ id, unitId, producerId, buyerId, status, completedAt, lines, subtotal });
    if (status === "completed" && next() < 0.15) {
      const refund = {
        orderId: id,
        amount: 1 + Math.floor(next() * subtotal * 0.6),
        at: completedAt + Math.floor(next() * 40 * DAY),
      };
      insertRefund.run(refund.orderId, refund.amount, refund.at);
      refunds.push(refund);
    }
  }
  // Unit 5 merges into commune U2 after its orders: they count in U2's row.
  db.$client.exec(`UPDATE org_units SET parent_id = 2, merged_into_id = 2, merged_at = 1,
    path = '/1/2/5/' WHERE id = 5`);
  merged.path = "/1/2/5/";
  return { units, orders, refunds, women, communes };
}

/** The expected figures, in plain code over the generated rows. */
function expected(data: ReturnType<typeof generate>, period: ReportPeriod, unitIds: Set<number>) {
  const { startMs, endMs } = periodBounds(period);
  const inPeriod = (t: number) => t >= startMs && t < endMs;
  const done = data.orders.filter(
    (o) => o.status === "completed" && inPeriod(o.completedAt) && unitIds.has(o.unitId),
  );
  const orderOf = new Map(data.orders.map((o) => [o.id, o]));
  const refunded = data.refunds.filter((r) => {
    const order = orderOf.get(r.orderId)!;
    return inPeriod(r.at) && unitIds.has(order.unitId);
  });
  const refundsVnd = refunded.reduce((sum, r) => sum + r.amount, 0);
  const salesVnd = done.reduce((sum, o) => sum + o.subtotal, 0) - refundsVnd;
  const producers = new Set(done.map((o) => o.producerId));
  const womenMembers = [...producers].reduce((sum, p) => sum + (data.women.get(p) ?? 0), 0);
  return {
    salesVnd,
    refundsVnd,
    completedOrders: done.length,
    activeProducers: producers.size,
    distinctBuyers: new Set(done.map((o) => o.buyerId)).size,
    womenMembers,
    salesPerWomanMemberVnd: womenMembers > 0 ? Math.round(salesVnd / womenMembers) : null,
  };
}

const reporter = (path: string): SignedInActor => ({
  kind: "user",
  userId: 1,
  sessionId: null,
  displayName: "r",
  locale: "vi",
  isBuyer: false,
  producers: [],
  staff: [{ orgUnitId: 1, orgUnitCode: "U1", orgUnitPath: path, role: "reporter" }],
});

describe("outcome report on generated data", { timeout: 120_000 }, () => {
  const dir = tempDir();
  const databasePath = join(dir, "app.db");
  const db = openMigratedDatabase(databasePath);
  const data = generate(db);
  const under = (path: string) =>
    new Set(data.units.filter((u) => u.path.startsWith(path)).map((u) => u.id));
  afterAll(() => {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("matches the figures recomputed from the rows, for the province and each commune", () => {
    const report = outcomeReport(db, reporter("/1/"), { unitCode: "U1", period: PERIOD });
    expect(report.previous).toEqual(PREVIOUS);
    expect(report.current).toMatchObject(expected(data, PERIOD, under("/1/")));
    expect(report.before).toMatchObject(expected(data, PREVIOUS, under("/1/")));
    for (const commune of data.communes) {
      const row = report.byUnit.children.find((r) => r.unitCode === commune.code)!;
      const { salesVnd, completedOrders, activeProducers, womenMembers } = expected(
        data,
        PERIOD,
        under(commune.path),
      );
      expect(row).toMatchObject({ salesVnd, completedOrders, activeProducers, womenMembers });
      const own = outcomeReport(db, reporter(commune.path), {
        unitCode: commune.code,
        period: PERIOD,
      });
      expect(own.current).toMatchObject(expected(data, PERIOD, under(commune.path)));
    }
    // The merged unit is no row of its own; its orders are in U2's.
    expect(report.byUnit.children.map((r) => r.unitCode)).toEqual(
      [...data.communes].map((c) => c.code),
    );
    expect(report.byUnit.direct).toMatchObject({
      salesVnd: expected(data, PERIOD, new Set([1])).salesVnd,
      completedOrders: expected(data, PERIOD, new Set([1])).completedOrders,
    });
  });

  it("adds up: province = Σ rows (communes and trực thuộc) = Σ orders; categories and months too", () => {
    const report = outcomeReport(db, reporter("/1/"), { unitCode: "U1", period: PERIOD });
    const rows = [...report.byUnit.children, report.byUnit.direct];
    const sum = (list: { salesVnd: number }[]) => list.reduce((s, r) => s + r.salesVnd, 0);
    expect(sum(rows)).toBe(report.current.salesVnd);
    expect(rows.reduce((s, r) => s + r.completedOrders, 0)).toBe(report.current.completedOrders);
    expect(report.byUnit.total.salesVnd).toBe(report.current.salesVnd);
    expect(sum(report.byCategory)).toBe(report.current.salesVnd);
    expect(sum(report.byOcop)).toBe(report.current.salesVnd);
    expect(sum(report.byProducer)).toBe(report.current.salesVnd);
    const months = twelveMonthsEnding(PERIOD.to);
    expect(report.last12Months).toEqual(
      months.map((month) => {
        const [y, m] = month.split("-").map(Number) as [number, number];
        const to = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
        return {
          month,
          salesVnd: expected(data, { from: `${month}-01`, to }, under("/1/")).salesVnd,
        };
      }),
    );
    // The edges: an order completed at 23:59 on the last day counts, one at 00:00 the next day not.
    const { endMs } = periodBounds(PERIOD);
    const lastMinute = data.orders.filter(
      (o) => o.status === "completed" && o.completedAt === endMs - 60_000,
    );
    const nextDay = data.orders.filter((o) => o.status === "completed" && o.completedAt === endMs);
    expect(lastMinute.length).toBeGreaterThan(0);
    expect(nextDay.length).toBeGreaterThan(0);
    const september = outcomeReport(db, reporter("/1/"), {
      unitCode: "U1",
      period: { from: "2026-09-30", to: "2026-09-30" },
    });
    const october = outcomeReport(db, reporter("/1/"), {
      unitCode: "U1",
      period: { from: "2026-10-01", to: "2026-10-01" },
    });
    expect(september.current.completedOrders).toBe(
      expected(data, { from: "2026-09-30", to: "2026-09-30" }, under("/1/")).completedOrders,
    );
    expect(september.current.completedOrders).toBeGreaterThanOrEqual(lastMinute.length);
    expect(october.current.completedOrders).toBeGreaterThanOrEqual(nextDay.length);
    // Cancelled orders never count.
    expect(data.orders.some((o) => o.status === "cancelled")).toBe(true);
  });

  it("rebuilds the roll-ups equal to the trigger's, from the library and from the CLI", () => {
    const snapshot = () => [
      db.$client.prepare("SELECT * FROM report_sales ORDER BY 1, 2, 3, 4, 5, 6").all(),
      db.$client.prepare("SELECT * FROM report_orders ORDER BY 1, 2, 3, 4").all(),
    ];
    const byTrigger = snapshot();
    expect(byTrigger[1]!.length).toBeGreaterThan(100);
    rebuildReportRollups(db);
    expect(snapshot()).toEqual(byTrigger);
    db.$client.exec("DELETE FROM report_sales; DELETE FROM report_orders WHERE grain = 'day'");
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/cli.ts", "report:rebuild"],
      {
        cwd: projectRoot,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          NODE_ENV: "test",
          LOG_LEVEL: "warn",
          DATABASE_PATH: databasePath,
        },
        encoding: "utf8",
      },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("report roll-ups rebuilt");
    expect(snapshot()).toEqual(byTrigger);
  });
});
