import { and, eq, inArray, lt, sql, type SQL } from "drizzle-orm";
import { Invalid, NotFound } from "~/lib/errors";
import { AUTO_COMPLETE_DAYS } from "~/lib/orders";
import { firstMessageOf, shipmentSchema } from "~/lib/schemas/orders";
import type { SignedInActor } from "~/modules/auth/actor";
import { hasPermission } from "~/modules/auth/permissions.server";
import { reasonColumns, type Reason, type ReasonKey } from "~/modules/notifications/messages";
import { deliverQueuedEmailsSoon } from "~/modules/platform/mailer.server";
import type { Db } from "~db/client.server";
import { orders, orgUnits, payments, refunds, type OrderStatus } from "~db/schema";
import { writeAudit } from "~/modules/platform/audit.server";
import {
  completeRefundAccount,
  hasProducerHeldPayment,
  insertRefund,
  type RefundAccountInput,
} from "~/modules/money/refunds.server";
import type { RefundAccount } from "~/lib/refunds";
import { WrongOrderState } from "./errors.server";
import { notifyOrderEvent, type OrderEvent } from "./notify.server";
import { releaseOrderStock } from "~/modules/stock/movements.server";

const DAY_MS = 24 * 60 * 60 * 1000;

export type CancelledBy = "buyer" | "producer" | "system" | "staff";

function producerIdsOf(actor: SignedInActor): number[] {
  return actor.producers.map((m) => m.producerId);
}

function loadOrder(db: Db, orderId: number, scope: SQL | undefined) {
  return db
    .select()
    .from(orders)
    .where(scope ? and(eq(orders.id, orderId), scope) : eq(orders.id, orderId))
    .get();
}

/**
 * Moves an order from one of `from` to `to` with a conditional UPDATE that also carries the
 * ownership condition, so a stale page or a second click cannot skip a step. Throws NotFound
 * when the order is not the actor's, Conflict when it is no longer in a state that allows it.
 */
function transition(
  db: Db,
  args: {
    orderId: number;
    scope: SQL | undefined;
    from: OrderStatus[];
    to: OrderStatus;
    set?: Partial<typeof orders.$inferInsert>;
    event: OrderEvent | null;
    now: Date;
    extra?: (order: typeof orders.$inferSelect) => void;
  },
) {
  return db.$client
    .transaction(() => {
      const order = loadOrder(db, args.orderId, args.scope);
      if (!order) throw new NotFound("orderError.notFound");
      const result = db
        .update(orders)
        .set({ status: args.to, updatedAt: args.now, ...args.set })
        .where(and(eq(orders.id, order.id), inArray(orders.status, args.from)))
        .run();
      if (result.changes !== 1) throw new WrongOrderState(order.code, order.status);
      const updated = { ...order, status: args.to, ...args.set };
      args.extra?.(updated);
      if (args.event) notifyOrderEvent(db, updated, args.event);
      return updated;
    })
    .immediate();
}

function afterCommit(db: Db) {
  deliverQueuedEmailsSoon(db);
}

/** A step someone took: the transition, then the e-mails it queued go out after the commit. */
function step(db: Db, args: Parameters<typeof transition>[1]) {
  const order = transition(db, args);
  afterCommit(db);
  return order;
}

/** The producer accepts a cash-on-delivery order. */
export function acceptOrder(db: Db, actor: SignedInActor, orderId: number, now = new Date()) {
  return step(db, {
    orderId,
    scope: and(inArray(orders.producerId, producerIdsOf(actor)), eq(orders.paymentMethod, "cod")),
    from: ["pending_payment"],
    to: "confirmed",
    set: { confirmedAt: now },
    event: "confirmed",
    now,
  });
}

function succeedPendingPayment(
  db: Db,
  orderId: number,
  now: Date,
  recordedByUserId: number | null,
) {
  db.update(payments)
    .set({ status: "succeeded", paidAt: now, updatedAt: now, recordedByUserId })
    .where(and(eq(payments.orderId, orderId), eq(payments.status, "pending")))
    .run();
}

/** Scope for staff who hold `payment:manage` over the order's org unit (checked after load). */
function orderOrgPath(db: Db, orgUnitId: number): string {
  const unit = db
    .select({ path: orgUnits.path })
    .from(orgUnits)
    .where(eq(orgUnits.id, orgUnitId))
    .get();
  return unit?.path ?? "/";
}

/**
 * A bank transfer arrived: the producer (or staff over the producer's org unit) marks it
 * received, which confirms the order. Staff actions are audited.
 */
