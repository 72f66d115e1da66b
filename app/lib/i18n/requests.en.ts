import type { viGroups } from "./vi";

/** Strings of the demand area: purchase requests' whole life: posting, editing, closing, a buyer's list, places. */
export const requestsEn: Record<keyof typeof viGroups.requests, string> = {
  "requests.errors.provinceRequired": "Choose the province or city to deliver to.",
  "requests.errors.communeRequired": "Choose the commune, ward or special zone to deliver to.",
  "requests.errors.unknownProvince": "No such province or city.",
  "requests.errors.unknownCommune": "No such commune or ward in the chosen province.",
  "requests.errors.communeNotInProvince": "This commune or ward is not in the chosen province.",
  "requests.errors.tooManyOpen":
    "You already have {max} open purchase requests. Close one, then try again.",
  "requests.errors.tooManyToday":
    "You can post at most {max} new purchase requests a day. Please come back later.",
  "requests.errors.notOpen": "This request is no longer open, so it cannot be edited or closed.",
  "requests.errors.notClosed": "Only a closed request can be reopened.",
  "requests.errors.datePassed": "This request's date has passed. Please post a new request.",
  "requests.errors.alreadyHidden": "This request is already hidden.",
  "requests.errors.notHidden": "This request is not hidden.",

  "placePicker.provinceLabel": "Delivery province or city",
  "placePicker.communeLabel": "Delivery commune, ward or special zone",
  "placePicker.provinceNone": "— Choose a province or city —",
  "placePicker.communeNone": "— Choose a commune or ward —",
  "placePicker.pickProvince": "Choose province",
  "placePicker.pickProvinceHint":
    "Choose a province, then press “Choose province” to list its communes and wards.",
  "placePicker.provinceFirst": "Choose a province or city first.",
  "placePicker.filterLabel": "Filter communes and wards by name",
  "placePicker.filterPlaceholder": "Type a few letters, e.g. Đông Hà",
  "placePicker.matchCount": "{count} communes and wards match",
  "placePicker.loading": "Loading communes and wards…",

  "requestLife.neededByHint": "A one-off request closes itself after this day.",
  "requestLife.endDateLabel": "Until",
  "requestLife.endDateHint": "A recurring request takes offers until the end of this day.",
  "requestLife.dateHint":
    "One-off request: the day you need the goods. Weekly or monthly request: its end date.",
  "requestLife.limitsNote":
    "Each buyer may have at most {open} open requests and post at most {perDay} new ones a day.",
  "requestLife.editTitle": "Edit purchase request {code}",
  "requestLife.editIntro": "Offers already received are kept.",
  "requestLife.save": "Save changes",
  "requestLife.cancel": "Back to the request",
  "requestLife.editErrorSummary": "Not saved yet. Please correct the marked fields.",
  "requestLife.notEditable": "This request is closed, so it cannot be edited. Reopen it first.",

  "requestLife.stateTitle": "Change a purchase request's status",
  "requestLife.badIntent": "This action is not valid.",
  "requestLife.saved": "Your changes to the request were saved.",
  "requestLife.done.close": "Request closed. Producers can no longer send new offers.",
  "requestLife.done.reopen": "Request reopened.",
  "requestLife.done.hide": "Request hidden from everyone but its owner.",
  "requestLife.done.unhide": "The request is visible again.",
  "requestLife.closedExpired": "Closed automatically after its date.",

  "myRequests.menu": "My purchase requests",
  "myRequests.title": "My purchase requests",
  "myRequests.intro": "Every request you posted and how many offers each has received.",
  "myRequests.emptyTitle": "You have not posted a purchase request yet",
  "myRequests.emptyBody": "Post what you need and producers will send you offers.",
  "myRequests.offerCount": "{count} offers",
  "myRequests.edit": "Edit",
  "myRequests.editNamed": "Edit request “{title}”",
  "myRequests.hidden": "Hidden by a moderator",
  "myRequests.expired": "Expired",
  "myRequests.neededBy": "Needed by {date}",
  "myRequests.endsOn": "Until {date}",
};
