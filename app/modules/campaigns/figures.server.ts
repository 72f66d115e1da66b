import { prepared, type Db } from "~db/client.server";
import { addDays, vietnamDayStartMs } from "~/modules/reports/periods";
import { spreadProRata } from "~/modules/reports/spread";
import type { CampaignStatus, Unit } from "~db/schema";

/**
 * A campaign's figures (docs/decisions/030-campaigns.md), the one count every page and the
 * Union report show. An order line counts when
 * - its listing was in the campaign when the order was placed (inside a campaign_listings
 *   period: joined_at ≤ placed < left_at),
 * - the order was placed within the campaign's dates (Vietnam days, both included; an early
 *   end by staff closes the window at that moment),
 * - the order was confirmed (accepted, or paid) and not cancelled: "đã đặt";
 *   "đã bán" once it is completed.
 * Refunds on the order are spread over all its lines pro rata (the same largest-remainder
 * rule as the report's category table) and the campaign lines' shares are taken off; a
 * refund of the whole goods subtotal also takes the lines' quantities off. Quantities count
 * only lines in the target unit.
 */
export interface CampaignFigures {
  /** Σ line totals of confirmed, not cancelled orders, after refunds. */
  orderedVnd: number;
  /** The same for completed orders only. */
  soldVnd: number;
  /** Quantities of those lines in the campaign's target unit (0 without a quantity target). */
  orderedQuantity: number;
  soldQuantity: number;
  /** Distinct buyers and orders among the counted (confirmed) orders. */
  buyers: number;
  orders: number;
}

export interface CampaignToCount {
  id: number;
  status: CampaignStatus;
  startsOn: string;
  endsOn: string;
  endedAt: Date | null;
  targetUnit: Unit | null;
}

interface CountedLine {
  orderId: number;
  buyerUserId: number;
  status: string;
  subtotalVnd: number;
  refundedVnd: number;
  lineId: number;
  unit: string;
  qty: number;
  lineTotalVnd: number;
}

const COUNTED_LINES = `
  SELECT o.id AS orderId, o.buyer_user_id AS buyerUserId, o.status AS status,
         o.subtotal_vnd AS subtotalVnd,
         (SELECT coalesce(sum(r.amount_vnd), 0) FROM refunds r WHERE r.order_id = o.id) AS refundedVnd,
         ol.id AS lineId, ol.unit AS unit, ol.qty AS qty, ol.line_total_vnd AS lineTotalVnd
    FROM order_lines ol
    JOIN orders o ON o.id = ol.order_id
   WHERE o.created_at >= ? AND o.created_at < ?
     AND o.confirmed_at IS NOT NULL AND o.status <> 'cancelled'
     AND EXISTS (
       SELECT 1 FROM campaign_listings cl
        WHERE cl.campaign_id = ? AND cl.listing_id = ol.listing_id
          AND cl.joined_at <= o.created_at
          AND (cl.left_at IS NULL OR o.created_at < cl.left_at))
   ORDER BY o.id, ol.id`;

const LINES_OF_ORDER = `SELECT id, line_total_vnd AS lineTotalVnd FROM order_lines WHERE order_id = ? ORDER BY id`;

/** The instants [from, to) in which orders count: the campaign's days, cut at an early end. */
export function countingWindow(campaign: CampaignToCount): { fromMs: number; toMs: number } {
  const fromMs = vietnamDayStartMs(campaign.startsOn);
  let toMs = vietnamDayStartMs(addDays(campaign.endsOn, 1));
  if (campaign.status === "ended" && campaign.endedAt) {
    toMs = Math.min(toMs, campaign.endedAt.getTime());
  }
  return { fromMs, toMs };
}

/** What each refunded order's refunds take off each of its lines (line id → đồng). */
function refundShares(db: Db, lines: readonly CountedLine[]): Map<number, number> {
  const shares = new Map<number, number>();
  const seen = new Set<number>();
  for (const line of lines) {
    if (line.refundedVnd <= 0 || seen.has(line.orderId)) continue;
    seen.add(line.orderId);
    const orderLines = prepared<{ id: number; lineTotalVnd: number }>(db, LINES_OF_ORDER).all(
      line.orderId,
    );
    // A refund can include the delivery fee; the goods never give back more than they cost.
    const refund = Math.min(line.refundedVnd, line.subtotalVnd);
    const parts = spreadProRata(
      refund,
      orderLines.map((row) => row.lineTotalVnd),
    );
    orderLines.forEach((row, index) => shares.set(row.id, parts[index] ?? 0));
  }
  return shares;
}

function emptyFigures(): CampaignFigures {
  return { orderedVnd: 0, soldVnd: 0, orderedQuantity: 0, soldQuantity: 0, buyers: 0, orders: 0 };
}

/** The figures of one campaign. */
export function campaignFigures(db: Db, campaign: CampaignToCount): CampaignFigures {
  const { fromMs, toMs } = countingWindow(campaign);
  const figures = emptyFigures();
  if (toMs <= fromMs) return figures;
  const lines = prepared<CountedLine>(db, COUNTED_LINES).all(fromMs, toMs, campaign.id);
  const shares = refundShares(db, lines);
  const buyers = new Set<number>();
  const orderIds = new Set<number>();
  for (const line of lines) {
    buyers.add(line.buyerUserId);
    orderIds.add(line.orderId);
    const vnd = line.lineTotalVnd - (shares.get(line.lineId) ?? 0);
    const fullyRefunded = line.refundedVnd >= line.subtotalVnd;
    const quantity =
      campaign.targetUnit !== null && line.unit === campaign.targetUnit && !fullyRefunded
        ? line.qty
        : 0;
    figures.orderedVnd += vnd;
    figures.orderedQuantity += quantity;
    if (line.status === "completed") {
      figures.soldVnd += vnd;
      figures.soldQuantity += quantity;
    }
  }
  figures.buyers = buyers.size;
  figures.orders = orderIds.size;
  return figures;
}

/** Figures of several campaigns at once (a list page, the report's campaign table). */
export function campaignsFigures(
  db: Db,
  campaigns: readonly CampaignToCount[],
): Map<number, CampaignFigures> {
  return new Map(campaigns.map((campaign) => [campaign.id, campaignFigures(db, campaign)]));
}
