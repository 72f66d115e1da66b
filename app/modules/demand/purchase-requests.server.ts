import { and, desc, eq, gte, sql } from "drizzle-orm";
import { vietnamToday } from "~/lib/dates";
import { Forbidden, Invalid } from "~/lib/errors";
import type { PurchaseRequestInput } from "~/lib/schemas/purchase-request";
import { cleanText } from "~/lib/text";
import type { SignedInActor } from "~/modules/auth/actor";
import { pageOf, type Page } from "~/modules/catalog/paging.server";
import type { Db } from "~db/client.server";
import { buyerProfiles, categories, purchaseRequests } from "~db/schema";

/**
 * Buyers' public "cần mua" posts: what anyone may read, and posting a new one. Hidden
 * requests (a moderator took them down) are never shown.
 */

export interface PurchaseRequestCard {
  id: number;
  code: string;
  title: string;
  quantity: number;
  unit: (typeof purchaseRequests.unit.enumValues)[number];
  targetPriceVnd: number | null;
  deliveryLocation: string;
  neededBy: string;
  recurrence: (typeof purchaseRequests.recurrence.enumValues)[number];
  status: (typeof purchaseRequests.status.enumValues)[number];
  categoryCode: string | null;
  categoryNameVi: string | null;
  categoryNameEn: string | null;
  /** The buyer as the public sees them: their kind and, for a business, its name. */
  buyerKind: (typeof buyerProfiles.kind.enumValues)[number];
  buyerCompanyName: string | null;
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
  neededBy: purchaseRequests.neededBy,
  recurrence: purchaseRequests.recurrence,
  status: purchaseRequests.status,
  categoryCode: categories.code,
  categoryNameVi: categories.nameVi,
  categoryNameEn: categories.nameEn,
  buyerKind: sql<PurchaseRequestCard["buyerKind"]>`coalesce(${buyerProfiles.kind}, 'individual')`,
  buyerCompanyName: buyerProfiles.companyName,
  createdAt: purchaseRequests.createdAt,
};

function cardQuery(db: Db) {
  return db
    .select(cardColumns)
    .from(purchaseRequests)
    .leftJoin(categories, eq(categories.id, purchaseRequests.categoryId))
    .leftJoin(buyerProfiles, eq(buyerProfiles.userId, purchaseRequests.buyerUserId));
}

/** Open, visible requests whose date has not passed: the public list, newest first. */
export function listOpenPurchaseRequests(
  db: Db,
  {
    page = 1,
    perPage = 20,
    today = vietnamToday(),
  }: { page?: number; perPage?: number; today?: string } = {},
): Page<PurchaseRequestCard> {
  const where = and(
    eq(purchaseRequests.status, "open"),
    eq(purchaseRequests.isHidden, false),
    gte(purchaseRequests.neededBy, today),
  );
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(purchaseRequests)
      .where(where)
      .get()?.n ?? 0;
  const paging = pageOf(total, page, perPage);
  const items = cardQuery(db)
    .where(where)
    .orderBy(desc(purchaseRequests.createdAt), desc(purchaseRequests.id))
    .limit(perPage)
    .offset(paging.offset)
    .all();
  return { ...paging, items };
}

export interface PurchaseRequestDetail extends PurchaseRequestCard {
  description: string;
}

/** One request by its code (any status), unless a moderator hid it. */
export function getPurchaseRequestByCode(db: Db, code: string): PurchaseRequestDetail | null {
  return (
    db
      .select({ ...cardColumns, description: purchaseRequests.description })
      .from(purchaseRequests)
      .leftJoin(categories, eq(categories.id, purchaseRequests.categoryId))
      .leftJoin(buyerProfiles, eq(buyerProfiles.userId, purchaseRequests.buyerUserId))
      .where(
        and(
          eq(purchaseRequests.code, code.trim().toUpperCase()),
          eq(purchaseRequests.isHidden, false),
        ),
      )
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

/**
 * Posts a buyer's purchase request (validated input from purchaseRequestSchema) and returns
 * its code. Numbering and insert share one immediate transaction, so two processes never
 * hand out the same code.
 */
export function createPurchaseRequest(
  db: Db,
  actor: SignedInActor,
  input: PurchaseRequestInput,
): { id: number; code: string } {
  if (!actor.isBuyer) throw new Forbidden("demand.errors.buyersOnly");
  return db.transaction(
    (tx) => {
      let categoryId: number | null = null;
      if (input.categoryCode) {
        const category = tx
          .select({ id: categories.id })
          .from(categories)
          .where(eq(categories.code, input.categoryCode))
          .get();
        if (!category)
          throw new Invalid("demand.errors.unknownCategory", {}, { field: "categoryCode" });
        categoryId = category.id;
      }
      const code = nextPurchaseRequestCode(tx);
      const row = tx
        .insert(purchaseRequests)
        .values({
          code,
          buyerUserId: actor.userId,
          title: cleanText(input.title),
          description: cleanText(input.description),
          categoryId,
          quantity: input.quantity,
          unit: input.unit,
          targetPriceVnd: input.targetPriceVnd ?? null,
          deliveryLocation: cleanText(input.deliveryLocation),
          neededBy: input.neededBy,
          recurrence: input.recurrence,
        })
        .returning({ id: purchaseRequests.id, code: purchaseRequests.code })
        .get();
      return row;
    },
    { behavior: "immediate" },
  );
}
