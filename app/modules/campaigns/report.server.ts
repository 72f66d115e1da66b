import type { ReportPeriod, CampaignRow } from "~/modules/reports/types";
import { prepared, type Db } from "~db/client.server";
import type { CampaignStatus, Unit } from "~db/schema";
import { campaignsFigures } from "./figures.server";
import { campaignPhase } from "./phase";

/**
 * The campaigns of the Union report's "Chiến dịch hỗ trợ" table (docs/reports.md): published
 * or ended campaigns whose dates overlap the report period (starts_on ≤ period's last day and
 * ends_on ≥ its first), held by a unit of the subtree OR with a producer of the subtree that
 * joined them (even if she left since). Each row carries the campaign's WHOLE figures from
 * campaignFigures, the one count every page shows, never the period's share of them.
 */

interface CampaignRecord {
  id: number;
  slug: string;
  title: string;
  status: CampaignStatus;
  startsOn: string;
  endsOn: string;
  endedAtMs: number | null;
  targetVnd: number | null;
  targetQuantity: number | null;
  targetUnit: Unit | null;
  unitCode: string;
  unitName: string;
}

const CAMPAIGNS_OF_SUBTREE = `
  SELECT c.id, c.slug, c.title, c.status, c.starts_on AS startsOn, c.ends_on AS endsOn,
         c.ended_at AS endedAtMs, c.target_vnd AS targetVnd,
         c.target_quantity AS targetQuantity, c.target_unit AS targetUnit,
         u.code AS unitCode, u.name AS unitName
    FROM campaigns c
    JOIN org_units u ON u.id = c.org_unit_id
   WHERE c.status <> 'draft'
     AND c.starts_on <= ? AND c.ends_on >= ?
     AND (substr(u.path, 1, length(?)) = ?
          OR EXISTS (
            SELECT 1 FROM campaign_producers cp
              JOIN producers p ON p.id = cp.producer_id
              JOIN org_units pu ON pu.id = p.org_unit_id
             WHERE cp.campaign_id = c.id AND cp.joined_at IS NOT NULL
               AND substr(pu.path, 1, length(?)) = ?))
   ORDER BY c.starts_on DESC, c.id DESC`;

/** The campaign table's rows for the subtree under `unitPath` and the period, as of `today`. */
export function reportCampaigns(
  db: Db,
  unitPath: string,
  period: ReportPeriod,
  today: string,
): CampaignRow[] {
  const records = prepared<CampaignRecord>(db, CAMPAIGNS_OF_SUBTREE).all(
    period.to,
    period.from,
    unitPath,
    unitPath,
    unitPath,
    unitPath,
  );
  const toCount = records.map((record) => ({
    ...record,
    endedAt: record.endedAtMs === null ? null : new Date(record.endedAtMs),
  }));
  const figures = campaignsFigures(db, toCount);
  return toCount.map((campaign) => {
    const counted = figures.get(campaign.id);
    const phase = campaignPhase(campaign, today);
    return {
      slug: campaign.slug,
      title: campaign.title,
      unitCode: campaign.unitCode,
      unitName: campaign.unitName,
      startsOn: campaign.startsOn,
      endsOn: campaign.endsOn,
      // Drafts are never read, so the phase is one of the other three.
      phase: phase === "draft" ? "upcoming" : phase,
      targetVnd: campaign.targetVnd,
      orderedVnd: counted?.orderedVnd ?? 0,
      soldVnd: counted?.soldVnd ?? 0,
      targetQuantity: campaign.targetQuantity,
      targetUnit: campaign.targetUnit,
      orderedQuantity: counted?.orderedQuantity ?? 0,
      soldQuantity: counted?.soldQuantity ?? 0,
      buyers: counted?.buyers ?? 0,
      orders: counted?.orders ?? 0,
    };
  });
}
