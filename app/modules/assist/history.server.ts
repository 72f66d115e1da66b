import { count, desc, eq } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { auditLog, users } from "~db/schema";
import { NotFound } from "~/lib/errors";
import type { SignedInActor } from "~/modules/auth/actor";
import { pageOf, type Page } from "~/modules/catalog/paging.server";

/**
 * A producer's history of what Union staff did for her in assisted mode: every audit entry
 * that names her producer as the one acted for, with the staff member's name, newest first.
 * Any member of the producer (and the staff member acting for it) may read it.
 */

export interface AssistHistoryEntry {
  id: number;
  action: string;
  entityType: string;
  entityId: string;
  staffName: string | null;
  createdAt: Date;
}

export const HISTORY_PAGE_SIZE = 50;

export function assistHistory(
  db: Db,
  actor: SignedInActor,
  producerId: number,
  page = 1,
): Page<AssistHistoryEntry> {
  if (!actor.producers.some((p) => p.producerId === producerId)) {
    throw new NotFound("assist.error.producerNotFound");
  }
  const where = eq(auditLog.assistedProducerId, producerId);
  const total = db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
  const paging = pageOf(total, page, HISTORY_PAGE_SIZE);
  const items = db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      staffName: users.displayName,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(where)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(paging.perPage)
    .offset(paging.offset)
    .all();
  return { ...paging, items };
}
