import type { viGroups } from "./vi";

/** Strings of the producer's ledger, commission rates, refunds and payouts. */
export const moneyEn: Record<keyof typeof viGroups.money, string> = {
  "money.ledger.month": "Month",
  "money.ledger.show": "Show",
  "money.ledger.sales": "Sales in {month}",
  "money.ledger.salesExplain":
    "Goods of the orders completed in the month, less refunds, without delivery fees: counted as in the Union's reports.",
  "money.ledger.completedOrders": "{count} completed orders",
  "money.ledger.receivedByProducer": "Received by the producer this month (cash, transfers)",
  "money.ledger.receivedByPlatform": "Card payments the platform collected this month",
  "money.ledger.platformTitle": "Money the platform holds for the producer",
  "money.ledger.cardRefunds": "Refunded to buyers by the platform (card)",
  "money.ledger.platformExplain":
    "Only card payments pass through the platform. Balance = card payments − commission − card refunds − payouts. Cash and transfers go straight to the producer.",
  "money.ledger.owed": "{count} refunds the producer still has to send back: {amount}.",
  "money.ledger.owedLink": "See them and mark them sent",
  "money.ledger.entriesTitle": "This month's entries",
  "money.ledger.refundLink": "Record a refund",

  "money.kind.cod": "Cash on delivery",
  "money.kind.transfer": "Bank transfer",
  "money.kind.card": "Card (collected by the platform)",
  "money.kind.commission": "Commission",
  "money.kind.commissionBack": "Commission returned",
  "money.kind.refund": "Refund",
  "money.kind.payout": "Payout",
  "money.holder.producer": "held by the producer",
  "money.holder.platform": "held by the platform",
  "money.entry.owed": "not sent back yet",

  "money.payout.noBalance": "The platform holds no money for this producer: nothing to pay out.",
  "money.payout.max": "At most {amount}",

  "money.openRefunds.title": "Refunds producers have not sent back yet",
  "money.openRefunds.none": "None.",
  "money.openRefunds.line": "{producer} · order {code} · buyer {buyer} · since {date}",

  "money.tasks.title": "Refunds to buyers",
  "money.tasks.intro":
    "Money buyers paid straight to you (transfer, cash) on orders cancelled or refunded. Send it back, then press “Sent back”.",
  "money.tasks.none": "No refund to send back.",
  "money.tasks.order": "Order {code} · {buyer}",
  "money.tasks.to": "Send to: {bank} · account {account} · {name}",
  "money.tasks.noAccount":
    "The buyer gave no account: send it back to the account the money came from, or contact the buyer.",
  "money.tasks.since": "Recorded on {date}",
  "money.tasks.markSent": "Sent back",
  "money.tasks.sent": "Recorded: you sent back the money of order {code}.",
  "money.tasks.doneTitle": "Recently sent back",
  "money.tasks.sentOn": "Sent back on {date}",

  "money.refund.paidByPlatform": "refunded to the card by the platform",
  "money.refund.owedByProducer": "waiting for the seller to send it back",
  "money.refund.sentByProducer": "sent back by the seller",
  "money.refund.line": "Refund {amount}: {state}",
  "money.refund.to": "To account {bank} · {account}",

  "money.cancel.accountIntro":
    "You paid the seller by bank transfer. Tell us the account the seller should send it back to:",
  "money.cancel.bank": "Bank",
  "money.cancel.chooseBank": "Choose a bank",
  "money.cancel.accountNumber": "Account number",
  "money.cancel.accountName": "Account holder's name",

  "money.staffRefund.title": "Record a refund on order {code}",
  "money.staffRefund.back": "Statement: {name}",
  "money.staffRefund.paid": "Paid {amount} · refunded {refunded}",
  "money.staffRefund.nothing": "This order has no payment to refund.",
  "money.staffRefund.byPlatform":
    "Card money collected by the platform: the platform refunds the buyer, recorded as refunded.",
  "money.staffRefund.byProducer":
    "Money the producer received: the refund is her task until she marks it sent back.",
  "money.staffRefund.amount": "Amount to refund (đồng)",
  "money.staffRefund.reason": "Reason",
  "money.staffRefund.alreadySettled": "The producer already sent it back",
  "money.staffRefund.account": "The buyer's account (if known)",
  "money.staffRefund.submit": "Record the refund",
  "money.staffRefund.recorded": "The refund was recorded.",

  "money.commission.title": "Commission by unit",
  "money.commission.intro":
    "Commission is taken on card payments. An order takes the rate in force on the day it is placed at the nearest unit above its producer that set one, and keeps it. A new rate applies from today on.",
  "money.commission.today": "In force: {rate} %",
  "money.commission.inherited": "from a unit above",
  "money.commission.history": "Rate history ({count})",
  "money.commission.historyLine": "From {date}: {rate} % · {by}",
  "money.commission.scheduled": "scheduled",
  "money.commission.bySystem": "system",
  "money.commission.formTitle": "Set a rate",
  "money.commission.unit": "Unit",
  "money.commission.percent": "Rate (%)",
  "money.commission.startsOn": "From",
  "money.commission.submit": "Save the rate",
  "money.commission.saved": "The rate was saved.",

  "money.error.refundAccountIncomplete":
    "Please give the bank, the account number and the account holder's name.",
  "money.error.refundAccountRequired":
    "You paid this order by transfer: please give the account the seller should send it back to.",
  "money.error.refundNotFound": "Refund not found.",
  "money.error.refundAlreadySent": "This refund is already marked as sent back.",
  "money.error.unitNotFound": "Unit not found.",
  "money.error.rateInPast": "A rate applies from today ({today}) on.",
  "money.error.rateAlreadyInForce":
    "This unit already has a rate in force from that day; choose a later day.",
  "money.error.ratePercent": "Enter a rate from 0 to 100 %, with at most two decimals.",
  "money.error.startsOn": "Choose the day it applies from.",
  "money.error.refundBank": "Choose a bank from the list.",
  "money.error.refundAccount": "An account number has 6 to 20 digits.",
  "money.error.refundAmount": "Enter a whole positive amount.",
  "money.error.refundReason": "Give the reason for the refund (3 to 500 characters).",

  "money.notice.refundOwed.title": "Send back the money of order {code}",
  "money.notice.refundOwed.body":
    "The buyer is refunded for order {code}, whose money you received. Please send it back, then press “Sent back” on the Refunds page.",
  "money.notice.refundSent.title": "The seller sent back the money of order {code}",
  "money.notice.refundSent.body":
    "The seller says the refund of order {code} was sent back. Please check your account.",
};
