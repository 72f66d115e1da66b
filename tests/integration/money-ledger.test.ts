import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Conflict, Forbidden, Invalid, NotFound } from "~/lib/errors";
import { formatVnd } from "~/lib/money";
import { processStripeWebhook } from "~/modules/orders/card-payments.server";
import {
  acceptOrder,
  cancelOrderByBuyer,
  confirmReceipt,
  deliverOrder,
  markTransferReceived,
  shipOrder,
} from "~/modules/orders/fulfilment.server";
import { placeOrder } from "~/modules/orders/place-order.server";
import { commissionPage, setCommissionRate } from "~/modules/money/commission-rates.server";
import { commissionOn, getLedgerForMember, getLedgerForStaff } from "~/modules/money/ledger.server";
import { listProducerBalances, recordPayout } from "~/modules/money/payouts.server";
import { listRefundTasks, markRefundSent } from "~/modules/money/refunds.server";
import { recordRefundForStaff, refundableOrder } from "~/modules/money/staff-refunds.server";
import { outcomeReport } from "~/modules/reports/outcome.server";
import { auditLog, orders, payments } from "~db/schema";
import { freshDb } from "../helpers/db";
import { makeMarket, newKey, SHIPPING } from "../helpers/market";
import { sessionEvent, sign, WEBHOOK_SECRET } from "../helpers/stripe";

/*
 * The producer's ledger (issue 13, decision 023) on one fixed November 2026, every figure
 * worked out by hand below. Producer A's commune has 3 % on card payments from long ago; on
 * 12 November the admin sets 5 % from 15 November on.
 *
 *   5 Nov  cash on delivery, 1 × 120,000 (pickup), delivered and completed     she holds 120,000
 *   6 Nov  bank transfer, 5 × 50,000 (pickup), received by her                  she holds 250,000
 *   7 Nov  the buyer cancels it, giving her account: a refund of 250,000 owed by A
 *   8 Nov  A marks the refund sent back
 *  10 Nov  card, 2 × 120,000 + 30,000 delivery = 270,000, at 3 %: commission 8,100
 *  20 Nov  card, 5 × 50,000 = 250,000 (pickup), at 5 % (the later rate): commission 12,500
 *  22 Nov  staff refund 50,000 of the 20 Nov card order: the platform pays it back and gives
 *          back the commission on it: 12,500 − 5 % of 200,000 = 2,500
 *  25 Nov  payout of 400,000
 *
 * Platform balance = 270,000 + 250,000 − (8,100 + 12,500 − 2,500) − 50,000 − 400,000 = 51,900.
 * Sales of November (the report's definition: goods of completed orders, no delivery fee,
 * minus refunds) = 120,000 + 240,000 + 250,000 − 50,000 = 560,000 in 3 orders.
 */

type Db = ReturnType<typeof freshDb>;

/** 10:00 in Vietnam on a November 2026 day. */
const nov = (day: number, hour = 10) => new Date(Date.UTC(2026, 10, day, hour - 7));
const REFUND_TO = {
  bankBin: "970436",
  accountNumber: "0011223344",
  accountName: "NGUYEN THI MUA",
};

function place(
  db: Db,
  buyerUserId: number,
  items: { sku: string; qty: number }[],
  paymentMethod: "cod" | "bank_transfer" | "card",
  now: Date,
  delivery: Record<string, "delivery" | "pickup"> = {},
) {
  return placeOrder(db, {
    buyerUserId,
    items,
    shipping: SHIPPING,
    delivery,
    paymentMethod,
    idempotency: { scope: "t", key: newKey() },
    now,
  });
}

/** A card checkout paid through the Stripe webhook at `now`. */
function payByCard(
  db: Db,
  buyerUserId: number,
  items: { sku: string; qty: number }[],
  now: Date,
  delivery: Record<string, "delivery" | "pickup"> = {},
) {
  const placed = place(db, buyerUserId, items, "card", now, delivery);
  const sessionId = `cs_${placed.checkoutId}`;
  db.update(payments)
    .set({ providerRef: sessionId })
    .where(
      inArray(
        payments.orderId,
        placed.orders.map((o) => o.id),
      ),
    )
    .run();
  const payload = sessionEvent("checkout.session.completed", {
    id: sessionId,
    amount_total: placed.orders.reduce((s, o) => s + o.totalVnd, 0),
    currency: "vnd",
    metadata: { checkout_id: placed.checkoutId },
  });
  const result = processStripeWebhook(db, {
    payload,
    signature: sign(payload),
    secret: WEBHOOK_SECRET,
    now,
  });
  expect(result.outcome).toBe("paid");
  return placed.orders[0]!;
}

function fulfil(db: Db, m: ReturnType<typeof makeMarket>, orderId: number, day: number) {
  // A cash order waits for her to accept it; a paid card order is confirmed already.
  if (
    db
      .select()
      .from(orders)
      .all()
      .find((o) => o.id === orderId)?.status === "pending_payment"
  ) {
    acceptOrder(db, m.actors.memberA, orderId, nov(day, 11));
  }
  shipOrder(db, m.actors.memberA, orderId, nov(day, 12));
  deliverOrder(db, m.actors.memberA, orderId, nov(day, 13));
  confirmReceipt(db, m.buyer.id, orderId, nov(day, 14));
}

