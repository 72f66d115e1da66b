import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { AcceptOfferInput, OfferInput } from "~/lib/schemas/offer";
import { actorForUser } from "~/modules/auth/session.server";
import type { SignedInActor } from "~/modules/auth/actor";
import { acceptOffer, declineOffer } from "~/modules/demand/accept-offer.server";
import { offerThread, postOfferMessage } from "~/modules/demand/offer-threads.server";
import {
  compareOffers,
  ownOffersOn,
  submitOffer,
  withdrawOffer,
} from "~/modules/demand/offers.server";
import { isoWeekKey, periodKey } from "~/modules/demand/periods";
import { requestPageParts } from "~/modules/demand/request-page.server";
import { cancelOrderByBuyer } from "~/modules/orders/fulfilment.server";
import { buyerOrderView, producerOrderView } from "~/modules/orders/views.server";
import {
  listings,
  notifications,
  offers,
  orderLines,
  orders,
  producers,
  purchaseRequests,
} from "~db/schema";
import { buildWorld, type World } from "./authorization-world";
import { freshDb, type Db } from "../helpers/db";
import { ledgerMismatches } from "../helpers/stock";

const NOW = new Date("2026-12-03T03:00:00Z"); // Thursday 3 Dec 2026, week 49 in Việt Nam

const shipping: AcceptOfferInput = {
  name: "Chị Hoa",
  phone: "0912345678",
  province: "Quảng Trị",
  commune: "Phường Đông Hà",
  address: "12 Lê Duẩn",
  note: null,
  deliveryMethod: "delivery",
  paymentMethod: "cod",
};

const offerInput = (values: Partial<OfferInput> = {}): OfferInput => ({
  priceVnd: 30_000,
  quantity: 100,
  deliveryOn: "2026-12-10",
  message: "Gạo mới xay",
  ...values,
});

let db: Db;
let world: World;
const actor = (kind: keyof World["userIds"]): SignedInActor => {
  const found = actorForUser(db, world.userIds[kind]);
  if (!found) throw new Error(`no actor ${kind}`);
  return found;
};
const CODE = "YC-AZ-0001";

function stockState() {
  return {
    movements: db.$client.prepare("SELECT count(*) AS n FROM stock_movements").get(),
    stock: db.select({ id: listings.id, stock: listings.stock }).from(listings).all(),
    mismatches: ledgerMismatches(db),
  };
}

beforeEach(() => {
  db = freshDb();
  world = buildWorld(db);
});

