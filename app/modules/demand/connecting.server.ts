import { asc, eq, gte, isNotNull, lte, sql, type SQL } from "drizzle-orm";
import { vietnamToday } from "~/lib/dates";
import type { SignedInActor } from "~/modules/auth/actor";
import { pageOf, type Page } from "~/modules/catalog/paging.server";
import { scopePaths } from "~/modules/auth/permissions.server";
import { subtreeCondition } from "~/modules/moderation/scope.server";
import type { Db } from "~db/client.server";
import { categories, orgUnits, purchaseRequests } from "~db/schema";
import { CONNECT_PERMISSION, liveOfferCount } from "./connecting-scope.internal.server";

// Invitations and offline deals live in their own files; the connecting page's use cases
// (the contract of issue 11) are all reached here.
export {
  invitePage,
  inviteProducer,
  type InviteMatch,
  type InviteProducerOption,
} from "./invitations.server";
export { producersInScope, type ConnectProducer } from "./connecting-scope.internal.server";
export { listOfflineDeals, recordOfflineDeal, type OfflineDealRow } from "./offline-deals.server";

/**
 * The Union's connecting work (/quan-ly/ket-noi): staff holding `deal:record` see the open
 * requests of their org-unit subtree that nobody answers or nothing matches, invite producers
 * of their subtree to them, and record deals made offline. A request belongs to the org unit
 * covering its delivery commune (purchase_requests.org_unit_id); every query here joins that
 * unit and filters by the subtree, so a request or a producer outside it does not exist here.
 */

/** A request with no offer this many days after it was posted needs the Union (issue 11). */
export const STALE_AFTER_DAYS = 3;
const DAY_MS = 86_400_000;
/** Staff look at the oldest first, a page of this many at a time (a phone on slow mobile data). */
export const CONNECT_PAGE_SIZE = 20;

/** An open request as the connecting lists show it. */
export interface ConnectRequest {
  id: number;
  code: string;
  title: string;
  categoryNameVi: string | null;
  categoryNameEn: string | null;
  quantity: number;
  unit: (typeof purchaseRequests.unit.enumValues)[number];
  deliveryLocation: string;
  neededBy: string;
  recurrence: (typeof purchaseRequests.recurrence.enumValues)[number];
  orgUnitName: string;
  createdAt: Date;
  /** Whole days since it was posted. */
  daysOpen: number;
  /** Offers not withdrawn. */
  offerCount: number;
  /** Producers the matcher stored for it (any subtree). */
  matchCount: number;
  /** Producers the Union already invited to it. */
  invitedCount: number;
}

/** One page of requests, the oldest first. */
export type ConnectRequestList = Page<ConnectRequest>;

const storedMatches = sql`(select count(distinct m.producer_id) from request_matches m where m.purchase_request_id = ${purchaseRequests.id})`;
const invitations = sql`(select count(*) from request_invitations i where i.purchase_request_id = ${purchaseRequests.id})`;

/** `and()` of conditions that are all present, as SQL (drizzle types it as maybe undefined). */
function all(...conditions: SQL[]): SQL {
  return sql.join(
    conditions.map((condition) => sql`(${condition})`),
    sql` and `,
  );
}

/** Open, not hidden, date not passed, in the actor's subtree: what the connecting lists start from. */
function openInSubtree(actor: SignedInActor, now: Date): SQL {
  return all(
    eq(purchaseRequests.status, "open"),
    eq(purchaseRequests.isHidden, false),
    gte(purchaseRequests.neededBy, vietnamToday(now)),
    subtreeCondition(actor, CONNECT_PERMISSION),
  );
}

function countRequests(db: Db, where: SQL): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(purchaseRequests)
      .innerJoin(orgUnits, eq(orgUnits.id, purchaseRequests.orgUnitId))
      .where(where)
      .get()?.n ?? 0
  );
}

