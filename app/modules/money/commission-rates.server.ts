import { vietnamToday } from "~/lib/dates";
import { Conflict, Invalid, NotFound } from "~/lib/errors";
import type { SignedInActor } from "~/modules/auth/actor";
import { hasPermission, requirePermission, scopePaths } from "~/modules/auth/permissions.server";
import { writeAudit } from "~/modules/platform/audit.server";
import { inTransaction, prepared, type Db } from "~db/client.server";

/*
 * Commission rates (docs/decisions/023): admins set the rate on card payments for a unit of
 * their subtree from a start day on (a Vietnam calendar day, today or later). An order takes
 * the rate in force on its day at the deepest unit above its producer that has one, and keeps
 * it (orders.commission_basis_points), so a rate can never start in the past.
 */

/**
 * The SQL of the commission rate of org unit `u` (joined as `u`) on a Vietnam calendar day,
 * given as the statement's first `?` parameter (YYYY-MM-DD): of the rates started by that
 * day, the deepest unit's on the path, its latest start first; 0 when none.
 */
export const COMMISSION_OF_UNIT_SQL = `coalesce((SELECT r.basis_points FROM commission_rates r
   JOIN org_units a ON a.id = r.org_unit_id
   WHERE substr(u.path, 1, length(a.path)) = a.path AND r.starts_on <= ?
   ORDER BY length(a.path) DESC, r.starts_on DESC LIMIT 1), 0)`;

/** A rate set on a unit, as its history shows it. */
export interface CommissionRateRow {
  basisPoints: number;
  startsOn: string;
  setBy: string | null;
  createdAt: number;
}

/** A unit on the commission page: the rate in force today and its own rates, latest first. */
export interface CommissionUnit {
  id: number;
  code: string;
  name: string;
  level: string;
  depth: number;
  basisPointsToday: number;
  rates: CommissionRateRow[];
}

/** The units of the admin's subtree (merged units take no new orders: left out), in tree order. */
export function commissionPage(
  db: Db,
  actor: SignedInActor,
  now = new Date(),
): { today: string; units: CommissionUnit[] } {
  requirePermission(actor, "commission:manage", null);
  const today = vietnamToday(now);
  const units = prepared<Omit<CommissionUnit, "rates" | "depth"> & { path: string }>(
    db,
    `SELECT u.id, u.code, u.name, u.level, u.path, ${COMMISSION_OF_UNIT_SQL} AS basisPointsToday
     FROM org_units u
     WHERE u.merged_into_id IS NULL
       AND EXISTS (SELECT 1 FROM json_each(?) s WHERE u.path LIKE s.value || '%')
     ORDER BY u.path`,
  ).all(today, JSON.stringify(scopePaths(actor, "commission:manage")));
  const rates = prepared<CommissionRateRow & { orgUnitId: number }>(
    db,
    `SELECT r.org_unit_id AS orgUnitId, r.basis_points AS basisPoints, r.starts_on AS startsOn,
            s.display_name AS setBy, r.created_at AS createdAt
     FROM commission_rates r LEFT JOIN users s ON s.id = r.set_by_user_id
     WHERE r.org_unit_id IN (SELECT value FROM json_each(?))
     ORDER BY r.starts_on DESC`,
  ).all(JSON.stringify(units.map((u) => u.id)));
  return {
    today,
    units: units.map(({ path, ...unit }) => ({
      ...unit,
      depth: path.split("/").length - 3,
      rates: rates
        .filter((r) => r.orgUnitId === unit.id)
        .map(({ orgUnitId: _unit, ...rate }) => rate),
    })),
  };
}

/**
 * An admin sets a unit's rate from `startsOn` (today or later) on. A rate already set on a
 * later day is replaced; one already in force since today is not (orders took it): 409.
 * Audited with what it replaced.
 */
export function setCommissionRate(
  db: Db,
  actor: SignedInActor,
  input: { unitCode: string; basisPoints: number; startsOn: string },
  now = new Date(),
  ipAddress: string | null = null,
) {
  requirePermission(actor, "commission:manage", null);
  const unit = prepared<{ id: number; path: string; mergedIntoId: number | null }>(
    db,
    "SELECT id, path, merged_into_id AS mergedIntoId FROM org_units WHERE code = ?",
  ).get(input.unitCode);
  // Outside the admin's subtree the unit does not exist for her (as in the org tree pages).
  if (
    !unit ||
    unit.mergedIntoId !== null ||
    !hasPermission(actor, "commission:manage", unit.path)
  ) {
    throw new NotFound("money.error.unitNotFound");
  }
  const today = vietnamToday(now);
  if (input.startsOn < today) {
    throw new Invalid("money.error.rateInPast", { today }, { field: "startsOn" });
  }
  return inTransaction(db, () => {
    const before = prepared<{ id: number; basisPoints: number }>(
      db,
      `SELECT id, basis_points AS basisPoints FROM commission_rates
       WHERE org_unit_id = ? AND starts_on = ?`,
    ).get(unit.id, input.startsOn);
    if (before && input.startsOn <= today) {
      throw new Conflict("money.error.rateAlreadyInForce", {}, { field: "startsOn" });
    }
    if (before) {
      prepared(
        db,
        `UPDATE commission_rates SET basis_points = ?, set_by_user_id = ?, created_at = ?
         WHERE id = ?`,
      ).run(input.basisPoints, actor.userId, now.getTime(), before.id);
    } else {
      prepared(
        db,
        `INSERT INTO commission_rates (org_unit_id, basis_points, starts_on, set_by_user_id, created_at)
         VALUES (?, ?, ?, ?, ?)`,
      ).run(unit.id, input.basisPoints, input.startsOn, actor.userId, now.getTime());
    }
    writeAudit(db, {
      actorUserId: actor.userId,
      action: "commission.set",
      entityType: "org_unit",
      entityId: unit.id,
      orgUnitId: unit.id,
      before: before ? { basisPoints: before.basisPoints, startsOn: input.startsOn } : null,
      after: { basisPoints: input.basisPoints, startsOn: input.startsOn },
      ipAddress,
    });
    return { unitId: unit.id, ...input };
  });
}
