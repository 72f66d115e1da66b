import type { viGroups } from "./vi";

/** Checkout without surprises: totals before confirming, pickup-only checkout, pickup hours, the address book (issue 14). */
export const checkoutflowEn: Record<keyof typeof viGroups.checkoutflow, string> = {
  "checkoutFlow.pickupHoursLabel": "Pickup hours at your place (optional)",
  "checkoutFlow.pickupHoursHint":
    "Buyers who choose “Pick up from the producer” see these hours. For example: 7:00–17:00 daily.",
  "checkoutFlow.pickupHours": "Pickup hours: {hours}",
  "checkoutFlow.pickupHoursUnknown": "Pickup hours: call the producer to arrange a time.",
  "checkoutFlow.pickupFrom": "Pick up at: {address}",
  "checkoutFlow.receiverTitle": "Who receives the order",
  "checkoutFlow.noAddressNeeded":
    "You pick everything up from the producers, so no delivery address is needed: only the name and phone of whoever collects it.",
  "checkoutFlow.addressOnlyForDelivery":
    "The address is needed only when a producer delivers. If you pick everything up, you may leave it empty.",
  "checkoutFlow.saveAddress": "Save this address",
  "checkoutFlow.goods": "Goods",
  "checkoutFlow.deliveryFees": "Delivery fees",
  "checkoutFlow.total": "Total",
  "checkoutFlow.update": "Update",
  "checkoutFlow.updateHint":
    "After changing how you receive the goods, press “Update” to recompute the total. Nothing is ordered yet.",
  "checkoutFlow.error.communeNotInProvince":
    "Choose a commune or ward from the list of the chosen province.",
  "checkoutFlow.error.pickupHours": "Write the pickup hours on one line, at most 80 characters.",

  "addressBook.title": "Address book",
  "addressBook.intro":
    "Your saved delivery addresses. At checkout, the address you used last (or your default) is filled in.",
  "addressBook.manage": "Manage your address book",
  "addressBook.saved": "Address book saved.",
  "addressBook.addLink": "Add an address",
  "addressBook.add": "Save address",
  "addressBook.save": "Save changes",
  "addressBook.cancel": "Cancel",
  "addressBook.newTitle": "Add a delivery address",
  "addressBook.editTitle": "Edit a delivery address",
  "addressBook.emptyTitle": "No addresses yet",
  "addressBook.emptyBody":
    "Add one here, or tick “Save this address” when you order with delivery.",
  "addressBook.default": "Default",
  "addressBook.makeDefault": "Make default",
  "addressBook.makeDefaultLabel": "Make this my default address",
  "addressBook.edit": "Edit",
  "addressBook.delete": "Delete",
  "addressBook.deleteConfirm":
    "Delete this address from your book? Orders already placed keep their own address.",
  "addressBook.deleteYes": "Delete address",
  "addressBook.error.notFound": "This address is not in your address book.",
  "addressBook.error.badRequest": "Invalid request. Please reload the address book page.",
  "addressBook.error.summary": "The address was not saved. Please fix the fields marked below.",
};
