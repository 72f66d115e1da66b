import { eq } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { auditLog, producers } from "~db/schema";
import { currentAuditScope } from "./audit-scope.server";
import { getDb } from "./db.server";

export interface AuditEntry {
  actorUserId: number | null;
  action: string;
  entityType: string;
  entityId: string | number;
  orgUnitId: number | null;
  before?: unknown;
  after?: unknown;
  ipAddress?: string | null;
  /**
   * The producer staff acted for (assisted mode). Left out, it is the one the current request
   * acts for when the entry's actor is that request's staff member (audit-scope.server.ts), so
   * callers need not know about it.
   */
  assistedProducerId?: number | null;
}

/**
 * Appends one entry to the audit log (who, what, before and after), inside the caller's
 * transaction; an entry written while staff act for a producer names that producer too.
 */
export function writeAudit(db: Pick<Db, "insert">, entry: AuditEntry): void {
  let assistedProducerId = entry.assistedProducerId ?? null;
  if (entry.assistedProducerId === undefined) {
    const scope = currentAuditScope();
    if (scope?.assistedProducerId && scope.staffUserId === entry.actorUserId) {
      assistedProducerId = scope.assistedProducerId;
      scope.stampedEntries += 1;
    }
  }
  db.insert(auditLog)
    .values({
      actorUserId: entry.actorUserId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      orgUnitId: entry.orgUnitId,
      before: entry.before ?? null,
      after: entry.after ?? null,
      ipAddress: entry.ipAddress ?? null,
      assistedProducerId,
    })
    .run();
}

/**
 * After a form post that succeeded in assisted mode: when nothing the request did wrote an
 * audit entry of its own (editing a listing, answering an order…), one entry says which page
 * the staff member posted for the producer, so every change made for her is in the log.
 */
export function auditAssistedRequest(request: Request): void {
  const scope = currentAuditScope();
  if (!scope?.assistedProducerId || scope.stampedEntries > 0) return;
  if (request.method === "GET" || request.method === "HEAD") return;
  const db = getDb();
  const producer = db
    .select({ orgUnitId: producers.orgUnitId })
    .from(producers)
    .where(eq(producers.id, scope.assistedProducerId))
    .get();
  const url = new URL(request.url);
  writeAudit(db, {
    actorUserId: scope.staffUserId,
    action: "assist.request",
    entityType: "page",
    entityId: url.pathname,
    orgUnitId: producer?.orgUnitId ?? null,
    after: { method: request.method, path: url.pathname },
  });
}
