import { prepared, type Db } from "~db/client.server";
import type { DeliveryMethod, PaymentMethod } from "~db/schema";
import { vietnamToday } from "~/lib/dates";
import { withRandomBytes } from "~/modules/platform/random.server";
import { COMMISSION_OF_UNIT_SQL } from "~/modules/money/commission-rates.server";
import { TRANSFER_PAYMENT_DAYS } from "~/lib/orders";
import { notifyOrderEvent } from "./notify.server";
import type { ShippingAddress } from "./place-order.server";

/**
 * The rows every new order is made of, shared by the checkout (placeOrder) and an accepted
 * offer (placeOfferOrder): its code, the order row with its org unit and commission, the
 * pending payment, and the "placed" notices. Runs inside the caller's transaction.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

const CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const CODE_LENGTH = 8;

/** A short order code a buyer can type into a bank transfer, e.g. "DH7K3QX9TA". */
export function newOrderCode(): string {
  // Pooled random bytes (platform/random.server.ts): one call into the system per 4 KiB.
  return withRandomBytes(CODE_LENGTH, (bytes) => {
    let code = "DH";
    for (const byte of bytes) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
    return code;
  });
}

/** What an order row needs to know about its producer, as of now. */
export interface OrderProducer {
  producerId: number;
  producerCode: string;
  producerName: string;
  producerStatus: string;
  deliveryFeeVnd: number;
  orgUnitId: number;
  /**
   * The commission rate for the producer's org unit on the order's day: of the rates in force
   * that day (started on or before it), the one of the deepest unit on the path (a rate on the
   * province applies to every commune below unless one sets its own), the latest start first.
   */
  commissionBasisPoints: number;
}

/** One producer as an order placed at `now` needs it, or undefined. */
export function loadOrderProducer(
  db: Db,
  producerId: number,
  now: Date,
): OrderProducer | undefined {
  return prepared<OrderProducer>(
    db,
    `SELECT p.id AS producerId, p.code AS producerCode, p.name AS producerName,
       p.verification_status AS producerStatus, p.delivery_fee_vnd AS deliveryFeeVnd,
       p.org_unit_id AS orgUnitId, ${COMMISSION_OF_UNIT_SQL} AS commissionBasisPoints
     FROM producers p JOIN org_units u ON u.id = p.org_unit_id WHERE p.id = ?`,
  ).get(vietnamToday(now), producerId);
}

export interface NewOrderRow {
  checkoutId: string;
  buyerUserId: number;
  producer: OrderProducer;
  paymentMethod: PaymentMethod;
  deliveryMethod: DeliveryMethod;
  subtotalVnd: number;
  shipping: ShippingAddress;
  note: string | null;
  now: Date;
}

/**
 * Inserts the order (pending payment) and its payment row; the caller adds the lines, then
 * calls `announceOrder`. Returns the id, the code and the money of the order.
 */
export function insertOrderRow(db: Db, input: NewOrderRow) {
  const { producer, paymentMethod, deliveryMethod, subtotalVnd, shipping, now } = input;
  const deliveryFeeVnd = deliveryMethod === "delivery" ? producer.deliveryFeeVnd : 0;
  const totalVnd = subtotalVnd + deliveryFeeVnd;
  const code = newOrderCode();
  const id = Number(
    prepared(
      db,
      `INSERT INTO orders (code, checkout_id, buyer_user_id, producer_id, org_unit_id, status,
         payment_method, delivery_method, subtotal_vnd, delivery_fee_vnd, total_vnd,
         commission_basis_points, ship_name, ship_phone, ship_province, ship_commune,
         ship_address, note, payment_due_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'pending_payment', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      code,
      input.checkoutId,
      input.buyerUserId,
      producer.producerId,
      producer.orgUnitId,
      paymentMethod,
      deliveryMethod,
      subtotalVnd,
      deliveryFeeVnd,
      totalVnd,
      producer.commissionBasisPoints,
      shipping.name,
      shipping.phone,
      shipping.province,
      shipping.commune,
      shipping.address,
      input.note,
      paymentMethod === "bank_transfer" ? now.getTime() + TRANSFER_PAYMENT_DAYS * DAY_MS : null,
      now.getTime(),
      now.getTime(),
    ).lastInsertRowid,
  );
  prepared(db, "INSERT INTO payments (order_id, provider, amount_vnd) VALUES (?, ?, ?)").run(
    id,
    paymentMethod === "card" ? "stripe" : paymentMethod,
    totalVnd,
  );
  return { id, code, deliveryFeeVnd, totalVnd };
}

/**
 * One line of an order; `listingId` null for goods no listing offers (a free-text offer),
 * `reservedQty` 0 for a line made to order (it moves no stock). The line keeps the listing's
 * category and shown OCOP stars as they are now (else `categoryId`, the purchase request's),
 * so the outcome reports never move when a listing is edited later.
 */
export function insertOrderLine(
  db: Db,
  orderId: number,
  line: {
    listingId: number | null;
    sku: string;
    title: string;
    unit: string;
    unitPriceVnd: number;
    qty: number;
    lineTotalVnd: number;
    categoryId?: number | null;
  },
  reservedQty: number,
): void {
  prepared(
    db,
    `INSERT INTO order_lines (order_id, listing_id, sku, title, unit, unit_price_vnd, qty, reserved_qty,
       line_total_vnd, category_id, ocop_stars)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,
       coalesce((SELECT category_id FROM listings WHERE id = ?), ?),
       coalesce((SELECT CASE WHEN ocop_badge_hidden THEN 0 ELSE ocop_stars END FROM listings WHERE id = ?), 0))`,
  ).run(
    orderId,
    line.listingId,
    line.sku,
    line.title,
    line.unit,
    line.unitPriceVnd,
    line.qty,
    reservedQty,
    line.lineTotalVnd,
    line.listingId,
    line.categoryId ?? null,
    line.listingId,
  );
}

/** Tells the buyer and the producer's members that the order was placed. */
export function announceOrder(
  db: Db,
  order: { id: number; code: string; buyerUserId: number; producerId: number },
): void {
  notifyOrderEvent(db, order, "placed");
}