describe("the producer's ledger", () => {
  it("adds up a month of cash, a refunded transfer, card sales with commission and a payout", () => {
    const db = freshDb();
    const m = makeMarket(db, { commissionBasisPoints: 300 });
    const ledger = () => getLedgerForMember(db, m.actors.memberA, m.producerA.id, "2026-11");

    // 5 Nov: cash on delivery, collected by her when delivered.
    const cod = place(db, m.buyer.id, [{ sku: "SP0001", qty: 1 }], "cod", nov(5, 8)).orders[0]!;
    fulfil(db, m, cod.id, 5);

    // 6 Nov: a bank transfer she received; 7 Nov the buyer cancels it.
    const transfer = place(db, m.buyer.id, [{ sku: "SP0002", qty: 5 }], "bank_transfer", nov(6))
      .orders[0]!;
    markTransferReceived(db, m.actors.memberA, transfer.id, nov(6, 15));
    // Her money cannot go back without an account to send it to: nothing changes.
    expect(() => cancelOrderByBuyer(db, m.buyer.id, transfer.id, "Đổi ý", nov(7))).toThrow(Invalid);
    expect(() =>
      cancelOrderByBuyer(db, m.buyer.id, transfer.id, "Đổi ý", nov(7), {
        bankBin: REFUND_TO.bankBin,
      }),
    ).toThrow(/refundAccountIncomplete|tài khoản/);
    expect(
      db
        .select()
        .from(orders)
        .all()
        .find((o) => o.id === transfer.id)?.status,
    ).toBe("confirmed");
    cancelOrderByBuyer(db, m.buyer.id, transfer.id, "Đổi ý", nov(7), REFUND_TO);

    // The refund is her task, with the buyer's account, until she marks it sent.
    const tasks = listRefundTasks(db, m.actors.memberA);
    expect(tasks.open).toMatchObject([
      {
        orderCode: transfer.code,
        amountVnd: 250_000,
        toBankBin: "970436",
        toAccountNumber: "0011223344",
        toAccountName: "NGUYEN THI MUA",
        settledAt: null,
      },
    ]);
    expect(listRefundTasks(db, m.actors.memberB).open).toEqual([]);
    expect(ledger().owedRefunds).toEqual({ count: 1, amountVnd: 250_000 });
    expect(() => markRefundSent(db, m.actors.memberB, tasks.open[0]!.id, nov(8))).toThrow(NotFound);
    markRefundSent(db, m.actors.memberA, tasks.open[0]!.id, nov(8));
    expect(() => markRefundSent(db, m.actors.memberA, tasks.open[0]!.id, nov(8))).toThrow(Conflict);
    expect(listRefundTasks(db, m.actors.memberA)).toMatchObject({
      open: [],
      done: [{ orderCode: transfer.code, settledAt: nov(8).getTime() }],
    });

    // 10 Nov: card at the old rate; 12 Nov the admin raises the commune's rate from 15 Nov on.
    const cardEarly = payByCard(db, m.buyer.id, [{ sku: "SP0001", qty: 2 }], nov(10), {
      SXA: "delivery",
    });
    expect(() =>
      setCommissionRate(
        db,
        m.actors.admin,
        { unitCode: "T-X", basisPoints: 500, startsOn: "2026-11-11" },
        nov(12),
      ),
    ).toThrow(Invalid); // a rate never starts in the past
    expect(() =>
      setCommissionRate(
        db,
        m.actors.moderator,
        { unitCode: "T-X", basisPoints: 0, startsOn: "2026-11-15" },
        nov(12),
      ),
    ).toThrow(Forbidden);
    setCommissionRate(
      db,
      m.actors.admin,
      { unitCode: "T-X", basisPoints: 500, startsOn: "2026-11-15" },
      nov(12),
    );
    const page = commissionPage(db, m.actors.admin, nov(13));
    expect(page.units.map((u) => [u.code, u.basisPointsToday])).toEqual([
      ["T", 0],
      ["T-X", 300],
    ]);
    expect(commissionPage(db, m.actors.admin, nov(15)).units[1]?.basisPointsToday).toBe(500);

    // 20 Nov: card at the new rate; both card orders completed on their day.
    const cardLate = payByCard(db, m.buyer.id, [{ sku: "SP0002", qty: 5 }], nov(20));
    fulfil(db, m, cardEarly.id, 11);
    fulfil(db, m, cardLate.id, 21);
    const rates = db.select({ id: orders.id, bp: orders.commissionBasisPoints }).from(orders).all();
    expect(rates.find((o) => o.id === cardEarly.id)?.bp).toBe(300);
    expect(rates.find((o) => o.id === cardLate.id)?.bp).toBe(500);

    // 22 Nov: staff refund part of the late card order (the platform pays it back).
    expect(refundableOrder(db, m.actors.admin, m.producerA.id, cardLate.code).payment).toEqual({
      provider: "stripe",
      amountVnd: 250_000,
      refundedVnd: 0,
      owedBy: "platform",
    });
    expect(() => refundableOrder(db, m.actors.admin, m.producerB.id, cardLate.code)).toThrow(
      NotFound,
    );
    expect(() =>
      recordRefundForStaff(db, m.actors.admin, m.producerA.id, cardLate.code, {
        amountVnd: 250_001,
        reason: "Quá nhiều",
        refundTo: {},
        alreadySettled: false,
      }),
    ).toThrow(Invalid);
    recordRefundForStaff(db, m.actors.admin, m.producerA.id, cardLate.code, {
      amountVnd: 50_000,
      reason: "Thiếu 1 gói",
      refundTo: {},
      alreadySettled: false,
    });
    // recordRefund takes the time of the call: put it on 22 Nov like the rest of the month.
    db.$client
      .prepare("UPDATE refunds SET created_at = ?, settled_at = ? WHERE order_id = ?")
      .run(nov(22).getTime(), nov(22).getTime(), cardLate.id);

    // 25 Nov: a payout, never above what the platform holds.
    expect(() =>
      recordPayout(db, m.actors.admin, {
        producerId: m.producerA.id,
        amountVnd: 520_001,
        reference: "UNC-000",
        paidOn: "2026-11-25",
      }),
    ).toThrow(Invalid);
    recordPayout(db, m.actors.admin, {
      producerId: m.producerA.id,
      amountVnd: 400_000,
      reference: "UNC-001",
      paidOn: "2026-11-25",
    });
    db.$client.prepare("UPDATE payouts SET created_at = ?").run(nov(25).getTime());

    expect(commissionOn(270_000, 300)).toBe(8_100);
    expect(commissionOn(250_000, 500)).toBe(12_500);
    const november = ledger();
    expect(november.platform).toEqual({
      collectedVnd: 520_000,
      commissionVnd: 18_100,
      refundsVnd: 50_000,
      payoutsVnd: 400_000,
      balanceVnd: 51_900,
    });
    expect(november.receivedVnd).toEqual({ producer: 370_000, platform: 520_000 });
    expect(november.owedRefunds).toEqual({ count: 0, amountVnd: 0 });
    expect(november.sales).toEqual({
      grossVnd: 610_000,
      refundsVnd: 50_000,
      salesVnd: 560_000,
      completedOrders: 3,
    });
    expect(
      november.entries.map((e) => [e.kind, e.reference, e.amountVnd, e.holder, e.isOwed]),
    ).toEqual([
      ["cod", cod.code, 120_000, "producer", false],
      ["transfer", transfer.code, 250_000, "producer", false],
      ["refund", transfer.code, -250_000, "producer", false],
      ["card", cardEarly.code, 270_000, "platform", false],
      ["commission", cardEarly.code, -8_100, "platform", false],
      ["card", cardLate.code, 250_000, "platform", false],
      ["commission", cardLate.code, -12_500, "platform", false],
      ["refund", cardLate.code, -50_000, "platform", false],
      ["commissionBack", cardLate.code, 2_500, "platform", false],
      ["payout", "UNC-001", -400_000, "platform", false],
    ]);

    // A payout above the balance is refused, naming the balance; what staff see is the same.
    expect(() =>
      recordPayout(db, m.actors.admin, {
        producerId: m.producerA.id,
        amountVnd: 51_901,
        reference: "UNC-002",
        paidOn: "2026-11-30",
      }),
    ).toThrow(Invalid);
    expect(listProducerBalances(db, m.actors.admin).map((b) => b.balanceVnd)).toEqual([51_900]);
    expect(getLedgerForStaff(db, m.actors.admin, m.producerA.id, "2026-11").platform).toEqual(
      november.platform,
    );
    expect(() => getLedgerForMember(db, m.actors.memberB, m.producerA.id, "2026-11")).toThrow(
      NotFound,
    );

    // October is empty; December holds the balance but no lines.
    expect(getLedgerForMember(db, m.actors.memberA, m.producerA.id, "2026-10").entries).toEqual([]);
    expect(
      getLedgerForMember(db, m.actors.memberA, m.producerA.id, "2026-12").platform.balanceVnd,
    ).toBe(51_900);

    // The Union's report for November reads the same sales for her.
    const report = outcomeReport(db, m.actors.admin, {
      unitCode: "T",
      period: { from: "2026-11-01", to: "2026-11-30" },
    });
    expect(report.byProducer.find((row) => row.producerCode === "SXA")).toMatchObject({
      salesVnd: november.sales.salesVnd,
      completedOrders: november.sales.completedOrders,
    });

    expect(
      db
        .select()
        .from(auditLog)
        .all()
        .map((a) => a.action),
    ).toEqual(["refund.settle", "commission.set", "refund.record", "payout.record"]);
  });

  it("never shows a negative zero", () => {
    expect(formatVnd(-0, "vi")).toBe(formatVnd(0, "vi"));
    expect(formatVnd(-0, "vi")).not.toContain("-");
  });
});
