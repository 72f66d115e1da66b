import type { viGroups } from "./vi";

/** Support campaigns: partners' pledges and the search filter (issue 16). */
export const pledgesEn: Record<keyof typeof viGroups.pledges, string> = {
  "pledges.title": "Pledges to buy",

  "pledges.partnerKind.business": "Business",
  "pledges.partnerKind.social_enterprise": "Social enterprise",
  "pledges.partnerKind.charity": "Charity",
  "pledges.partnerKind.organisation": "Organisation or association",
  "pledges.partnerKind.other": "Other",
  "pledges.status.pending": "Waiting for the Union",
  "pledges.status.approved": "Approved",
  "pledges.status.declined": "Declined",
  "pledges.status.withdrawn": "Withdrawn",

  "pledges.field.goods": "Goods to buy",
  "pledges.field.goodsHint": "For example: ST25 rice, grade 1 oranges.",
  "pledges.field.listing": "Product of the campaign (optional)",
  "pledges.field.listingNone": "None, described in words only",
  "pledges.field.listingHint":
    "If you choose a product, the unit is that product's unit and you can put it straight into your cart once approved.",
  "pledges.field.quantity": "Quantity",
  "pledges.field.unit": "Unit",
  "pledges.field.byDate": "Buy by",
  "pledges.field.byDateHint": "From today to {last}.",
  "pledges.field.note": "Note (optional)",
  "pledges.field.partnerName": "Organisation name",
  "pledges.field.partnerKind": "Kind of organisation",
  "pledges.field.buyerPhone": "Phone of the organisation's buyer account (optional)",
  "pledges.field.buyerPhoneHint":
    "If the organisation has a buyer account, give its phone so they can turn the pledge into an order themselves.",
  "pledges.field.reason": "Why it is declined",

  "pledges.pledge.title": "Pledge to buy",
  "pledges.pledge.intro":
    "Businesses and organisations pledge to buy from the producers of the campaign “{campaign}”. The Union reviews each pledge before it shows on the campaign page.",
  "pledges.pledge.as": "Pledging for: {company}",
  "pledges.pledge.submit": "Send the pledge",
  "pledges.pledge.sent":
    "Pledge sent. The Union will review it soon; see it again on My pledges to buy.",
  "pledges.pledge.individual":
    "Pledges are for businesses and organisations. You can still buy from the producers right on the campaign page. If you buy for a business, update your business profile first.",
  "pledges.pledge.businessProfile": "Update the business profile",
  "pledges.pledge.staff":
    "Union staff record pledges for organisations on the pledge management page.",
  "pledges.pledge.staffLink": "Manage the campaign's pledges",
  "pledges.pledge.closed": "This campaign has ended and takes no more pledges.",
  "pledges.pledge.other": "Only a business buyer account can send a pledge.",
  "pledges.pledge.back": "Back to the campaign",
  "pledges.formError": "Please correct the marked fields.",

  "pledges.staff.title": "Pledges to buy: {campaign}",
  "pledges.staff.back": "Back to the campaign",
  "pledges.staff.pledges": "Pledges",
  "pledges.staff.empty": "No pledges yet.",
  "pledges.staff.partners": "Partners",
  "pledges.staff.partnersEmpty": "No partners yet.",
  "pledges.staff.hasBuyer": "has a buyer account",
  "pledges.staff.addPartner": "Add a partner",
  "pledges.staff.addPartnerSubmit": "Add the partner",
  "pledges.staff.record": "Record a pledge for an organisation",
  "pledges.staff.recordSubmit": "Record the pledge",
  "pledges.staff.approve": "Approve",
  "pledges.staff.decline": "Decline",
  "pledges.staff.closed": "The campaign is not published or has ended: no more pledges.",
  "pledges.staff.done.pledge": "Pledge recorded.",
  "pledges.staff.done.partner": "Partner added.",
  "pledges.staff.done.approve": "Pledge approved: it shows on the campaign page.",
  "pledges.staff.done.decline": "Pledge declined.",

  "pledges.line.what": "{quantity} {goods}",
  "pledges.line.by": "Buy by {date}",
  "pledges.line.reason": "Reason: {reason}",
  "pledges.line.note": "Note: {note}",

  "pledges.mine.title": "My pledges to buy",
  "pledges.mine.intro":
    "Your business's pledges in support campaigns. Once the Union approves one, turn it into a purchase request to the campaign's producers, or put the goods into your cart to order.",
  "pledges.mine.empty": "You have no pledges yet.",
  "pledges.mine.withdraw": "Withdraw the pledge",
  "pledges.mine.toRequest": "Make a purchase request",
  "pledges.mine.toCart": "Put into the cart",
  "pledges.mine.request": "Became purchase request {code}",
  "pledges.mine.inCart": "Put into the cart",
  "pledges.mine.done.withdraw": "Pledge withdrawn.",
  "pledges.mine.done.request":
    "Purchase request {code} posted, and the campaign's producers invited to make offers.",
  "pledges.mine.campaign": "Campaign: {campaign}",

  "pledges.mine.confirmWithdraw":
    "Withdraw this pledge? The Union and the partners will no longer count it.",
  "pledges.mine.cancel": "Keep it",
  "pledges.mine.sentLink": "See my pledges",
  "pledges.mine.cartLink": "Open the cart",
  "pledges.staff.status": "Status",
  "pledges.staff.partner": "Partner: {partner}",
  "pledges.staff.noListings": "The campaign has no listings yet.",

  "pledges.error.goods": "Describe the goods (at most 150 characters).",
  "pledges.error.quantity": "Enter a whole number above 0.",
  "pledges.error.byDate": "Choose a valid date.",
  "pledges.error.byDateRange": "The date must be between today and {last}.",
  "pledges.error.note": "The note takes at most 1000 characters.",
  "pledges.error.partnerName": "Give the organisation's name (at most 200 characters).",
  "pledges.error.phone": "Not a valid mobile number (for example 0912 345 678).",
  "pledges.error.reason": "Give a reason (at most 500 characters).",
  "pledges.error.listing": "This product is not in the campaign.",
  "pledges.error.campaignNotFound": "Campaign not found.",
  "pledges.error.campaignClosed":
    "The campaign is not published or has ended: it takes no pledges.",
  "pledges.error.businessOnly":
    "Pledges are for businesses and organisations. Update your business profile if you buy for a business.",
  "pledges.error.noBuyerWithPhone": "No buyer account has this phone number.",
  "pledges.error.partnerTaken":
    "A partner named “{name}” is linked to another account. Please contact the Union.",
  "pledges.error.pledgeNotFound": "Pledge not found.",
  "pledges.error.notPending": "This pledge is no longer waiting for review.",
  "pledges.error.notApproved": "The Union must approve the pledge first.",
  "pledges.error.converted": "This pledge was already turned into a purchase request or an order.",
  "pledges.error.byDatePassed": "The pledge's date has passed.",
  "pledges.error.noAddress":
    "Save a delivery address in your address book first, so the purchase request has a place to deliver to.",
  "pledges.error.noListing":
    "This pledge names no product; make a purchase request instead of using the cart.",

  "pledges.search.chip": "Campaign: {campaign}",
  "pledges.search.notSlug":
    "Parameter {parameter} is not valid: {parameter} must be a campaign's code, e.g. chung-tay-vung-lu",
};
