import { eq } from "drizzle-orm";
import { NotFound } from "~/lib/errors";
import type { MemberInput } from "~/lib/schemas/members";
import type { SignedInActor } from "~/modules/auth/actor";
import { hasPermission, scopePaths } from "~/modules/auth/permissions.server";
import { writeAudit } from "~/modules/platform/audit.server";
import { inTransaction, type Db } from "~db/client.server";
import { orgUnits, producers, unionMembers, users } from "~db/schema";
import { rowColumns, type MemberRow } from "./member-list.server";
import { scopedMember, scopedProducer, scopedUnit } from "./scope.internal.server";

/**
 * The Union's members (hội viên) as staff of a subtree see and keep them. Only the fields
 * every record has are here; the sensitive ones come and go with a consent
 * (consent.server.ts). Audit entries name the member by id and unit only, so erasing a
 * record leaves no personal data behind (docs/decisions/022).
 */

export { linkedMembersOfProducer, listMembers } from "./member-list.server";
export { producerChoices, unitChoices } from "./scope.internal.server";

/** A record's id from the URL; anything but a whole number is a record that does not exist. */
export function recordIdOf(
  param: string | undefined,
  kind: "member" | "officer" = "member",
): number {
  const id = /^\d{1,12}$/.test(param ?? "") ? Number(param) : Number.NaN;
  if (!Number.isSafeInteger(id) || id < 1) {
    throw new NotFound(
      kind === "member" ? "members.error.memberNotFound" : "members.error.officerNotFound",
    );
  }
  return id;
}

/** Whether the actor may change members or officers somewhere (the pages' add links). */
export function canManageMembers(actor: SignedInActor): boolean {
  return scopePaths(actor, "member:manage").length > 0;
}

/** A member's whole record, sensitive fields included, as the record page shows it. */
export interface MemberRecord extends MemberRow {
  phone: string | null;
  ethnicGroup: string | null;
  householdStatus: (typeof unionMembers.householdStatus.enumValues)[number] | null;
  hasDisability: boolean | null;
  consentGivenOn: string | null;
  consentForm: (typeof unionMembers.consentForm.enumValues)[number] | null;
  consentRecordedBy: string | null;
  /** Whether the actor may change it (`member:manage` over her unit). */
  canManage: boolean;
}

function recordOf(db: Db, actor: SignedInActor, memberId: number, unitPath: string) {
  const row = db
    .select({
      ...rowColumns,
      phone: unionMembers.phone,
      ethnicGroup: unionMembers.ethnicGroup,
      householdStatus: unionMembers.householdStatus,
      hasDisability: unionMembers.hasDisability,
      consentGivenOn: unionMembers.consentGivenOn,
      consentForm: unionMembers.consentForm,
      consentRecordedBy: users.displayName,
    })
    .from(unionMembers)
    .innerJoin(orgUnits, eq(orgUnits.id, unionMembers.orgUnitId))
    .leftJoin(producers, eq(producers.id, unionMembers.producerId))
    .leftJoin(users, eq(users.id, unionMembers.consentRecordedByUserId))
    .where(eq(unionMembers.id, memberId))
    .get();
  if (!row) throw new Error(`member ${memberId} vanished`);
  return {
    ...row,
    hasConsent: Boolean(row.hasConsent),
    canManage: hasPermission(actor, "member:manage", unitPath),
  };
}

/**
 * A member's record for staff of her subtree (404 otherwise). Every view is written to the
 * audit log (`member.view`), as decree 13/2023/NĐ-CP asks of sensitive data.
 */
export function viewMember(
  db: Db,
  actor: SignedInActor,
  memberId: number,
  { ipAddress = null }: { ipAddress?: string | null } = {},
): MemberRecord {
  const { member, unitPath } = scopedMember(db, actor, memberId, "member:view");
  return inTransaction(db, () => {
    writeAudit(db, {
      actorUserId: actor.userId,
      action: "member.view",
      entityType: "union_member",
      entityId: member.id,
      orgUnitId: member.orgUnitId,
      ipAddress,
    });
    return recordOf(db, actor, member.id, unitPath);
  });
}

