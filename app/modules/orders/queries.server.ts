import { and, asc, desc, eq, inArray, like, or, sql, type SQL } from "drizzle-orm";
import type { SignedInActor } from "~/modules/auth/actor";
import { scopePaths, type StaffPermission } from "~/modules/auth/permissions.server";
import { NotFound } from "~/lib/errors";
import type { Db } from "~db/client.server";
import {
  orderLines,
  orders,
  orgUnits,
  payments,
  producers,
  refunds,
  reviews,
  users,
  type OrderStatus,
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
}

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

/** Orders of the producers the user works for, optionally by status, newest first. */
export function listProducerOrders(
  db: Db,
  producerIds: number[],
  options: { status?: OrderStatus; page?: number } = {},
): OrderSummary[] {
  if (producerIds.length === 0) return [];
  const where = options.status
    ? and(inArray(orders.producerId, producerIds), eq(orders.status, options.status))
    : inArray(orders.producerId, producerIds);
  return listOrders(db, where, options.page ?? 1);
}

/** Counts per status for the producer inbox tabs. */
export function countProducerOrdersByStatus(
  db: Db,
  producerIds: number[],
): Partial<Record<OrderStatus, number>> {
  const counts: Partial<Record<OrderStatus, number>> = {};
  if (producerIds.length === 0) return counts;
  const rows = db
    .select({ status: orders.status, n: sql<number>`count(*)` })
    .from(orders)
    .where(inArray(orders.producerId, producerIds))
    .groupBy(orders.status)
    .all();
  for (const row of rows) counts[row.status] = row.n;
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
  const buyer = db
    .select({ displayName: users.displayName, phone: users.phone, email: users.email })
    .from(users)
    .where(eq(users.id, order.buyerUserId))
    .get();
  return {
    order,
    producer,
    lines,
    payments: orderPayments,
    refunds: orderRefunds,
    reviews: orderReviews,
    buyer: buyer ?? { displayName: order.shipName, phone: null, email: null },
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
