import { AUTO_COMPLETE_DAYS, TRANSFER_PAYMENT_DAYS } from "~/lib/orders";
import { seededRandom, type SeededRandom } from "./seeded-random";

/**
 * What the demo's year of orders is: who buys what from whom, when, and how each order ends.
 * Pure and drawn from a seeded generator (never Math.random), so every fresh demo gets the
 * same story; demo-history.server.ts then plays it through the ordering module.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Việt Nam is UTC+7 all year. */
const VIETNAM_OFFSET_MS = 7 * HOUR_MS;

/** Orders per day on average, before the season and the year's growth. */
const DAILY_ORDERS = 1;
/** Busier before Tết (January, February), at mid-autumn (September) and at the year's end. */
const SEASON = [1.6, 1.3, 0.8, 0.8, 0.9, 0.9, 0.9, 1.0, 1.2, 1.0, 1.1, 1.4];
/** The last history order is placed this long before now, so every one of them has ended. */
const QUIET_DAYS = 9;

export type HistoryPayment = "cod" | "bank_transfer";

export interface PlannedRefund {
  at: Date;
  amountVnd: number;
  reason: string;
}

export type Outcome =
  | { kind: "buyerCancelled"; at: Date; reason: string | null }
  | { kind: "unpaid"; at: Date }
  | { kind: "producerCancelled"; confirmedAt: Date | null; at: Date; reason: string }
  | {
      kind: "completed";
      confirmedAt: Date;
      shippedAt: Date;
      deliveredAt: Date;
      completedAt: Date;
      /** False: nobody confirmed, the order jobs completed it after AUTO_COMPLETE_DAYS. */
      byBuyer: boolean;
      refund: PlannedRefund | null;
    }
  | {
      kind: "open";
      confirmedAt: Date | null;
      shippedAt: Date | null;
      deliveredAt: Date | null;
    };

export interface PlannedOrder {
  key: number;
  producerId: number;
  buyerUserId: number;
  items: { listingId: number; qty: number }[];
  paymentMethod: HistoryPayment;
  delivery: boolean;
  note: string | null;
  houseNumber: number;
  placedAt: Date;
  outcome: Outcome;
}

export interface PlanInput {
  now: Date;
  buyers: number[];
  producers: {
    id: number;
    /** Has a demo account: sells more, and gets the recent open orders. */
    hasAccount: boolean;
    /** Has a bank account: only then may her orders be paid by transfer. */
    takesTransfer: boolean;
    listings: { id: number; minOrderQty: number; priceVnd: number }[];
  }[];
}

const BUYER_REASONS = ["Đặt nhầm số lượng, em đặt lại sau ạ.", "Gia đình đổi kế hoạch.", null];
const PRODUCER_REASONS = [
  "Mưa lũ, đường vào thôn bị chia cắt, không giao kịp.",
  "Hàng đợt này không đạt chất lượng, xin lỗi quý khách.",
];
const NOTES = [
  "Giao giờ hành chính giúp em.",
  "Gọi trước khi giao.",
  "Đóng gói kỹ giúp, hàng đi biếu.",
];
const REFUND_REASONS = [
  "Giao thiếu hàng, hoàn phần thiếu.",
  "Một phần hàng bị dập khi vận chuyển.",
  "Giao trễ hẹn, hoàn một phần theo thỏa thuận.",
];

const later = (from: Date, lowHours: number, highHours: number, random: SeededRandom) =>
  new Date(from.getTime() + Math.round(random.between(lowHours, highHours) * HOUR_MS));

/** One to three of the producer's listings, each at one to three times its minimum order. */
function itemsOf(producer: PlanInput["producers"][number], random: SeededRandom) {
  const wanted = random.chance(0.7) ? 1 : random.chance(0.85) ? 2 : 3;
  const chosen = new Map<number, { listingId: number; qty: number; priceVnd: number }>();
  for (let i = 0; i < wanted * 2 && chosen.size < wanted; i += 1) {
    const listing = random.pick(producer.listings);
    if (chosen.has(listing.id)) continue;
    const qty = Math.max(1, listing.minOrderQty) * random.int(1, 3);
    chosen.set(listing.id, { listingId: listing.id, qty, priceVnd: listing.priceVnd });
  }
  return [...chosen.values()];
}

