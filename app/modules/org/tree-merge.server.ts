import { and, asc, count, eq, isNull } from "drizzle-orm";
import { Invalid } from "~/lib/errors";
import type { MergeUnitInput } from "~/lib/schemas/orgtree";
import type { SignedInActor } from "~/modules/auth/actor";
import { requirePermission } from "~/modules/auth/permissions.server";
import { writeAudit } from "~/modules/platform/audit.server";
import { inTransaction, prepared, type Db } from "~db/client.server";
import {
  invitations,
  orgUnits,
  producers,
  purchaseRequests,
  staffMemberships,
  unionMembers,
  unionOfficers,
  users,
  type StaffRole,
} from "~db/schema";
import { assertActive, movableUnit, unitsToPlaceInto } from "./tree.server";
import {
  LEVEL_RANK,
  pickedUnit,
  rewriteSubtreePaths,
  type UnitRecord,
} from "./tree.internal.server";

/**
 * Merging two units into one (the 2025 commune mergers; docs/decisions/021). The merged unit
 * stays as a row, below the survivor (parent_id = merged_into_id = survivor), so orders,
 * offline deals and reports placed under it keep it and count in the survivor's subtree.
 * What lives on — producers, staff roles, Union members and officers, purchase requests,
 * pending invitations and the active child units — moves to the survivor.
 */

/** The merged unit and its survivor, when the actor may merge them; refusals otherwise. */
function mergePair(db: Db, actor: SignedInActor, code: string, survivorCode: string) {
  const { unit, parent } = movableUnit(db, actor, code);
  const survivor = pickedUnit(db, actor, survivorCode, "survivorCode");
  requirePermission(actor, "org:manage", survivor.path);
  assertActive(survivor);
  const field = { field: "survivorCode" };
  if (survivor.id === unit.id) throw new Invalid("orgtree.errors.mergeSelf", {}, field);
  if (survivor.path.startsWith(unit.path))
    throw new Invalid("orgtree.errors.mergeDescendant", {}, field);
  if (LEVEL_RANK[survivor.level] > LEVEL_RANK[unit.level]) {
    throw new Invalid("orgtree.errors.mergeLevel", { survivor: survivor.name }, field);
  }
  return { unit, parent, survivor };
}

/** The merge form: the unit and the units it may be merged into. */
export function mergeChoices(db: Db, actor: SignedInActor, code: string) {
  const { unit } = movableUnit(db, actor, code);
  return {
    unit: { code: unit.code, name: unit.name, level: unit.level },
    targets: unitsToPlaceInto(db, actor, unit, null).map(({ code: c, name, depth }) => ({
      code: c,
      name,
      depth,
    })),
  };
}

/** What a merge moves, counted before it happens (the preview) or as it happened (the audit). */
export interface MergeMoves {
  producers: number;
  members: number;
  officers: number;
  purchaseRequests: number;
  /** Accounts whose roles move to the survivor (their reach becomes the survivor's subtree). */
  staff: { displayName: string; role: StaffRole }[];
  childUnits: { code: string; name: string }[];
  /** Whether the official commune code moves to the survivor (it has none of its own). */
  communeCodeMoves: boolean;
}

function movesOf(db: Db, unit: UnitRecord, survivor: UnitRecord): MergeMoves {
  const countOf = (
    table: typeof producers | typeof unionMembers | typeof unionOfficers | typeof purchaseRequests,
  ) => db.select({ n: count() }).from(table).where(eq(table.orgUnitId, unit.id)).get()?.n ?? 0;
  return {
    producers: countOf(producers),
    members: countOf(unionMembers),
    officers: countOf(unionOfficers),
    purchaseRequests: countOf(purchaseRequests),
    staff: db
      .select({ displayName: users.displayName, role: staffMemberships.role })
      .from(staffMemberships)
      .innerJoin(users, eq(users.id, staffMemberships.userId))
      .where(eq(staffMemberships.orgUnitId, unit.id))
      .orderBy(asc(users.displayName))
      .all(),
    childUnits: db
      .select({ code: orgUnits.code, name: orgUnits.name })
      .from(orgUnits)
      .where(and(eq(orgUnits.parentId, unit.id), isNull(orgUnits.mergedIntoId)))
      .orderBy(asc(orgUnits.name))
      .all(),
    communeCodeMoves: unit.communeCode !== null && survivor.communeCode === null,
  };
}

