import { prepared, type Db } from "~db/client.server";
import { rollupParams, rollupRanges } from "./rollup-ranges";
import type { ReportPeriod } from "./types";

/*
 * The report's SQL, one statement per figure (docs/decisions/020-outcome-reports.md). Every
 * statement is limited to the units whose path starts with @path (today's tree), by the
 * unit an order, deal or request keeps; instants are [@start, @end) in ms, @end being 00:00
 * (Vietnam time) of the day after the period.
 */

const IN_SUBTREE = `IN (SELECT id FROM org_units WHERE path LIKE @path || '%')`;
/*
 * On orders, the subtree is written `+o.org_unit_id IN …`: the unary plus keeps SQLite from
 * reading the orders through orders_org_unit_idx (every order of every unit of the subtree,
 * all of them for a province) instead of through the period's range of
 * orders_completed_idx. Measured by `npm run bench -- report` (docs/decisions/020).
 */

/** The roll-up rows of a period: whole months from grain 'month', edge days from 'day'. */
function rollupRows(table: "report_orders" | "report_sales") {
  return `(SELECT * FROM ${table} WHERE grain = 'month' AND period BETWEEN @m1 AND @m2
     UNION ALL SELECT * FROM ${table} WHERE grain = 'day' AND period BETWEEN @h1 AND @h2
     UNION ALL SELECT * FROM ${table} WHERE grain = 'day' AND period BETWEEN @t1 AND @t2)`;
}

function rollupBindings(path: string, period: ReportPeriod) {
  const [m1, m2, h1, h2, t1, t2] = rollupParams(rollupRanges(period));
  return { path, m1, m2, h1, h2, t1, t2 };
}

export interface GoodsSales {
  categoryId: number;
  ocopStars: number;
  salesVnd: number;
}

/** Sales (before refunds) by the category and OCOP stars the lines had when placed. */
export function salesByGoods(db: Db, path: string, period: ReportPeriod): GoodsSales[] {
  return prepared<GoodsSales>(
    db,
    `SELECT r.category_id AS categoryId, r.ocop_stars AS ocopStars, sum(r.sales_vnd) AS salesVnd
     FROM ${rollupRows("report_sales")} r
     WHERE r.org_unit_id ${IN_SUBTREE}
     GROUP BY r.category_id, r.ocop_stars`,
  ).all(rollupBindings(path, period));
}

/** Sales (before refunds) by Vietnam-time month, from month `from` to month `to` ("YYYY-MM"). */
export function salesByMonth(
  db: Db,
  path: string,
  from: string,
  to: string,
): { month: string; salesVnd: number }[] {
  return prepared<{ month: string; salesVnd: number }>(
    db,
    `SELECT r.period AS month, sum(r.sales_vnd) AS salesVnd FROM report_orders r
     WHERE r.grain = 'month' AND r.period BETWEEN @from AND @to AND r.org_unit_id ${IN_SUBTREE}
     GROUP BY r.period`,
  ).all({ path, from, to });
}

export interface RefundedLine {
  orderId: number;
  categoryId: number;
  ocopStars: number;
  lineTotalVnd: number;
}

/** The lines of the refunded orders, for spreading each refund over them. */
export function linesOfOrders(db: Db, orderIds: readonly number[]): RefundedLine[] {
  if (orderIds.length === 0) return [];
  return prepared<RefundedLine>(
    db,
    `SELECT order_id AS orderId, ifnull(category_id, 0) AS categoryId, ocop_stars AS ocopStars,
            line_total_vnd AS lineTotalVnd
     FROM order_lines WHERE order_id IN (SELECT value FROM json_each(?)) ORDER BY order_id, id`,
  ).all(JSON.stringify(orderIds));
}

/** Two periods of a report: [startMs, endMs) each. */
export type TwoRanges = [{ startMs: number; endMs: number }, { startMs: number; endMs: number }];

/**
 * Buyers with at least one completed order in the subtree, in each of two periods. Two
 * statements: one pass over both with two DISTINCT sets measured slower.
 */
export function distinctBuyers(db: Db, path: string, ranges: TwoRanges): [number, number] {
  const count = ({ startMs, endMs }: { startMs: number; endMs: number }) =>
    prepared<{ n: number }>(
      db,
      `SELECT count(DISTINCT o.buyer_user_id) AS n FROM orders o
       WHERE o.status = 'completed' AND o.completed_at >= @start AND o.completed_at < @end
         AND +o.org_unit_id ${IN_SUBTREE}`,
    ).get({ path, start: startMs, end: endMs })?.n ?? 0;
  return [count(ranges[0]), count(ranges[1])];
}

