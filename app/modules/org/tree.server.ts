import { and, asc, eq, isNull, like, ne, or } from "drizzle-orm";
import { Conflict, Forbidden, Invalid } from "~/lib/errors";
import { findCommuneByCode } from "~/lib/places";
import type { CreateUnitInput, MoveUnitInput, RenameUnitInput } from "~/lib/schemas/orgtree";
import type { SignedInActor } from "~/modules/auth/actor";
import {
  hasPermission,
  requirePermission,
  scopePaths,
  type StaffPermission,
} from "~/modules/auth/permissions.server";
import { writeAudit } from "~/modules/platform/audit.server";
import { inTransaction, type Db } from "~db/client.server";
import { orgUnits, type OrgLevel } from "~db/schema";
import { staffOfUnit, type StaffRow } from "./staff-roles.server";
import {
  LEVEL_RANK,
  isInStaffScope,
  managedUnit,
  pickedUnit,
  rewriteSubtreePaths,
  summaryColumns,
  visibleUnit,
  type UnitRecord,
  type UnitSummary,
} from "./tree.internal.server";

/**
 * The org tree as staff administer it (/quan-ly/to-chuc, docs/decisions/021): every staff
 * member reads her subtree; `org:manage` creates, renames and moves units below her. A move
 * rewrites the materialized path of the whole subtree in one transaction. Merges are in
 * tree-merge.server.ts, staff roles in staff-roles.server.ts.
 */

export type { UnitSummary } from "./tree.internal.server";

/** A unit of a list, with its depth in the list (0 for the list's top units). */
export interface TreeEntry extends UnitSummary {
  depth: number;
}

interface AuditMeta {
  ipAddress?: string | null;
}

/**
 * The units (not merged) the actor's staff memberships cover — or, given a permission, those
 * where she holds it — in tree order (each unit followed by its children, by name). Used by
 * the tree page and by the report's unit picker.
 */
export function listUnitsInScope(
  db: Db,
  actor: SignedInActor,
  permission?: StaffPermission,
): TreeEntry[] {
  const roots = permission
    ? scopePaths(actor, permission)
    : [...new Set(actor.staff.map((membership) => membership.orgUnitPath))];
  if (roots.length === 0) return [];
  const rows = db
    .select(summaryColumns)
    .from(orgUnits)
    .where(
      and(
        isNull(orgUnits.mergedIntoId),
        or(...roots.map((root) => like(orgUnits.path, `${root}%`))),
      ),
    )
    .orderBy(asc(orgUnits.name))
    .all();
  return inTreeOrder(rows);
}

/**
 * The tree page: the units of the actor's subtrees (403 for someone with no staff role), and
 * whether she may change any of them (the page says it is read-only otherwise).
 */
export function orgTreePage(db: Db, actor: SignedInActor) {
  if (actor.staff.length === 0) throw new Forbidden("orgtree.errors.staffOnly");
  return {
    units: listUnitsInScope(db, actor).map(({ code, name, level, depth }) => ({
      code,
      name,
      level,
      depth,
    })),
    canEdit:
      scopePaths(actor, "org:manage").length > 0 || scopePaths(actor, "staff:manage").length > 0,
  };
}

/**
 * A unit the actor may change with `permission` (org:manage to add below it or rename it,
 * staff:manage to give roles): 404 outside her subtree, 403 without it, 409 once merged.
 */
export function unitToEdit(
  db: Db,
  actor: SignedInActor,
  code: string,
  permission: "org:manage" | "staff:manage",
) {
  const unit = managedUnit(db, actor, code, permission);
  assertActive(unit);
  return { code: unit.code, name: unit.name, level: unit.level };
}

const byVietnameseName = new Intl.Collator("vi");

/** Units in depth-first order, siblings by name as Vietnamese readers sort ("Đ" after "D"). */
function inTreeOrder(rows: UnitSummary[]): TreeEntry[] {
  const ids = new Set(rows.map((row) => row.id));
  const childrenOf = new Map<number | null, UnitSummary[]>();
  const sorted = [...rows].sort((a, b) => byVietnameseName.compare(a.name, b.name));
  for (const row of sorted) {
    const parent = row.parentId !== null && ids.has(row.parentId) ? row.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), row]);
  }
  const ordered: TreeEntry[] = [];
  const visit = (parent: number | null, depth: number) => {
    for (const row of childrenOf.get(parent) ?? []) {
      ordered.push({ ...row, depth });
      visit(row.id, depth + 1);
    }
  };
  visit(null, 0);
  return ordered;
}

/** One unit's page: where it sits, what is below it, its staff and what the actor may do. */
export interface UnitPage {
  unit: UnitSummary & {
    communeCode: string | null;
    isRoot: boolean;
    mergedInto: { code: string; name: string } | null;
    mergedAt: Date | null;
  };
  parent: { code: string; name: string; isVisible: boolean } | null;
  children: UnitSummary[];
  mergedUnits: { code: string; name: string; mergedAt: Date | null }[];
  staff: StaffRow[];
  can: { editUnit: boolean; moveOrMerge: boolean; manageStaff: boolean };
}

