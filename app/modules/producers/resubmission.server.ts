import { Conflict } from "~/lib/errors";
import type { ResubmissionInput } from "~/lib/schemas/staffproducers";
import type { SignedInActor } from "~/modules/auth/actor";
import { findOwnedProducer } from "~/modules/listings/shared.server";
import { writeAudit } from "~/modules/platform/audit.server";
import { inTransaction, prepared, type Db } from "~db/client.server";

/**
 * After staff asked for changes to her application (status `changes_requested`, with their
 * note), a member of the producer corrects the figures she declared and sends it back: it
 * returns to `pending` and to the verification queue. The staff note stays, dated, so the
 * next reviewer sees what was asked.
 */

/** Where the producer corrects and resends her application. */
export const RESUBMIT_PATH = "/ban-hang/ho-so/gui-lai";

/** The application as the producer corrects it, with what staff asked. */
export function resubmissionForm(db: Db, actor: SignedInActor, producerId: number) {
  const producer = findOwnedProducer(db, actor, producerId);
  return {
    code: producer.code,
    name: producer.name,
    verificationStatus: producer.verificationStatus,
    verificationNote: producer.verificationNote,
    verificationNoteAt: producer.verificationNoteAt,
    address: producer.address,
    membersTotal: producer.membersTotal,
    membersWomen: producer.membersWomen,
    membersEthnicMinority: producer.membersEthnicMinority,
    membersPoorHousehold: producer.membersPoorHousehold,
    foundedYear: producer.foundedYear,
  };
}

/** Saves the corrected figures and sends the application back for verification. */
export function resubmitApplication(
  db: Db,
  actor: SignedInActor,
  producerId: number,
  input: ResubmissionInput,
  { ipAddress = null, now = new Date() }: { ipAddress?: string | null; now?: Date } = {},
): void {
  inTransaction(db, () => {
    const before = findOwnedProducer(db, actor, producerId);
    const changed = prepared(
      db,
      `UPDATE producers SET verification_status = 'pending', address = ?, members_total = ?,
         members_women = ?, members_ethnic_minority = ?, members_poor_household = ?,
         founded_year = ?, updated_at = ?
       WHERE id = ? AND verification_status = 'changes_requested'`,
    ).run(
      input.address,
      input.membersTotal,
      input.membersWomen,
      input.membersEthnicMinority,
      input.membersPoorHousehold,
      input.foundedYear ?? null,
      now.getTime(),
      producerId,
    ).changes;
    if (changed === 0) throw new Conflict("staffproducers.error.notChangesRequested");
    writeAudit(db, {
      actorUserId: actor.userId,
      action: "producer.resubmit",
      entityType: "producer",
      entityId: producerId,
      orgUnitId: before.orgUnitId,
      before: {
        verificationStatus: before.verificationStatus,
        address: before.address,
        membersTotal: before.membersTotal,
        membersWomen: before.membersWomen,
        membersEthnicMinority: before.membersEthnicMinority,
        membersPoorHousehold: before.membersPoorHousehold,
        foundedYear: before.foundedYear,
      },
      after: { verificationStatus: "pending", ...input },
      ipAddress,
    });
  });
}
