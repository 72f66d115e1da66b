import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_EVENTS,
  type NotificationChannel,
  type NotificationEvent,
} from "~db/schema";

/**
 * Which notify() kinds belong to which event a user chooses channels for
 * (docs/decisions/029-care-channels.md). Pure, so the preferences page can list the events.
 * A kind missing here is not a choice: the bell, plus the channels its caller names (account
 * and security notices such as a changed bank account, a suspension, a refund owed, staff
 * work alerts).
 */

export { NOTIFICATION_CHANNELS, NOTIFICATION_EVENTS };
export type { NotificationChannel, NotificationEvent };

/** Every kind notify() is called with that a user may choose channels for, by event. */
export const EVENT_OF_KIND: Readonly<Record<string, NotificationEvent>> = {
  "order.placed": "order_new",
  "order.confirmed": "order_status",
  "order.paid": "order_status",
  "order.shipping": "order_status",
  "order.delivered": "order_status",
  "order.completed": "order_status",
  "order.cancelled": "order_status",
  "order.refunded": "order_status",
  "order.reviewed": "order_status",
  "refund.sent": "order_status",
  "invoice.requested": "order_status",
  "invoice.issued": "order_status",
  "invoice.declined": "order_status",
  "request.invited": "request_match",
  "demand.match_digest": "request_match",
  "offer.submitted": "offer",
  "offer.message": "offer",
  "offer.accepted": "offer",
  "offer.declined": "offer",
  "offer.withdrawn": "offer",
  "listing.approve": "moderation",
  "listing.reject": "moderation",
  "listing.request_changes": "moderation",
  "listing.unpublish": "moderation",
  "listing_revision.approve": "moderation",
  "listing_revision.reject": "moderation",
  "listing_revision.request_changes": "moderation",
  "producer.verified": "moderation",
  "producer.rejected": "moderation",
  "producer.changes_requested": "moderation",
  "certificate.expiry_notice": "certificate_expiry",
};

/** The event a kind belongs to, or null when it is not a choice. */
export function eventOfKind(kind: string): NotificationEvent | null {
  return Object.hasOwn(EVENT_OF_KIND, kind) ? (EVENT_OF_KIND[kind] ?? null) : null;
}

/** Channels that leave the app (the bell is always on: it is the record the others point to). */
export type OutsideChannel = Exclude<NotificationChannel, "in_app">;
export const OUTSIDE_CHANNELS = ["email", "sms", "zalo"] as const satisfies OutsideChannel[];

/**
 * Where each outside channel may be chosen: e-mail and Zalo (when a Zalo provider is
 * configured) for every event; an SMS costs money and interrupts, so only for a new order,
 * where a quick answer matters.
 */
export const EVENTS_OF_CHANNEL: Record<OutsideChannel, readonly NotificationEvent[]> = {
  email: NOTIFICATION_EVENTS,
  sms: ["order_new"],
  zalo: NOTIFICATION_EVENTS,
};

/**
 * What a user who never chose gets besides the bell: e-mail for the events whose callers
 * e-mailed before the choice existed (so nobody loses a message on the day this shipped), and
 * nothing else. Without a choice a notice still goes only where its caller sends it (`via`).
 */
export const DEFAULT_OUTSIDE: Record<NotificationEvent, readonly OutsideChannel[]> = {
  order_new: ["email"],
  order_status: ["email"],
  request_match: ["email"],
  offer: ["email"],
  moderation: [],
  certificate_expiry: [],
};

/** The events that concern a buyer; a producer's member sees them all. */
export const BUYER_EVENTS = [
  "order_new",
  "order_status",
  "offer",
] as const satisfies NotificationEvent[];

/** Whether `channel` may be chosen for `event` at all. */
export function isChoosable(event: NotificationEvent, channel: OutsideChannel): boolean {
  return EVENTS_OF_CHANNEL[channel].includes(event);
}

/** The form field of one checkbox, e.g. `order_new.sms`. */
export function preferenceField(event: NotificationEvent, channel: OutsideChannel): string {
  return `${event}.${channel}`;
}
