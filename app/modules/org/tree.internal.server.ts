import { eq } from "drizzle-orm";
import { Forbidden, Invalid, NotFound } from "~/lib/errors";
import type { SignedInActor } from "~/modules/auth/actor";
import { requirePermission } from "~/modules/auth/permissions.server";
import { prepared, type Db } from "~db/client.server";
import { orgUnits, type OrgLevel } from "~db/schema";

/** What tree.server.ts, tree-merge.server.ts and staff-roles.server.ts share. */

export type UnitRecord = typeof orgUnits.$inferSelect;

/** Province 0, commune 1, branch 2: a unit never sits below one of a lower rank. */
export const LEVEL_RANK: Record<OrgLevel, number> = { province: 0, commune: 1, branch: 2 };

/** Whether any staff membership of the actor covers the unit (any role reads the tree). */
export function isInStaffScope(actor: SignedInActor, path: string): boolean {
  return actor.staff.some((membership) => path.startsWith(membership.orgUnitPath));
}

/**
 * The unit with this code as the actor may see it: 404 for an unknown code and for a unit
 * outside every one of the actor's subtrees (staff of another commune learn nothing).
 */
export function visibleUnit(db: Db, actor: SignedInActor, code: string): UnitRecord {
  if (actor.staff.length === 0) throw new Forbidden("orgtree.errors.staffOnly");
  const unit = db.select().from(orgUnits).where(eq(orgUnits.code, code.toUpperCase())).get();
  if (!unit || !isInStaffScope(actor, unit.path)) {
    throw new NotFound("orgtree.errors.unitNotFound", { code });
  }
  return unit;
}

/** The unit, visible to the actor and holding `org:manage` or `staff:manage` over it; else 403. */
export function managedUnit(
  db: Db,
  actor: SignedInActor,
  code: string,
  permission: "org:manage" | "staff:manage",
): UnitRecord {
  const unit = visibleUnit(db, actor, code);
  requirePermission(actor, permission, unit.path);
  return unit;
}

/** A unit picked in a form (a new parent, a survivor): unknown or out of reach is a field error. */
export function pickedUnit(db: Db, actor: SignedInActor, code: string, field: string): UnitRecord {
  const unit = db.select().from(orgUnits).where(eq(orgUnits.code, code)).get();
  // A tampered select: the same answer whether the unit is unknown or out of reach.
  if (!unit || !isInStaffScope(actor, unit.path)) {
    throw new Invalid("orgtree.errors.unit", {}, { field });
  }
  return unit;
}

/**
 * Moves the subtree whose root has path `from` to `to` (both "/…/"): every path starting with
 * `from` gets `to` instead, in one statement, so the subtree never stands half-moved.
 */
export function rewriteSubtreePaths(db: Db, from: string, to: string): void {
  prepared(
    db,
    `UPDATE org_units SET path = ? || substr(path, length(?) + 1)
      WHERE substr(path, 1, length(?)) = ?`,
  ).run(to, from, from, from);
}

/** A unit as lists show it. */
export interface UnitSummary {
  id: number;
  code: string;
  name: string;
  level: OrgLevel;
  parentId: number | null;
  path: string;
}

export const summaryColumns = {
  id: orgUnits.id,
  code: orgUnits.code,
  name: orgUnits.name,
  level: orgUnits.level,
  parentId: orgUnits.parentId,
  path: orgUnits.path,
};
