import type { viGroups } from "./vi";

/** Pages that lead to buying: home sections, product cards and page extras, order timeline, cart extras, rating input, units in English (issue 14). */
export const journeyEn: Record<keyof typeof viGroups.journey, string> = {
  "journey.quantity": "{qty} {unit}",
  "journey.unitPlural.kg": "kg",
  "journey.unitPlural.gói": "packs",
  "journey.unitPlural.hộp": "boxes",
  "journey.unitPlural.chai": "bottles",
  "journey.unitPlural.lít": "litres",
  "journey.unitPlural.túi": "bags",
  "journey.unitPlural.cái": "pieces",
  "journey.unitPlural.bộ": "sets",
  "journey.unitPlural.tấm": "sheets",
  "journey.unitPlural.hũ": "jars",

  "journey.home.ocopTitle": "OCOP products",
  "journey.home.ocopAll": "More OCOP products",
  "journey.home.provinceTitle": "Products from {province}",

  "journey.menu.scrollForAll": "Scroll down to see all {count} categories",

  "journey.rating.summary": "Rated {average} out of 5 stars from {count} reviews",
  "journey.rating.summaryOne": "Rated {average} out of 5 stars from {count} review",
  "journey.stars.hint": "Tap a star: 1 star is the worst, 5 stars the best.",

  "journey.share.title": "Share this product",
  "journey.share.zalo": "Send on Zalo",
  "journey.share.facebook": "Share on Facebook",
  "journey.share.copy": "Copy link",
  "journey.share.copied": "Link copied.",
  "journey.share.copyFailed": "Could not copy. Press and hold the link box to copy it.",
  "journey.share.linkLabel": "Link to this product",
  "journey.share.qr": "QR code of its origin",
  "journey.share.newWindow": "(opens a new page)",

  "journey.buy.minimum": "Minimum order: {quantity}.",
  "journey.buy.available": "{quantity} in stock.",
  "journey.buy.lineTotal": "Total for {quantity}: {total}",

  "journey.timeline.title": "Order progress",
  "journey.timeline.placed": "Order placed",
  "journey.timeline.confirmed": "Confirmed by the producer",
  "journey.timeline.shipped": "Shipped",
  "journey.timeline.delivered": "Delivered",
  "journey.timeline.completed": "Completed",
  "journey.timeline.cancelled": "Cancelled",
  "journey.timeline.carrier": "Carrier: {carrier}",
  "journey.timeline.tracking": "Tracking number: {number}",
  "journey.timeline.notYet": "Not yet",
  "journey.timeline.done": "Done:",
  "journey.timeline.pending": "Not done yet:",

  "journey.orders.products": "Products: {titles}",
  "journey.orders.moreProducts": "{titles} and {count} more",

  "journey.cart.continue": "Continue shopping",
};
