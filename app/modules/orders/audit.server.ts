import type { Db } from "~db/client.server";
import { auditLog } from "~db/schema";

/** Appends one entry to the audit log (inside the caller's transaction). */
export function writeAudit(
  db: Db,
  entry: {
    actorUserId: number | null;
    action: string;
    entityType: string;
    entityId: string | number;
    orgUnitId: number | null;
    before?: unknown;
    after?: unknown;
    ipAddress?: string | null;
  },
): void {
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
