import { and, count, desc, eq, gte, isNull, like, lt, or, type SQL } from "drizzle-orm";
import type { SignedInActor } from "~/modules/auth/actor";
import { requirePermission, scopePaths } from "~/modules/auth/permissions.server";
import { pageOf, type Page } from "~/modules/catalog/paging.server";
import type { Db } from "~db/client.server";
import { auditLog, orgUnits, producers, users } from "~db/schema";
import { auditFields, type AuditField } from "./masking.server";

/**
 * The audit log as staff read it (/quan-ly/nhat-ky). `audit:view` gives the entries of the
 * reader's subtree; an entry shows its personal fields (and who acted, from which address)
 * only to an admin over its unit — everyone else reads them masked (masking.server.ts).
 * Entries without a unit (whole-site actions such as a catalog import) belong to the root.
 */

export interface AuditFilters {
  action?: string;
  entityType?: string;
  /** Việt Nam calendar days, inclusive. */
  from?: string;
  to?: string;
  page?: number;
}

export interface AuditEntryView {
  id: number;
  action: string;
  entityType: string;
  entityId: string;
  unitName: string | null;
  /** Who acted: null when masked or unknown (a system job). */
  actorName: string | null;
  actorUserId: number | null;
  ipAddress: string | null;
  createdAt: Date;
  masked: boolean;
  /** The producer staff acted for (assisted mode), or null. */
  assistedProducerName: string | null;
  before: AuditField[];
  after: AuditField[];
}

export const AUDIT_PAGE_SIZE = 50;

/** A root unit's path has one segment ("/1/"). */
const ROOT_PATH = /^\/\d+\/$/;

/** A Việt Nam day's first moment (UTC+7, no daylight saving). */
function vietnamMidnight(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}

function nextDay(day: string): Date {
  return new Date(vietnamMidnight(day).getTime() + 24 * 60 * 60 * 1000);
}

/** The entries the actor may read at all: her audit subtrees, and unit-less ones from a root. */
function readableCondition(actor: SignedInActor): SQL {
  requirePermission(actor, "audit:view", null);
  const paths = scopePaths(actor, "audit:view");
  const conditions = paths.map((path) => like(orgUnits.path, `${path}%`));
  if (paths.some((path) => ROOT_PATH.test(path))) conditions.push(isNull(auditLog.orgUnitId));
  const condition = or(...conditions);
  if (!condition) throw new Error("unreachable: requirePermission found no scope");
  return condition;
}

/** Whether the actor is an admin over a unit (null: the root, for unit-less entries). */
function isAdminOver(actor: SignedInActor, unitPath: string | null): boolean {
  return actor.staff.some(
    (membership) =>
      membership.role === "admin" &&
      (unitPath === null
        ? ROOT_PATH.test(membership.orgUnitPath)
        : unitPath.startsWith(membership.orgUnitPath)),
  );
}

/** One page of the actor's audit entries, newest first, filtered by action, entity and days. */
export function auditLogPage(
  db: Db,
  actor: SignedInActor,
  filters: AuditFilters = {},
): Page<AuditEntryView> {
  const where = and(
    readableCondition(actor),
    filters.action ? eq(auditLog.action, filters.action) : undefined,
    filters.entityType ? eq(auditLog.entityType, filters.entityType) : undefined,
    filters.from ? gte(auditLog.createdAt, vietnamMidnight(filters.from)) : undefined,
    filters.to ? lt(auditLog.createdAt, nextDay(filters.to)) : undefined,
  );
  const total =
    db
      .select({ n: count() })
      .from(auditLog)
      .leftJoin(orgUnits, eq(orgUnits.id, auditLog.orgUnitId))
      .where(where)
      .get()?.n ?? 0;
  const paging = pageOf(total, filters.page ?? 1, AUDIT_PAGE_SIZE);
  const rows = db
    .select({
      entry: auditLog,
      unitName: orgUnits.name,
      unitPath: orgUnits.path,
      actorName: users.displayName,
      assistedProducerName: producers.name,
    })
    .from(auditLog)
    .leftJoin(orgUnits, eq(orgUnits.id, auditLog.orgUnitId))
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(producers, eq(producers.id, auditLog.assistedProducerId))
    .where(where)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(paging.perPage)
    .offset(paging.offset)
    .all();
  const items = rows.map(({ entry, unitName, unitPath, actorName, assistedProducerName }) => {
    const masked = !isAdminOver(actor, entry.orgUnitId === null ? null : unitPath);
    // Her own name is no secret to her (e.g. "Cán bộ X thao tác thay HTX Y" on her own work).
    const isOwn = entry.actorUserId !== null && entry.actorUserId === actor.userId;
    return {
      id: entry.id,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      unitName,
      actorName: masked && !isOwn ? null : actorName,
      actorUserId: entry.actorUserId,
      ipAddress: masked ? null : entry.ipAddress,
      createdAt: entry.createdAt,
      masked,
      assistedProducerName,
      before: auditFields(entry.before, entry.entityType, masked),
      after: auditFields(entry.after, entry.entityType, masked),
    };
  });
  return { ...paging, items };
}

/** The actions and entity types found in the actor's entries, for the filter lists. */
export function auditFilterChoices(db: Db, actor: SignedInActor) {
  const where = readableCondition(actor);
  const distinct = (column: typeof auditLog.action | typeof auditLog.entityType) =>
    db
      .selectDistinct({ value: column })
      .from(auditLog)
      .leftJoin(orgUnits, eq(orgUnits.id, auditLog.orgUnitId))
      .where(where)
      .orderBy(column)
      .all()
      .map((row) => row.value);
  return { actions: distinct(auditLog.action), entityTypes: distinct(auditLog.entityType) };
}
