import type { Db } from "~db/client.server";
import { auditLog } from "~db/schema";
import { currentAssistedProducerId } from "./audit-scope.server";

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
   * acts for (audit-scope.server.ts), so callers need not know about it.
   */
  assistedProducerId?: number | null;
}

/**
 * Appends one entry to the audit log (who, what, before and after), inside the caller's
 * transaction; an entry written while staff act for a producer names that producer too.
 */
export function writeAudit(db: Pick<Db, "insert">, entry: AuditEntry): void {
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
      assistedProducerId:
        entry.assistedProducerId === undefined
          ? currentAssistedProducerId()
          : entry.assistedProducerId,
    })
    .run();
}
