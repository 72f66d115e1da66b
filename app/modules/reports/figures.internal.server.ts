import type { Db } from "~db/client.server";
import {
  completedSales,
  salesFigureOf,
  type CountedRefund,
  type UnitProducerSales,
} from "~/modules/money/sales.server";
import { periodBounds } from "./periods";
import {
  activeListings,
  distinctBuyers,
  memberDeclarations,
  offlineDealsByUnit,
  reportProducers,
  requestCounts,
  type MemberDeclaration,
  type ReportProducer,
  type RequestCounts,
  type TwoRanges,
} from "./queries.internal.server";
import type { ReportFigures, ReportPeriod } from "./types";

/** What one period's figures are made of, before they are added up by row. */
export interface PeriodData {
  period: ReportPeriod;
  sales: UnitProducerSales[];
  refunds: CountedRefund[];
  declarations: Map<number, ProducerDeclaration>;
  deals: { unitId: number; deals: number; amountVnd: number }[];
  buyers: number;
  listings: number;
  requests: RequestCounts;
}

/** A producer with the member counts it had declared at a period's end. */
export interface ProducerDeclaration extends ReportProducer {
  /** Whether the producer had declared its members by the period's end (it existed then). */
  declaredByEnd: boolean;
  women: number;
  ethnicMinority: number;
  poorHousehold: number;
}

/**
 * The counts each producer had declared at `endMs`: its latest declaration before; when its
 * first declaration is later, that one (`history` is by producer, oldest first).
 */
function declarationsAt(
  producers: readonly ReportProducer[],
  history: readonly MemberDeclaration[],
  endMs: number,
): Map<number, ProducerDeclaration> {
  const chosen = new Map<number, { row: MemberDeclaration; byEnd: boolean }>();
  for (const row of history) {
    const seen = chosen.get(row.producerId);
    if (!seen || row.changedAt < endMs) {
      chosen.set(row.producerId, { row, byEnd: row.changedAt < endMs });
    }
  }
  return new Map(
    producers.map((producer) => {
      const declared = chosen.get(producer.producerId);
      return [
        producer.producerId,
        {
          ...producer,
          declaredByEnd: declared?.byEnd ?? false,
          women: declared?.row.women ?? 0,
          ethnicMinority: declared?.row.ethnicMinority ?? 0,
          poorHousehold: declared?.row.poorHousehold ?? 0,
        },
      ];
    }),
  );
}

/**
 * Reads everything the figures of a report's two periods (current, previous) need for the
 * subtree under `path`; `refundsOfRange` are the counted refunds of a time range holding both
 * (read once for the whole report). Distinct buyers and listings take one pass for both.
 */
export function loadPeriods(
  db: Db,
  path: string,
  periods: [ReportPeriod, ReportPeriod],
  refundsOfRange: readonly CountedRefund[],
): [PeriodData, PeriodData] {
  const ranges: TwoRanges = [periodBounds(periods[0]), periodBounds(periods[1])];
  const sales = periods.map((period) => completedSales(db, { path }, period));
  const refunds = ranges.map(({ startMs, endMs }) =>
    refundsOfRange.filter((refund) => refund.effectiveAt >= startMs && refund.effectiveAt < endMs),
  );
  const sold = new Set([...sales.flat(), ...refunds.flat()].map((row) => row.producerId));
  const producers = reportProducers(db, path, [...sold]);
  const history = memberDeclarations(
    db,
    producers.map((producer) => producer.producerId),
  );
  const buyers = distinctBuyers(db, path, ranges);
  const listings = activeListings(db, path, [ranges[0].endMs, ranges[1].endMs]);
  const load = (i: 0 | 1): PeriodData => ({
    period: periods[i],
    sales: sales[i] ?? [],
    refunds: refunds[i] ?? [],
    declarations: declarationsAt(producers, history, ranges[i].endMs),
    deals: offlineDealsByUnit(db, path, periods[i]),
    buyers: buyers[i],
    listings: listings[i],
    requests: requestCounts(db, path, ranges[i].startMs, ranges[i].endMs),
  });
  return [load(0), load(1)];
}

/** Sales per woman member, to the đồng; null when there is no woman member to share them. */
export function perWomanMember(salesVnd: number, womenMembers: number): number | null {
  return womenMembers > 0 ? Math.round(salesVnd / womenMembers) : null;
}

/** The declared women members of these producers at the period's end. */
export function womenOf(data: PeriodData, producerIds: Iterable<number>): number {
  let women = 0;
  for (const id of producerIds) women += data.declarations.get(id)?.women ?? 0;
  return women;
}

/** The headline figures of a period (only rows passing `keep`, by order/deal unit). */
export function figuresOf(data: PeriodData, keep: (unitId: number) => boolean = () => true) {
  // Sales as the ledger reads them too (money/sales.server.ts), on the rows of the kept units.
  const { salesVnd, refundsVnd, completedOrders } = salesFigureOf(
    data.sales.filter((row) => keep(row.unitId)),
    data.refunds.filter((refund) => keep(refund.unitId)),
  );
  const producers = new Set<number>();
  for (const row of data.sales) if (keep(row.unitId)) producers.add(row.producerId);
  let offlineDeals = 0;
  let offlineDealsVnd = 0;
  for (const deal of data.deals) {
    if (!keep(deal.unitId)) continue;
    offlineDeals += deal.deals;
    offlineDealsVnd += deal.amountVnd;
  }
  const womenMembers = womenOf(data, producers);
  return {
    salesVnd,
    refundsVnd,
    completedOrders,
    activeProducers: producers.size,
    womenMembers,
    salesPerWomanMemberVnd: perWomanMember(salesVnd, womenMembers),
    offlineDeals,
    offlineDealsVnd,
  };
}

/** The figures of the whole subtree, distinct counts included. */
export function reportFigures(data: PeriodData): ReportFigures {
  return {
    ...figuresOf(data),
    activeListings: data.listings,
    distinctBuyers: data.buyers,
    requestsPosted: data.requests.posted,
    requestsAnswered: data.requests.answered,
    requestsFulfilled: data.requests.fulfilled,
  };
}
