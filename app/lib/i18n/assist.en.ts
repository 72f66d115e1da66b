import type { viGroups } from "./vi";

/** Assisted mode: staff create a producer and act for it (issue 15). */
export const assistEn: Record<keyof typeof viGroups.assist, string> = {
  "assist.banner.label": "Assisted mode",
  "assist.banner.text": "Acting for {producer}",
  "assist.banner.end": "End",
  "assist.banner.hint": "Everything you do is recorded with your name and this producer's.",

  "assist.start.title": "Act for this producer",
  "assist.start.hint":
    "For when a member asks you to list a product, edit the profile or answer an order. You stay signed in as yourself; everything is recorded with both names. Bank account, phone, password, team and payouts cannot be changed. Ends after 30 minutes without use.",
  "assist.start.button": "Start acting for {producer}",
  "assist.start.active": "You are acting for this producer.",

  "assist.new.link": "Create a new producer",
  "assist.new.title": "Create a producer and its first account",
  "assist.new.intro":
    "For members who come to the Union to register. The producer is verified at once, since you met her in person. The account has no password yet: after creating it, issue a recovery code so she chooses her own password.",
  "assist.new.producerLegend": "Producer",
  "assist.new.producerName": "Producer name",
  "assist.new.producerKind": "Kind",
  "assist.new.orgUnit": "Union unit",
  "assist.new.address": "Address",
  "assist.new.membersTotal": "Number of members",
  "assist.new.memberLegend": "Person in charge (first account)",
  "assist.new.memberName": "Full name",
  "assist.new.memberPhone": "Phone number",
  "assist.new.memberPhoneHint": "She signs in with this number.",
  "assist.new.submit": "Create producer",
  "assist.new.created":
    "Created {producer} (code {code}). Issue a recovery code so she sets her own password, or start acting for it now.",
  "assist.new.resetLink": "Issue her a recovery code",

  "assist.history.nav": "Staff help",
  "assist.history.title": "Work staff did for you",
  "assist.history.intro":
    "What Union staff did for {producer} when asked. If you did not ask for something here, tell the Union.",
  "assist.history.empty": "No staff member has acted for this producer yet.",
  "assist.history.entry": "Staff member {staff} acting for {producer}",
  "assist.history.what": "Action: {action} · {type} {id}",
  "assist.history.someStaff": "(name removed)",

  "assist.actions.started": "Started acting for the producer",
  "assist.actions.ended": "Stopped acting for the producer",
  "assist.actions.created": "Created the producer and its first account",
  "assist.actions.request": "Saved a form on the page {page}",

  "assist.log.both": "Staff member {staff} acting for {producer}",
  "assist.log.someStaff": "(name hidden)",

  "assist.error.noSession": "Sign in with a browser to act for a producer.",
  "assist.error.producerNotFound": "This producer was not found.",
  "assist.error.outsideSubtree": "This producer is not in a Union unit you look after.",
  "assist.error.refusedInAssist":
    "This cannot be done while acting for a producer: bank account, phone, password, team and payouts are changed by the owner herself.",
  "assist.error.badRequest": "The request is not valid.",
  "assist.error.producerName": "The producer name is 3 to 150 characters long.",
  "assist.error.producerKind": "Choose a kind.",
  "assist.error.orgUnit": "Choose a Union unit you look after.",
  "assist.error.address": "The address is 5 to 300 characters long.",
  "assist.error.membersTotal": "The number of members is a whole number, 1 or more.",
  "assist.error.memberName": "The full name is 2 to 120 characters long.",
  "assist.error.memberPhone": "The phone number is not right (e.g. 0912 345 678).",
  "assist.error.phoneTaken": "This phone number already has an account.",
  "assist.error.nameTaken": "A producer with this name already exists.",
} as const;