/** Adds a member to a unit of the actor's subtree (`member:manage` there); audited by id. */
export function createMember(
  db: Db,
  actor: SignedInActor,
  input: MemberInput,
  { ipAddress = null }: { ipAddress?: string | null } = {},
): { id: number } {
  const unit = scopedUnit(db, actor, input.unitCode, "member:manage");
  const producer = input.producerCode
    ? scopedProducer(db, actor, input.producerCode, "member:manage")
    : null;
  return inTransaction(db, () => {
    const row = db
      .insert(unionMembers)
      .values({
        orgUnitId: unit.id,
        fullName: input.fullName,
        birthYear: input.birthYear ?? null,
        phone: input.phone ?? null,
        joinedOn: input.joinedOn,
        producerId: producer?.id ?? null,
      })
      .returning({ id: unionMembers.id })
      .get();
    writeAudit(db, {
      actorUserId: actor.userId,
      action: "member.create",
      entityType: "union_member",
      entityId: row.id,
      orgUnitId: unit.id,
      after: { producerId: producer?.id ?? null },
      ipAddress,
    });
    return row;
  });
}

/** Throws unless the actor may change this member: 404 outside her subtree, 403 for view only. */
export function assertMemberManageable(db: Db, actor: SignedInActor, memberId: number): void {
  scopedMember(db, actor, memberId, "member:manage");
}

/**
 * The fields of a member the edit form shows (no sensitive one), for staff who may change
 * her; a view of her record like any other, so audited.
 */
export function memberForEdit(
  db: Db,
  actor: SignedInActor,
  memberId: number,
  { ipAddress = null }: { ipAddress?: string | null } = {},
) {
  const { member, unitCode } = scopedMember(db, actor, memberId, "member:manage");
  writeAudit(db, {
    actorUserId: actor.userId,
    action: "member.view",
    entityType: "union_member",
    entityId: member.id,
    orgUnitId: member.orgUnitId,
    ipAddress,
  });
  const producerCode = member.producerId
    ? (db
        .select({ code: producers.code })
        .from(producers)
        .where(eq(producers.id, member.producerId))
        .get()?.code ?? null)
    : null;
  return {
    id: member.id,
    fullName: member.fullName,
    birthYear: member.birthYear,
    phone: member.phone,
    joinedOn: member.joinedOn,
    unitCode,
    producerCode,
  };
}

/**
 * Changes a member's record (`member:manage` over her unit, and over the new unit when she
 * moves). The audit entry lists which fields changed, not their values.
 */
export function updateMember(
  db: Db,
  actor: SignedInActor,
  memberId: number,
  input: MemberInput,
  { ipAddress = null }: { ipAddress?: string | null } = {},
): void {
  const { member } = scopedMember(db, actor, memberId, "member:manage");
  const unit = scopedUnit(db, actor, input.unitCode, "member:manage");
  const producer = input.producerCode
    ? scopedProducer(db, actor, input.producerCode, "member:manage")
    : null;
  const next = {
    orgUnitId: unit.id,
    fullName: input.fullName,
    birthYear: input.birthYear ?? null,
    phone: input.phone ?? null,
    joinedOn: input.joinedOn,
    producerId: producer?.id ?? null,
  };
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
    (key) => next[key] !== member[key],
  );
  if (changed.length === 0) return;
  inTransaction(db, () => {
    db.update(unionMembers)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(unionMembers.id, member.id))
      .run();
    writeAudit(db, {
      actorUserId: actor.userId,
      action: "member.update",
      entityType: "union_member",
      entityId: member.id,
      orgUnitId: unit.id,
      before: { orgUnitId: member.orgUnitId },
      after: { fields: changed },
      ipAddress,
    });
  });
}
