import type { viGroups } from "./vi";

/** Strings of the producer's workspace home, order wording and shipping details. */
export const dailyEn: Record<keyof typeof viGroups.daily, string> = {
  "daily.status.cancelledRefundOwed": "Cancelled · refund owed",
  "daily.status.cancelledRefunded": "Cancelled · refunded",

  "daily.orders.onlyMethod": "Only the orders paid by: {method}.",
  "daily.orders.anyMethod": "See every payment method",
  "daily.orders.ofProducer": "Orders of {name}.",
  "daily.orders.allProducers": "See the orders of every producer",

  "daily.nav.refunds": "Refunds",
  "daily.nav.refundsWaiting": "{count} refunds to send back to buyers",

  "daily.shipment.title": "Shipping",
  "daily.shipment.carrierAndTracking": "Carrier: {carrier} · Tracking number: {tracking}",
  "daily.shipment.carrierOnly": "Carrier: {carrier}",
  "daily.shipment.trackingOnly": "Tracking number: {tracking}",
  "daily.notice.shipped.title": "Order {code} is on its way",
  "daily.notice.shipped.body": "The goods have left the producer. {shipment}",

  "daily.ship.title": "Ship",
  "daily.ship.intro":
    "If a carrier takes the parcel, give its name and the tracking number so the buyer can follow it (optional).",
  "daily.ship.carrier": "Carrier",
  "daily.ship.carrierHint": "For example: Viettel Post, GHN, the Đông Hà – Khe Sanh bus",
  "daily.ship.tracking": "Tracking number",
  "daily.ship.trackingHint": "Letters without accents, digits and hyphens",
  "daily.ship.error.carrier": "The carrier's name is at most 60 characters.",
  "daily.ship.error.tracking":
    "A tracking number has only letters without accents, digits and hyphens, at most 40 characters.",

  "daily.deliveryNote.business": "Buyer: {name}",
  "daily.deliveryNote.taxCode": "Tax code: {taxCode}",

  "daily.home.todoTitle": "Waiting for you",
  "daily.home.nothingToDo": "Nothing is waiting.",
  "daily.home.ordersToAccept": "Orders to accept: {count}",
  "daily.home.transfersToCheck": "Bank-transfer orders to check for the money: {count}",
  "daily.home.ordersToShip": "Orders to ship: {count}",
  "daily.home.ordersToDeliver": "Orders on their way, to mark delivered: {count}",
  "daily.home.refundsToMake": "Refunds to send back to buyers: {count} ({amount})",
  "daily.home.requestsToAnswer": "Purchase requests to answer: {count}",
  "daily.home.listingsSentBack": "Products sent back for changes: {count}",
  "daily.home.certificatesTitle": "Certificates expiring in the next 30 days",
  "daily.home.certificateExpiring": "{kind} of “{title}”: expires on {date}",
  "daily.home.salesTitle": "Sales in {month}",
  "daily.home.salesHint":
    "Goods of the orders completed this month (every payment method), less refunds to buyers; as in the Union's report.",
  "daily.home.salesOrders": "Orders completed: {count}",
  "daily.home.suspended": "Selling is suspended. Reason: {reason}",
  "daily.home.statementLink": "See the statement",
  "daily.home.changesRequested":
    "The Union asks for changes to your profile. Edit it and send it again.",
  "daily.home.editProfile": "Edit the profile",
};