/** The preview shown before a merge: both units and what would move. */
export function mergePreview(db: Db, actor: SignedInActor, code: string, survivorCode: string) {
  const { unit, survivor } = mergePair(db, actor, code, survivorCode);
  return {
    unit: { code: unit.code, name: unit.name },
    survivor: { code: survivor.code, name: survivor.name },
    moves: movesOf(db, unit, survivor),
  };
}

/**
 * Merges a unit into a survivor (org:manage over the unit's parent and over the survivor;
 * never with itself or into its own subtree, never the root), all in one transaction, audited.
 */
export function mergeUnits(
  db: Db,
  actor: SignedInActor,
  code: string,
  input: MergeUnitInput,
  meta: { ipAddress?: string | null; now?: Date } = {},
): MergeMoves {
  return inTransaction(db, () => {
    const { unit, parent, survivor } = mergePair(db, actor, code, input.survivorCode);
    const moves = movesOf(db, unit, survivor);
    const to = survivor.id;
    db.update(producers).set({ orgUnitId: to }).where(eq(producers.orgUnitId, unit.id)).run();
    db.update(unionMembers).set({ orgUnitId: to }).where(eq(unionMembers.orgUnitId, unit.id)).run();
    db.update(unionOfficers)
      .set({ orgUnitId: to })
      .where(eq(unionOfficers.orgUnitId, unit.id))
      .run();
    db.update(purchaseRequests)
      .set({ orgUnitId: to })
      .where(eq(purchaseRequests.orgUnitId, unit.id))
      .run();
    db.update(invitations)
      .set({ orgUnitId: to })
      .where(and(eq(invitations.orgUnitId, unit.id), isNull(invitations.acceptedAt)))
      .run();
    // A role held on both units stays one role (the key is user + unit + role).
    prepared(
      db,
      `INSERT OR IGNORE INTO staff_memberships (user_id, org_unit_id, role, created_at)
       SELECT user_id, ?, role, created_at FROM staff_memberships WHERE org_unit_id = ?`,
    ).run(to, unit.id);
    db.delete(staffMemberships).where(eq(staffMemberships.orgUnitId, unit.id)).run();

    // Active children (and their subtrees) go below the survivor; merged ones stay with the
    // unit they were merged into, which now sits below the survivor too.
    const children = db
      .select({ id: orgUnits.id, path: orgUnits.path })
      .from(orgUnits)
      .where(and(eq(orgUnits.parentId, unit.id), isNull(orgUnits.mergedIntoId)))
      .all();
    for (const child of children) {
      db.update(orgUnits).set({ parentId: to }).where(eq(orgUnits.id, child.id)).run();
      rewriteSubtreePaths(db, child.path, `${survivor.path}${child.id}/`);
    }
    if (moves.communeCodeMoves) {
      db.update(orgUnits).set({ communeCode: null }).where(eq(orgUnits.id, unit.id)).run();
      db.update(orgUnits).set({ communeCode: unit.communeCode }).where(eq(orgUnits.id, to)).run();
    }
    const path = `${survivor.path}${unit.id}/`;
    db.update(orgUnits)
      .set({ parentId: to, mergedIntoId: to, mergedAt: meta.now ?? new Date() })
      .where(eq(orgUnits.id, unit.id))
      .run();
    rewriteSubtreePaths(db, unit.path, path);
    writeAudit(db, {
      actorUserId: actor.userId,
      action: "org.unit.merge",
      entityType: "org_unit",
      entityId: unit.id,
      orgUnitId: survivor.id,
      before: { parent: parent.code, path: unit.path, communeCode: unit.communeCode },
      after: {
        mergedInto: survivor.code,
        path,
        producers: moves.producers,
        members: moves.members,
        officers: moves.officers,
        purchaseRequests: moves.purchaseRequests,
        staffRoles: moves.staff.length,
        childUnits: moves.childUnits.map((child) => child.code),
        communeCodeMoved: moves.communeCodeMoves,
      },
      ipAddress: meta.ipAddress,
    });
    return moves;
  });
}
