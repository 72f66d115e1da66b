import { NotFound } from "~/lib/errors";
import type { Actor } from "~/modules/auth/actor";
import { hasPermission, requirePermission, scopePaths } from "~/modules/auth/permissions.server";
import { prepared, type Db } from "~db/client.server";

/** An org unit as the report reads it (today's tree). */
export interface ReportUnit {
  id: number;
  code: string;
  name: string;
  level: string;
  parentId: number | null;
  path: string;
  mergedIntoId: number | null;
}

const UNIT_COLUMNS = `id, code, name, level, parent_id AS parentId, path, merged_into_id AS mergedIntoId`;

/**
 * The unit a report is asked for, by code (or, without one, the top of the actor's
 * `report:view` reach), once the actor may see it. A merged unit has no report of its own:
 * its history is in its survivor's.
 */
export function loadReportUnit(db: Db, actor: Actor, unitCode: string | null): ReportUnit {
  requirePermission(actor, "report:view", null);
  let unit: ReportUnit | undefined;
  if (unitCode === null) {
    const [top] = scopePaths(actor, "report:view");
    unit = prepared<ReportUnit>(db, `SELECT ${UNIT_COLUMNS} FROM org_units WHERE path = ?`).get(
      top,
    );
  } else {
    unit = prepared<ReportUnit>(db, `SELECT ${UNIT_COLUMNS} FROM org_units WHERE code = ?`).get(
      unitCode.trim(),
    );
  }
  if (!unit || unit.mergedIntoId !== null) {
    throw new NotFound("reports.errors.unknownUnit", { code: unitCode ?? "" });
  }
  requirePermission(actor, "report:view", unit.path);
  return unit;
}

/** Every unit of the subtree under `path` (the unit itself included, merged units too). */
export function subtreeUnits(db: Db, path: string): ReportUnit[] {
  return prepared<ReportUnit>(
    db,
    `SELECT ${UNIT_COLUMNS} FROM org_units WHERE path LIKE ? || '%' ORDER BY path`,
  ).all(path);
}

/** The unit's ancestors the actor may report on, from the top down (for a breadcrumb). */
export function visibleAncestors(db: Db, actor: Actor, unit: ReportUnit): ReportUnit[] {
  const ids = unit.path
    .split("/")
    .filter(Boolean)
    .map(Number)
    .filter((id) => id !== unit.id);
  if (ids.length === 0) return [];
  return prepared<ReportUnit>(
    db,
    `SELECT ${UNIT_COLUMNS} FROM org_units WHERE id IN (SELECT value FROM json_each(?))
     ORDER BY length(path)`,
  )
    .all(JSON.stringify(ids))
    .filter((ancestor) => hasPermission(actor, "report:view", ancestor.path));
}

/** Which row of the table by unit a unit's figures go to: a child unit's id, or "direct". */
export type RowKey = number | "direct";

/**
 * The rows of the table by unit: one per child of the report unit that is not merged (by
 * name), and how every unit of the subtree maps to one of them. A unit merged into the report
 * unit, and what sits below it, go to the "direct" row with the report unit's own producers.
 */
export function unitRows(unit: ReportUnit, units: readonly ReportUnit[]) {
  const children = units
    .filter((u) => u.parentId === unit.id && u.mergedIntoId === null)
    .sort((a, b) => a.name.localeCompare(b.name, "vi"));
  const childIds = new Set(children.map((child) => child.id));
  const rowOf = new Map<number, RowKey>();
  for (const u of units) {
    const firstBelow = Number(u.path.slice(unit.path.length).split("/")[0]);
    rowOf.set(u.id, childIds.has(firstBelow) ? firstBelow : "direct");
  }
  const hasChildren = new Set(
    units.filter((u) => u.mergedIntoId === null && u.parentId !== null).map((u) => u.parentId),
  );
  return { children, rowOf, hasChildren: (id: number) => hasChildren.has(id) };
}
