import { and, asc, desc, eq, like, sql, type SQL } from "drizzle-orm";
import type { OfficerInput } from "~/lib/schemas/members";
import type { SignedInActor } from "~/modules/auth/actor";
import { hasPermission } from "~/modules/auth/permissions.server";
import { pageOf, type Page } from "~/modules/catalog/paging.server";
import { subtreeCondition } from "~/modules/moderation/scope.server";
import { writeAudit } from "~/modules/platform/audit.server";
import { inTransaction, type Db } from "~db/client.server";
import { orgUnits, unionOfficers } from "~db/schema";
import { scopedOfficer, scopedUnit } from "./scope.internal.server";

/**
 * The Union's officers (cán bộ hội): who holds which position on which unit, for which term,
 * full-time or not. Staff of a subtree see its officers (`member:view`) and keep them
 * (`member:manage`); changes are audited by id.
 */

const PER_PAGE = 25;

/** Where a saved officer form sends the reader: the list, saying it was saved. */
export const OFFICERS_SAVED = "/quan-ly/hoi-vien/can-bo?da-luu=1";

/** An officer as the list shows her. */
export interface OfficerRow {
  id: number;
  fullName: string;
  position: string;
  unitCode: string;
  unitName: string;
  termStart: string;
  termEnd: string | null;
  fullTime: boolean;
  phone: string | null;
  canManage: boolean;
}

/**
 * The officers of the actor's subtree (or of one unit of it, `unitCode`), those in office
 * first, then by unit and name.
 */
export function listOfficers(
  db: Db,
  actor: SignedInActor,
  unitCode: string | null,
  page = 1,
): Page<OfficerRow> {
  const conditions: SQL[] = [subtreeCondition(actor, "member:view")];
  if (unitCode) {
    const unit = scopedUnit(db, actor, unitCode, "member:view", "don-vi");
    conditions.push(like(orgUnits.path, `${unit.path}%`));
  }
  const where = and(...conditions);
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(unionOfficers)
      .innerJoin(orgUnits, eq(orgUnits.id, unionOfficers.orgUnitId))
      .where(where)
      .get()?.n ?? 0;
  const paging = pageOf(total, page, PER_PAGE);
  const items = db
    .select({
      id: unionOfficers.id,
      fullName: unionOfficers.fullName,
      position: unionOfficers.position,
      unitCode: orgUnits.code,
      unitName: orgUnits.name,
      unitPath: orgUnits.path,
      termStart: unionOfficers.termStart,
      termEnd: unionOfficers.termEnd,
      fullTime: unionOfficers.fullTime,
      phone: unionOfficers.phone,
    })
    .from(unionOfficers)
    .innerJoin(orgUnits, eq(orgUnits.id, unionOfficers.orgUnitId))
    .where(where)
    .orderBy(
      sql`${unionOfficers.termEnd} is not null`,
      asc(orgUnits.path),
      desc(unionOfficers.termStart),
      asc(unionOfficers.fullName),
    )
    .limit(PER_PAGE)
    .offset(paging.offset)
    .all()
    .map(({ unitPath, ...row }) => ({
      ...row,
      canManage: hasPermission(actor, "member:manage", unitPath),
    }));
  return { ...paging, items };
}

/** An officer's fields for the edit form, for staff who may change her (404/403 otherwise). */
export function officerForEdit(db: Db, actor: SignedInActor, officerId: number) {
  const { officer, unitCode } = scopedOfficer(db, actor, officerId, "member:manage");
  return {
    id: officer.id,
    fullName: officer.fullName,
    position: officer.position,
    unitCode,
    termStart: officer.termStart,
    termEnd: officer.termEnd,
    fullTime: officer.fullTime,
    phone: officer.phone,
  };
}

function valuesOf(input: OfficerInput, orgUnitId: number) {
  return {
    orgUnitId,
    fullName: input.fullName,
    position: input.position,
    termStart: input.termStart,
    termEnd: input.termEnd ?? null,
    fullTime: input.fullTime,
    phone: input.phone ?? null,
  };
}

/** Records an officer on a unit of the actor's subtree (`member:manage` there). */
export function createOfficer(
  db: Db,
  actor: SignedInActor,
  input: OfficerInput,
  { ipAddress = null }: { ipAddress?: string | null } = {},
): { id: number } {
  const unit = scopedUnit(db, actor, input.unitCode, "member:manage");
  return inTransaction(db, () => {
    const row = db
      .insert(unionOfficers)
      .values(valuesOf(input, unit.id))
      .returning({ id: unionOfficers.id })
      .get();
    writeAudit(db, {
      actorUserId: actor.userId,
      action: "officer.create",
      entityType: "union_officer",
      entityId: row.id,
      orgUnitId: unit.id,
      after: { position: input.position, termStart: input.termStart },
      ipAddress,
    });
    return row;
  });
}

/** Changes an officer (e.g. ends her term); `member:manage` over her unit and the new one. */
export function updateOfficer(
  db: Db,
  actor: SignedInActor,
  officerId: number,
  input: OfficerInput,
  { ipAddress = null }: { ipAddress?: string | null } = {},
): void {
  const { officer } = scopedOfficer(db, actor, officerId, "member:manage");
  const unit = scopedUnit(db, actor, input.unitCode, "member:manage");
  const next = valuesOf(input, unit.id);
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
    (key) => next[key] !== officer[key],
  );
  if (changed.length === 0) return;
  inTransaction(db, () => {
    db.update(unionOfficers)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(unionOfficers.id, officer.id))
      .run();
    writeAudit(db, {
      actorUserId: actor.userId,
      action: "officer.update",
      entityType: "union_officer",
      entityId: officer.id,
      orgUnitId: unit.id,
      before: { orgUnitId: officer.orgUnitId },
      after: { fields: changed },
      ipAddress,
    });
  });
}
