import { and, asc, eq, like, sql, type SQL } from "drizzle-orm";
import type { MemberFilters } from "~/lib/schemas/members";
import type { SignedInActor } from "~/modules/auth/actor";
import { hasPermission } from "~/modules/auth/permissions.server";
import { pageOf, type Page } from "~/modules/catalog/paging.server";
import { subtreeCondition } from "~/modules/moderation/scope.server";
import type { Db } from "~db/client.server";
import { orgUnits, producers, unionMembers } from "~db/schema";
import { scopedProducer, scopedUnit } from "./scope.internal.server";

/**
 * The member list of a staff member's subtree (the page and the exports share its
 * conditions), and the linked members shown beside a producer's declared women members.
 * No sensitive field is listed.
 */

const PER_PAGE = 25;

/** A member as the list shows her: no sensitive field, only whether a consent is on file. */
export interface MemberRow {
  id: number;
  fullName: string;
  birthYear: number | null;
  joinedOn: string;
  unitCode: string;
  unitName: string;
  producerCode: string | null;
  producerName: string | null;
  hasConsent: boolean;
}

/** The producer a list is filtered by: its declared women members beside the linked ones. */
export interface ProducerSummary {
  code: string;
  name: string;
  membersWomen: number;
  linkedMembers: number;
}

/** The list's conditions: the actor's subtree, then the filters (each unit or producer in it). */
export function memberConditions(
  db: Db,
  actor: SignedInActor,
  filters: MemberFilters,
): { where: SQL; producer: ProducerSummary | null } {
  const conditions: SQL[] = [subtreeCondition(actor, "member:view")];
  if (filters.unitCode) {
    const unit = scopedUnit(db, actor, filters.unitCode, "member:view", "don-vi");
    conditions.push(like(orgUnits.path, `${unit.path}%`));
  }
  let producer: ProducerSummary | null = null;
  if (filters.producerCode) {
    const found = scopedProducer(db, actor, filters.producerCode, "member:view");
    conditions.push(eq(unionMembers.producerId, found.id));
    producer = { ...linkedCount(db, found.id), code: found.code, name: found.name };
  }
  if (filters.query) {
    const escaped = filters.query.replace(/[\\%_]/g, (c) => `\\${c}`);
    conditions.push(sql`${unionMembers.fullName} like ${`%${escaped}%`} escape '\\'`);
  }
  const where = and(...conditions);
  if (!where) throw new Error("unreachable: the subtree condition is always there");
  return { where, producer };
}

function linkedCount(db: Db, producerId: number) {
  const row = db
    .select({
      membersWomen: producers.membersWomen,
      linkedMembers: sql<number>`(select count(*) from union_members m where m.producer_id = ${producers.id})`,
    })
    .from(producers)
    .where(eq(producers.id, producerId))
    .get();
  return { membersWomen: row?.membersWomen ?? 0, linkedMembers: row?.linkedMembers ?? 0 };
}

/** The list's columns; the record page adds the rest. */
export const rowColumns = {
  id: unionMembers.id,
  fullName: unionMembers.fullName,
  birthYear: unionMembers.birthYear,
  joinedOn: unionMembers.joinedOn,
  unitCode: orgUnits.code,
  unitName: orgUnits.name,
  producerCode: producers.code,
  producerName: producers.name,
  hasConsent: sql<number>`${unionMembers.consentGivenOn} is not null`,
};

/** The members of the actor's subtree matching the filters, by name, a page at a time. */
export function listMembers(
  db: Db,
  actor: SignedInActor,
  filters: MemberFilters,
  page = 1,
): Page<MemberRow> & { producer: ProducerSummary | null } {
  const { where, producer } = memberConditions(db, actor, filters);
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(unionMembers)
      .innerJoin(orgUnits, eq(orgUnits.id, unionMembers.orgUnitId))
      .where(where)
      .get()?.n ?? 0;
  const paging = pageOf(total, page, PER_PAGE);
  const items = db
    .select(rowColumns)
    .from(unionMembers)
    .innerJoin(orgUnits, eq(orgUnits.id, unionMembers.orgUnitId))
    .leftJoin(producers, eq(producers.id, unionMembers.producerId))
    .where(where)
    .orderBy(asc(unionMembers.fullName), asc(unionMembers.id))
    .limit(PER_PAGE)
    .offset(paging.offset)
    .all()
    .map((row) => ({ ...row, hasConsent: Boolean(row.hasConsent) }));
  return { ...paging, items, producer };
}

/**
 * Beside a producer's declared women members (the figure of record), how many Union
 * members are linked to it; null when the actor may not see members of its unit.
 */
export function linkedMembersOfProducer(
  db: Db,
  actor: SignedInActor,
  producerId: number,
): { linkedMembers: number; membersWomen: number } | null {
  const unit = db
    .select({ path: orgUnits.path })
    .from(producers)
    .innerJoin(orgUnits, eq(orgUnits.id, producers.orgUnitId))
    .where(eq(producers.id, producerId))
    .get();
  if (!unit || !hasPermission(actor, "member:view", unit.path)) return null;
  return linkedCount(db, producerId);
}
