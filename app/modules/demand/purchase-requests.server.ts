import { and, desc, eq, gte, inArray, sql } from "drizzle-orm";
import { vietnamToday } from "~/lib/dates";
import { Conflict, Forbidden, Invalid } from "~/lib/errors";
import type { PurchaseRequestInput } from "~/lib/schemas/purchase-request";
import { cleanText } from "~/lib/text";
import type { SignedInActor } from "~/modules/auth/actor";
import { pageOf, type Page } from "~/modules/catalog/paging.server";
import { orgUnitCoveringCommune, resolvePlace } from "~/modules/org/places.server";
import { getOwnPurchaseRequest, offerCount } from "./buyer-requests.server";
import { assertWithinRequestLimits } from "./request-limits.server";
import { inIdOrder, inTransaction, listOf, preparedQuery, type Db } from "~db/client.server";
import { buyerProfiles, categories, orgUnits, purchaseRequests } from "~db/schema";

/**
 * Buyers' public "cần mua" posts: what anyone may read, posting and editing one. The public
 * never sees who the buyer is (only their kind: a school, a hotel…), nor any contact; the
 * owner's id travels with a request only for the page's own "is this mine?" checks.
 * Closing, reopening, hiding and expiry: purchase-request-states.server.ts; the buyer's own
 * list: buyer-requests.server.ts; the posting limits: request-limits.server.ts.
 */

export interface PurchaseRequestCard {
  id: number;
  code: string;
  title: string;
  quantity: number;
  unit: (typeof purchaseRequests.unit.enumValues)[number];
  targetPriceVnd: number | null;
  deliveryLocation: string;
  provinceCode: string | null;
  communeCode: string | null;
  neededBy: string;
  recurrence: (typeof purchaseRequests.recurrence.enumValues)[number];
  status: (typeof purchaseRequests.status.enumValues)[number];
  categoryCode: string | null;
  categoryNameVi: string | null;
  categoryNameEn: string | null;
  /** The kind of buyer (a school, a hotel…): never their name or contact. */
  buyerKind: (typeof buyerProfiles.kind.enumValues)[number];
  /** Offers made and not withdrawn. */
  offerCount: number;
  createdAt: Date;
}

const cardColumns = {
  id: purchaseRequests.id,
  code: purchaseRequests.code,
  title: purchaseRequests.title,
  quantity: purchaseRequests.quantity,
  unit: purchaseRequests.unit,
  targetPriceVnd: purchaseRequests.targetPriceVnd,
  deliveryLocation: purchaseRequests.deliveryLocation,
  provinceCode: purchaseRequests.provinceCode,
  communeCode: purchaseRequests.communeCode,
  neededBy: purchaseRequests.neededBy,
  recurrence: purchaseRequests.recurrence,
  status: purchaseRequests.status,
  categoryCode: categories.code,
  categoryNameVi: categories.nameVi,
  categoryNameEn: categories.nameEn,
  buyerKind: sql<PurchaseRequestCard["buyerKind"]>`coalesce(${buyerProfiles.kind}, 'individual')`,
  offerCount,
  createdAt: purchaseRequests.createdAt,
};

function cardQuery(db: Db) {
  return db
    .select(cardColumns)
    .from(purchaseRequests)
    .leftJoin(categories, eq(categories.id, purchaseRequests.categoryId))
    .leftJoin(buyerProfiles, eq(buyerProfiles.userId, purchaseRequests.buyerUserId));
}

// The public list's reads (a page of every visit): prepared once per connection.
const openRequestsWhere = () =>
  and(
    eq(purchaseRequests.status, "open"),
    eq(purchaseRequests.isHidden, false),
    gte(purchaseRequests.neededBy, sql.placeholder("today")),
  );

const openRequestCount = (db: Db) =>
  db
    .select({ n: sql<number>`count(*)` })
    .from(purchaseRequests)
    .where(openRequestsWhere())
    .prepare();

