import { and, desc, eq, sql } from "drizzle-orm";
import { NotFound } from "~/lib/errors";
import type { SignedInActor } from "~/modules/auth/actor";
import { pageOf, type Page } from "~/modules/catalog/paging.server";
import type { Db } from "~db/client.server";
import { categories, purchaseRequests } from "~db/schema";
import type { PurchaseRequestCard } from "./purchase-requests.server";

/** A buyer's own requests: the list of hers and one of them for editing; ownership is in each query. */

/** Offers on the request that were not withdrawn (a column for selects on purchase_requests). */
// Spelled out: drizzle leaves columns unqualified inside sql``, and "id" would be the offer's.
export const offerCount = sql<number>`(select count(*) from offers o where o.purchase_request_id = "purchase_requests"."id" and o.status <> 'withdrawn')`;

/** A buyer's own request, with what the edit form needs; NotFound unless it is theirs. */
export function getOwnPurchaseRequest(db: Db, actor: SignedInActor, code: string) {
  const row = db
    .select({ request: purchaseRequests, categoryCode: categories.code })
    .from(purchaseRequests)
    .leftJoin(categories, eq(categories.id, purchaseRequests.categoryId))
    .where(
      and(
        eq(purchaseRequests.code, code.trim().toUpperCase()),
        eq(purchaseRequests.buyerUserId, actor.userId),
      ),
    )
    .get();
  if (!row) throw new NotFound("demand.errors.requestNotFound");
  return row;
}

export interface BuyerRequestRow {
  id: number;
  code: string;
  title: string;
  status: PurchaseRequestCard["status"];
  isHidden: boolean;
  closeReason: "owner" | "expired" | null;
  neededBy: string;
  recurrence: PurchaseRequestCard["recurrence"];
  deliveryLocation: string;
  offerCount: number;
  createdAt: Date;
}

/** All of a buyer's requests (hidden ones too), newest first, with their offer counts. */
export function listBuyerRequests(
  db: Db,
  userId: number,
  page = 1,
  perPage = 20,
): Page<BuyerRequestRow> {
  const mine = eq(purchaseRequests.buyerUserId, userId);
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(purchaseRequests)
      .where(mine)
      .get()?.n ?? 0;
  const paging = pageOf(total, page, perPage);
  const items = db
    .select({
      id: purchaseRequests.id,
      code: purchaseRequests.code,
      title: purchaseRequests.title,
      status: purchaseRequests.status,
      isHidden: purchaseRequests.isHidden,
      closeReason: purchaseRequests.closeReason,
      neededBy: purchaseRequests.neededBy,
      recurrence: purchaseRequests.recurrence,
      deliveryLocation: purchaseRequests.deliveryLocation,
      offerCount,
      createdAt: purchaseRequests.createdAt,
    })
    .from(purchaseRequests)
    .where(mine)
    .orderBy(desc(purchaseRequests.createdAt), desc(purchaseRequests.id))
    .limit(perPage)
    .offset(paging.offset)
    .all();
  return { ...paging, items };
}
