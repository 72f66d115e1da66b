import type { viGroups } from "./vi";

/** Privacy (decree 13/2023/NĐ-CP): terms and privacy pages, consent, data download, closing an account (issue 15). */
export const privacyEn: Record<keyof typeof viGroups.privacy, string> = {
  "privacy.error.noAccount": "Account not found.",
  "privacy.error.wrongPassword":
    "The password is not right. Please type the password you log in with.",
  "privacy.error.staffAccount":
    "A Union staff account is not closed here. Please ask your unit's administrator.",
  "privacy.error.passwordRequired": "Please type your password.",
  "privacy.error.confirmRequired":
    "Please tick the box if you are sure you want to close your account.",

  "privacy.accountLink": "My data: download it, close the account",
  "privacy.footer.terms": "Terms of use",
  "privacy.footer.privacy": "Privacy",
  "privacy.version": "Version {version}.",

  "privacy.terms.title": "Terms of use",
  "privacy.terms.intro":
    "Cung Cầu is the online market of the Quảng Trị Women's Union, linking buyers with cooperatives, cooperative groups and household businesses run by women. By signing up you agree to the following.",
  "privacy.terms.accountTitle": "Your account",
  "privacy.terms.account":
    "Use true details, keep your password to yourself, and take responsibility for what is done with your account. Each phone number is for one account only.",
  "privacy.terms.ordersTitle": "Orders and payment",
  "privacy.terms.orders":
    "Each order is an agreement between you and the producer. Prices, delivery fees and payment methods are shown before you order. The producer confirms, delivers and refunds as the order page says.",
  "privacy.terms.sellersTitle": "Producers",
  "privacy.terms.sellers":
    "Producers only sell goods they make or may sell, with true origin, certificates and prices. Union staff review profiles and products before they are shown.",
  "privacy.terms.conductTitle": "Behaviour",
  "privacy.terms.conduct":
    "Do not post anything false, insulting or unlawful. Union staff may hide such content and disable accounts that break these rules.",
  "privacy.terms.dataTitle": "Personal data",
  "privacy.terms.data":
    "We handle your personal data under decree 13/2023/NĐ-CP, as the Privacy page describes. You can download your data and close your account at any time.",
  "privacy.terms.changesTitle": "When the terms change",
  "privacy.terms.changes":
    "When the terms change in substance, we say so on this page with a new version number. Your sign-up records the version you agreed to.",

  "privacy.notice.title": "Privacy",
  "privacy.notice.intro":
    "This page says what data Cung Cầu keeps about you, why, for how long, and what your rights are, under decree 13/2023/NĐ-CP on personal data protection.",
  "privacy.notice.closed":
    "Your account is closed and you have been logged out. Once your unfinished orders are done, your personal details are erased as described below.",
  "privacy.notice.whatTitle": "What we keep",
  "privacy.notice.what":
    "Your name, phone, e-mail (if any) and encrypted password; delivery addresses; your orders, purchase requests, offers, reviews and notifications; when you agreed to the terms. For producers: the business profile and the bank account that receives payments.",
  "privacy.notice.whyTitle": "Why",
  "privacy.notice.why":
    "To deliver, take payment and tell you about your orders; so Union staff can help and report results (totals only); to keep your account safe. We do not sell your data or use it for advertising.",
  "privacy.notice.whoTitle": "Who sees it",
  "privacy.notice.who":
    "The producer you order from sees the name, phone and delivery address of that order. Union staff see what they need to help, within their own unit. Text messages and e-mails go through service providers.",
  "privacy.notice.howLongTitle": "How long",
  "privacy.notice.howLong":
    "We keep your data while your account is open. When you close it, your personal details are erased as soon as your unfinished orders are done. Orders, invoices and the ledger are kept without your name, phone or address, because producers need them for their books and taxes.",
  "privacy.notice.backupsTitle": "Backups",
  "privacy.notice.backups":
    "The database is backed up daily in case of trouble. Each backup is kept {days} days and then deleted, so {days} days after erasure your data is gone everywhere.",
  "privacy.notice.rightsTitle": "Your rights",
  "privacy.notice.rights":
    "You may see, correct and download your data, withdraw your consent and ask for your data to be erased. Correct your profile on the Account page; download your data and close your account on the My data page.",
  "privacy.notice.myData": "Go to My data",
  "privacy.notice.contactTitle": "Contact",
  "privacy.notice.contact":
    "For any question about personal data, write to the Quảng Trị Women's Union, or ask the Union staff of your commune to pass it on.",

  "privacy.data.title": "My data",
  "privacy.data.intro":
    "Download all the data Cung Cầu keeps about you, or close your account. More on the Privacy page.",
  "privacy.data.privacyLink": "Privacy",
  "privacy.data.downloadTitle": "Download your data",
  "privacy.data.download":
    "One JSON file with your profile, addresses, orders, purchase requests, offers, reviews, notifications and your consent to the terms.",
  "privacy.data.downloadButton": "Download data (JSON)",
  "privacy.data.consent": "You agreed to the terms, version {version}, on {date}.",
  "privacy.data.noConsent": "No consent to the terms is recorded.",
  "privacy.data.closeTitle": "Close account",
  "privacy.data.close":
    "Closing logs you out on every device and you cannot log in again. Your name, phone, e-mail and addresses are erased. Orders are kept, without your name, so producers can keep their books.",
  "privacy.data.closeStart": "I want to close my account",
  "privacy.data.confirmTitle": "Confirm closing your account",
  "privacy.data.openOrders":
    "You have {count} unfinished orders. The account closes now; your personal details are erased once these orders are completed or cancelled.",
  "privacy.data.noOpenOrders":
    "You have no unfinished orders: your personal details are erased at once.",
  "privacy.data.cannotUndo": "This cannot be undone.",
  "privacy.data.confirmCheckbox": "I understand and want to close my account.",
  "privacy.data.password": "Current password",
  "privacy.data.closeSubmit": "Close account",
  "privacy.data.cancel": "No, keep my account",
};
