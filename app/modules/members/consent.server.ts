import { eq } from "drizzle-orm";
import type { ConsentInput } from "~/lib/schemas/members";
import type { SignedInActor } from "~/modules/auth/actor";
import { writeAudit } from "~/modules/platform/audit.server";
import { inTransaction, type Db } from "~db/client.server";
import { unionMembers } from "~db/schema";
import { scopedMember } from "./scope.internal.server";

/**
 * Sensitive data under decree 13/2023/NĐ-CP (ethnic group, household status, disability):
 * stored only with a consent whose date, form and recorder are kept; withdrawing it erases
 * those fields in the same statement, and a member's whole record is erased on request.
 * The table's CHECK refuses sensitive values without a consent, whatever the code does.
 */

interface Options {
  ipAddress?: string | null;
}

/** What a consent change writes to the audit log beside who, which member and which unit. */
interface MemberChange {
  action: string;
  after?: Record<string, unknown>;
  ipAddress: string | null;
}

/**
 * Runs `change` on a member the actor may manage (404 outside her subtree, 403 for view only)
 * and writes its audit entry in the same transaction; returns the member as she was.
 */
function changeMember(
  db: Db,
  actor: SignedInActor,
  memberId: number,
  { action, after, ipAddress }: MemberChange,
  change: (id: number) => void,
) {
  const { member } = scopedMember(db, actor, memberId, "member:manage");
  inTransaction(db, () => {
    change(member.id);
    writeAudit(db, {
      actorUserId: actor.userId,
      action,
      entityType: "union_member",
      entityId: member.id,
      orgUnitId: member.orgUnitId,
      after,
      ipAddress,
    });
  });
  return member;
}

/**
 * Records (or renews) a member's consent and the sensitive fields she agreed to give;
 * `member:manage` over her unit. The audit entry keeps the consent, never the values.
 */
export function recordConsent(
  db: Db,
  actor: SignedInActor,
  memberId: number,
  input: ConsentInput,
  { ipAddress = null }: Options = {},
): void {
  const after = { consentGivenOn: input.consentGivenOn, consentForm: input.consentForm };
  changeMember(db, actor, memberId, { action: "member.consent.record", after, ipAddress }, (id) =>
    db
      .update(unionMembers)
      .set({
        consentGivenOn: input.consentGivenOn,
        consentForm: input.consentForm,
        consentRecordedByUserId: actor.userId,
        ethnicGroup: input.ethnicGroup || null,
        householdStatus: input.householdStatus ?? null,
        hasDisability: input.hasDisability === undefined ? null : input.hasDisability === "yes",
        updatedAt: new Date(),
      })
      .where(eq(unionMembers.id, id))
      .run(),
  );
}

/** The columns a withdrawal (or the CHECK's rule) empties together. */
const WITHDRAWN = {
  consentGivenOn: null,
  consentForm: null,
  consentRecordedByUserId: null,
  ethnicGroup: null,
  householdStatus: null,
  hasDisability: null,
} as const;

/** Withdraws a member's consent: the consent and the three sensitive fields are erased. */
export function withdrawConsent(
  db: Db,
  actor: SignedInActor,
  memberId: number,
  { ipAddress = null }: Options = {},
): void {
  changeMember(db, actor, memberId, { action: "member.consent.withdraw", ipAddress }, (id) =>
    db
      .update(unionMembers)
      .set({ ...WITHDRAWN, updatedAt: new Date() })
      .where(eq(unionMembers.id, id))
      .run(),
  );
}

/**
 * Erases a member's record on her request: the row is deleted; the audit log keeps only
 * "member N of unit U erased by X" (no name, no data).
 */
export function eraseMember(
  db: Db,
  actor: SignedInActor,
  memberId: number,
  { ipAddress = null }: Options = {},
): { orgUnitId: number } {
  const member = changeMember(db, actor, memberId, { action: "member.erase", ipAddress }, (id) =>
    db.delete(unionMembers).where(eq(unionMembers.id, id)).run(),
  );
  return { orgUnitId: member.orgUnitId };
}