// The page's ids first, then their cards: in one step SQLite counted the offers and carried
// every column through its sort for each open request, not only for the page's.
const openRequestPageIds = (db: Db) =>
  db
    .select({ id: purchaseRequests.id })
    .from(purchaseRequests)
    .where(openRequestsWhere())
    .orderBy(desc(purchaseRequests.createdAt), desc(purchaseRequests.id))
    .limit(sql.placeholder("limit"))
    .offset(sql.placeholder("offset"))
    .prepare();

const requestCardsByIds = (db: Db) =>
  cardQuery(db)
    .where(inArray(purchaseRequests.id, listOf("ids")))
    .prepare();

/** Open, visible requests whose date has not passed: the public list, newest first. */
export function listOpenPurchaseRequests(
  db: Db,
  {
    page = 1,
    perPage = 20,
    today = vietnamToday(),
  }: { page?: number; perPage?: number; today?: string } = {},
): Page<PurchaseRequestCard> {
  const total = preparedQuery(db, openRequestCount).get({ today })?.n ?? 0;
  const paging = pageOf(total, page, perPage);
  const ids = preparedQuery(db, openRequestPageIds)
    .all({ today, limit: perPage, offset: paging.offset })
    .map((row) => row.id);
  const cards = preparedQuery(db, requestCardsByIds).all({ ids: JSON.stringify(ids) });
  return { ...paging, items: inIdOrder(ids, cards) };
}

export interface PurchaseRequestDetail extends PurchaseRequestCard {
  description: string;
  /** The owner's user id, for the page's own checks; never shown. */
  buyerUserId: number;
  orgUnitId: number | null;
  orgUnitName: string | null;
  isHidden: boolean;
  closeReason: "owner" | "expired" | null;
}

/**
 * One request by its code (any status), without the buyer's identity. A hidden request is
 * null unless `includeHidden` (its owner and moderators still reach it).
 */
export function getPurchaseRequestByCode(
  db: Db,
  code: string,
  { includeHidden = false }: { includeHidden?: boolean } = {},
): PurchaseRequestDetail | null {
  const byCode = eq(purchaseRequests.code, code.trim().toUpperCase());
  return (
    db
      .select({
        ...cardColumns,
        description: purchaseRequests.description,
        buyerUserId: purchaseRequests.buyerUserId,
        orgUnitId: purchaseRequests.orgUnitId,
        orgUnitName: orgUnits.name,
        isHidden: purchaseRequests.isHidden,
        closeReason: purchaseRequests.closeReason,
      })
      .from(purchaseRequests)
      .leftJoin(categories, eq(categories.id, purchaseRequests.categoryId))
      .leftJoin(buyerProfiles, eq(buyerProfiles.userId, purchaseRequests.buyerUserId))
      .leftJoin(orgUnits, eq(orgUnits.id, purchaseRequests.orgUnitId))
      .where(includeHidden ? byCode : and(byCode, eq(purchaseRequests.isHidden, false)))
      .get() ?? null
  );
}

/** The database or a transaction on it. */
type DbOrTx = Db | Parameters<Parameters<Db["transaction"]>[0]>[0];

/** "YC040" → 40; codes of another shape count as 0. */
function codeNumber(code: string | null | undefined): number {
  const match = /^YC(\d+)$/.exec(code ?? "");
  return match ? Number(match[1]) : 0;
}

/** The next free code: "YC" and one more than the highest number so far, at least 3 digits. */
export function nextPurchaseRequestCode(db: DbOrTx): string {
  const row = db
    .select({ code: purchaseRequests.code })
    .from(purchaseRequests)
    .where(sql`${purchaseRequests.code} glob 'YC[0-9]*'`)
    .orderBy(desc(sql`cast(substr(${purchaseRequests.code}, 3) as integer)`))
    .limit(1)
    .get();
  return `YC${String(codeNumber(row?.code) + 1).padStart(3, "0")}`;
}

