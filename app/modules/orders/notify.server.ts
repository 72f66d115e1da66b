import { shipmentMessage } from "~/lib/orders";
import type { Db } from "~db/client.server";
import type { NoticeKey, StoredParams } from "~/modules/notifications/messages";
import { notify } from "~/modules/notifications/notify.server";

/** Steps of an order that someone hears about. */
export type OrderEvent =
  | "placed"
  | "confirmed"
  | "paid"
  | "shipping"
  | "delivered"
  | "completed"
  | "cancelled"
  | "refunded"
  | "reviewed";

interface OrderRef {
  id: number;
  code: string;
  buyerUserId: number;
  producerId: number;
  /** What the buyer or producer typed when cancelling. */
  cancelReason?: string | null;
  /** The reason the system gave when it cancelled (a `cancelReason.…` key). */
  cancelReasonKey?: string | null;
  /** Who carries the parcel and its tracking number, when the producer gave them. */
  carrier?: string | null;
  trackingNumber?: string | null;
}

/** Which steps each side hears about: the buyer at /don-hang, the producer at /ban-hang. */
const BUYER_EVENTS = [
  "placed",
  "confirmed",
  "paid",
  "shipping",
  "delivered",
  "cancelled",
  "refunded",
] as const satisfies readonly OrderEvent[];
const PRODUCER_EVENTS = [
  "placed",
  "paid",
  "completed",
  "cancelled",
  "reviewed",
] as const satisfies readonly OrderEvent[];

function includes<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

function paramsOf(order: OrderRef, event: OrderEvent): StoredParams {
  if (event !== "cancelled") return { code: order.code };
  const reason = order.cancelReasonKey
    ? { key: order.cancelReasonKey }
    : (order.cancelReason ?? "");
  return { code: order.code, reason };
}

/**
 * Tells the buyer and/or the producer's members about a step of an order: a notification
 * in the app and an e-mail (queued in the outbox, sent when SMTP is configured), each in the
 * reader's language. Runs inside the caller's transaction.
 */
export function notifyOrderEvent(db: Db, order: OrderRef, event: OrderEvent): void {
  const params = paramsOf(order, event);
  if (includes(BUYER_EVENTS, event)) {
    // A shipped parcel with a carrier or tracking number: the buyer is told both.
    const shipment = event === "shipping" ? shipmentMessage(order) : null;
    const key: NoticeKey = shipment ? "daily.notice.shipped" : `notice.order.buyer.${event}`;
    notify(db, {
      recipients: { userIds: [order.buyerUserId] },
      kind: `order.${event}`,
      message: { key, params: shipment ? { ...params, shipment } : params },
      link: `/don-hang/${order.id}`,
      via: ["email"],
    });
  }
  if (includes(PRODUCER_EVENTS, event)) {
    const key: NoticeKey = `notice.order.producer.${event}`;
    notify(db, {
      recipients: { producerId: order.producerId },
      kind: `order.${event}`,
      message: { key, params },
      link: `/ban-hang/don-hang/${order.id}`,
      via: ["email"],
    });
  }
}
