import { Invalid, NotFound } from "~/lib/errors";
import type { MessageKey } from "~/lib/i18n/translate";
import {
  buyerActions,
  isContactVisible,
  producerActions,
  type OrderStage,
  type ProducerAction,
} from "~/lib/orders";
import type { SignedInActor } from "~/modules/auth/actor";
import {
  transferInstructions,
  type TransferInstructions,
} from "~/modules/payments/bank-transfer.server";
import type { Db } from "~db/client.server";
import type { PaymentMethod } from "~db/schema";
import {
  acceptOrder,
  cancelOrderByProducer,
  deliverOrder,
  markTransferReceived,
  shipOrder,
} from "./fulfilment.server";
import {
  countProducerOrdersByStage,
  getBuyerOrder,
  getProducerOrder,
  listProducerOrders,
  type OrderDetail,
} from "./queries.server";

/** The id in a URL segment (`/don-hang/12`); anything but a positive integer names nothing. */
export function idFromUrl(
  segment: string | undefined,
  notFound: MessageKey = "orderError.notFound",
): number {
  const id = Number(segment);
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFound(notFound);
  return id;
}

/** Page data for one of the buyer's orders: the order, what they can do, how to pay it. */
export async function buyerOrderView(
  db: Db,
  buyerUserId: number,
  orderId: number,
): Promise<
  OrderDetail & {
    actions: ReturnType<typeof buyerActions>;
    transfer: TransferInstructions | null;
    reviewable: number[];
    /** The producer's phone while the order is open and 30 days after; else null. */
    contactPhone: string | null;
  }
> {
  const detail = getBuyerOrder(db, buyerUserId, orderId);
  const reviewed = new Set(detail.reviews.map((r) => r.listingId));
  return {
    ...detail,
    contactPhone: isContactVisible(detail.order) ? detail.producer.phone : null,
    actions: buyerActions(detail.order.status, detail.order.paymentMethod),
    transfer: await transferInstructions(detail),
    reviewable:
      detail.order.status === "completed"
        ? detail.lines
            .map((l) => l.listingId)
            // A line from a free-text offer has no listing to review.
            .filter((id): id is number => id !== null && !reviewed.has(id))
        : [],
  };
}

/**
 * The producer inbox: orders of the member's producers (or of one of them, `producerCode`)
 * with the next actions on each, optionally of one stage and payment method, and the count
 * of each stage for the tabs. A code that is not one of hers shows all of hers.
 */
export function producerInbox(
  db: Db,
  actor: SignedInActor,
  filter: { stage?: OrderStage; paymentMethod?: PaymentMethod; producerCode?: string } = {},
) {
  const chosen = actor.producers.find((m) => m.producerCode === filter.producerCode);
  const producerIds = chosen ? [chosen.producerId] : actor.producers.map((m) => m.producerId);
  return {
    producerCode: chosen?.producerCode ?? null,
    /** The one producer shown, named when she works for several (else the filter says nothing). */
    producerName: chosen && actor.producers.length > 1 ? chosen.producerName : null,
    counts: countProducerOrdersByStage(db, producerIds),
    orders: listProducerOrders(db, producerIds, filter).map((order) => ({
      ...order,
      actions: producerActions(order.status, order.paymentMethod),
    })),
  };
}

/**
 * One order of the member's producers, with its next actions (for the detail and the note).
 * The buyer's phone shows while the order is open and 30 days after it ended, then not at all.
 */
export function producerOrderView(db: Db, actor: SignedInActor, orderId: number) {
  const detail = getProducerOrder(
    db,
    actor.producers.map((m) => m.producerId),
    orderId,
  );
  const contactPhone = isContactVisible(detail.order) ? detail.order.shipPhone : null;
  return {
    ...detail,
    order: { ...detail.order, shipPhone: contactPhone ?? "" },
    buyer: { ...detail.buyer, phone: contactPhone === null ? null : detail.buyer.phone },
    contactPhone,
    actions: producerActions(detail.order.status, detail.order.paymentMethod),
  };
}

/**
 * Runs a producer's action on an order; ownership and the allowed state are in the query.
 * Shipping may name the carrier and the tracking number.
 */
export function applyProducerAction(
  db: Db,
  actor: SignedInActor,
  input: {
    orderId: number;
    action: ProducerAction;
    reason?: string | null;
    carrier?: string | null;
    trackingNumber?: string | null;
  },
) {
  switch (input.action) {
    case "accept":
      return acceptOrder(db, actor, input.orderId);
    case "mark_paid":
      return markTransferReceived(db, actor, input.orderId);
    case "ship":
      return shipOrder(db, actor, input.orderId, new Date(), {
        carrier: input.carrier,
        trackingNumber: input.trackingNumber,
      });
    case "deliver":
      return deliverOrder(db, actor, input.orderId);
    case "cancel":
      if (!input.reason) {
        throw new Invalid("orderError.cancelReasonRequired", {}, { field: "reason" });
      }
      return cancelOrderByProducer(db, actor, input.orderId, input.reason);
  }
}
