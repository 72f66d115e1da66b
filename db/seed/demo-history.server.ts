import type { SignedInActor } from "~/modules/auth/actor";
import { actorForUser } from "~/modules/auth/session.server";
import {
  acceptOrder,
  cancelOrderByBuyer,
  cancelOrderByProducer,
  cancelUnpaidTransfers,
  completeDeliveredOrders,
  confirmReceipt,
  deliverOrder,
  markTransferReceived,
  recordRefund,
  shipOrder,
} from "~/modules/orders/fulfilment.server";
import { placeOrder, type ShippingAddress } from "~/modules/orders/place-order.server";
import { producersWithoutBankAccount } from "~/modules/payments/bank-transfer.server";
import { setStock } from "~/modules/stock/movements.server";
import { prepared, type Db } from "~db/client.server";
import { pastStamper } from "./demo-backdate.server";
import { planDemoHistory, type PlannedOrder } from "./demo-history-plan";

/**
 * A year of the demo's orders, made through the ordering module (placeOrder, then the
 * producer's, the buyer's, the system's and the staff's steps, each at a past moment), so the
 * outcome reports, charts, statements and order inboxes of a fresh demo are full and every
 * order obeys the module's rules. Demo mode only; what happens when is drawn by a seeded
 * generator (demo-history-plan.ts), so every fresh demo tells the same story.
 */

export interface DemoHistoryResult {
  orders: number;
  completed: number;
  cancelled: number;
  refunded: number;
  /** Recent orders still waiting for a step of the demo producers or their buyers. */
  open: number;
}

interface Buyer {
  userId: number;
  name: string;
  phone: string;
  province: string;
  city: string;
}

interface Listing {
  id: number;
  sku: string;
  producerId: number;
  minOrderQty: number;
  priceVnd: number;
  stock: number;
}

interface Producer {
  id: number;
  code: string;
  name: string;
  memberUserId: number | null;
}

function loadWorld(db: Db) {
  const admin = prepared<{ userId: number }>(
    db,
    `SELECT s.user_id AS userId FROM staff_memberships s JOIN org_units u ON u.id = s.org_unit_id
     WHERE s.role = 'admin' AND u.parent_id IS NULL ORDER BY s.user_id LIMIT 1`,
  ).get();
  const buyers = prepared<Buyer>(
    db,
    `SELECT u.id AS userId, u.display_name AS name, u.phone, b.province, b.city
     FROM buyer_profiles b JOIN users u ON u.id = b.user_id
     WHERE b.code IS NOT NULL ORDER BY b.code`,
  ).all();
  const producers = prepared<Producer>(
    db,
    `SELECT p.id, p.code, p.name,
       (SELECT min(m.user_id) FROM producer_memberships m WHERE m.producer_id = p.id) AS memberUserId
     FROM producers p
     WHERE p.verification_status = 'verified'
       AND EXISTS (SELECT 1 FROM listings l WHERE l.producer_id = p.id AND l.status = 'published')
     ORDER BY p.code`,
  ).all();
  const listings = prepared<Listing>(
    db,
    `SELECT id, sku, producer_id AS producerId, min_order_qty AS minOrderQty,
       price_vnd AS priceVnd, stock
     FROM listings WHERE status = 'published' ORDER BY sku`,
  ).all();
  return { admin, buyers, producers, listings };
}

/**
 * Makes the demo's year of orders (see above) before `now`, then a few recent orders for each
 * demo producer account to act on, in one transaction. Stock is moved only by the stock
 * module: a listing short for an order is restocked first, and at the end every listing is
 * back at its catalogue stock. Returns what it made; nothing without an admin, buyers or
 * producers.
 */
