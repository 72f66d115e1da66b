import { prepared, type Db } from "~db/client.server";
import type { CountedRefund } from "~/modules/money/sales.server";
import { figuresOf, perWomanMember, womenOf, type PeriodData } from "./figures.internal.server";
import { periodBounds, periodOf, vietnamDayOf } from "./periods";
import {
  linesOfOrders,
  salesByGoods,
  salesByMonth,
  type RefundedLine,
} from "./queries.internal.server";
import type { ReportUnit, RowKey } from "./scope.internal.server";
import { spreadProRata } from "./spread";
import type { CategoryRow, GroupRow, MonthPoint, OcopRow, ProducerRow, UnitRow } from "./types";

/** One row of the table by unit: the figures of the units mapped to it. */
export function unitRow(
  data: PeriodData,
  row: { unitCode: string | null; unitName: string; hasChildren: boolean },
  keep: (unitId: number) => boolean,
): UnitRow {
  const figures = figuresOf(data, keep);
  return {
    ...row,
    salesVnd: figures.salesVnd,
    completedOrders: figures.completedOrders,
    activeProducers: figures.activeProducers,
    womenMembers: figures.womenMembers,
    salesPerWomanMemberVnd: figures.salesPerWomanMemberVnd,
    offlineDealsVnd: figures.offlineDealsVnd,
  };
}

/** The table by unit: child rows, the "trực thuộc" row, the total. */
export function byUnit(
  data: PeriodData,
  unit: ReportUnit,
  rows: {
    children: ReportUnit[];
    rowOf: Map<number, RowKey>;
    hasChildren: (id: number) => boolean;
  },
) {
  const rowKey = (unitId: number) => rows.rowOf.get(unitId);
  return {
    children: rows.children.map((child) =>
      unitRow(
        data,
        { unitCode: child.code, unitName: child.name, hasChildren: rows.hasChildren(child.id) },
        (unitId) => rowKey(unitId) === child.id,
      ),
    ),
    direct: unitRow(
      data,
      { unitCode: null, unitName: unit.name, hasChildren: false },
      (unitId) => rowKey(unitId) === "direct",
    ),
    total: unitRow(
      data,
      { unitCode: unit.code, unitName: unit.name, hasChildren: rows.hasChildren(unit.id) },
      () => true,
    ),
  };
}

/** Producers that sold in the period (or had a refund counted in it), by sales. */
export function byProducer(data: PeriodData): ProducerRow[] {
  const totals = new Map<number, { salesVnd: number; completedOrders: number }>();
  const entry = (producerId: number) => {
    let total = totals.get(producerId);
    if (!total) totals.set(producerId, (total = { salesVnd: 0, completedOrders: 0 }));
    return total;
  };
  for (const row of data.sales) {
    const total = entry(row.producerId);
    total.salesVnd += row.salesVnd;
    total.completedOrders += row.orders;
  }
  for (const refund of data.refunds) entry(refund.producerId).salesVnd -= refund.countedVnd;
  const rows: ProducerRow[] = [];
  for (const [producerId, total] of totals) {
    const producer = data.declarations.get(producerId);
    if (!producer) continue;
    const womenMembers = total.completedOrders > 0 ? producer.women : 0;
    rows.push({
      producerCode: producer.code,
      producerName: producer.name,
      unitCode: producer.unitCode,
      unitName: producer.unitName,
      salesVnd: total.salesVnd,
      completedOrders: total.completedOrders,
      womenMembers,
      salesPerWomanMemberVnd: perWomanMember(total.salesVnd, womenMembers),
    });
  }
  return rows.sort(
    (a, b) => b.salesVnd - a.salesVnd || a.producerCode.localeCompare(b.producerCode),
  );
}

interface GoodsTotals {
  byCategory: Map<number, number>;
  byStars: Map<number, number>;
}

/** Sales by category and by OCOP stars, each refund spread over its order's lines pro rata. */
export function goodsTotals(db: Db, path: string, data: PeriodData): GoodsTotals {
  const byCategory = new Map<number, number>();
  const byStars = new Map<number, number>();
  const add = (map: Map<number, number>, key: number, amount: number) =>
    map.set(key, (map.get(key) ?? 0) + amount);
  for (const row of salesByGoods(db, path, data.period)) {
    add(byCategory, row.categoryId, row.salesVnd);
    add(byStars, row.ocopStars, row.salesVnd);
  }
  const linesByOrder = new Map<number, RefundedLine[]>();
  for (const line of linesOfOrders(db, [...new Set(data.refunds.map((r) => r.orderId))])) {
    linesByOrder.set(line.orderId, [...(linesByOrder.get(line.orderId) ?? []), line]);
  }
  for (const refund of data.refunds) {
    const orderLines = linesByOrder.get(refund.orderId) ?? [];
    const shares = spreadProRata(
      refund.countedVnd,
      orderLines.map((line) => line.lineTotalVnd),
    );
    orderLines.forEach((line, i) => {
      add(byCategory, line.categoryId, -(shares[i] ?? 0));
      add(byStars, line.ocopStars, -(shares[i] ?? 0));
    });
  }
  return { byCategory, byStars };
}