/** The category id of a code, or a field error. */
function categoryIdOf(db: DbOrTx, code: string | undefined): number | null {
  if (!code) return null;
  const category = db
    .select({ id: categories.id })
    .from(categories)
    .where(eq(categories.code, code))
    .get();
  if (!category) throw new Invalid("demand.errors.unknownCategory", {}, { field: "categoryCode" });
  return category.id;
}

/**
 * The stored columns of a request's input: cleaned text, the place checked against the
 * official list and the org unit covering it. Throws a field error for a place or date.
 */
function storedValues(db: Db, input: PurchaseRequestInput, now: Date) {
  const resolved = resolvePlace({ province: input.provinceCode, commune: input.communeCode });
  if (!resolved.ok) {
    const field = resolved.error.field === "province" ? "provinceCode" : "communeCode";
    throw new Invalid(resolved.error.key, {}, { field });
  }
  if (input.neededBy < vietnamToday(now)) {
    throw new Invalid("validation.dateNotPast", {}, { field: "neededBy" });
  }
  const { place } = resolved;
  return {
    title: cleanText(input.title),
    description: cleanText(input.description),
    categoryId: categoryIdOf(db, input.categoryCode),
    quantity: input.quantity,
    unit: input.unit,
    targetPriceVnd: input.targetPriceVnd ?? null,
    provinceCode: place.provinceCode,
    communeCode: place.communeCode,
    deliveryLocation: place.label,
    orgUnitId: orgUnitCoveringCommune(db, place.communeCode)?.id ?? null,
    neededBy: input.neededBy,
    recurrence: input.recurrence,
  };
}

/**
 * Posts a buyer's purchase request (validated input from purchaseRequestSchema) and returns
 * its id and code. Limits, numbering and insert share one immediate transaction, so two
 * processes never hand out the same code nor pass the limits together.
 */
export function createPurchaseRequest(
  db: Db,
  actor: SignedInActor,
  input: PurchaseRequestInput,
  { now = new Date() }: { now?: Date } = {},
): { id: number; code: string } {
  if (!actor.isBuyer) throw new Forbidden("demand.errors.buyersOnly");
  return inTransaction(db, () => {
    const values = storedValues(db, input, now);
    assertWithinRequestLimits(db, actor.userId, now, { creating: true });
    return db
      .insert(purchaseRequests)
      .values({
        ...values,
        code: nextPurchaseRequestCode(db),
        buyerUserId: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: purchaseRequests.id, code: purchaseRequests.code })
      .get();
  });
}

/**
 * The owner edits an open request; its code stays. Someone else's request is NotFound; a
 * closed or fulfilled one is a Conflict. Offers already made stay as they are.
 */
export function updatePurchaseRequest(
  db: Db,
  actor: SignedInActor,
  code: string,
  input: PurchaseRequestInput,
  { now = new Date() }: { now?: Date } = {},
): { id: number; code: string } {
  return inTransaction(db, () => {
    const own = getOwnPurchaseRequest(db, actor, code).request;
    if (own.status !== "open") throw new Conflict("requests.errors.notOpen");
    const values = storedValues(db, input, now);
    return transitionOwn(db, actor, own.id, "open", { ...values, updatedAt: now });
  });
}

type Status = PurchaseRequestCard["status"];

/**
 * One conditional UPDATE of the owner's request while it is in status `from`: who may act
 * and which state allows it are in the query, so a lost race changes nothing (Conflict).
 */
export function transitionOwn(
  db: Db,
  actor: SignedInActor,
  id: number,
  from: Status,
  set: Partial<typeof purchaseRequests.$inferInsert>,
): { id: number; code: string } {
  const row = db
    .update(purchaseRequests)
    .set(set)
    .where(
      and(
        eq(purchaseRequests.id, id),
        eq(purchaseRequests.buyerUserId, actor.userId),
        eq(purchaseRequests.status, from),
      ),
    )
    .returning({ id: purchaseRequests.id, code: purchaseRequests.code })
    .get();
  if (!row) {
    throw new Conflict(from === "open" ? "requests.errors.notOpen" : "requests.errors.notClosed");
  }
  return row;
}