describe("offers", () => {
  it("keeps one submitted offer per producer: sending again edits it", () => {
    const producer = actor("producer");
    const first = submitOffer(db, producer, CODE, offerInput({ listingId: world.listingId }), {
      now: NOW,
    });
    const second = submitOffer(
      db,
      producer,
      CODE,
      offerInput({ goods: "Gạo lứt", unit: "kg", priceVnd: 28_000 }),
      { now: NOW },
    );
    expect(second).toEqual({ offerId: first.offerId, edited: true });
    const own = ownOffersOn(db, producer, world.purchaseRequestId);
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ goods: "Gạo lứt", listingId: null, priceVnd: 28_000 });
    // The buyer heard about the new offer once, not about the edit.
    const notices = db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, "offer.submitted"))
      .all();
    expect(notices).toHaveLength(1);
  });

  it("refuses the owner, another producer's listing, a past delivery date and a closed request", () => {
    expect(() =>
      submitOffer(db, actor("producer"), CODE, offerInput({ listingId: world.otherListingId }), {
        now: NOW,
      }),
    ).toThrow(expect.objectContaining({ messageKey: "offers.errors.unknownListing" }));
    expect(() =>
      submitOffer(
        db,
        actor("producer"),
        CODE,
        offerInput({ goods: "Gạo", unit: "kg", deliveryOn: "2026-12-01" }),
        {
          now: NOW,
        },
      ),
    ).toThrow(expect.objectContaining({ messageKey: "offers.errors.deliveryPast" }));
    db.update(purchaseRequests).set({ status: "closed" }).run();
    expect(() =>
      submitOffer(db, actor("producer"), CODE, offerInput({ goods: "Gạo", unit: "kg" }), {
        now: NOW,
      }),
    ).toThrow(expect.objectContaining({ messageKey: "offers.errors.requestNotOpen" }));
  });

  it("lets the producer withdraw before acceptance, and nobody else", () => {
    expect(() => withdrawOffer(db, actor("producer"), world.offerId)).toThrow(
      expect.objectContaining({ status: 404 }),
    );
    withdrawOffer(db, actor("other-producer"), world.offerId, { now: NOW });
    const row = db.select().from(offers).where(eq(offers.id, world.offerId)).get();
    expect(row).toMatchObject({ status: "withdrawn" });
    expect(row?.withdrawnAt?.getTime()).toBe(NOW.getTime());
    expect(() => withdrawOffer(db, actor("other-producer"), world.offerId)).toThrow(
      expect.objectContaining({ status: 409 }),
    );
  });

  it("keeps the thread between the owner and the offering producer", () => {
    postOfferMessage(db, actor("other-producer"), CODE, world.offerId, "Giao thứ Hai được ạ.");
    const buyerView = offerThread(db, actor("other-buyer"), CODE, world.offerId);
    expect(buyerView.messages.map((m) => [m.side, m.mine])).toEqual([
      ["buyer", true],
      ["producer", false],
    ]);
    expect(JSON.stringify(buyerView)).not.toContain("+8490");
    for (const outsider of ["producer", "buyer", "admin", "moderator"] as const) {
      expect(() => offerThread(db, actor(outsider), CODE, world.offerId)).toThrow(
        expect.objectContaining({ status: 404 }),
      );
      expect(() => postOfferMessage(db, actor(outsider), CODE, world.offerId, "Xin chào")).toThrow(
        expect.objectContaining({ status: 404 }),
      );
    }
    // The buyer hears about the producer's answer (the world's question was inserted directly).
    const answers = db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, "offer.message"))
      .all();
    expect(answers.map((n) => n.userId)).toEqual([world.userIds["other-buyer"]]);
  });

  it("shows prices only to the owner; a producer sees her own offer only", () => {
    submitOffer(db, actor("producer"), CODE, offerInput({ goods: "Gạo", unit: "kg" }), {
      now: NOW,
    });
    const request = {
      id: world.purchaseRequestId,
      code: CODE,
      buyerUserId: world.userIds["other-buyer"],
      status: "open",
      isHidden: false,
    };
    const owner = requestPageParts(db, actor("other-buyer"), request);
    expect(owner.offers?.map((o) => o.priceVnd).sort()).toEqual([20_000, 30_000]);
    const producerA = requestPageParts(db, actor("producer"), request);
    expect(producerA.offers).toBeNull();
    expect(producerA.ownOffers.map((o) => o.priceVnd)).toEqual([30_000]);
    const stranger = requestPageParts(db, actor("buyer"), request);
    expect(stranger).toMatchObject({ offers: null, ownOffers: [], matches: null });
    expect(() => compareOffers(db, actor("producer"), CODE)).toThrow(
      expect.objectContaining({ status: 404 }),
    );
  });

  it("accepts one offer: one made-to-order order with its price and quantity, the others declined, the request fulfilled", () => {
    const mine = submitOffer(
      db,
      actor("producer"),
      CODE,
      offerInput({ listingId: world.listingId, priceVnd: 31_000, quantity: 90 }),
      { now: NOW },
    );
    const before = stockState();
    const { orderId } = acceptOffer(db, actor("other-buyer"), CODE, mine.offerId, shipping, {
      now: NOW,
    });
    const order = db.select().from(orders).where(eq(orders.id, orderId)).get();
    expect(order).toMatchObject({
      buyerUserId: world.userIds["other-buyer"],
      producerId: world.producerId,
      subtotalVnd: 31_000 * 90,
      shipPhone: "0912345678",
      status: "pending_payment",
    });
    const lines = db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).all();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      listingId: world.listingId,
      unitPriceVnd: 31_000,
      qty: 90,
      reservedQty: 0,
    });
    expect(stockState()).toEqual(before);

    const all = db.select().from(offers).all();
    expect(all.find((o) => o.id === mine.offerId)).toMatchObject({
      status: "accepted",
      periodKey: "once",
      orderId,
    });
    expect(all.find((o) => o.id === world.offerId)).toMatchObject({ status: "declined" });
    const declinedNotices = db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, "offer.declined"))
      .all();
    expect(declinedNotices.map((n) => n.userId)).toEqual([world.userIds["other-producer"]]);
    expect(
      db
        .select()
        .from(purchaseRequests)
        .where(eq(purchaseRequests.id, world.purchaseRequestId))
        .get(),
    ).toMatchObject({ status: "fulfilled" });

    // Cancelling the order gives back no stock: nothing was reserved.
    cancelOrderByBuyer(db, world.userIds["other-buyer"], orderId, "Đổi ý", NOW);
    expect(stockState()).toEqual(before);
  });

  it("records a free-text line with a null listing", () => {
    const free = submitOffer(
      db,
      actor("producer"),
      CODE,
      offerInput({ goods: "Gạo nếp cái hoa vàng", unit: "kg", priceVnd: 40_000, quantity: 50 }),
      { now: NOW },
    );
    const { orderId } = acceptOffer(db, actor("other-buyer"), CODE, free.offerId, shipping, {
      now: NOW,
    });
    const lines = db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).all();
    expect(lines).toEqual([
      expect.objectContaining({
        listingId: null,
        sku: CODE,
        title: "Gạo nếp cái hoa vàng",
        qty: 50,
        reservedQty: 0,
        lineTotalVnd: 2_000_000,
      }),
    ]);
  });

  it("refuses anyone but the owner, and a decided offer", () => {
    for (const kind of ["other-producer", "producer", "buyer"] as const) {
      expect(() =>
        acceptOffer(db, actor(kind), CODE, world.offerId, shipping, { now: NOW }),
      ).toThrow(expect.objectContaining({ status: 404 }));
    }
    declineOffer(db, actor("other-buyer"), CODE, world.offerId, { now: NOW });
    expect(() =>
      acceptOffer(db, actor("other-buyer"), CODE, world.offerId, shipping, { now: NOW }),
    ).toThrow(expect.objectContaining({ status: 409 }));
    expect(db.select().from(orders).all()).toHaveLength(3); // the world's three orders only
  });

  it("lets a recurring request accept one offer per period until its end date", () => {
    db.update(purchaseRequests)
      .set({ recurrence: "weekly", neededBy: "2026-12-31" })
      .where(eq(purchaseRequests.id, world.purchaseRequestId))
      .run();
    acceptOffer(db, actor("other-buyer"), CODE, world.offerId, shipping, { now: NOW });
    expect(
      db
        .select()
        .from(purchaseRequests)
        .where(eq(purchaseRequests.id, world.purchaseRequestId))
        .get(),
    ).toMatchObject({ status: "open" });
    const again = submitOffer(
      db,
      actor("producer"),
      CODE,
      offerInput({ goods: "Gạo", unit: "kg" }),
      {
        now: NOW,
      },
    );
    expect(() =>
      acceptOffer(db, actor("other-buyer"), CODE, again.offerId, shipping, { now: NOW }),
    ).toThrow(expect.objectContaining({ messageKey: "offers.errors.periodTaken" }));
    const nextWeek = new Date("2026-12-08T03:00:00Z");
    acceptOffer(db, actor("other-buyer"), CODE, again.offerId, shipping, { now: nextWeek });
    expect(
      db.select({ k: offers.periodKey }).from(offers).where(eq(offers.status, "accepted")).all(),
    ).toEqual([{ k: "2026-W49" }, { k: "2026-W50" }]);
    const late = submitOffer(
      db,
      actor("producer"),
      CODE,
      offerInput({ goods: "Gạo", unit: "kg", deliveryOn: "2027-01-05" }),
      {
        now: nextWeek,
      },
    );
    expect(() =>
      acceptOffer(db, actor("other-buyer"), CODE, late.offerId, shipping, {
        now: new Date("2027-01-04T03:00:00Z"),
      }),
    ).toThrow(expect.objectContaining({ messageKey: "offers.errors.requestEnded" }));
  });
});