export function markTransferReceived(
  db: Db,
  actor: SignedInActor,
  orderId: number,
  now = new Date(),
) {
  const order = db.select().from(orders).where(eq(orders.id, orderId)).get();
  const isMember = order ? producerIdsOf(actor).includes(order.producerId) : false;
  const isStaff = order
    ? hasPermission(actor, "payment:manage", orderOrgPath(db, order.orgUnitId))
    : false;
  if (!order || (!isMember && !isStaff)) throw new NotFound("orderError.notFound");
  if (order.paymentMethod !== "bank_transfer") throw new Invalid("orderError.notBankTransfer");
  return step(db, {
    orderId,
    scope: undefined,
    from: ["pending_payment"],
    to: "confirmed",
    set: { confirmedAt: now, paymentDueAt: null },
    event: "paid",
    now,
    extra: (o) => {
      succeedPendingPayment(db, o.id, now, actor.userId);
      if (!isMember) {
        writeAudit(db, {
          actorUserId: actor.userId,
          action: "payment.transfer_received",
          entityType: "order",
          entityId: o.id,
          orgUnitId: o.orgUnitId,
          before: { status: "pending_payment" },
          after: { status: "confirmed" },
        });
      }
    },
  });
}

/**
 * The producer hands the goods to the carrier (or has them ready for pickup), naming the
 * carrier and the tracking number if she has them; the buyer sees both on her order page
 * and in the notification. A bad carrier or tracking number changes nothing.
 */
