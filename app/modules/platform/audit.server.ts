import type { Db } from "~db/client.server";
import { auditLog } from "~db/schema";

export interface AuditEntry {
  actorUserId: number | null;
  action: string;
  entityType: string;
  entityId: string | number;
  orgUnitId: number | null;
  before?: unknown;
  after?: unknown;
  ipAddress?: string | null;
}

/** Appends one entry to the audit log (who, what, before and after), inside the caller's transaction. */
export function writeAudit(db: Db, entry: AuditEntry): void {
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
    })
    .run();
}
