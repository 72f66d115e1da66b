import { and, asc, desc, eq, inArray, like, ne, or, sql, type SQL } from "drizzle-orm";
import type { SignedInActor } from "~/modules/auth/actor";
import { scopePaths, type StaffPermission } from "~/modules/auth/permissions.server";
import { NotFound } from "~/lib/errors";
import {
  orderStage,
  producerActions,
  stageCondition,
  type OrderStage,
  type ProducerAction,
  type RefundState,
} from "~/lib/orders";
import type { Db } from "~db/client.server";
import {
  buyerProfiles,
  orderLines,
  orders,
  orgUnits,
  payments,
  producers,
  refunds,
  reviews,
  users,
  type OrderStatus,
  type PaymentMethod,
} from "~db/schema";

export interface OrderSummary {
  id: number;
  code: string;
  checkoutId: string;
  status: OrderStatus;
  paymentMethod: "cod" | "bank_transfer" | "card";
  deliveryMethod: "pickup" | "delivery";
  totalVnd: number;
  lineCount: number;
  producer: { id: number; code: string; name: string };
  buyerName: string;
  createdAt: Date;
  refundState: RefundState;
}

/** Whether the order's refunds are still owed, all settled, or none (lib/orders RefundState). */
const refundStateSql = sql<RefundState>`(select case when count(*) = 0 then null
  when sum(${refunds.settledAt} is null) > 0 then 'owed' else 'settled' end
  from ${refunds} where ${refunds.orderId} = ${orders.id})`;

const PAGE_SIZE = 50;

function listOrders(db: Db, where: SQL | undefined, page: number): OrderSummary[] {
  const rows = db
    .select({
      id: orders.id,
      code: orders.code,
      checkoutId: orders.checkoutId,
      status: orders.status,
      paymentMethod: orders.paymentMethod,
      deliveryMethod: orders.deliveryMethod,
      totalVnd: orders.totalVnd,
      lineCount: sql<number>`(select count(*) from ${orderLines} where ${orderLines.orderId} = ${orders.id})`,
      producerId: producers.id,
      producerCode: producers.code,
      producerName: producers.name,
      buyerName: orders.shipName,
      createdAt: orders.createdAt,
      refundState: refundStateSql,
    })
    .from(orders)
    .innerJoin(producers, eq(producers.id, orders.producerId))
    .where(where)
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(PAGE_SIZE)
    .offset(Math.max(0, page - 1) * PAGE_SIZE)
    .all();
  return rows.map(({ producerId, producerCode, producerName, ...row }) => ({
    ...row,
    producer: { id: producerId, code: producerCode, name: producerName },
  }));
}

/** The buyer's own orders, newest first. */
export function listBuyerOrders(
  db: Db,
  buyerUserId: number,
  options: { checkoutId?: string; page?: number } = {},
): OrderSummary[] {
  const where = options.checkoutId
    ? and(eq(orders.buyerUserId, buyerUserId), eq(orders.checkoutId, options.checkoutId))
    : eq(orders.buyerUserId, buyerUserId);
  return listOrders(db, where, options.page ?? 1);
}

/** The orders of a stage (lib/orders stageCondition), optionally of one payment method only. */
function stageWhere(stage: OrderStage, paymentMethod: PaymentMethod | undefined): SQL | undefined {
  const condition = stageCondition(stage);
  return and(
    eq(orders.status, condition.status),
    condition.method ? eq(orders.paymentMethod, condition.method) : undefined,
    condition.exceptMethod ? ne(orders.paymentMethod, condition.exceptMethod) : undefined,
    paymentMethod ? eq(orders.paymentMethod, paymentMethod) : undefined,
  );
}

/**
 * Orders of the producers the user works for, newest first, optionally of one stage
 * (`awaiting_acceptance`, `pending_payment`, …) and one payment method.
 */
export function listProducerOrders(
  db: Db,
  producerIds: number[],
  options: { stage?: OrderStage; paymentMethod?: PaymentMethod; page?: number } = {},
): OrderSummary[] {
  if (producerIds.length === 0) return [];
  const where = and(
    inArray(orders.producerId, producerIds),
    options.stage ? stageWhere(options.stage, options.paymentMethod) : undefined,
    !options.stage && options.paymentMethod
      ? eq(orders.paymentMethod, options.paymentMethod)
      : undefined,
  );
  return listOrders(db, where, options.page ?? 1);
}

/** Counts per stage for the producer inbox tabs (a cash order waiting is not "to pay"). */
export function countProducerOrdersByStage(
  db: Db,
  producerIds: number[],
): Partial<Record<OrderStage, number>> {
  const counts: Partial<Record<OrderStage, number>> = {};
  if (producerIds.length === 0) return counts;
  const rows = db
    .select({ status: orders.status, method: orders.paymentMethod, n: sql<number>`count(*)` })
    .from(orders)
    .where(inArray(orders.producerId, producerIds))
    .groupBy(orders.status, orders.paymentMethod)
    .all();
  for (const row of rows) {
    const stage = orderStage(row.status, row.method);
    counts[stage] = (counts[stage] ?? 0) + row.n;
  }
  return counts;
}

