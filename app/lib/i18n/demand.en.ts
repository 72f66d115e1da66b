import type { viGroups } from "./vi";

/** Strings of the demand area (purchase requests and their matches). */
export const demandEn: Record<keyof typeof viGroups.demand, string> = {
  "demand.match.sameCategory": "same category: {category}",
  "demand.match.relatedCategory": "related category: {category}",
  "demand.match.stockEnough": "{stock} {unit} in stock, {quantity} {unit} needed",
  "demand.match.stockShort": "only {stock} {unit} in stock, {quantity} {unit} needed",
  "demand.match.outOfStock": "out of stock, {quantity} {unit} needed",
  "demand.match.minimumOrder": "minimum order {minimum} {unit}",
  "demand.match.otherUnit": "sold by the {unit}, requested by the {wanted}",
  "demand.match.sameCommune": "same commune",
  "demand.match.sameProvince": "same province: {province}",
  "demand.match.ocop": "OCOP {stars} stars",
  "demand.match.certification": "certified {certification}",
  "demand.nav.inbox": "Purchase requests",
  "demand.nav.waiting": "{count} requests not yet answered",
  "demand.inbox.title": "Purchase requests for your goods",
  "demand.inbox.intro":
    "Open purchase requests that match your products, or that the Union invited you to answer. Newest first.",
  "demand.inbox.empty":
    "No purchase request matches your products yet. When one does, you get one notification a day.",
  "demand.inbox.producer": "Show requests for",
  "demand.inbox.show": "Show",
  "demand.inbox.invited": "The Union invites you to make an offer",
  "demand.inbox.invitationNote": "Note from the Union: {note}",
  "demand.inbox.quantity": "Needs {quantity} {unit}",
  "demand.inbox.neededBy": "Needed by {date}",
  "demand.inbox.weeklyUntil": "Weekly, until {date}",
  "demand.inbox.monthlyUntil": "Monthly, until {date}",
  "demand.inbox.deliverTo": "Deliver to {place}",
  "demand.inbox.why": "Why it matches:",
  "demand.inbox.yourListings": "Your products:",
  "demand.inbox.offer.none": "You have not made an offer",
  "demand.inbox.offer.submitted": "You offered {price}/{unit}; waiting for the buyer",
  "demand.inbox.offer.accepted": "The buyer accepted your offer of {price}/{unit}",
  "demand.inbox.offer.declined": "The buyer did not choose your offer of {price}/{unit}",
  "demand.inbox.offer.withdrawn": "You withdrew your offer of {price}/{unit}",
  "demand.inbox.answer": "Make an offer",
  "demand.inbox.viewRequest": "View the request",
  "demand.matches.title": "Matching producers",
  "demand.matches.intro":
    "Producers whose goods match your request, best first. They are told about it and can send you offers.",
  "demand.matches.none":
    "No matching producer found yet. Union staff will look at your request and invite producers to make offers.",
  "demand.matches.pending": "Looking for matching producers. Reload the page in a few minutes.",
  "demand.matches.why": "Why:",
  "demand.notice.matchDigest.title": "{count} new purchase requests match your goods",
  "demand.notice.matchDigest.body":
    "{count} new purchase requests match the products of {producer}. See them and make offers under Purchase requests in your workspace.",
  "demand.errors.producerNotFound": "This producer is not one of yours.",
};