/**
 * Listings of the subtree's producers (today's units) whose status at each of two instants
 * was published: the latest status recorded before it.
 */
export function activeListings(db: Db, path: string, ends: [number, number]): [number, number] {
  const statusAt = (end: string) =>
    `(SELECT s.status FROM listing_status_log s WHERE s.listing_id = l.id AND s.changed_at < ${end}
      ORDER BY s.changed_at DESC, s.id DESC LIMIT 1) = 'published'`;
  const row = prepared<{ a: number; b: number }>(
    db,
    `SELECT ifnull(sum(${statusAt("@e1")}), 0) AS a, ifnull(sum(${statusAt("@e2")}), 0) AS b
     FROM listings l
     WHERE l.producer_id IN (SELECT p.id FROM producers p WHERE p.org_unit_id ${IN_SUBTREE})`,
  ).get({ path, e1: ends[0], e2: ends[1] });
  return [row?.a ?? 0, row?.b ?? 0];
}

export interface ReportProducer {
  producerId: number;
  code: string;
  name: string;
  unitCode: string;
  unitName: string;
  /** Whether the producer's unit today is in the subtree. */
  inSubtree: 0 | 1;
}

/** The subtree's producers (by today's unit) and those in `soldIds` (orders or refunds in it). */
export function reportProducers(
  db: Db,
  path: string,
  soldIds: readonly number[],
): ReportProducer[] {
  return prepared<ReportProducer>(
    db,
    `SELECT p.id AS producerId, p.code, p.name, u.code AS unitCode, u.name AS unitName,
            p.org_unit_id ${IN_SUBTREE} AS inSubtree
     FROM producers p JOIN org_units u ON u.id = p.org_unit_id
     WHERE p.org_unit_id ${IN_SUBTREE} OR p.id IN (SELECT value FROM json_each(@sold))`,
  ).all({ path, sold: JSON.stringify(soldIds) });
}

export interface MemberDeclaration {
  producerId: number;
  changedAt: number;
  women: number;
  ethnicMinority: number;
  poorHousehold: number;
}

/** Every member count the producers declared, by producer, oldest first. */
export function memberDeclarations(db: Db, producerIds: readonly number[]): MemberDeclaration[] {
  return prepared<MemberDeclaration>(
    db,
    `SELECT producer_id AS producerId, changed_at AS changedAt, members_women AS women,
            members_ethnic_minority AS ethnicMinority, members_poor_household AS poorHousehold
     FROM producer_count_log WHERE producer_id IN (SELECT value FROM json_each(?))
     ORDER BY producer_id, changed_at, id`,
  ).all(JSON.stringify(producerIds));
}

/** Offline deals dated in the period, by the unit that recorded them. */
export function offlineDealsByUnit(
  db: Db,
  path: string,
  period: ReportPeriod,
): { unitId: number; deals: number; amountVnd: number }[] {
  return prepared<{ unitId: number; deals: number; amountVnd: number }>(
    db,
    `SELECT d.org_unit_id AS unitId, count(*) AS deals, sum(d.amount_vnd) AS amountVnd
     FROM offline_deals d
     WHERE d.deal_on BETWEEN @from AND @to AND d.org_unit_id ${IN_SUBTREE}
     GROUP BY d.org_unit_id`,
  ).all({ path, from: period.from, to: period.to });
}

export interface RequestCounts {
  posted: number;
  answered: number;
  fulfilled: number;
}

/** Purchase requests (not hidden by moderators) posted, first answered and fulfilled in [start, end). */
export function requestCounts(db: Db, path: string, startMs: number, endMs: number): RequestCounts {
  return (
    prepared<RequestCounts>(
      db,
      `SELECT
         (SELECT count(*) FROM purchase_requests r WHERE r.is_hidden = 0
            AND r.created_at >= @start AND r.created_at < @end AND r.org_unit_id ${IN_SUBTREE}) AS posted,
         (SELECT count(*) FROM purchase_requests r WHERE r.is_hidden = 0 AND r.org_unit_id ${IN_SUBTREE}
            AND (SELECT min(o.created_at) FROM offers o WHERE o.purchase_request_id = r.id)
                BETWEEN @start AND @end - 1) AS answered,
         (SELECT count(*) FROM purchase_requests r WHERE r.is_hidden = 0
            AND r.fulfilled_at >= @start AND r.fulfilled_at < @end AND r.org_unit_id ${IN_SUBTREE}) AS fulfilled`,
    ).get({ path, start: startMs, end: endMs }) ?? { posted: 0, answered: 0, fulfilled: 0 }
  );
}
