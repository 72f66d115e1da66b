import type { viGroups } from "./vi";

/** Strings of the listing form's photos, import templates and the bank list. */
export const listingtoolsEn: Record<keyof typeof viGroups.listingtools, string> = {
  "listingtools.photos.legend": "Product photos (up to {max})",
  "listingtools.photos.hint":
    "Choose one or more JPEG, PNG or WebP photos; the first is the cover. They are saved with the product when you press save, up to {max} photos.",
  "listingtools.photos.choose": "Choose photos",
  "listingtools.photos.addMore": "Choose more photos",
  "listingtools.photos.keep": "Keep photo {n}",
  "listingtools.photos.shrinking": "Making the photos smaller so they send faster…",
  "listingtools.cert.ocopPaper": "OCOP certificate (number, issue date, expiry date)",
  "listingtools.import.templatesTitle": "Template files",
  "listingtools.import.templatesHint":
    "Download a template, fill in one row per product under the header row, then upload it. The header row may keep the template's Vietnamese headings or use the column codes below.",
  "listingtools.import.downloadXlsx": "{file}: Excel template (XLSX)",
  "listingtools.import.downloadCsv": "{file}: CSV template",
  "listingtools.import.categoriesTitle": "Product categories ({count})",
  "listingtools.import.categoriesHint":
    "In the category column, write a category code or name (with or without tone marks).",
  "listingtools.import.categoryCode": "Code",
  "listingtools.import.categoryName": "Category name",
  "listingtools.bank.hint":
    "Buyers transfer money to this account. Only the producer's owner may change it; every change is recorded and the owner is told.",
  "listingtools.bank.ownerOnly":
    "Only the producer's owner may change the account money goes to. If it is wrong, tell the owner.",
  "listingtools.bank.bank": "Bank",
  "listingtools.bank.choose": "— Choose a bank —",
  "listingtools.bank.option": "{short} — {name}",
  "listingtools.bank.none": "None yet",
  "listingtools.bank.holderHint": "As printed on the card or account book, without tone marks.",
  "listingtools.bank.save": "Save bank account",
  "listingtools.bank.saved": "Bank account saved.",
  "listingtools.bank.error.unknownBank": "Choose a bank from the list.",
  "listingtools.bank.error.ownerOnly": "Only the producer's owner may change the bank account.",
  "listingtools.notice.bankChanged.title": "The account {producer} is paid into has changed",
  "listingtools.notice.bankChanged.body":
    "{by} changed the account bank transfers go to: {bank}, account {account}. If it was not you or someone you trust, check the profile page now.",
  "listingtools.notice.bankRemoved.title": "The account {producer} is paid into was removed",
  "listingtools.notice.bankRemoved.body":
    "{by} removed the account bank transfers go to ({bank}{account}). Buyers see no transfer QR code until there is a new account.",
};
