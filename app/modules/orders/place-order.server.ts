import { createHash, randomUUID } from "node:crypto";
import { prepared, type Db } from "~db/client.server";
import type { DeliveryMethod, OrderStatus, PaymentMethod } from "~db/schema";
import { vietnamToday } from "~/lib/dates";
import type { OrderLine } from "~/lib/orders";
import { isListingVisible } from "~/modules/catalog/visibility.server";
import { deliverQueuedEmailsSoon } from "~/modules/platform/mailer.server";
import { removeOrderedFromCart } from "./cart.server";
import {
  IdempotencyKeyReused,
  InvalidOrder,
  OutOfStock,
  PriceChanged,
  type OrderProblems,
} from "./errors.server";
import { COMMISSION_OF_UNIT_SQL } from "~/modules/money/commission-rates.server";
import {
  announceOrder,
  insertOrderLine,
  insertOrderRow,
  type OrderProducer,
} from "./order-rows.internal.server";
import { reserveStock } from "~/modules/stock/movements.server";
import { assertTransferAccepted } from "~/modules/payments/bank-transfer.server";

export interface ShippingAddress {
  name: string;
  phone: string;
  /** One of the 34 provinces since 1 July 2025, by name. */
  province: string;
  /** Commune or ward (xã/phường). */
  commune: string;
  /** House number, street, village. */
  address: string;
}

export interface PlaceOrderInput {
  buyerUserId: number;
  items: { sku: string; qty: number; expectedPriceVnd?: number }[];
  shipping: ShippingAddress;
  note?: string | null;
  /** Delivery choice per producer code; a producer not named gets pickup. */
  delivery?: Record<string, DeliveryMethod>;
  paymentMethod: PaymentMethod;
  /**
   * One key per checkout: the same key and input give back the first result; another input
   * is refused, unless `matchRequest` is false (the web form, whose "input" is the cart,
   * already emptied by the first submit: the key alone identifies the form).
   */
  idempotency: { scope: string; key: string; matchRequest?: boolean };
  /** Remove the ordered products from the buyer's cart (the web checkout). */
  clearCart?: boolean;
  now?: Date;
}

export interface PlacedOrder {
  id: number;
  code: string;
  producer: { id: number; code: string; name: string };
  status: OrderStatus;
  paymentMethod: PaymentMethod;
  deliveryMethod: DeliveryMethod;
  subtotalVnd: number;
  deliveryFeeVnd: number;
  totalVnd: number;
  lines: OrderLine[];
}

export interface PlaceOrderResult {
  checkoutId: string;
  orders: PlacedOrder[];
  /** True when this is the stored answer to an earlier identical request. */
  replayed: boolean;
}

/** Merges repeated skus so each product appears once; keeps the first expected price. */
function mergeItems(items: PlaceOrderInput["items"]) {
  const merged = new Map<string, { sku: string; qty: number; expectedPriceVnd?: number }>();
  for (const item of items) {
    const existing = merged.get(item.sku);
    if (existing) existing.qty += item.qty;
    else merged.set(item.sku, { ...item });
  }
  return [...merged.values()].sort((a, b) => a.sku.localeCompare(b.sku));
}

