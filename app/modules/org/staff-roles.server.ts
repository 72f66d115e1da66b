import { and, asc, count, eq, isNull } from "drizzle-orm";
import { Conflict, Invalid, NotFound } from "~/lib/errors";
import type { AssignRoleInput, EndRoleInput } from "~/lib/schemas/orgtree";
import type { SignedInActor } from "~/modules/auth/actor";
import { writeAudit } from "~/modules/platform/audit.server";
import { inTransaction, type Db } from "~db/client.server";
import { orgUnits, staffMemberships, users, type StaffRole } from "~db/schema";
import { managedUnit, type UnitRecord } from "./tree.internal.server";

/**
 * Staff roles on org units (docs/decisions/003, 021): `staff:manage` over a unit assigns a
 * role to an account found by its phone number, or ends one. A role reaches the unit's
 * subtree everywhere; the session reads memberships on every request, so a change takes
 * effect at the next page. The root unit always keeps at least one admin.
 */

/** One role of one account on a unit. */
export interface StaffRow {
  userId: number;
  displayName: string;
  role: StaffRole;
  since: Date;
}

const ROLE_ORDER: Record<StaffRole, number> = { admin: 0, moderator: 1, reporter: 2 };

/** The roles held on a unit (not below it), admins first, then by name. */
export function staffOfUnit(db: Db, orgUnitId: number): StaffRow[] {
  return db
    .select({
      userId: users.id,
      displayName: users.displayName,
      role: staffMemberships.role,
      since: staffMemberships.createdAt,
    })
    .from(staffMemberships)
    .innerJoin(users, eq(users.id, staffMemberships.userId))
    .where(eq(staffMemberships.orgUnitId, orgUnitId))
    .orderBy(asc(users.displayName))
    .all()
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
}

interface AuditMeta {
  ipAddress?: string | null;
}

function activeManagedUnit(db: Db, actor: SignedInActor, code: string): UnitRecord {
  const unit = managedUnit(db, actor, code, "staff:manage");
  if (unit.mergedIntoId !== null) throw new Conflict("orgtree.errors.merged", { name: unit.name });
  return unit;
}

/**
 * Gives the account with this phone number a role on the unit (staff:manage over it).
 * Unknown or disabled accounts and roles already held are refused under their field. Audited.
 */
export function assignStaffRole(
  db: Db,
  actor: SignedInActor,
  code: string,
  input: AssignRoleInput,
  meta: AuditMeta = {},
): { displayName: string } {
  return inTransaction(db, () => {
    const unit = activeManagedUnit(db, actor, code);
    const user = db
      .select({ id: users.id, displayName: users.displayName, isDisabled: users.isDisabled })
      .from(users)
      .where(eq(users.phone, input.phone))
      .get();
    if (!user || user.isDisabled) {
      throw new Invalid("orgtree.errors.noAccount", {}, { field: "phone" });
    }
    const held = db
      .select({ role: staffMemberships.role })
      .from(staffMemberships)
      .where(
        and(
          eq(staffMemberships.userId, user.id),
          eq(staffMemberships.orgUnitId, unit.id),
          eq(staffMemberships.role, input.role),
        ),
      )
      .get();
    if (held) {
      throw new Conflict("orgtree.errors.roleHeld", { name: user.displayName }, { field: "role" });
    }
    db.insert(staffMemberships)
      .values({ userId: user.id, orgUnitId: unit.id, role: input.role })
      .run();
    writeAudit(db, {
      actorUserId: actor.userId,
      action: "staff.role.assign",
      entityType: "user",
      entityId: user.id,
      orgUnitId: unit.id,
      after: { unit: unit.code, role: input.role },
      ipAddress: meta.ipAddress,
    });
    return { displayName: user.displayName };
  });
}

/** The role to end, for the confirmation page (staff:manage over the unit; 404 when not held). */
export function roleToEnd(db: Db, actor: SignedInActor, code: string, input: EndRoleInput) {
  const unit = activeManagedUnit(db, actor, code);
  const row = heldRole(db, unit.id, input);
  return {
    unit: { code: unit.code, name: unit.name },
    userId: input.userId,
    displayName: row.displayName,
    role: input.role,
    isSelf: input.userId === actor.userId,
    isLastRootAdmin: isLastRootAdmin(db, unit, input.role),
  };
}

function heldRole(db: Db, orgUnitId: number, input: EndRoleInput) {
  const row = db
    .select({ displayName: users.displayName })
    .from(staffMemberships)
    .innerJoin(users, eq(users.id, staffMemberships.userId))
    .where(
      and(
        eq(staffMemberships.userId, input.userId),
        eq(staffMemberships.orgUnitId, orgUnitId),
        eq(staffMemberships.role, input.role),
      ),
    )
    .get();
  if (!row) throw new NotFound("orgtree.errors.roleNotFound");
  return row;
}

/** Whether ending this role would leave the root unit (the province) without an admin. */
function isLastRootAdmin(db: Db, unit: UnitRecord, role: StaffRole): boolean {
  if (role !== "admin" || unit.parentId !== null) return false;
  const admins =
    db
      .select({ n: count() })
      .from(staffMemberships)
      .innerJoin(orgUnits, eq(orgUnits.id, staffMemberships.orgUnitId))
      .where(
        and(
          eq(staffMemberships.orgUnitId, unit.id),
          eq(staffMemberships.role, "admin"),
          isNull(orgUnits.parentId),
        ),
      )
      .get()?.n ?? 0;
  return admins <= 1;
}

/** Ends one role of one account on the unit (staff:manage over it). Audited. */
export function endStaffRole(
  db: Db,
  actor: SignedInActor,
  code: string,
  input: EndRoleInput,
  meta: AuditMeta = {},
): { displayName: string } {
  return inTransaction(db, () => {
    const unit = activeManagedUnit(db, actor, code);
    const row = heldRole(db, unit.id, input);
    if (isLastRootAdmin(db, unit, input.role)) {
      throw new Conflict("orgtree.errors.lastRootAdmin", { unit: unit.name });
    }
    db.delete(staffMemberships)
      .where(
        and(
          eq(staffMemberships.userId, input.userId),
          eq(staffMemberships.orgUnitId, unit.id),
          eq(staffMemberships.role, input.role),
        ),
      )
      .run();
    writeAudit(db, {
      actorUserId: actor.userId,
      action: "staff.role.end",
      entityType: "user",
      entityId: input.userId,
      orgUnitId: unit.id,
      before: { unit: unit.code, role: input.role },
      ipAddress: meta.ipAddress,
    });
    return { displayName: row.displayName };
  });
}