export function shipOrder(
  db: Db,
  actor: SignedInActor,
  orderId: number,
  now = new Date(),
  shipment: { carrier?: string | null; trackingNumber?: string | null } = {},
) {
  const parsed = shipmentSchema.safeParse({
    carrier: shipment.carrier ?? undefined,
    trackingNumber: shipment.trackingNumber ?? undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Invalid(
      firstMessageOf(parsed.error, "orderError.badRequest"),
      {},
      { field: String(issue?.path[0] ?? "") },
    );
  }
  return step(db, {
    orderId,
    scope: inArray(orders.producerId, producerIdsOf(actor)),
    from: ["confirmed"],
    to: "shipping",
    set: { shippedAt: now, ...parsed.data },
    event: "shipping",
    now,
  });
}

/** The producer marks the order delivered; cash on delivery counts as paid at this moment. */
export function deliverOrder(db: Db, actor: SignedInActor, orderId: number, now = new Date()) {
  return step(db, {
    orderId,
    scope: inArray(orders.producerId, producerIdsOf(actor)),
    from: ["shipping"],
    to: "delivered",
    set: { deliveredAt: now },
    event: "delivered",
    now,
    extra: (o) => {
      if (o.paymentMethod === "cod") succeedPendingPayment(db, o.id, now, actor.userId);
    },
  });
}

/** The buyer confirms receipt: the order is completed and can be reviewed. */
export function confirmReceipt(db: Db, buyerUserId: number, orderId: number, now = new Date()) {
  return step(db, {
    orderId,
    scope: eq(orders.buyerUserId, buyerUserId),
    from: ["delivered"],
    to: "completed",
    set: { completedAt: now },
    event: "completed",
    now,
  });
}

/**
 * Cancels inside the caller's transaction: the stock the order reserved goes back (once: a
 * released order releases nothing), pending payments are cancelled and money already received
 * is recorded as a refund owed to the buyer (to `refundTo` when she gave an account).
 */
export function applyCancellation(
  db: Db,
  order: typeof orders.$inferSelect,
  reason: Reason,
  recordedByUserId: number | null,
  now: Date,
  refundTo: RefundAccount | null = null,
) {
  releaseOrderStock(db, order.id, recordedByUserId, now);
  db.update(payments)
    .set({ status: "cancelled", updatedAt: now })
    .where(and(eq(payments.orderId, order.id), eq(payments.status, "pending")))
    .run();
  refundReceivedPayments(db, order, reason, recordedByUserId, refundTo, now);
}

/**
 * Records as owed to the buyer whatever a cancelled order received and was not yet refunded
 * (a card payment that arrived after the cancellation: the platform's; a received transfer:
 * a task for the producer, money/refunds.server.ts). Touches no stock.
 */
export function refundReceivedPayments(
  db: Db,
  order: typeof orders.$inferSelect,
  reason: Reason,
  recordedByUserId: number | null,
  refundTo: RefundAccount | null = null,
  now = new Date(),
) {
  const stored = reasonColumns(reason);
  const paid = db
    .select()
    .from(payments)
    .where(and(eq(payments.orderId, order.id), eq(payments.status, "succeeded")))
    .all();
  for (const payment of paid) {
    const refunded = db
      .select({ sum: sql<number>`coalesce(sum(${refunds.amountVnd}), 0)` })
      .from(refunds)
      .where(eq(refunds.paymentId, payment.id))
      .get();
    const owed = payment.amountVnd - (refunded?.sum ?? 0);
    if (owed > 0) {
      insertRefund(db, {
        order,
        payment,
        amountVnd: owed,
        reason: stored.text,
        reasonKey: stored.key,
        recordedByUserId,
        refundTo,
        now,
      });
      notifyOrderEvent(db, order, "refunded");
    }
  }
}

/**
 * The buyer cancels before the order ships. When the producer already received her money (a
 * bank transfer), she gives the account to refund to (`refundTo`), or nothing changes.
 */
export function cancelOrderByBuyer(
  db: Db,
  buyerUserId: number,
  orderId: number,
  reason: string | null,
  now = new Date(),
  refundTo: RefundAccountInput | null = null,
) {
  const account = completeRefundAccount(refundTo);
  const typed = reason?.trim();
  const cancelReason: Reason = typed ? { text: typed } : { key: "cancelReason.buyerGaveNone" };
  const stored = reasonColumns(cancelReason);
  return step(db, {
    orderId,
    scope: eq(orders.buyerUserId, buyerUserId),
    from: ["pending_payment", "confirmed"],
    to: "cancelled",
    set: {
      cancelledAt: now,
      cancelledBy: "buyer",
      cancelReason: stored.text,
      cancelReasonKey: stored.key,
    },
    event: "cancelled",
    now,
    extra: (o) => {
      if (!account && hasProducerHeldPayment(db, o.id)) {
        throw new Invalid("money.error.refundAccountRequired", {}, { field: "refundBankBin" });
      }
      applyCancellation(db, o, cancelReason, buyerUserId, now, account);
    },
  });
}

/** The producer cancels (out of stock, cannot deliver…) with a reason the buyer sees. */
export function cancelOrderByProducer(
  db: Db,
  actor: SignedInActor,
  orderId: number,
  reason: string,
  now = new Date(),
) {
  const cancelReason = reason.trim();
  if (cancelReason.length < 3) {
    throw new Invalid("orderError.cancelReasonRequired", {}, { field: "reason" });
  }
  return step(db, {
    orderId,
    scope: inArray(orders.producerId, producerIdsOf(actor)),
    from: ["pending_payment", "confirmed", "shipping"],
    to: "cancelled",
    set: { cancelledAt: now, cancelledBy: "producer", cancelReason },
    event: "cancelled",
    now,
    extra: (o) => applyCancellation(db, o, { text: cancelReason }, actor.userId, now),
  });
}

/**
 * Union staff cancel an open order (issue 13: a suspended producer's orders stay for her to
 * fulfil or for staff to cancel). Staff holding `producer:suspend` over the order's unit; 404
 * elsewhere. The stock goes back, a card payment is refunded by the platform, and money the
 * producer received becomes her refund task (no account given: she contacts the buyer). The
 * buyer and the producer read the reason; audited.
 */
export function cancelOrderByStaff(
  db: Db,
  actor: SignedInActor,
  orderId: number,
  reason: string,
  now = new Date(),
) {
  const order = db.select().from(orders).where(eq(orders.id, orderId)).get();
  if (!order || !hasPermission(actor, "producer:suspend", orderOrgPath(db, order.orgUnitId))) {
    throw new NotFound("orderError.notFound");
  }
  const cancelReason = reason.trim();
  if (cancelReason.length < 3) {
    throw new Invalid("orderError.cancelReasonRequired", {}, { field: "reason" });
  }
  return step(db, {
    orderId,
    scope: undefined,
    from: ["pending_payment", "confirmed", "shipping"],
    to: "cancelled",
    set: { cancelledAt: now, cancelledBy: "staff", cancelReason },
    event: "cancelled",
    now,
    extra: (o) => {
      applyCancellation(db, o, { text: cancelReason }, actor.userId, now);
      writeAudit(db, {
        actorUserId: actor.userId,
        action: "order.cancel_by_staff",
        entityType: "order",
        entityId: o.id,
        orgUnitId: o.orgUnitId,
        before: { status: order.status },
        after: { status: "cancelled", reason: cancelReason },
      });
    },
  });
}

/** A system cancellation (unpaid transfer, failed or expired card payment). */
export function cancelOrderBySystem(db: Db, orderId: number, reason: ReasonKey, now = new Date()) {
  return transition(db, {
    orderId,
    scope: undefined,
    from: ["pending_payment"],
    to: "cancelled",
    set: { cancelledAt: now, cancelledBy: "system", cancelReasonKey: reason },
    event: "cancelled",
    now,
    extra: (o) => applyCancellation(db, o, { key: reason }, null, now),
  });
}

/**
 * Cancels the unpaid orders of one payment method whose payment was due before `cutoff`,
 * releasing their stock; an order that moved on meanwhile (WrongOrderState) is left alone.
 */
function cancelUnpaidOrders(
  db: Db,
  paymentMethod: "bank_transfer" | "card",
  cutoff: Date,
  reason: ReasonKey,
  now: Date,
): number {
  const due = db
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(
        eq(orders.status, "pending_payment"),
        eq(orders.paymentMethod, paymentMethod),
        lt(orders.paymentDueAt, cutoff),
      ),
    )
    .all();
  let count = 0;
  for (const { id } of due) {
    try {
      cancelOrderBySystem(db, id, reason, now);
      count += 1;
    } catch (error) {
      if (!(error instanceof WrongOrderState)) throw error;
    }
  }
  if (count > 0) afterCommit(db);
  return count;
}

