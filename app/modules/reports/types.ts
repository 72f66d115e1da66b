/**
 * The shape of an outcome report (issue 12): what `outcomeReport` computes and what the
 * report page, its charts and its exports show. Definitions in docs/reports.md.
 */

/** A run of whole Vietnam-time (UTC+7) days, both ends included: "YYYY-MM-DD". */
export interface ReportPeriod {
  from: string;
  to: string;
}

/** How the period was chosen: a month, a quarter, a year, or custom dates. */
export type PeriodKind = "month" | "quarter" | "year" | "custom";

/** The headline figures of a subtree over one period. */
export interface ReportFigures {
  /** Σ quantity × unit price of orders completed in the period, minus refunds recorded in it on completed orders. */
  salesVnd: number;
  /** Refunds recorded in the period on completed orders (already taken off `salesVnd`). */
  refundsVnd: number;
  completedOrders: number;
  /** Producers with at least one completed order in the period. */
  activeProducers: number;
  /** Listings published at the period's end. */
  activeListings: number;
  distinctBuyers: number;
  /** Declared women members, at the period's end, of the producers that sold. */
  womenMembers: number;
  /** `salesVnd / womenMembers` rounded to the đồng; null when no woman member. */
  salesPerWomanMemberVnd: number | null;
  /** Deals made off the platform and recorded by staff (deal date in the period): never in sales. */
  offlineDeals: number;
  offlineDealsVnd: number;
  /** Purchase requests posted in the period (their delivery place's unit in the subtree). */
  requestsPosted: number;
  /** Requests that received their first offer in the period. */
  requestsAnswered: number;
  /** Requests fulfilled in the period. */
  requestsFulfilled: number;
}

/** Figures that add up across rows (sales, orders, deals) and distinct counts that do not. */
export interface UnitRow {
  /** The child unit's code; null for the "trực thuộc" row; the report unit's code for the total. */
  unitCode: string | null;
  unitName: string;
  /** Whether the row's unit has child units (the page links a drill-down). */
  hasChildren: boolean;
  salesVnd: number;
  completedOrders: number;
  activeProducers: number;
  womenMembers: number;
  salesPerWomanMemberVnd: number | null;
  offlineDealsVnd: number;
}

export interface ProducerRow {
  producerCode: string;
  producerName: string;
  /** The producer's org unit today. */
  unitCode: string;
  unitName: string;
  salesVnd: number;
  completedOrders: number;
  womenMembers: number;
  salesPerWomanMemberVnd: number | null;
}

export interface CategoryRow {
  /** Null for goods without a category (old lines). */
  categoryCode: string | null;
  nameVi: string;
  nameEn: string;
  /** After refunds spread over the refunded order's lines pro rata (largest remainder). */
  salesVnd: number;
}

export interface OcopRow {
  /** 0 = no OCOP stars. */
  stars: 0 | 3 | 4 | 5;
  salesVnd: number;
}

/** Producers that have at least one member of the group (declared at the period's end). */
export interface GroupRow {
  group: "ethnicMinority" | "poorHousehold";
  producers: number;
  /** Of them, those that sold. */
  activeProducers: number;
  salesVnd: number;
  womenMembers: number;
}

export interface MonthPoint {
  /** "YYYY-MM" */
  month: string;
  salesVnd: number;
}

/**
 * A support campaign in the report's campaign table (issue 16): one that overlaps the period
 * and is held in the subtree or has (had) a producer of it, with its WHOLE-campaign figures
 * (app/modules/campaigns/figures.server.ts), not the period's.
 */
export interface CampaignRow {
  slug: string;
  title: string;
  /** The org unit holding it. */
  unitCode: string;
  unitName: string;
  startsOn: string;
  endsOn: string;
  phase: "upcoming" | "running" | "ended";
  targetVnd: number | null;
  orderedVnd: number;
  soldVnd: number;
  targetQuantity: number | null;
  targetUnit: string | null;
  orderedQuantity: number;
  soldQuantity: number;
  buyers: number;
  orders: number;
}

export interface OutcomeReport {
  unit: { code: string; name: string; level: string; parentCode: string | null };
  /** The report unit's ancestors from the top the reader can see, for a breadcrumb. */
  ancestors: { code: string; name: string }[];
  period: ReportPeriod;
  previous: ReportPeriod;
  current: ReportFigures;
  before: ReportFigures;
  byUnit: {
    /** One row per child unit of the report unit (today's tree), by name. */
    children: UnitRow[];
    /** Producers attached to the report unit itself (and units merged into it). */
    direct: UnitRow;
    total: UnitRow;
  };
  /** Producers of the subtree that sold in the period, by sales. */
  byProducer: ProducerRow[];
  byCategory: CategoryRow[];
  byOcop: OcopRow[];
  byGroup: GroupRow[];
  /** The 12 months ending with the period's last month, oldest first. */
  last12Months: MonthPoint[];
  /** Support campaigns overlapping the period (newest first), with their whole figures. */
  campaigns: CampaignRow[];
}
