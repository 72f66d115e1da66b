import type { viGroups } from "./vi";

/** Strings of the audit log, staff work alerts, the staff menu and moderation dates. */
export const oversightEn: Record<keyof typeof viGroups.oversight, string> = {
  "oversight.nav.producers": "Producers",
  "oversight.nav.commission": "Commission",
  "oversight.nav.audit": "Audit log",

  "oversight.audit.title": "Audit log",
  "oversight.audit.intro":
    "Who did what, and when, within your unit: the state before and after each change.",
  "oversight.audit.maskedNote":
    "Personal details (phone numbers, e-mail, names of people, addresses, account numbers, member records) are hidden; only the unit's administrators see them.",
  "oversight.audit.filterAction": "Action",
  "oversight.audit.filterEntity": "Object",
  "oversight.audit.allActions": "All actions",
  "oversight.audit.allEntities": "All objects",
  "oversight.audit.from": "From",
  "oversight.audit.to": "To",
  "oversight.audit.filter": "Filter",
  "oversight.audit.empty": "No entries match the filters.",
  "oversight.audit.count": "{count} entries",
  "oversight.audit.system": "System",
  "oversight.audit.userMasked": "User #{id}",
  "oversight.audit.entity": "{type} #{id}",
  "oversight.audit.wholeSite": "Whole site",
  "oversight.audit.before": "Before",
  "oversight.audit.after": "After",
  "oversight.audit.masked": "(hidden)",
  "oversight.audit.ip": "IP address: {ip}",
  "oversight.audit.maskedBadge": "Personal details hidden",

  "oversight.notice.producer.title": "New producer application to verify",
  "oversight.notice.producer.body": "{producer} ({unit}) has applied to sell as a producer.",
  "oversight.notice.listing.title": "New listing to review",
  "oversight.notice.listing.body": "“{title}” by {producer} ({unit}) is waiting for review.",
  "oversight.notice.revision.title": "Listing edit to review",
  "oversight.notice.revision.body":
    "An edit of “{title}” ({producer}, {unit}) is waiting for review.",
  "oversight.notice.producerEscalated.title": "Producer application waiting over 3 days",
  "oversight.notice.producerEscalated.body":
    "The application of {producer} ({unit}) has waited {days} days and {waitingUnit} has not handled it.",
  "oversight.notice.listingEscalated.title": "Listing waiting for review over 3 days",
  "oversight.notice.listingEscalated.body":
    "“{title}” by {producer} ({unit}) has waited {days} days and {waitingUnit} has not handled it.",
  "oversight.notice.revisionEscalated.title": "Listing edit waiting over 3 days",
  "oversight.notice.revisionEscalated.body":
    "An edit of “{title}” ({producer}, {unit}) has waited {days} days and {waitingUnit} has not handled it.",

  "oversight.bulk.titleTaken": "the producer already has another listing with this name.",
  "oversight.bulk.failed": "not approved; open it to see why.",
  "oversight.previousRound": "Note from the previous review ({date}): {note}",
  "oversight.previousRoundUndated": "Note from the previous review: {note}",
  "oversight.currentNote": "Note from the Union staff ({date}): {note}",
} as const;