/** A unit of the actor's subtree with its children, merged units and staff (404 outside it). */
export function unitPage(db: Db, actor: SignedInActor, code: string): UnitPage {
  const unit = visibleUnit(db, actor, code);
  const parent = unit.parentId === null ? undefined : unitById(db, unit.parentId);
  const below = db
    .select({ ...summaryColumns, mergedIntoId: orgUnits.mergedIntoId, mergedAt: orgUnits.mergedAt })
    .from(orgUnits)
    .where(eq(orgUnits.parentId, unit.id))
    .orderBy(asc(orgUnits.name))
    .all();
  const isActive = unit.mergedIntoId === null;
  return {
    unit: {
      id: unit.id,
      code: unit.code,
      name: unit.name,
      level: unit.level,
      parentId: unit.parentId,
      path: unit.path,
      communeCode: unit.communeCode,
      isRoot: unit.parentId === null,
      mergedInto:
        unit.mergedIntoId !== null && parent ? { code: parent.code, name: parent.name } : null,
      mergedAt: unit.mergedAt,
    },
    parent: parent
      ? { code: parent.code, name: parent.name, isVisible: isInStaffScope(actor, parent.path) }
      : null,
    children: below
      .filter((child) => child.mergedIntoId === null)
      .map(({ mergedIntoId: _m, mergedAt: _a, ...child }) => child),
    mergedUnits: below
      .filter((child) => child.mergedIntoId !== null)
      .map((child) => ({ code: child.code, name: child.name, mergedAt: child.mergedAt })),
    staff: staffOfUnit(db, unit.id),
    can: {
      editUnit: isActive && hasPermission(actor, "org:manage", unit.path),
      moveOrMerge:
        isActive && parent !== undefined && hasPermission(actor, "org:manage", parent.path),
      manageStaff: isActive && hasPermission(actor, "staff:manage", unit.path),
    },
  };
}

function unitById(db: Db, id: number): UnitRecord | undefined {
  return db.select().from(orgUnits).where(eq(orgUnits.id, id)).get();
}

/** Refuses changes to a unit that was merged: it keeps its history and receives nothing new. */
export function assertActive(unit: UnitRecord): void {
  if (unit.mergedIntoId !== null) throw new Conflict("orgtree.errors.merged", { name: unit.name });
}

/** A unit at `level` may sit below `parent`: never below a lower level, never a second province. */
function assertLevelFits(level: OrgLevel, parent: UnitRecord, field: string): void {
  if (level === "province" || LEVEL_RANK[level] < LEVEL_RANK[parent.level]) {
    throw new Invalid("orgtree.errors.levelBelowParent", { parent: parent.name }, { field });
  }
}

function assertUniqueNames(db: Db, code: string | null, name: string, exceptId?: number): void {
  const others = (column: typeof orgUnits.code | typeof orgUnits.name, value: string) =>
    db
      .select({ name: orgUnits.name })
      .from(orgUnits)
      .where(and(eq(column, value), exceptId === undefined ? undefined : ne(orgUnits.id, exceptId)))
      .get();
  if (code !== null && others(orgUnits.code, code)) {
    throw new Conflict("orgtree.errors.codeTaken", { code }, { field: "code" });
  }
  const sameName = others(orgUnits.name, name);
  if (sameName) throw new Conflict("orgtree.errors.nameTaken", { name }, { field: "name" });
}

/** The commune a new commune-level unit covers: a known official code no other unit covers. */
function checkCommuneCode(db: Db, level: OrgLevel, communeCode: string | undefined): string | null {
  if (communeCode === undefined) return null;
  const field = { field: "communeCode" };
  if (level !== "commune") throw new Invalid("orgtree.errors.communeCodeLevel", {}, field);
  const commune = findCommuneByCode(communeCode);
  if (!commune) throw new Invalid("orgtree.errors.communeUnknown", { code: communeCode }, field);
  const holder = db
    .select({ name: orgUnits.name })
    .from(orgUnits)
    .where(eq(orgUnits.communeCode, communeCode))
    .get();
  if (holder) {
    throw new Conflict(
      "orgtree.errors.communeTaken",
      { commune: commune.name, unit: holder.name },
      field,
    );
  }
  return communeCode;
}

