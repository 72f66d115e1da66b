import { inTransaction, prepared, type Db } from "~db/client.server";

/*
 * The same rows the trigger `orders_completed_rollup` (db/migrations/0008) writes when an
 * order completes, computed from every completed order at once.
 */
const VIETNAM_DAY = `strftime('%Y-%m-%d', o.completed_at / 1000, 'unixepoch', '+7 hours')`;
const VIETNAM_MONTH = `strftime('%Y-%m', o.completed_at / 1000, 'unixepoch', '+7 hours')`;

function salesRollup(grain: "day" | "month", period: string): string {
  return `INSERT INTO report_sales (grain, period, org_unit_id, producer_id, category_id, ocop_stars, sales_vnd, lines)
    SELECT '${grain}', ${period}, o.org_unit_id, o.producer_id, ifnull(l.category_id, 0), l.ocop_stars,
           sum(l.line_total_vnd), count(*)
    FROM orders o JOIN order_lines l ON l.order_id = o.id
    WHERE o.status = 'completed' AND o.completed_at IS NOT NULL
    GROUP BY 2, o.org_unit_id, o.producer_id, ifnull(l.category_id, 0), l.ocop_stars`;
}

function ordersRollup(grain: "day" | "month", period: string): string {
  return `INSERT INTO report_orders (grain, period, org_unit_id, producer_id, orders, sales_vnd)
    SELECT '${grain}', ${period}, o.org_unit_id, o.producer_id, count(*), sum(o.subtotal_vnd)
    FROM orders o
    WHERE o.status = 'completed' AND o.completed_at IS NOT NULL
    GROUP BY 2, o.org_unit_id, o.producer_id`;
}

/**
 * Recomputes the sales roll-ups (report_sales, report_orders) from the orders in one
 * transaction: after rows were written around the trigger (a bulk import, a repair, a test
 * fixture inserting completed orders). Returns how many rows each table holds.
 */
export function rebuildReportRollups(db: Db): { salesRows: number; orderRows: number } {
  return inTransaction(db, () => {
    prepared(db, "DELETE FROM report_sales").run();
    prepared(db, "DELETE FROM report_orders").run();
    for (const [grain, period] of [
      ["day", VIETNAM_DAY],
      ["month", VIETNAM_MONTH],
    ] as const) {
      prepared(db, salesRollup(grain, period)).run();
      prepared(db, ordersRollup(grain, period)).run();
    }
    const count = (table: string) =>
      prepared<{ n: number }>(db, `SELECT count(*) AS n FROM ${table}`).get()?.n ?? 0;
    return { salesRows: count("report_sales"), orderRows: count("report_orders") };
  });
}