/** How an order placed at `placedAt` ended, every step before `latest`. */
function outcomeOf(
  placedAt: Date,
  payment: HistoryPayment,
  subtotalVnd: number,
  latest: number,
  random: SeededRandom,
): Outcome {
  const roll = random.next();
  if (roll < 0.04) {
    return {
      kind: "buyerCancelled",
      at: later(placedAt, 1, 12, random),
      reason: random.pick(BUYER_REASONS),
    };
  }
  if (roll < 0.08) {
    if (payment === "bank_transfer") {
      return {
        kind: "unpaid",
        at: later(placedAt, TRANSFER_PAYMENT_DAYS * 24 + 1, TRANSFER_PAYMENT_DAYS * 24 + 6, random),
      };
    }
    const confirmedAt = random.chance(0.5) ? later(placedAt, 1, 12, random) : null;
    return {
      kind: "producerCancelled",
      confirmedAt,
      at: later(confirmedAt ?? placedAt, 2, 24, random),
      reason: random.pick(PRODUCER_REASONS),
    };
  }
  const confirmedAt = later(placedAt, 1, 20, random);
  const shippedAt = later(confirmedAt, 6, 36, random);
  const deliveredAt = later(shippedAt, 12, 72, random);
  let byBuyer = random.chance(0.65);
  let completedAt = byBuyer
    ? later(deliveredAt, 2, 48, random)
    : later(deliveredAt, AUTO_COMPLETE_DAYS * 24 + 1, AUTO_COMPLETE_DAYS * 24 + 10, random);
  if (completedAt.getTime() > latest) {
    byBuyer = true;
    completedAt = new Date(deliveredAt.getTime() + 2 * HOUR_MS);
  }
  let refund: PlannedRefund | null = null;
  if (random.chance(0.06)) {
    const at = later(completedAt, 24, 6 * 24, random);
    const share = random.between(0.1, 0.5);
    const amountVnd = Math.max(1000, Math.round((subtotalVnd * share) / 1000) * 1000);
    if (at.getTime() < latest && amountVnd <= subtotalVnd) {
      refund = { at, amountVnd, reason: random.pick(REFUND_REASONS) };
    }
  }
  return { kind: "completed", confirmedAt, shippedAt, deliveredAt, completedAt, byBuyer, refund };
}

/**
 * The recent orders each demo producer account finds in its inbox: new ones to accept, a
 * transfer awaiting payment, confirmed ones to ship, one on its way, one delivered that its
 * buyer has yet to confirm (hours before now, the step moments after the order).
 */
const OPEN_ORDERS: { hoursAgo: number; payment: HistoryPayment; steps: number[] }[] = [
  { hoursAgo: 3, payment: "cod", steps: [] },
  { hoursAgo: 20, payment: "cod", steps: [] },
  { hoursAgo: 30, payment: "bank_transfer", steps: [] },
  { hoursAgo: 50, payment: "cod", steps: [2] },
  { hoursAgo: 74, payment: "bank_transfer", steps: [5] },
  { hoursAgo: 96, payment: "cod", steps: [3, 48] },
  { hoursAgo: 120, payment: "cod", steps: [2, 22, 80] },
];

/** The demo's orders, oldest first: a year of history, then the open ones. */
export function planDemoHistory(input: PlanInput): PlannedOrder[] {
  const random = seededRandom(20_261_201);
  const producers = input.producers.filter((p) => p.listings.length > 0);
  if (producers.length === 0 || input.buyers.length === 0) return [];
  // The demo accounts' producers sell more, so their statements and inboxes are full.
  const weighted = producers.flatMap((p) => (p.hasAccount ? [p, p, p, p] : [p]));
  const now = input.now.getTime();
  const latest = now - HOUR_MS;
  const orders: PlannedOrder[] = [];

  const make = (
    producer: (typeof producers)[number],
    placedAt: Date,
    payment: HistoryPayment,
    outcome: (subtotalVnd: number) => Outcome,
  ) => {
    const items = itemsOf(producer, random);
    const subtotalVnd = items.reduce((sum, item) => sum + item.qty * item.priceVnd, 0);
    orders.push({
      key: orders.length + 1,
      producerId: producer.id,
      buyerUserId: random.pick(input.buyers),
      items: items.map(({ listingId, qty }) => ({ listingId, qty })),
      paymentMethod: payment,
      delivery: random.chance(0.6),
      note: random.chance(0.2) ? random.pick(NOTES) : null,
      houseNumber: random.int(1, 200),
      placedAt,
      outcome: outcome(subtotalVnd),
    });
  };

  // Việt Nam's midnight a year ago, then day by day.
  const firstDay =
    Math.floor((now + VIETNAM_OFFSET_MS) / DAY_MS) * DAY_MS - VIETNAM_OFFSET_MS - 365 * DAY_MS;
  const lastDay = now - QUIET_DAYS * DAY_MS;
  for (let day = firstDay; day < lastDay; day += DAY_MS) {
    const month = new Date(day + VIETNAM_OFFSET_MS).getUTCMonth();
    const growth = 0.7 + (0.5 * (day - firstDay)) / (lastDay - firstDay);
    const rate = DAILY_ORDERS * (SEASON[month] ?? 1) * growth;
    const count = Math.floor(rate + random.next());
    const hours = Array.from({ length: count }, () => random.between(7, 21)).sort((a, b) => a - b);
    for (const hour of hours) {
      const placedAt = new Date(day + Math.round(hour * HOUR_MS));
      const wantsTransfer = !random.chance(0.55);
      const producer = random.pick(weighted);
      const payment: HistoryPayment =
        wantsTransfer && producer.takesTransfer ? "bank_transfer" : "cod";
      make(producer, placedAt, payment, (subtotal) =>
        outcomeOf(placedAt, payment, subtotal, latest, random),
      );
    }
  }

  for (const producer of producers.filter((p) => p.hasAccount)) {
    for (const open of OPEN_ORDERS) {
      const placedAt = new Date(now - open.hoursAgo * HOUR_MS);
      const [confirmed, shipped, delivered] = open.steps.map(
        (hours) => new Date(placedAt.getTime() + hours * HOUR_MS),
      );
      make(producer, placedAt, producer.takesTransfer ? open.payment : "cod", () => ({
        kind: "open",
        confirmedAt: confirmed ?? null,
        shippedAt: shipped ?? null,
        deliveredAt: delivered ?? null,
      }));
    }
  }
  return orders;
}