function listRequests(db: Db, where: SQL, now: Date, page: number): ConnectRequestList {
  const paging = pageOf(countRequests(db, where), page, CONNECT_PAGE_SIZE);
  const rows = db
    .select({
      id: purchaseRequests.id,
      code: purchaseRequests.code,
      title: purchaseRequests.title,
      categoryNameVi: categories.nameVi,
      categoryNameEn: categories.nameEn,
      quantity: purchaseRequests.quantity,
      unit: purchaseRequests.unit,
      deliveryLocation: purchaseRequests.deliveryLocation,
      neededBy: purchaseRequests.neededBy,
      recurrence: purchaseRequests.recurrence,
      orgUnitName: orgUnits.name,
      createdAt: purchaseRequests.createdAt,
      offerCount: liveOfferCount,
      matchCount: sql<number>`${storedMatches}`,
      invitedCount: sql<number>`${invitations}`,
    })
    .from(purchaseRequests)
    .innerJoin(orgUnits, eq(orgUnits.id, purchaseRequests.orgUnitId))
    .leftJoin(categories, eq(categories.id, purchaseRequests.categoryId))
    .where(where)
    .orderBy(asc(purchaseRequests.createdAt), asc(purchaseRequests.id))
    .limit(CONNECT_PAGE_SIZE)
    .offset(paging.offset)
    .all();
  const items = rows.map((row) => ({
    ...row,
    daysOpen: Math.max(0, Math.floor((now.getTime() - row.createdAt.getTime()) / DAY_MS)),
  }));
  return { ...paging, items };
}

interface ListOptions {
  now?: Date;
  /** 1-based; past the last page shows the last page. */
  page?: number;
}

/** The open requests of the subtree posted `days` days or more before `now` with no live offer. */
function staleWhere(actor: SignedInActor, days: number, now: Date): SQL {
  return all(
    openInSubtree(actor, now),
    lte(purchaseRequests.createdAt, new Date(now.getTime() - days * DAY_MS)),
    sql`${liveOfferCount} = 0`,
  );
}

/** The open requests of the subtree the matcher ran on and found nobody for. */
function unmatchedWhere(actor: SignedInActor, now: Date): SQL {
  return all(
    openInSubtree(actor, now),
    isNotNull(purchaseRequests.matchedAt),
    sql`not exists (select 1 from request_matches m where m.purchase_request_id = ${purchaseRequests.id})`,
  );
}

/**
 * Open, visible requests of the actor's subtree posted at least `days` days before `now`
 * that still have no offer (withdrawn ones do not count): where staff should step in; a page
 * at a time.
 */
export function staleRequests(
  db: Db,
  actor: SignedInActor,
  { days = STALE_AFTER_DAYS, now = new Date(), page = 1 }: ListOptions & { days?: number } = {},
): ConnectRequestList {
  return listRequests(db, staleWhere(actor, days, now), now, page);
}

/**
 * Open, visible requests of the actor's subtree that the matcher has run on and found no
 * producer for (matched_at set, no request_matches row); never-matched ones are not judged.
 * A page at a time.
 */
export function unmatchedRequests(
  db: Db,
  actor: SignedInActor,
  { now = new Date(), page = 1 }: ListOptions = {},
): ConnectRequestList {
  return listRequests(db, unmatchedWhere(actor, now), now, page);
}

/**
 * How many requests each list holds, for the staff home; null when the actor does not
 * record deals anywhere.
 */
export function connectingCounts(
  db: Db,
  actor: SignedInActor,
  { days = STALE_AFTER_DAYS, now = new Date() }: Omit<ListOptions, "page"> & { days?: number } = {},
): { days: number; stale: number; unmatched: number } | null {
  if (scopePaths(actor, CONNECT_PERMISSION).length === 0) return null;
  return {
    days,
    stale: countRequests(db, staleWhere(actor, days, now)),
    unmatched: countRequests(db, unmatchedWhere(actor, now)),
  };
}
