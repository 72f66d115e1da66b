import type { viGroups } from "./vi";

/** Strings of staff's producer directory, suspension, unpublishing and verification. */
export const staffproducersEn: Record<keyof typeof viGroups.staffproducers, string> = {
  "staffproducers.directory.title": "Producer directory",
  "staffproducers.directory.intro":
    "The producers of your Union unit. Search by name or code, filter by status, commune and kind.",
  "staffproducers.directory.search": "Search by name or code",
  "staffproducers.directory.status": "Status",
  "staffproducers.directory.kind": "Kind",
  "staffproducers.directory.commune": "Commune/ward",
  "staffproducers.directory.any": "All",
  "staffproducers.directory.apply": "Filter",
  "staffproducers.directory.clear": "Clear filters",
  "staffproducers.directory.count": "{count} producers",
  "staffproducers.directory.empty": "No producer matches these filters.",
  "staffproducers.directory.listings": "{count} products on sale",

  "staffproducers.page.title": "Producer {name}",
  "staffproducers.page.back": "← Producer directory",
  "staffproducers.page.unit": "Union unit",
  "staffproducers.page.status": "Status",
  "staffproducers.page.contact": "Contact",
  "staffproducers.page.registeredOn": "Registered on",
  "staffproducers.page.suspended": "Suspended since {date}. Reason: {reason}",
  "staffproducers.page.verificationNote": "Verification note ({date}): {note}",
  "staffproducers.page.verifyLink": "Open the verification page",
  "staffproducers.page.openOrders": "Open orders: {count}",
  "staffproducers.page.openOrdersHint":
    "Suspension keeps open orders: the producer still fulfils them, or Union staff cancel them.",
  "staffproducers.page.listings": "Products ({count})",
  "staffproducers.page.noListings": "The producer has no products yet.",
  "staffproducers.page.review": "Open the review page",

  "staffproducers.suspend.title": "Suspend the producer",
  "staffproducers.suspend.explain":
    "Suspending takes every product of the producer off the storefront, search, the API and carts at once; her open offers are withdrawn. The producer is notified with the reason.",
  "staffproducers.suspend.reason": "Reason for suspending (the producer will read it)",
  "staffproducers.suspend.confirm": "I confirm suspending {name}.",
  "staffproducers.suspend.submit": "Suspend",
  "staffproducers.reinstate.title": "Reinstate",
  "staffproducers.reinstate.explain":
    "The producer's published products show again on the storefront and in search. Withdrawn offers are not restored.",
  "staffproducers.reinstate.reason": "Reason (the producer will read it)",
  "staffproducers.reinstate.confirm": "I confirm reinstating {name}.",
  "staffproducers.reinstate.submit": "Reinstate",
  "staffproducers.unpublish.title": "Unpublish",
  "staffproducers.unpublish.explain":
    "The product goes back to “changes requested” with your reason; the producer fixes it and sends it for review again.",
  "staffproducers.unpublish.reason": "Reason for unpublishing (the producer will read it)",
  "staffproducers.unpublish.submit": "Take the product off the market",

  "staffproducers.done.suspended": "The producer is suspended. Her products left the storefront.",
  "staffproducers.done.reinstated": "The producer is active again.",
  "staffproducers.done.unpublished": "The product was taken off the market.",
  "staffproducers.cancelOrder.title": "Cancel order {code}",
  "staffproducers.cancelOrder.explain":
    "The goods go back to stock; a card payment is refunded by the platform, and a transfer the producer received becomes a refund she must send back. The buyer and the producer are told, with the reason.",
  "staffproducers.cancelOrder.reason": "Reason (the buyer and the producer will read it)",
  "staffproducers.cancelOrder.confirm": "I confirm cancelling order {code}.",
  "staffproducers.cancelOrder.submit": "Cancel the order",
  "staffproducers.done.orderCancelled":
    "The order was cancelled. The buyer and the producer were told.",

  "staffproducers.verify.counts": "Declared members",
  "staffproducers.verify.noteOfDecision": "Note of the previous review ({date}): {note}",

  "staffproducers.resubmit.title": "Correct and resend the application",
  "staffproducers.resubmit.asked": "Union staff asked ({date}): {note}",
  "staffproducers.resubmit.intro":
    "Correct what you declared as asked, then send it again. The application goes back to the verification queue.",
  "staffproducers.resubmit.submit": "Send for verification again",
  "staffproducers.resubmit.notAsked": "The application of {name} needs no changes now.",
  "staffproducers.resubmit.sent": "Application sent again. Union staff will verify it.",

  "staffproducers.cart.producerSuspended":
    "“{title}”: the producer is suspended from the marketplace, so it cannot be ordered. Remove it from your cart to order the other products.",

  "staffproducers.error.reason": "Give a reason of at least 5 characters.",
  "staffproducers.error.reasonTooLong": "The reason is longer than 1,000 characters.",
  "staffproducers.error.confirm": "Tick the confirmation box.",
  "staffproducers.error.count": "Enter a whole number, 0 or more.",
  "staffproducers.error.countPart": "Cannot be more than the total number of members.",
  "staffproducers.error.address": "Enter the address (5 to 300 characters).",
  "staffproducers.error.foundedYear": "The founding year is between 1900 and this year.",
  "staffproducers.error.notFound": "This producer was not found.",
  "staffproducers.error.notVerified": "Only an active (verified) producer can be suspended.",
  "staffproducers.error.notSuspended": "This producer is not suspended.",
  "staffproducers.error.notPublished": "This product is not on sale.",
  "staffproducers.error.notChangesRequested": "This application is not waiting for changes.",

  "staffproducers.notice.suspended.title": "{name} is suspended from the marketplace",
  "staffproducers.notice.suspended.body":
    "Union staff suspended {name}. Reason: {reason}. Your products are hidden; open orders still need to be delivered.",
  "staffproducers.notice.reinstated.title": "{name} is active again",
  "staffproducers.notice.reinstated.body":
    "Union staff reinstated {name} ({reason}). Your published products show on the storefront again.",
  "staffproducers.notice.offerWithdrawn.title": "An offer on request {code} was withdrawn",
  "staffproducers.notice.offerWithdrawn.body":
    "{name} is suspended from the marketplace, so its offer on request {code} was withdrawn.",
  "staffproducers.notice.unpublished.title": "“{title}” was taken off the market",
  "staffproducers.notice.unpublished.body":
    "Union staff took “{title}” off the market. Reason: {reason}. Please edit it and send it for review again.",
  "staffproducers.notice.changesRequested.title": "The application of {name} needs changes",
  "staffproducers.notice.changesRequested.body":
    "Union staff ask for changes: {reason}. Please correct it and send it again to be verified.",
};
