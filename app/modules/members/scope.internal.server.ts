import { and, asc, eq, isNull } from "drizzle-orm";
import { NotFound } from "~/lib/errors";
import type { SignedInActor } from "~/modules/auth/actor";
import { requirePermission } from "~/modules/auth/permissions.server";
import { subtreeCondition } from "~/modules/moderation/scope.server";
import type { Db } from "~db/client.server";
import { orgUnits, producers, unionMembers, unionOfficers } from "~db/schema";

/**
 * What the member and officer use cases share: a record, unit or producer is found only
 * inside the actor's subtree for the permission asked (`member:view` to see, `member:manage`
 * to change), so a record of another unit is a 404, never a hint that it exists.
 */

export type MemberPermission = "member:view" | "member:manage";

/** A unit of the actor's subtree by code (not a merged one: it receives nothing new). */
export function scopedUnit(
  db: Db,
  actor: SignedInActor,
  code: string,
  permission: MemberPermission,
  field = "unitCode",
) {
  const row = db
    .select({ id: orgUnits.id, code: orgUnits.code, name: orgUnits.name, path: orgUnits.path })
    .from(orgUnits)
    .where(
      and(
        eq(orgUnits.code, code.trim()),
        isNull(orgUnits.mergedIntoId),
        subtreeCondition(actor, permission),
      ),
    )
    .get();
  if (!row) throw new NotFound("members.error.unitNotFound", { code }, { field });
  return row;
}

/** A producer of the actor's subtree by code, to link a member to or filter the list by. */
export function scopedProducer(
  db: Db,
  actor: SignedInActor,
  code: string,
  permission: MemberPermission,
) {
  const row = db
    .select({
      id: producers.id,
      code: producers.code,
      name: producers.name,
      membersWomen: producers.membersWomen,
    })
    .from(producers)
    .innerJoin(orgUnits, eq(orgUnits.id, producers.orgUnitId))
    .where(and(eq(producers.code, code.trim()), subtreeCondition(actor, permission)))
    .get();
  if (!row)
    throw new NotFound("members.error.producerNotFound", { code }, { field: "producerCode" });
  return row;
}

/**
 * A member the actor may see (404 otherwise); with `member:manage` asked, a member she may
 * see but not change is a 403.
 */
export function scopedMember(
  db: Db,
  actor: SignedInActor,
  memberId: number,
  permission: MemberPermission,
) {
  const row = db
    .select({ member: unionMembers, unitPath: orgUnits.path, unitCode: orgUnits.code })
    .from(unionMembers)
    .innerJoin(orgUnits, eq(orgUnits.id, unionMembers.orgUnitId))
    .where(and(eq(unionMembers.id, memberId), subtreeCondition(actor, "member:view")))
    .get();
  if (!row) throw new NotFound("members.error.memberNotFound");
  if (permission === "member:manage") requirePermission(actor, permission, row.unitPath);
  return row;
}

/** An officer the actor may see (404 otherwise); 403 when she may see but not change it. */
export function scopedOfficer(
  db: Db,
  actor: SignedInActor,
  officerId: number,
  permission: MemberPermission,
) {
  const row = db
    .select({ officer: unionOfficers, unitPath: orgUnits.path, unitCode: orgUnits.code })
    .from(unionOfficers)
    .innerJoin(orgUnits, eq(orgUnits.id, unionOfficers.orgUnitId))
    .where(and(eq(unionOfficers.id, officerId), subtreeCondition(actor, "member:view")))
    .get();
  if (!row) throw new NotFound("members.error.officerNotFound");
  if (permission === "member:manage") requirePermission(actor, permission, row.unitPath);
  return row;
}

/** A choice of a form's unit or producer select. */
export interface Choice {
  code: string;
  name: string;
}

/** The units (not merged) where the actor holds `permission`, in tree order: a form's choices. */
export function unitChoices(db: Db, actor: SignedInActor, permission: MemberPermission): Choice[] {
  return db
    .select({ code: orgUnits.code, name: orgUnits.name })
    .from(orgUnits)
    .where(and(isNull(orgUnits.mergedIntoId), subtreeCondition(actor, permission)))
    .orderBy(asc(orgUnits.path))
    .all();
}

/** The producers of the actor's subtree for `permission`, by name: a form's choices. */
export function producerChoices(
  db: Db,
  actor: SignedInActor,
  permission: MemberPermission,
): Choice[] {
  return db
    .select({ code: producers.code, name: producers.name })
    .from(producers)
    .innerJoin(orgUnits, eq(orgUnits.id, producers.orgUnitId))
    .where(subtreeCondition(actor, permission))
    .orderBy(asc(producers.name))
    .all();
}