/** The category table: every category with sales or refunds in the period, by sales. */
export function byCategory(db: Db, totals: GoodsTotals): CategoryRow[] {
  const ids = [...totals.byCategory.keys()].filter((id) => id !== 0);
  const names = new Map(
    prepared<{ id: number; code: string; nameVi: string; nameEn: string }>(
      db,
      `SELECT id, code, name_vi AS nameVi, name_en AS nameEn FROM categories
       WHERE id IN (SELECT value FROM json_each(?))`,
    )
      .all(JSON.stringify(ids))
      .map((category) => [category.id, category]),
  );
  return [...totals.byCategory]
    .map(([id, salesVnd]) => {
      const category = names.get(id);
      return {
        categoryCode: category?.code ?? null,
        nameVi: category?.nameVi ?? "",
        nameEn: category?.nameEn ?? "",
        salesVnd,
      };
    })
    .sort(
      (a, b) =>
        b.salesVnd - a.salesVnd || (a.categoryCode ?? "~").localeCompare(b.categoryCode ?? "~"),
    );
}

/** The OCOP table: 5, 4 and 3 stars, then goods without stars, always all four rows. */
export function byOcop(totals: GoodsTotals): OcopRow[] {
  return ([5, 4, 3, 0] as const).map((stars) => ({
    stars,
    salesVnd: totals.byStars.get(stars) ?? 0,
  }));
}

/** Producers with ethnic-minority / poor-household members declared at the period's end. */
export function byGroup(data: PeriodData): GroupRow[] {
  const sold = new Set(data.sales.map((row) => row.producerId));
  const producerSales = new Map<number, number>();
  for (const row of data.sales) {
    producerSales.set(row.producerId, (producerSales.get(row.producerId) ?? 0) + row.salesVnd);
  }
  for (const refund of data.refunds) {
    producerSales.set(
      refund.producerId,
      (producerSales.get(refund.producerId) ?? 0) - refund.countedVnd,
    );
  }
  const groups: GroupRow[] = [];
  for (const group of ["ethnicMinority", "poorHousehold"] as const) {
    const members = [...data.declarations.values()].filter(
      (producer) =>
        producer[group] > 0 &&
        (sold.has(producer.producerId) || (producer.declaredByEnd && producer.inSubtree === 1)),
    );
    const active = members.filter((producer) => sold.has(producer.producerId));
    groups.push({
      group,
      producers: members.length,
      activeProducers: active.length,
      salesVnd: members.reduce((sum, p) => sum + (producerSales.get(p.producerId) ?? 0), 0),
      womenMembers: womenOf(
        data,
        active.map((producer) => producer.producerId),
      ),
    });
  }
  return groups;
}

/** The instants the months ("YYYY-MM", in order) cover: [startMs, endMs). */
export function monthsBounds(months: readonly string[]): { startMs: number; endMs: number } {
  const first = months[0] ?? "2000-01";
  const last = months[months.length - 1] ?? first;
  return {
    startMs: periodBounds(periodOf("month", `${first}-01`)).startMs,
    endMs: periodBounds(periodOf("month", `${last}-01`)).endMs,
  };
}

/**
 * Sales of each of the given months ("YYYY-MM", in order), after the refunds counted in it
 * (`refunds`: the counted refunds of a range holding the months).
 */
export function monthlySeries(
  db: Db,
  path: string,
  months: readonly string[],
  refunds: readonly CountedRefund[],
): MonthPoint[] {
  const first = months[0];
  const last = months[months.length - 1];
  if (first === undefined || last === undefined) return [];
  const sales = new Map(
    salesByMonth(db, path, first, last).map((row) => [row.month, row.salesVnd]),
  );
  const { startMs, endMs } = monthsBounds(months);
  for (const refund of refunds) {
    if (refund.effectiveAt < startMs || refund.effectiveAt >= endMs) continue;
    const month = vietnamDayOf(refund.effectiveAt).slice(0, 7);
    sales.set(month, (sales.get(month) ?? 0) - refund.countedVnd);
  }
  return months.map((month) => ({ month, salesVnd: sales.get(month) ?? 0 }));
}
