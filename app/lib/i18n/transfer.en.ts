import type { viGroups } from "./vi";

/** Bank transfer for buyers: which producers take it, the transfer details, copy buttons, the QR download, the deadline (issue 14). */
export const transferEn: Record<keyof typeof viGroups.transfer, string> = {
  "transfer.checkout.unavailable":
    "Bank transfer is not available for this cart because {producers} has not added a bank account yet. Choose another way to pay, or order this producer's products separately and pay the rest by transfer.",
  "transfer.checkout.refused":
    "Bank transfer is not possible: {producers} has not added a bank account yet. Please choose another way to pay.",

  "transfer.title": "Pay by bank transfer to complete the order",
  "transfer.intro":
    "Open your banking app and scan the VietQR code, or enter exactly the details below. The money goes straight to the producer's account.",
  "transfer.accountName": "Account holder",
  "transfer.bank": "Bank",
  "transfer.accountNumber": "Account number",
  "transfer.amount": "Amount",
  "transfer.message": "Transfer message",
  "transfer.messageHint":
    "Write the order code exactly, so the producer knows which order the money is for.",
  "transfer.copy": "Copy",
  "transfer.copyLabel": "Copy {what}",
  "transfer.copied": "{what} copied.",
  "transfer.copyFailed": "Could not copy. Touch and hold the text to select and copy it.",
  "transfer.qr.label": "VietQR code to pay order {code} by transfer",
  "transfer.qr.caption":
    "Scan it with any banking app. If you are looking at it on your own phone, save the QR code, then open your banking app and scan the code from the picture.",
  "transfer.qr.save": "Save QR code",
  "transfer.qr.notWaiting": "This order no longer waits for a transfer, so it has no QR code.",
  "transfer.due": "Pay by: {date}",
  "transfer.afterDue":
    "If by then the producer has not confirmed that the money arrived, the order is cancelled automatically (within about 10 minutes after the deadline) and the goods held for it go back into stock. If you sent the money and the order was cancelled anyway, contact the producer to get it back.",
  "transfer.noAccount.title": "No transfer details yet",
  "transfer.noAccount.body":
    "{producer} has not added a bank account on Cung Cầu yet, so this order has no VietQR code.",
  "transfer.noAccount.contact":
    "Call the producer or message her on Zalo to ask for the account number, or cancel the order and order again with another way to pay.",
  "transfer.noAccount.noPhone":
    "The producer has not left a phone number. Cancel the order and order again with another way to pay.",
  "transfer.noAccount.phone": "The producer's phone:",
} as const;