export function seedDemoHistory(db: Db, { now }: { now: Date }): DemoHistoryResult {
  const result: DemoHistoryResult = { orders: 0, completed: 0, cancelled: 0, refunded: 0, open: 0 };
  const world = loadWorld(db);
  const adminActor = world.admin ? actorForUser(db, world.admin.userId) : null;
  if (!adminActor || world.buyers.length === 0 || world.listings.length === 0) return result;
  const admin: SignedInActor = adminActor;

  // The producers with a demo account act through it; the CSV producers have no account, so
  // the Union admin works their orders for them (as commune staff do for a cooperative without
  // a phone): her account carrying that producer's membership, checked by the module as usual.
  const actors = new Map<number, SignedInActor>();
  for (const producer of world.producers) {
    const own = producer.memberUserId === null ? null : actorForUser(db, producer.memberUserId);
    actors.set(
      producer.id,
      own ?? {
        ...admin,
        producers: [
          {
            producerId: producer.id,
            producerCode: producer.code,
            producerName: producer.name,
            role: "owner",
          },
        ],
      },
    );
  }
  const catalogueStock = new Map(world.listings.map((l) => [l.id, l.stock]));
  const listingById = new Map(world.listings.map((l) => [l.id, l]));
  const withoutBankAccount = new Set(
    producersWithoutBankAccount(
      db,
      world.producers.map((p) => p.id),
    ).map((p) => p.id),
  );
  const plan = planDemoHistory({
    now,
    buyers: world.buyers.map((b) => b.userId),
    producers: world.producers.map((p) => ({
      id: p.id,
      hasAccount: p.memberUserId !== null,
      takesTransfer: !withoutBankAccount.has(p.id),
      listings: world.listings.filter((l) => l.producerId === p.id),
    })),
  });
  const buyerById = new Map(world.buyers.map((b) => [b.userId, b]));
  const producerById = new Map(world.producers.map((p) => [p.id, p]));
  const stamp = pastStamper(db);
  const stockOf = prepared<{ stock: number }>(db, "SELECT stock FROM listings WHERE id = ?");
  const datePayment = prepared(
    db,
    "UPDATE payments SET created_at = ?, updated_at = ? WHERE order_id = ?",
  );

  const place = (order: PlannedOrder): number => {
    const actor = actors.get(order.producerId);
    for (const item of order.items) {
      const listing = listingById.get(item.listingId);
      const stock = stockOf.get(item.listingId)?.stock ?? 0;
      if (!listing || stock >= item.qty) continue;
      setStock(db, {
        listingId: listing.id,
        stock: Math.max(catalogueStock.get(listing.id) ?? 0, item.qty * 2),
        cause: "producer_edit",
        actorUserId: actor?.userId ?? null,
      });
    }
    const buyer = buyerById.get(order.buyerUserId);
    const producer = producerById.get(order.producerId);
    const placed = placeOrder(db, {
      buyerUserId: order.buyerUserId,
      items: order.items.map((item) => ({
        sku: listingById.get(item.listingId)?.sku ?? "",
        qty: item.qty,
      })),
      shipping: shippingOf(buyer, order.houseNumber),
      note: order.note,
      delivery: producer && order.delivery ? { [producer.code]: "delivery" } : {},
      paymentMethod: order.paymentMethod,
      idempotency: { scope: "demo-history", key: `order-${order.key}` },
      now: order.placedAt,
    }).orders[0];
    if (!placed) throw new Error(`demo history: order ${order.key} made nothing`);
    datePayment.run(order.placedAt.getTime(), order.placedAt.getTime(), placed.id);
    stamp(order.placedAt, order.outcome.kind !== "open");
    result.orders += 1;
    return placed.id;
  };

  const run = (order: PlannedOrder) => {
    const id = place(order);
    const actor = actors.get(order.producerId) ?? admin;
    const isPast = order.outcome.kind !== "open";
    const at = (step: Date, fn: () => unknown) => {
      fn();
      stamp(step, isPast);
    };
    const confirm = (step: Date) =>
      at(step, () =>
        order.paymentMethod === "cod"
          ? acceptOrder(db, actor, id, step)
          : markTransferReceived(db, actor, id, step),
      );
    const { outcome } = order;
    if (outcome.kind === "buyerCancelled") {
      const { at: when, reason } = outcome;
      at(when, () => cancelOrderByBuyer(db, order.buyerUserId, id, reason, when));
      result.cancelled += 1;
    } else if (outcome.kind === "unpaid") {
      // The order jobs cancel a transfer still unpaid after its due date.
      const when = outcome.at;
      at(when, () => cancelUnpaidTransfers(db, when));
      result.cancelled += 1;
    } else if (outcome.kind === "producerCancelled") {
      const { at: when, reason } = outcome;
      if (outcome.confirmedAt) confirm(outcome.confirmedAt);
      at(when, () => cancelOrderByProducer(db, actor, id, reason, when));
      result.cancelled += 1;
    } else {
      const { confirmedAt, shippedAt, deliveredAt } = outcome;
      if (confirmedAt) confirm(confirmedAt);
      if (shippedAt) at(shippedAt, () => shipOrder(db, actor, id, shippedAt));
      if (deliveredAt) at(deliveredAt, () => deliverOrder(db, actor, id, deliveredAt));
      if (outcome.kind === "open") {
        result.open += 1;
        return;
      }
      const { completedAt, refund } = outcome;
      if (outcome.byBuyer) {
        at(completedAt, () => confirmReceipt(db, order.buyerUserId, id, completedAt));
      } else {
        // Nobody confirmed: the order jobs complete it AUTO_COMPLETE_DAYS after delivery.
        at(completedAt, () => completeDeliveredOrders(db, completedAt));
      }
      result.completed += 1;
      if (refund) {
        const { amountVnd, reason } = refund;
        // A past refund: whoever held the money sent it back then (decision 023).
        at(refund.at, () =>
          recordRefund(
            db,
            admin,
            { orderId: id, amountVnd, reason, alreadySettled: true },
            refund.at,
          ),
        );
        result.refunded += 1;
      }
    }
  };

  db.$client
    .transaction(() => {
      for (const order of plan) run(order);
      // Every listing ends at its catalogue stock, so the demo sells as the catalogue says.
      for (const [listingId, stock] of catalogueStock) {
        if (stockOf.get(listingId)?.stock === stock) continue;
        const producerId = listingById.get(listingId)?.producerId ?? 0;
        setStock(db, {
          listingId,
          stock,
          cause: "producer_edit",
          actorUserId: actors.get(producerId)?.userId ?? null,
        });
      }
    })
    .immediate();
  return result;
}

/** A buyer's delivery address, from her profile (phones are stored +84…, typed 0…). */
function shippingOf(buyer: Buyer | undefined, houseNumber: number): ShippingAddress {
  return {
    name: buyer?.name ?? "Người mua",
    phone: (buyer?.phone ?? "+84900000000").replace(/^\+84/, "0"),
    province: buyer?.province ?? "Quảng Trị",
    commune: buyer?.city ?? "Đông Hà",
    address: `Số ${houseNumber}, đường Lê Duẩn`,
  };
}