/** Bank transfers still unpaid after their due date are cancelled and their stock released. */
export function cancelUnpaidTransfers(db: Db, now = new Date()): number {
  return cancelUnpaidOrders(db, "bank_transfer", now, "cancelReason.transferOverdue", now);
}

/**
 * Card orders whose Stripe session expired more than an hour ago and never got an answer
 * (a lost `expired` webhook): cancelled, stock released. A late `completed` event would
 * still revive them (see card-payments.server.ts).
 */
export function cancelExpiredCardCheckouts(db: Db, now = new Date()): number {
  return cancelUnpaidOrders(
    db,
    "card",
    new Date(now.getTime() - 60 * 60 * 1000),
    "cancelReason.cardExpired",
    now,
  );
}

/** Orders delivered more than 7 days ago without the buyer's confirmation complete by themselves. */
export function completeDeliveredOrders(db: Db, now = new Date()): number {
  const cutoff = new Date(now.getTime() - AUTO_COMPLETE_DAYS * DAY_MS);
  const due = db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.status, "delivered"), lt(orders.deliveredAt, cutoff)))
    .all();
  let count = 0;
  for (const { id } of due) {
    try {
      transition(db, {
        orderId: id,
        scope: undefined,
        from: ["delivered"],
        to: "completed",
        set: { completedAt: now },
        event: "completed",
        now,
      });
      count += 1;
    } catch (error) {
      if (!(error instanceof WrongOrderState)) throw error;
    }
  }
  if (count > 0) afterCommit(db);
  return count;
}

/**
 * Staff record a refund on an order of their subtree (a partial refund, money owed back).
 * Never more than what was paid; audited. A card payment's refund is the platform's, settled
 * now; a refund of money the producer received becomes her task (to `refundTo`), unless
 * `alreadySettled` says she already sent it back.
 */
export function recordRefund(
  db: Db,
  actor: SignedInActor,
  input: {
    orderId: number;
    amountVnd: number;
    reason: string;
    refundTo?: RefundAccount | null;
    alreadySettled?: boolean;
  },
  now = new Date(),
) {
  const order = db.select().from(orders).where(eq(orders.id, input.orderId)).get();
  if (!order || !hasPermission(actor, "payment:manage", orderOrgPath(db, order.orgUnitId))) {
    throw new NotFound("orderError.notFound");
  }
  return db.$client
    .transaction(() => {
      const payment = db
        .select()
        .from(payments)
        .where(and(eq(payments.orderId, order.id), eq(payments.status, "succeeded")))
        .get();
      if (!payment) throw new Invalid("orderError.nothingToRefund");
      const refunded =
        db
          .select({ sum: sql<number>`coalesce(sum(${refunds.amountVnd}), 0)` })
          .from(refunds)
          .where(eq(refunds.paymentId, payment.id))
          .get()?.sum ?? 0;
      if (input.amountVnd < 1 || input.amountVnd > payment.amountVnd - refunded) {
        throw new Invalid(
          "orderError.refundAmount",
          { max: payment.amountVnd - refunded },
          { field: "amountVnd" },
        );
      }
      const refund = insertRefund(db, {
        order,
        payment,
        amountVnd: input.amountVnd,
        reason: input.reason,
        reasonKey: null,
        recordedByUserId: actor.userId,
        refundTo: input.refundTo ?? null,
        alreadySettled: input.alreadySettled,
        now,
      });
      writeAudit(db, {
        actorUserId: actor.userId,
        action: "refund.record",
        entityType: "order",
        entityId: order.id,
        orgUnitId: order.orgUnitId,
        after: {
          refundId: refund.id,
          amountVnd: refund.amountVnd,
          reason: refund.reason,
          settled: refund.settledAt !== null,
        },
      });
      notifyOrderEvent(db, order, "refunded");
      return refund;
    })
    .immediate();
}
