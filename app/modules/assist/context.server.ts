import { eq } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { assistContexts, orgUnits, producers, type TeamPermission } from "~db/schema";
import { Forbidden, NotFound } from "~/lib/errors";
import type { SignedInActor } from "~/modules/auth/actor";
import { hasPermission, requirePermission } from "~/modules/auth/permissions.server";
import { writeAudit } from "~/modules/platform/audit.server";

/**
 * Assisted mode (docs/decisions/029-care.md): a staff member with `producer:assist`
 * over a producer's unit acts for it in her own session. The signed-in actor stays her; the
 * producer joins `actor.producers` as a plain member with every team permission, so the
 * workspace pages and modules (which scope by `actor.producers`) work unchanged and the
 * owner-only things stay refused.
 */

/** What staff may do for the producer: its listings and its orders (not its statement). */
export const ASSIST_PERMISSIONS: readonly TeamPermission[] = ["listings", "orders"];

/** The context ends after this long without a request. */
export const ASSIST_IDLE_MS = 30 * 60 * 1000;
/** `last_active_at` is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60 * 1000;

function contextOfSession(db: Db, sessionId: string) {
  return db
    .select({
      producerId: assistContexts.producerId,
      producerCode: producers.code,
      producerName: producers.name,
      orgUnitId: producers.orgUnitId,
      unitPath: orgUnits.path,
      startedAt: assistContexts.startedAt,
      lastActiveAt: assistContexts.lastActiveAt,
    })
    .from(assistContexts)
    .innerJoin(producers, eq(producers.id, assistContexts.producerId))
    .innerJoin(orgUnits, eq(orgUnits.id, producers.orgUnitId))
    .where(eq(assistContexts.sessionId, sessionId))
    .get();
}

/**
 * The actor as this request sees her: with the producer she assists when her session has a
 * live context she may still hold. An idle context (30 minutes), or one whose producer left
 * her subtree or whose permission she lost, is deleted and she is herself again.
 */
export function withAssistContext(db: Db, actor: SignedInActor, now = new Date()): SignedInActor {
  if (!actor.sessionId) return actor;
  const context = contextOfSession(db, actor.sessionId);
  if (!context) return actor;
  const idleMs = now.getTime() - context.lastActiveAt.getTime();
  const isAllowed = hasPermission(actor, "producer:assist", context.unitPath);
  if (idleMs >= ASSIST_IDLE_MS || !isAllowed) {
    closeContext(db, actor, context, isAllowed ? "idle" : "permission", null);
    return actor;
  }
  if (idleMs >= TOUCH_EVERY_MS) {
    db.update(assistContexts)
      .set({ lastActiveAt: now })
      .where(eq(assistContexts.sessionId, actor.sessionId))
      .run();
  }
  return {
    ...actor,
    // Only the assisted producer: while acting for her, nothing of another producer is in reach.
    producers: [
      {
        producerId: context.producerId,
        producerCode: context.producerCode,
        producerName: context.producerName,
        role: "member",
        permissions: ASSIST_PERMISSIONS,
      },
    ],
    assisting: {
      producerId: context.producerId,
      producerCode: context.producerCode,
      producerName: context.producerName,
      startedAt: context.startedAt,
    },
  };
}

/**
 * Starts acting for a producer in the actor's session (replacing any context it had): the
 * producer must exist and lie in a subtree where she holds `producer:assist`.
 */
export function startAssisting(
  db: Db,
  actor: SignedInActor,
  producerId: number,
  ipAddress: string | null,
  now = new Date(),
): { producerCode: string } {
  if (!actor.sessionId) throw new Forbidden("assist.error.noSession");
  const producer = db
    .select({
      id: producers.id,
      code: producers.code,
      orgUnitId: producers.orgUnitId,
      unitPath: orgUnits.path,
    })
    .from(producers)
    .innerJoin(orgUnits, eq(orgUnits.id, producers.orgUnitId))
    .where(eq(producers.id, producerId))
    .get();
  if (!producer) throw new NotFound("assist.error.producerNotFound");
  requirePermission(actor, "producer:assist", producer.unitPath);
  const sessionId = actor.sessionId;
  db.transaction((tx) => {
    tx.insert(assistContexts)
      .values({ sessionId, producerId, startedAt: now, lastActiveAt: now })
      .onConflictDoUpdate({
        target: assistContexts.sessionId,
        set: { producerId, startedAt: now, lastActiveAt: now },
      })
      .run();
    writeAudit(tx, {
      actorUserId: actor.userId,
      action: "assist.started",
      entityType: "producer",
      entityId: producerId,
      orgUnitId: producer.orgUnitId,
      ipAddress,
      assistedProducerId: producerId,
    });
  });
  return { producerCode: producer.code };
}

/** Ends the actor's assisted context, if her session has one; true when there was one. */
export function endAssisting(db: Db, actor: SignedInActor, ipAddress: string | null): boolean {
  if (!actor.sessionId) return false;
  const context = contextOfSession(db, actor.sessionId);
  if (!context) return false;
  closeContext(db, actor, context, "ended", ipAddress);
  return true;
}

/** Deletes the session's context and audits why it ended, in one transaction. */
function closeContext(
  db: Db,
  actor: SignedInActor,
  context: { producerId: number; orgUnitId: number },
  reason: "idle" | "permission" | "ended",
  ipAddress: string | null,
): void {
  db.transaction((tx) => {
    tx.delete(assistContexts).where(eq(assistContexts.sessionId, actor.sessionId!)).run();
    writeAudit(tx, {
      actorUserId: actor.userId,
      action: "assist.ended",
      entityType: "producer",
      entityId: context.producerId,
      orgUnitId: context.orgUnitId,
      after: { reason },
      ipAddress,
      assistedProducerId: context.producerId,
    });
  });
}
