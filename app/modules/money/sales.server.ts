import { prepared, type Db } from "~db/client.server";
import { periodBounds, periodOf } from "~/modules/reports/periods";
import { rollupParams, rollupRanges } from "~/modules/reports/rollup-ranges";
import type { ReportPeriod } from "~/modules/reports/types";

/*
 * Sales, the one definition (docs/reports.md, docs/decisions/020 and 023): the goods of the
 * orders completed in a period (Vietnam time; no delivery fee), from the roll-ups the
 * completion trigger keeps, minus the refunds that count in the period (each at most what is
 * left of its order's goods). The Union's reports and the producer's ledger both read sales
 * here, so her month in the ledger and her row in the report cannot disagree.
 */

/** Whose sales: the org units under `path` (today's tree, by the unit each order keeps), maybe one producer. */
export interface SalesScope {
  path: string;
  producerId?: number | null;
}

/** The whole tree: with a producer, all of her sales wherever her orders were placed. */
export const WHOLE_TREE = "/";

const IN_SUBTREE = `IN (SELECT id FROM org_units WHERE path LIKE @path || '%')`;

/** The roll-up rows of a period: whole months from grain 'month', edge days from 'day'. */
const ROLLUP_ROWS = `(SELECT * FROM report_orders WHERE grain = 'month' AND period BETWEEN @m1 AND @m2
     UNION ALL SELECT * FROM report_orders WHERE grain = 'day' AND period BETWEEN @h1 AND @h2
     UNION ALL SELECT * FROM report_orders WHERE grain = 'day' AND period BETWEEN @t1 AND @t2)`;

export interface UnitProducerSales {
  unitId: number;
  producerId: number;
  orders: number;
  salesVnd: number;
}

/** Completed orders and their goods (before refunds) in a period, by order unit and producer. */
export function completedSales(
  db: Db,
  scope: SalesScope,
  period: ReportPeriod,
): UnitProducerSales[] {
  const [m1, m2, h1, h2, t1, t2] = rollupParams(rollupRanges(period));
  return prepared<UnitProducerSales>(
    db,
    `SELECT r.org_unit_id AS unitId, r.producer_id AS producerId,
            sum(r.orders) AS orders, sum(r.sales_vnd) AS salesVnd
     FROM ${ROLLUP_ROWS} r
     WHERE r.org_unit_id ${IN_SUBTREE} AND (@producer IS NULL OR r.producer_id = @producer)
     GROUP BY r.org_unit_id, r.producer_id`,
  ).all({ path: scope.path, producer: scope.producerId ?? null, m1, m2, h1, h2, t1, t2 });
}

export interface RefundRow {
  id: number;
  orderId: number;
  unitId: number;
  producerId: number;
  /** When the refund counts: when recorded, or when its order completed if that was later. */
  effectiveAt: number;
  amountVnd: number;
  subtotalVnd: number;
  /** Refunds recorded on the same order before this one. */
  earlierVnd: number;
}

/** A refund as it counts: at most what is left of its order's goods (a delivery fee is no sale). */
export interface CountedRefund extends RefundRow {
  countedVnd: number;
}

/**
 * Refunds on completed orders that count in [start, end): recorded then on an order already
 * completed, or recorded earlier on an order that completed then; each at most what its
 * order's goods still were after the refunds before it, so sales never lose more than they
 * gained from an order. The second part reads the refunds before `end` (CROSS JOIN keeps
 * that order): far fewer rows than the period's completed orders. The subtree is written
 * `+o.org_unit_id IN …` so SQLite does not read every order of the subtree (decision 020).
 */
export function countedRefunds(
  db: Db,
  scope: SalesScope,
  startMs: number,
  endMs: number,
): CountedRefund[] {
  const rows = prepared<RefundRow>(
    db,
    `WITH counting AS (
       SELECT f.id, f.order_id AS orderId, o.org_unit_id AS unitId, o.producer_id AS producerId,
              f.created_at AS effectiveAt, f.created_at AS createdAt, f.amount_vnd AS amountVnd,
              o.subtotal_vnd AS subtotalVnd
       FROM refunds f JOIN orders o ON o.id = f.order_id
       WHERE f.created_at >= @start AND f.created_at < @end
         AND o.status = 'completed' AND o.completed_at <= f.created_at
         AND +o.org_unit_id ${IN_SUBTREE} AND (@producer IS NULL OR o.producer_id = @producer)
       UNION ALL
       SELECT f.id, f.order_id, o.org_unit_id, o.producer_id, o.completed_at, f.created_at,
              f.amount_vnd, o.subtotal_vnd
       FROM refunds f CROSS JOIN orders o ON o.id = f.order_id
       WHERE f.created_at < @end AND o.status = 'completed'
         AND o.completed_at >= @start AND o.completed_at < @end
         AND f.created_at < o.completed_at AND +o.org_unit_id ${IN_SUBTREE}
         AND (@producer IS NULL OR o.producer_id = @producer)
     )
     SELECT c.id, c.orderId, c.unitId, c.producerId, c.effectiveAt, c.amountVnd, c.subtotalVnd,
            (SELECT coalesce(sum(e.amount_vnd), 0) FROM refunds e
             WHERE e.order_id = c.orderId
               AND (e.created_at < c.createdAt OR (e.created_at = c.createdAt AND e.id < c.id))
            ) AS earlierVnd
     FROM counting c ORDER BY c.id`,
  ).all({
    path: scope.path,
    producer: scope.producerId ?? null,
    start: startMs,
    end: endMs,
  });
  return rows
    .map((refund) => ({
      ...refund,
      countedVnd: Math.max(0, Math.min(refund.amountVnd, refund.subtotalVnd - refund.earlierVnd)),
    }))
    .filter((refund) => refund.countedVnd > 0);
}

/** Sales of a period: the completed goods, the refunds taken off, what is left, and the orders. */
export interface SalesFigure {
  grossVnd: number;
  refundsVnd: number;
  salesVnd: number;
  completedOrders: number;
}

/** Adds up completed sales and counted refunds into the figure (rows already limited by the caller). */
export function salesFigureOf(
  sales: readonly Pick<UnitProducerSales, "salesVnd" | "orders">[],
  refunds: readonly Pick<CountedRefund, "countedVnd">[],
): SalesFigure {
  let grossVnd = 0;
  let completedOrders = 0;
  for (const row of sales) {
    grossVnd += row.salesVnd;
    completedOrders += row.orders;
  }
  let refundsVnd = 0;
  for (const refund of refunds) refundsVnd += refund.countedVnd;
  return { grossVnd, refundsVnd, salesVnd: grossVnd - refundsVnd, completedOrders };
}

/** The sales of a scope over a period (the report's definition). */
export function salesOf(db: Db, scope: SalesScope, period: ReportPeriod): SalesFigure {
  const { startMs, endMs } = periodBounds(period);
  return salesFigureOf(
    completedSales(db, scope, period),
    countedRefunds(db, scope, startMs, endMs),
  );
}

/** A producer's sales in a Vietnam-time month ("YYYY-MM"): her ledger's and her workspace's figure. */
export function producerMonthSales(db: Db, producerId: number, month: string): SalesFigure {
  return salesOf(db, { path: WHOLE_TREE, producerId }, periodOf("month", `${month}-01`));
}