describe("contact phones on an order made from an offer", () => {
  it("shows each side the other's phone while open and for 30 days after it ended", async () => {
    db.update(producers)
      .set({ phone: "0233123456" })
      .where(eq(producers.id, world.otherProducerId))
      .run();
    const { orderId } = acceptOffer(db, actor("other-buyer"), CODE, world.offerId, shipping, {
      now: NOW,
    });
    const buyerSide = () => buyerOrderView(db, world.userIds["other-buyer"], orderId);
    const producerSide = () => producerOrderView(db, actor("other-producer"), orderId);
    expect((await buyerSide()).contactPhone).toBe("0233123456");
    expect(producerSide().contactPhone).toBe("0912345678");
    const cancelledAt = new Date(Date.now() - 29 * 24 * 60 * 60 * 1000);
    cancelOrderByBuyer(db, world.userIds["other-buyer"], orderId, "Đổi ý", cancelledAt);
    expect((await buyerSide()).contactPhone).toBe("0233123456");
    db.update(orders)
      .set({ cancelledAt: new Date(Date.now() - 31 * 24 * 60 * 60 * 1000) })
      .where(eq(orders.id, orderId))
      .run();
    expect((await buyerSide()).contactPhone).toBeNull();
    const late = producerSide();
    expect(late.contactPhone).toBeNull();
    expect(JSON.stringify(late)).not.toContain("0912345678");
  });
});

describe("periods", () => {
  it("names ISO weeks and months by Việt Nam's calendar day", () => {
    expect(isoWeekKey("2026-12-03")).toBe("2026-W49");
    expect(isoWeekKey("2027-01-01")).toBe("2026-W53");
    expect(isoWeekKey("2021-01-03")).toBe("2020-W53");
    expect(isoWeekKey("2024-12-30")).toBe("2025-W01");
    // 17:30 UTC on 31 Dec is already 1 Jan in Việt Nam.
    expect(periodKey("monthly", new Date("2026-12-31T17:30:00Z"))).toBe("2027-01");
    expect(periodKey("none", NOW)).toBe("once");
  });
});
