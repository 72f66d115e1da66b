import { vietnamToday } from "~/lib/dates";
import type { Actor } from "~/modules/auth/actor";
import { reportCampaigns } from "~/modules/campaigns/report.server";
import type { Db } from "~db/client.server";
import { countedRefunds } from "~/modules/money/sales.server";
import {
  byCategory,
  byGroup,
  byOcop,
  byProducer,
  byUnit,
  goodsTotals,
  monthlySeries,
  monthsBounds,
} from "./breakdowns.internal.server";
import { loadPeriods, reportFigures } from "./figures.internal.server";
import { kindOfPeriod, periodBounds, previousPeriod, twelveMonthsEnding } from "./periods";
import { loadReportUnit, subtreeUnits, unitRows, visibleAncestors } from "./scope.internal.server";
import type { OutcomeReport, ReportPeriod } from "./types";

export interface OutcomeReportQuery {
  /** The org unit's code; null or absent: the top of the actor's report reach. */
  unitCode?: string | null;
  period: ReportPeriod;
  /** The period shown beside; by default `previousPeriod(period, kindOfPeriod(period))`. */
  previous?: ReportPeriod;
}

/**
 * The outcome report of an org unit's subtree (today's tree) over a period, beside a previous
 * one (docs/reports.md). Needs `report:view` over the unit; an unknown or merged unit is 404.
 */
export function outcomeReport(db: Db, actor: Actor, query: OutcomeReportQuery): OutcomeReport {
  const unit = loadReportUnit(db, actor, query.unitCode ?? null);
  const previous = query.previous ?? previousPeriod(query.period, kindOfPeriod(query.period));
  const units = subtreeUnits(db, unit.path);
  const rows = unitRows(unit, units);
  const months = twelveMonthsEnding(query.period.to);
  // The refunds of every period the report shows, read once (few rows; a scan each time).
  const ranges = [periodBounds(query.period), periodBounds(previous), monthsBounds(months)];
  const refunds = countedRefunds(
    db,
    { path: unit.path },
    Math.min(...ranges.map((range) => range.startMs)),
    Math.max(...ranges.map((range) => range.endMs)),
  );
  const [current, before] = loadPeriods(db, unit.path, [query.period, previous], refunds);
  const goods = goodsTotals(db, unit.path, current);
  const ancestors = visibleAncestors(db, actor, unit);
  return {
    unit: {
      code: unit.code,
      name: unit.name,
      level: unit.level,
      // The parent only when the reader may see its report (a link up the tree).
      parentCode: ancestors.find((a) => a.id === unit.parentId)?.code ?? null,
    },
    ancestors: ancestors.map((a) => ({ code: a.code, name: a.name })),
    period: query.period,
    previous,
    current: reportFigures(current),
    before: reportFigures(before),
    byUnit: byUnit(current, unit, rows),
    byProducer: byProducer(current),
    byCategory: byCategory(db, goods),
    byOcop: byOcop(goods),
    byGroup: byGroup(current),
    last12Months: monthlySeries(db, unit.path, months, refunds),
    campaigns: reportCampaigns(db, unit.path, query.period, vietnamToday()),
  };
}
