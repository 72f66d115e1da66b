import { NotFound } from "~/lib/errors";
import { refundOwedBy, type PaymentProvider } from "~/lib/refunds";
import type { SignedInActor } from "~/modules/auth/actor";
import { hasPermission, requirePermission } from "~/modules/auth/permissions.server";
import { recordRefund } from "~/modules/orders/fulfilment.server";
import { prepared, type Db } from "~db/client.server";
import { completeRefundAccount, type RefundAccountInput } from "./refunds.server";
import { refuseInAssistedMode } from "~/modules/assist/guard.server";

/** An order as the staff refund form shows it. */
export interface RefundableOrder {
  id: number;
  code: string;
  status: string;
  paymentMethod: string;
  totalVnd: number;
  producerId: number;
  producerName: string;
  buyerName: string;
  /** The received payment a refund is taken from, or null when nothing was received. */
  payment: {
    provider: PaymentProvider;
    amountVnd: number;
    refundedVnd: number;
    owedBy: "platform" | "producer";
  } | null;
}

/**
 * One order of a producer, for staff holding `payment:manage` over the order's unit: 403
 * without the permission anywhere, 404 for an order of another producer or another subtree.
 */
export function refundableOrder(
  db: Db,
  actor: SignedInActor,
  producerId: number,
  orderCode: string,
): RefundableOrder {
  requirePermission(actor, "payment:manage", null);
  const order = prepared<Omit<RefundableOrder, "payment"> & { path: string }>(
    db,
    `SELECT o.id, o.code, o.status, o.payment_method AS paymentMethod, o.total_vnd AS totalVnd,
            o.producer_id AS producerId, p.name AS producerName, o.ship_name AS buyerName, u.path
     FROM orders o JOIN producers p ON p.id = o.producer_id JOIN org_units u ON u.id = o.org_unit_id
     WHERE o.code = ? AND o.producer_id = ?`,
  ).get(orderCode, producerId);
  if (!order || !hasPermission(actor, "payment:manage", order.path)) {
    throw new NotFound("orderError.notFound");
  }
  const payment = prepared<{ provider: PaymentProvider; amountVnd: number; refundedVnd: number }>(
    db,
    `SELECT y.provider, y.amount_vnd AS amountVnd,
            (SELECT coalesce(sum(f.amount_vnd), 0) FROM refunds f WHERE f.payment_id = y.id) AS refundedVnd
     FROM payments y WHERE y.order_id = ? AND y.status = 'succeeded' ORDER BY y.id LIMIT 1`,
  ).get(order.id);
  const { path: _path, ...rest } = order;
  return {
    ...rest,
    payment: payment ? { ...payment, owedBy: refundOwedBy(payment.provider) } : null,
  };
}

/**
 * Staff record a refund on a producer's order from her ledger page (recordRefund: never
 * above what is left of the payment; audited; the producer's task when she holds the money).
 */
export function recordRefundForStaff(
  db: Db,
  actor: SignedInActor,
  producerId: number,
  orderCode: string,
  input: {
    amountVnd: number;
    reason: string;
    refundTo: RefundAccountInput;
    alreadySettled: boolean;
  },
) {
  // Never in assisted mode: staff do not move money for the producer they act for.
  refuseInAssistedMode(actor);
  const order = refundableOrder(db, actor, producerId, orderCode);
  const refundTo = completeRefundAccount(input.refundTo);
  return recordRefund(db, actor, { orderId: order.id, ...input, refundTo });
}
