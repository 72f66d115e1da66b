import { randomUUID } from "node:crypto";
import type { Db } from "~db/client.server";
import type { DeliveryMethod, PaymentMethod, Unit } from "~db/schema";
import { Conflict } from "~/lib/errors";
import { isListingVisible } from "~/modules/catalog/visibility.server";
import {
  announceOrder,
  insertOrderLine,
  insertOrderRow,
  loadOrderProducer,
} from "./order-rows.internal.server";
import type { ShippingAddress } from "./place-order.server";

/**
 * An order made from a producer's accepted offer on a purchase request: one line with the
 * offer's price and quantity. The goods are made to order, so the line reserves nothing and
 * cancelling releases nothing; a free-text offer's line names no listing.
 */
export interface OfferOrderInput {
  buyerUserId: number;
  producerId: number;
  /** The offered listing, or null for free-text goods. */
  listingId: number | null;
  /** The listing's sku, or the request's code for free-text goods (shown on the order). */
  sku: string;
  title: string;
  /** The purchase request's category, kept on a free-text line for the reports. */
  categoryId: number | null;
  unit: Unit;
  unitPriceVnd: number;
  qty: number;
  shipping: ShippingAddress;
  deliveryMethod: DeliveryMethod;
  paymentMethod: PaymentMethod;
  note: string | null;
  now: Date;
}

/**
 * Places the order of an accepted offer inside the caller's transaction (the acceptance
 * and the order commit together) and returns its id and code. A producer no longer on sale
 * (suspended, unverified) cannot take it.
 */
export function placeOfferOrder(db: Db, input: OfferOrderInput): { id: number; code: string } {
  const producer = loadOrderProducer(db, input.producerId, input.now);
  // The visibility rule asked for a published listing: only the producer's side is in doubt.
  if (!producer || !isListingVisible("published", producer.producerStatus)) {
    throw new Conflict("offers.errors.producerUnavailable");
  }
  const lineTotalVnd = input.unitPriceVnd * input.qty;
  const order = insertOrderRow(db, {
    checkoutId: randomUUID(),
    buyerUserId: input.buyerUserId,
    producer,
    paymentMethod: input.paymentMethod,
    deliveryMethod: input.deliveryMethod,
    subtotalVnd: lineTotalVnd,
    shipping: input.shipping,
    note: input.note,
    now: input.now,
  });
  insertOrderLine(
    db,
    order.id,
    {
      listingId: input.listingId,
      sku: input.sku,
      title: input.title,
      unit: input.unit,
      unitPriceVnd: input.unitPriceVnd,
      qty: input.qty,
      lineTotalVnd,
      categoryId: input.categoryId,
    },
    0,
  );
  announceOrder(db, {
    id: order.id,
    code: order.code,
    buyerUserId: input.buyerUserId,
    producerId: input.producerId,
  });
  return { id: order.id, code: order.code };
}
