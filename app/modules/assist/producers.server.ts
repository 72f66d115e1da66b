import { and, asc, eq, inArray, isNull, like, or } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { orgUnits, producerMemberships, producers, users } from "~db/schema";
import type { NewAssistedProducerInput } from "~/lib/schemas/assist";
import { Conflict, Forbidden, Invalid } from "~/lib/errors";
import type { SignedInActor } from "~/modules/auth/actor";
import { hasPermission, requirePermission, scopePaths } from "~/modules/auth/permissions.server";
import { isUniqueViolation, nextProducerCode } from "~/modules/auth/accounts.server";
import { writeAudit } from "~/modules/platform/audit.server";

/**
 * Staff with `producer:assist` register a producer of their subtree and its first member (the
 * owner), for a woman who came to the Union's office without a smartphone habit or an e-mail.
 * The account gets no password: staff hand her a reset code (/quan-ly/ma-khoi-phuc) and she
 * chooses her own, so nobody else ever knows it. Staff checked the group in person, so the
 * producer starts verified.
 */

export interface AssistUnit {
  id: number;
  name: string;
  level: "commune" | "branch";
}

/** The communes and branches of the actor's `producer:assist` subtrees, for the form's select. */
export function assistableUnits(db: Db, actor: SignedInActor): AssistUnit[] {
  requirePermission(actor, "producer:assist", null);
  const paths = scopePaths(actor, "producer:assist");
  const rows = db
    .select({ id: orgUnits.id, name: orgUnits.name, level: orgUnits.level })
    .from(orgUnits)
    .where(
      and(
        inArray(orgUnits.level, ["commune", "branch"]),
        isNull(orgUnits.mergedIntoId),
        or(...paths.map((path) => like(orgUnits.path, `${path}%`))),
      ),
    )
    .orderBy(asc(orgUnits.path))
    .all();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    level: row.level === "branch" ? "branch" : "commune",
  }));
}

/** The commune a unit lies in, as addresses write it ("xã Vĩnh Linh"). */
function communeName(db: Db, unit: { level: string; name: string; parentId: number | null }) {
  let current = unit;
  while (current.level === "branch" && current.parentId !== null) {
    const parent = db
      .select({ name: orgUnits.name, level: orgUnits.level, parentId: orgUnits.parentId })
      .from(orgUnits)
      .where(eq(orgUnits.id, current.parentId))
      .get();
    if (!parent) break;
    current = parent;
  }
  return current.name.replace(/^Hội\s+(LHPN|Liên hiệp Phụ nữ)\s+/i, "");
}

export interface CreatedProducer {
  producerId: number;
  producerCode: string;
  userId: number;
}

/**
 * Creates the producer (verified, in the chosen unit of the actor's subtree) and its owner's
 * account (name and phone, no password yet), audited with both. A unit outside her subtree is
 * 403; a phone that already has an account or a name already taken is a 409 naming the field.
 * Nothing is written when refused.
 */
export function createAssistedProducer(
  db: Db,
  actor: SignedInActor,
  input: NewAssistedProducerInput,
  ipAddress: string | null,
  now = new Date(),
): CreatedProducer {
  const unit = db
    .select({
      id: orgUnits.id,
      name: orgUnits.name,
      level: orgUnits.level,
      path: orgUnits.path,
      parentId: orgUnits.parentId,
      mergedIntoId: orgUnits.mergedIntoId,
    })
    .from(orgUnits)
    .where(eq(orgUnits.id, input.orgUnitId))
    .get();
  if (!unit || unit.level === "province" || unit.mergedIntoId !== null) {
    throw new Invalid("assist.error.orgUnit", undefined, { field: "orgUnitId" });
  }
  if (!hasPermission(actor, "producer:assist", unit.path)) {
    throw new Forbidden("assist.error.outsideSubtree");
  }
  if (db.select({ id: users.id }).from(users).where(eq(users.phone, input.memberPhone)).get()) {
    throw new Conflict("assist.error.phoneTaken", undefined, { field: "memberPhone" });
  }
  const nameTaken = db
    .select({ id: producers.id })
    .from(producers)
    .where(eq(producers.name, input.producerName))
    .get();
  if (nameTaken) throw new Conflict("assist.error.nameTaken", undefined, { field: "producerName" });
  const commune = communeName(db, unit);
  try {
    return db.transaction((tx) => {
      const userId = tx
        .insert(users)
        .values({
          displayName: input.memberName,
          phone: input.memberPhone,
          // No password: she sets her own with a reset code staff hand her.
          passwordHash: "",
          locale: "vi",
          // Staff saw her and her phone in person.
          phoneConfirmedAt: now,
        })
        .returning({ id: users.id })
        .get().id;
      const producerCode = nextProducerCode(tx);
      const producerId = tx
        .insert(producers)
        .values({
          code: producerCode,
          name: input.producerName,
          kind: input.producerKind,
          orgUnitId: unit.id,
          commune,
          address: input.address,
          phone: input.memberPhone,
          membersTotal: input.membersTotal,
          verificationStatus: "verified",
          verificationNoteAt: now,
        })
        .returning({ id: producers.id })
        .get().id;
      tx.insert(producerMemberships).values({ userId, producerId, role: "owner" }).run();
      writeAudit(tx, {
        actorUserId: actor.userId,
        action: "producer.created_by_staff",
        entityType: "producer",
        entityId: producerId,
        orgUnitId: unit.id,
        after: { code: producerCode, name: input.producerName, ownerUserId: userId },
        ipAddress,
        assistedProducerId: producerId,
      });
      return { producerId, producerCode, userId };
    });
  } catch (error) {
    // The same phone or name registered between the checks and the insert.
    if (!isUniqueViolation(error)) throw error;
    throw new Conflict("assist.error.nameTaken", undefined, { field: "producerName" });
  }
}

/** The producer the actor just created, for the page that confirms it (her subtree only). */
export function createdProducer(db: Db, actor: SignedInActor, code: string) {
  const row = db
    .select({ id: producers.id, code: producers.code, name: producers.name, path: orgUnits.path })
    .from(producers)
    .innerJoin(orgUnits, eq(orgUnits.id, producers.orgUnitId))
    .where(eq(producers.code, code))
    .get();
  if (!row || !hasPermission(actor, "producer:assist", row.path)) return null;
  return { id: row.id, code: row.code, name: row.name };
}

/** Whether the actor may act for the producer, and whether she does right now. */
export function assistStateOf(db: Db, actor: SignedInActor, producerId: number) {
  const row = db
    .select({ path: orgUnits.path })
    .from(producers)
    .innerJoin(orgUnits, eq(orgUnits.id, producers.orgUnitId))
    .where(eq(producers.id, producerId))
    .get();
  return {
    canAssist: row ? hasPermission(actor, "producer:assist", row.path) : false,
    isActive: actor.assisting?.producerId === producerId,
  };
}
