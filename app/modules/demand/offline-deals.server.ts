import { and, desc, eq, sql } from "drizzle-orm";
import { vietnamToday } from "~/lib/dates";
import { Invalid } from "~/lib/errors";
import type { OfflineDealInput } from "~/lib/schemas/connect";
import type { SignedInActor } from "~/modules/auth/actor";
import { pageOf, type Page } from "~/modules/catalog/paging.server";
import { subtreeCondition } from "~/modules/moderation/scope.server";
import { writeAudit } from "~/modules/platform/audit.server";
import { inTransaction, type Db } from "~db/client.server";
import { offlineDeals, orgUnits, producers, purchaseRequests } from "~db/schema";
import { CONNECT_PERMISSION, scopedProducer } from "./connecting-scope.internal.server";

/**
 * Deals made offline (a trade fair, a matchmaking conference) that Union staff record so the
 * reports count them: under the producer's org unit, by staff whose subtree holds it.
 */

/**
 * Records a deal made offline by a producer of the actor's subtree (counted in the reports
 * under the producer's org unit), linked to a request when its code is given; audited.
 */
export function recordOfflineDeal(
  db: Db,
  actor: SignedInActor,
  input: OfflineDealInput,
  { now = new Date(), ipAddress = null }: { now?: Date; ipAddress?: string | null } = {},
): { id: number } {
  const producer = scopedProducer(db, actor, input.producerCode);
  if (input.dealOn > vietnamToday(now)) {
    throw new Invalid("connect.error.dealInFuture", {}, { field: "dealOn" });
  }
  let requestId: number | null = null;
  if (input.requestCode) {
    // Any visible request: a producer of this subtree may well sell to a buyer elsewhere.
    const request = db
      .select({ id: purchaseRequests.id })
      .from(purchaseRequests)
      .where(
        and(eq(purchaseRequests.code, input.requestCode), eq(purchaseRequests.isHidden, false)),
      )
      .get();
    if (!request) {
      throw new Invalid(
        "connect.error.requestUnknown",
        { code: input.requestCode },
        { field: "requestCode" },
      );
    }
    requestId = request.id;
  }
  return inTransaction(db, () => {
    const deal = db
      .insert(offlineDeals)
      .values({
        producerId: producer.id,
        orgUnitId: producer.orgUnitId,
        purchaseRequestId: requestId,
        buyerName: input.buyerName,
        description: input.goods,
        quantity: input.quantity,
        unit: input.unit,
        amountVnd: input.amountVnd,
        dealOn: input.dealOn,
        recordedByUserId: actor.userId,
      })
      .returning({ id: offlineDeals.id })
      .get();
    writeAudit(db, {
      actorUserId: actor.userId,
      action: "offline-deal.record",
      entityType: "offline_deal",
      entityId: deal.id,
      orgUnitId: producer.orgUnitId,
      after: {
        producerId: producer.id,
        buyerName: input.buyerName,
        goods: input.goods,
        quantity: input.quantity,
        unit: input.unit,
        amountVnd: input.amountVnd,
        dealOn: input.dealOn,
        purchaseRequestId: requestId,
      },
      ipAddress,
    });
    return deal;
  });
}

/** A recorded offline deal as the list shows it. */
export interface OfflineDealRow {
  id: number;
  buyerName: string;
  goods: string;
  quantity: number | null;
  unit: (typeof offlineDeals.unit.enumValues)[number] | null;
  amountVnd: number;
  dealOn: string;
  producerCode: string;
  producerName: string;
  orgUnitName: string;
  requestCode: string | null;
}

/** The offline deals recorded in the actor's subtree, the latest deal first. */
export function listOfflineDeals(
  db: Db,
  actor: SignedInActor,
  page = 1,
  perPage = 20,
): Page<OfflineDealRow> {
  const where = subtreeCondition(actor, CONNECT_PERMISSION);
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(offlineDeals)
      .innerJoin(orgUnits, eq(orgUnits.id, offlineDeals.orgUnitId))
      .where(where)
      .get()?.n ?? 0;
  const paging = pageOf(total, page, perPage);
  const items = db
    .select({
      id: offlineDeals.id,
      buyerName: offlineDeals.buyerName,
      goods: offlineDeals.description,
      quantity: offlineDeals.quantity,
      unit: offlineDeals.unit,
      amountVnd: offlineDeals.amountVnd,
      dealOn: offlineDeals.dealOn,
      producerCode: producers.code,
      producerName: producers.name,
      orgUnitName: orgUnits.name,
      requestCode: purchaseRequests.code,
    })
    .from(offlineDeals)
    .innerJoin(orgUnits, eq(orgUnits.id, offlineDeals.orgUnitId))
    .innerJoin(producers, eq(producers.id, offlineDeals.producerId))
    .leftJoin(purchaseRequests, eq(purchaseRequests.id, offlineDeals.purchaseRequestId))
    .where(where)
    .orderBy(desc(offlineDeals.dealOn), desc(offlineDeals.id))
    .limit(perPage)
    .offset(paging.offset)
    .all();
  return { ...paging, items };
}