/** A fingerprint of what was asked, so a reused key with another request is refused. */
function requestHash(input: PlaceOrderInput, items: ReturnType<typeof mergeItems>): string {
  const delivery = Object.entries(input.delivery ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const canonical = JSON.stringify([
    items.map((i) => [i.sku, i.qty]),
    input.shipping.name,
    input.shipping.phone,
    input.shipping.province,
    input.shipping.commune,
    input.shipping.address,
    input.note ?? null,
    delivery,
    input.paymentMethod,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

interface ListingRow extends OrderProducer {
  id: number;
  sku: string;
  title: string;
  unit: string;
  priceVnd: number;
  minOrderQty: number;
  stock: number;
  status: string;
}

/** The listings of an order placed at `now` with their producer (inside the transaction). */
function loadListingsForOrder(db: Db, skus: string[], now: Date): ListingRow[] {
  return prepared<ListingRow>(
    db,
    `SELECT l.id, l.sku, l.title, l.unit, l.price_vnd AS priceVnd, l.min_order_qty AS minOrderQty,
       l.stock, l.status, p.id AS producerId, p.code AS producerCode, p.name AS producerName,
       p.verification_status AS producerStatus, p.delivery_fee_vnd AS deliveryFeeVnd,
       p.org_unit_id AS orgUnitId, ${COMMISSION_OF_UNIT_SQL} AS commissionBasisPoints
     FROM listings l
     JOIN producers p ON p.id = l.producer_id
     JOIN org_units u ON u.id = p.org_unit_id
     WHERE l.sku IN (SELECT value FROM json_each(?))`,
  ).all(vietnamToday(now), JSON.stringify(skus));
}

function findStoredAnswer(db: Db, scope: string, key: string, hash: string | null) {
  const stored = prepared<{ requestHash: string; responseBody: string | null }>(
    db,
    "SELECT request_hash AS requestHash, response_body AS responseBody FROM idempotency_keys WHERE scope = ? AND key = ?",
  ).get(scope, key);
  if (!stored) return null;
  if (hash !== null && stored.requestHash !== hash) throw new IdempotencyKeyReused();
  if (stored.responseBody === null) return null;
  return JSON.parse(stored.responseBody) as Omit<PlaceOrderResult, "replayed">;
}

/** Checks every item against the catalog now; throws naming every problem at once. */
function checkItems(
  items: ReturnType<typeof mergeItems>,
  bySku: Map<string, ListingRow>,
  delivery: Record<string, DeliveryMethod>,
) {
  const problems: OrderProblems = { fields: {}, notOnSale: [], belowMinOrder: [] };
  for (const item of items) {
    const listing = bySku.get(item.sku);
    if (!listing || !isListingVisible(listing.status, listing.producerStatus)) {
      problems.notOnSale.push(item.sku);
    } else if (item.qty < listing.minOrderQty) {
      problems.belowMinOrder.push({ sku: item.sku, minOrderQty: listing.minOrderQty });
    }
  }
  const producerCodes = new Set([...bySku.values()].map((l) => l.producerCode));
  for (const code of Object.keys(delivery)) {
    if (!producerCodes.has(code)) {
      problems.fields[`delivery.${code}`] = { key: "orderError.deliveryNotInOrder" };
    }
  }
  if (
    problems.notOnSale.length > 0 ||
    problems.belowMinOrder.length > 0 ||
    Object.keys(problems.fields).length > 0
  ) {
    throw new InvalidOrder(problems);
  }

  const priceChanges = items.flatMap((item) => {
    const listing = bySku.get(item.sku);
    return listing &&
      item.expectedPriceVnd !== undefined &&
      item.expectedPriceVnd !== listing.priceVnd
      ? [
          {
            sku: item.sku,
            title: listing.title,
            fromVnd: item.expectedPriceVnd,
            toVnd: listing.priceVnd,
          },
        ]
      : [];
  });
  if (priceChanges.length > 0) throw new PriceChanged(priceChanges);

  const shortages = items.flatMap((item) => {
    const listing = bySku.get(item.sku);
    return listing && item.qty > listing.stock
      ? [{ sku: item.sku, title: listing.title, available: listing.stock }]
      : [];
  });
  if (shortages.length > 0) throw new OutOfStock(shortages);
}

/**
 * Places a checkout: one order per producer, all in one `BEGIN IMMEDIATE` transaction, with
 * prices, fees and commission read from the database now and stock reserved by conditional
 * UPDATEs. Nothing the browser computed is trusted. The same idempotency key with the same
 * input returns the first result; with another input it is refused (422).
 */
export function placeOrder(db: Db, input: PlaceOrderInput): PlaceOrderResult {
  const items = mergeItems(input.items);
  const hash = requestHash(input, items);
  const { scope, key } = input.idempotency;
  const now = input.now ?? new Date();
  const delivery = input.delivery ?? {};

  const result = db.$client
    .transaction((): PlaceOrderResult => {
      const stored = findStoredAnswer(
        db,
        scope,
        key,
        input.idempotency.matchRequest === false ? null : hash,
      );
      if (stored) return { ...stored, replayed: true };
      if (items.length === 0) {
        throw InvalidOrder.field("items", "orderError.noItems");
      }

      const rows = loadListingsForOrder(
        db,
        items.map((i) => i.sku),
        now,
      );
      const bySku = new Map(rows.map((r) => [r.sku, r]));
      checkItems(items, bySku, delivery);
      if (input.paymentMethod === "bank_transfer") {
        assertTransferAccepted(
          db,
          rows.map((r) => r.producerId),
        );
      }

      // Each line reserves its quantity once its order exists (the movement names the order);
      // a shortage throws after every line was tried, rolling the whole checkout back.
      const shortages: { sku: string; title: string; available: number }[] = [];
      const groups = new Map<
        number,
        { first: ListingRow; items: { listing: ListingRow; qty: number }[] }
      >();
      for (const item of items) {
        const listing = bySku.get(item.sku);
        if (!listing) continue;
        const group = groups.get(listing.producerId) ?? { first: listing, items: [] };
        group.items.push({ listing, qty: item.qty });
        groups.set(listing.producerId, group);
      }

      const checkoutId = randomUUID();
      const placed: PlacedOrder[] = [];
      for (const { first, items: groupItems } of groups.values()) {
        const lines = groupItems.map(({ listing, qty }) => ({
          listingId: listing.id,
          sku: listing.sku,
          title: listing.title,
          unit: listing.unit,
          qty,
          unitPriceVnd: listing.priceVnd,
          lineTotalVnd: listing.priceVnd * qty,
        }));
        const deliveryMethod = delivery[first.producerCode] ?? "pickup";
        const subtotalVnd = lines.reduce((sum, l) => sum + l.lineTotalVnd, 0);
        const { id, code, deliveryFeeVnd, totalVnd } = insertOrderRow(db, {
          checkoutId,
          buyerUserId: input.buyerUserId,
          producer: first,
          paymentMethod: input.paymentMethod,
          deliveryMethod,
          subtotalVnd,
          shipping: input.shipping,
          note: input.note ?? null,
          now,
        });
        const order = { id, code };
        for (const line of lines) {
          // A line from the cart is sold from stock (an offer's line is made to order).
          const reservedQty = line.qty;
          insertOrderLine(db, order.id, line, reservedQty);
          if (
            !reserveStock(db, { listingId: line.listingId, qty: reservedQty, orderId: order.id })
          ) {
            const listing = bySku.get(line.sku);
            shortages.push({ sku: line.sku, title: line.title, available: listing?.stock ?? 0 });
          }
        }
        announceOrder(db, {
          ...order,
          buyerUserId: input.buyerUserId,
          producerId: first.producerId,
        });
        placed.push({
          id: order.id,
          code: order.code,
          producer: { id: first.producerId, code: first.producerCode, name: first.producerName },
          status: "pending_payment",
          paymentMethod: input.paymentMethod,
          deliveryMethod,
          subtotalVnd,
          deliveryFeeVnd,
          totalVnd,
          lines: lines.map(({ listingId: _listingId, ...line }) => line),
        });
      }

      if (shortages.length > 0) {
        throw new OutOfStock(shortages.sort((a, b) => a.sku.localeCompare(b.sku)));
      }

      if (input.clearCart) {
        removeOrderedFromCart(
          db,
          input.buyerUserId,
          rows.map((r) => r.id),
        );
      }
      const answer = { checkoutId, orders: placed };
      prepared(
        db,
        `INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response_body)
         VALUES (?, ?, ?, 201, ?)
         ON CONFLICT (scope, key) DO UPDATE SET request_hash = excluded.request_hash,
           status_code = excluded.status_code, response_body = excluded.response_body`,
      ).run(scope, key, hash, JSON.stringify(answer));
      return { ...answer, replayed: false };
    })
    .immediate();

  if (!result.replayed) deliverQueuedEmailsSoon(db);
  return result;
}