/** Creates a unit below `parentCode` (org:manage over the parent); returns its code. Audited. */
export function createUnit(
  db: Db,
  actor: SignedInActor,
  parentCode: string,
  input: CreateUnitInput,
  meta: AuditMeta = {},
): string {
  return inTransaction(db, () => {
    const parent = managedUnit(db, actor, parentCode, "org:manage");
    assertActive(parent);
    assertLevelFits(input.level, parent, "level");
    const communeCode = checkCommuneCode(db, input.level, input.communeCode);
    assertUniqueNames(db, input.code, input.name);
    const { id } = db
      .insert(orgUnits)
      .values({
        code: input.code,
        name: input.name,
        level: input.level,
        parentId: parent.id,
        path: parent.path,
        communeCode,
      })
      .returning({ id: orgUnits.id })
      .get();
    const path = `${parent.path}${id}/`;
    db.update(orgUnits).set({ path }).where(eq(orgUnits.id, id)).run();
    writeAudit(db, {
      actorUserId: actor.userId,
      action: "org.unit.create",
      entityType: "org_unit",
      entityId: id,
      orgUnitId: id,
      after: {
        code: input.code,
        name: input.name,
        level: input.level,
        parent: parent.code,
        path,
        communeCode,
      },
      ipAddress: meta.ipAddress,
    });
    return input.code;
  });
}

/** Renames a unit (org:manage over it). Audited. */
export function renameUnit(
  db: Db,
  actor: SignedInActor,
  code: string,
  input: RenameUnitInput,
  meta: AuditMeta = {},
): void {
  inTransaction(db, () => {
    const unit = managedUnit(db, actor, code, "org:manage");
    assertActive(unit);
    if (unit.name === input.name) return;
    assertUniqueNames(db, null, input.name, unit.id);
    db.update(orgUnits).set({ name: input.name }).where(eq(orgUnits.id, unit.id)).run();
    writeAudit(db, {
      actorUserId: actor.userId,
      action: "org.unit.rename",
      entityType: "org_unit",
      entityId: unit.id,
      orgUnitId: unit.id,
      before: { name: unit.name },
      after: { name: input.name },
      ipAddress: meta.ipAddress,
    });
  });
}

/**
 * The unit and its current parent, when the actor may move or merge it: org:manage over the
 * parent (the root never moves). 404 outside her subtree, 403 without the permission.
 */
export function movableUnit(
  db: Db,
  actor: SignedInActor,
  code: string,
): { unit: UnitRecord; parent: UnitRecord } {
  const unit = visibleUnit(db, actor, code);
  const parent = unit.parentId === null ? undefined : unitById(db, unit.parentId);
  if (!parent) throw new Conflict("orgtree.errors.rootFixed");
  requirePermission(actor, "org:manage", parent.path);
  assertActive(unit);
  return { unit, parent };
}

/**
 * Where the actor may put a unit (or merge it into): active units she manages, outside the
 * unit's own subtree, of its level or above, except `exclude` (its current parent for a move).
 */
export function unitsToPlaceInto(
  db: Db,
  actor: SignedInActor,
  unit: UnitRecord,
  exclude: number | null,
): TreeEntry[] {
  return listUnitsInScope(db, actor, "org:manage").filter(
    (candidate) =>
      !candidate.path.startsWith(unit.path) &&
      candidate.id !== exclude &&
      LEVEL_RANK[candidate.level] <= LEVEL_RANK[unit.level],
  );
}

/** The move form: the unit, its parent, and the parents it may move to. */
export function moveChoices(db: Db, actor: SignedInActor, code: string) {
  const { unit, parent } = movableUnit(db, actor, code);
  return {
    unit: { code: unit.code, name: unit.name, level: unit.level },
    parent: { code: parent.code, name: parent.name },
    targets: unitsToPlaceInto(db, actor, unit, parent.id).map(({ code: c, name, depth }) => ({
      code: c,
      name,
      depth,
    })),
  };
}

/**
 * Moves a unit with its whole subtree below another parent (org:manage over the old and the
 * new parent; never into its own subtree). Every path is rewritten in one transaction. Audited.
 */
export function moveUnit(
  db: Db,
  actor: SignedInActor,
  code: string,
  input: MoveUnitInput,
  meta: AuditMeta = {},
): void {
  inTransaction(db, () => {
    const { unit, parent } = movableUnit(db, actor, code);
    const target = pickedUnit(db, actor, input.parentCode, "parentCode");
    requirePermission(actor, "org:manage", target.path);
    assertActive(target);
    const field = { field: "parentCode" };
    if (target.path.startsWith(unit.path)) throw new Invalid("orgtree.errors.cycle", {}, field);
    if (target.id === parent.id) throw new Invalid("orgtree.errors.sameParent", {}, field);
    assertLevelFits(unit.level, target, "parentCode");
    const path = `${target.path}${unit.id}/`;
    db.update(orgUnits).set({ parentId: target.id }).where(eq(orgUnits.id, unit.id)).run();
    rewriteSubtreePaths(db, unit.path, path);
    writeAudit(db, {
      actorUserId: actor.userId,
      action: "org.unit.move",
      entityType: "org_unit",
      entityId: unit.id,
      orgUnitId: unit.id,
      before: { parent: parent.code, path: unit.path },
      after: { parent: target.code, path },
      ipAddress: meta.ipAddress,
    });
  });
}