/**
 * How many of the producers' orders wait for each next step of theirs (accept, mark the
 * transfer received, ship, mark delivered), by the same rule as the buttons
 * (lib/orders producerActions); cancelling is always possible and counts as no step.
 */
export function countProducerOrdersByNextStep(
  db: Db,
  producerIds: number[],
): Record<Exclude<ProducerAction, "cancel">, number> {
  const counts = { accept: 0, mark_paid: 0, ship: 0, deliver: 0 };
  if (producerIds.length === 0) return counts;
  const rows = db
    .select({ status: orders.status, method: orders.paymentMethod, n: sql<number>`count(*)` })
    .from(orders)
    .where(
      and(
        inArray(orders.producerId, producerIds),
        inArray(orders.status, ["pending_payment", "confirmed", "shipping"]),
      ),
    )
    .groupBy(orders.status, orders.paymentMethod)
    .all();
  for (const row of rows) {
    for (const action of producerActions(row.status, row.method)) {
      if (action !== "cancel") counts[action] += row.n;
    }
  }
  return counts;
}

function orderDetail(db: Db, where: SQL | undefined) {
  // Never an unscoped read: without a condition there is no order to show.
  const order = where ? db.select().from(orders).where(where).get() : undefined;
  if (!order) throw new NotFound("orderError.notFound");
  const producer = db
    .select({
      id: producers.id,
      code: producers.code,
      name: producers.name,
      address: producers.address,
      pickupHours: producers.pickupHours,
      phone: producers.phone,
      bankBin: producers.bankBin,
      bankAccountNumber: producers.bankAccountNumber,
      bankAccountName: producers.bankAccountName,
    })
    .from(producers)
    .where(eq(producers.id, order.producerId))
    .get();
  if (!producer) throw new NotFound("orderError.notFound");
  const lines = db
    .select()
    .from(orderLines)
    .where(eq(orderLines.orderId, order.id))
    .orderBy(asc(orderLines.id))
    .all();
  const orderPayments = db
    .select()
    .from(payments)
    .where(eq(payments.orderId, order.id))
    .orderBy(asc(payments.id))
    .all();
  const orderRefunds = db
    .select()
    .from(refunds)
    .where(eq(refunds.orderId, order.id))
    .orderBy(asc(refunds.id))
    .all();
  const orderReviews = db.select().from(reviews).where(eq(reviews.orderId, order.id)).all();
  // The buyer's business name and tax code go on the delivery note when she has them.
  const buyer = db
    .select({
      displayName: users.displayName,
      phone: users.phone,
      email: users.email,
      companyName: buyerProfiles.companyName,
      taxCode: buyerProfiles.taxCode,
    })
    .from(users)
    .leftJoin(buyerProfiles, eq(buyerProfiles.userId, users.id))
    .where(eq(users.id, order.buyerUserId))
    .get();
  return {
    order,
    producer,
    lines,
    payments: orderPayments,
    refunds: orderRefunds,
    reviews: orderReviews,
    buyer: buyer ?? {
      displayName: order.shipName,
      phone: null,
      email: null,
      companyName: null,
      taxCode: null,
    },
  };
}

export type OrderDetail = ReturnType<typeof orderDetail>;

/** One of the buyer's own orders (404 for anyone else's). */
export function getBuyerOrder(db: Db, buyerUserId: number, orderId: number): OrderDetail {
  return orderDetail(db, and(eq(orders.id, orderId), eq(orders.buyerUserId, buyerUserId)));
}

/** One order of the user's producers (404 for another producer's). */
export function getProducerOrder(db: Db, producerIds: number[], orderId: number): OrderDetail {
  if (producerIds.length === 0) throw new NotFound("orderError.notFound");
  return orderDetail(db, and(eq(orders.id, orderId), inArray(orders.producerId, producerIds)));
}

/**
 * The org-unit subtrees where the staff member holds `permission`, as a condition on a query
 * that joins org_units; undefined when they hold it nowhere (the query must then find nothing).
 */
export function staffSubtree(actor: SignedInActor, permission: StaffPermission): SQL | undefined {
  return or(...scopePaths(actor, permission).map((root) => like(orgUnits.path, `${root}%`)));
}

/**
 * Bank-transfer orders still waiting for the money in the staff member's subtree (payment:manage),
 * oldest first, for the "mark received" list.
 */
export function listPendingTransfersForStaff(db: Db, actor: SignedInActor) {
  const inSubtree = staffSubtree(actor, "payment:manage");
  if (!inSubtree) return [];
  return db
    .select({
      id: orders.id,
      code: orders.code,
      totalVnd: orders.totalVnd,
      buyerName: orders.shipName,
      producerName: producers.name,
      paymentDueAt: orders.paymentDueAt,
      createdAt: orders.createdAt,
    })
    .from(orders)
    .innerJoin(producers, eq(producers.id, orders.producerId))
    .innerJoin(orgUnits, eq(orgUnits.id, orders.orgUnitId))
    .where(
      and(
        eq(orders.status, "pending_payment"),
        eq(orders.paymentMethod, "bank_transfer"),
        inSubtree,
      ),
    )
    .orderBy(asc(orders.createdAt))
    .limit(200)
    .all();
}
