import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { checkoutTotals, isAllPickup } from "~/lib/checkout-totals";
import { NotFound } from "~/lib/errors";
import { parseAddressForm } from "~/lib/schemas/address-book";
import { parseCheckoutForm } from "~/lib/schemas/checkout";
import { ProducerProfileSchema } from "~/lib/schemas/listing";
import { updateProducerProfile } from "~/modules/listings/producer-profile.server";
import {
  addAddress,
  deleteAddress,
  getAddress,
  listAddresses,
  makeDefaultAddress,
  updateAddress,
} from "~/modules/orders/address-book.server";
import { createOrdersFromApi } from "~/modules/orders/api.server";
import { addToCart } from "~/modules/orders/cart.server";
import { getCheckoutView, placeCheckout } from "~/modules/orders/checkout.server";
import { buyerAddresses, orders, producers } from "~db/schema";
import { freshDb } from "../helpers/db";
import { makeMarket } from "../helpers/market";

/**
 * Issue 14, "checkout without surprises", below the pages: the checkout form asks no address
 * when everything is picked up, totals count the chosen delivery fees, the commune must be one
 * of the province's, the address book is each buyer's own, producers state pickup hours.
 */

/** A posted checkout form as the page sends it (province and commune by official code). */
function checkoutForm(fields: Record<string, string>): FormData {
  const form = new FormData();
  const all: Record<string, string> = {
    idempotencyKey: crypto.randomUUID(),
    name: "Nguyễn Thị Lan",
    phone: "0912 345 678",
    paymentMethod: "cod",
    note: "",
    ...fields,
  };
  for (const [name, value] of Object.entries(all)) form.append(name, value);
  return form;
}

const DONG_HA = { province: "44", commune: "19333", address: "12 Lê Duẩn, khu phố 3" };

describe("the checkout form", () => {
  it("asks no address when every producer is picked up, but who collects", () => {
    const pickup = parseCheckoutForm(checkoutForm({ "delivery.SXA": "pickup" }));
    expect(pickup.ok).toBe(true);
    if (pickup.ok) {
      expect(pickup.value.shipping).toEqual({
        name: "Nguyễn Thị Lan",
        phone: "0912345678",
        province: "",
        commune: "",
        address: "",
      });
    }
    const nobody = parseCheckoutForm(checkoutForm({ name: "", phone: "" }));
    expect(nobody.ok ? {} : nobody.errors).toEqual({
      name: "checkout.error.name",
      phone: "checkout.error.phone",
    });
  });

  it("asks the address as soon as one producer delivers", () => {
    const parsed = parseCheckoutForm(
      checkoutForm({ "delivery.SXA": "pickup", "delivery.SXB": "delivery" }),
    );
    expect(parsed.ok ? {} : parsed.errors).toEqual({
      province: "checkout.error.province",
      commune: "checkout.error.commune",
      address: "checkout.error.address",
    });
    const full = parseCheckoutForm(
      checkoutForm({ "delivery.SXB": "delivery", ...DONG_HA, saveAddress: "on" }),
    );
    expect(full.ok).toBe(true);
    if (full.ok) {
      expect(full.value.shipping).toEqual({
        name: "Nguyễn Thị Lan",
        phone: "0912345678",
        province: "Quảng Trị",
        commune: "Phường Đông Hà",
        address: "12 Lê Duẩn, khu phố 3",
      });
      expect(full.value.communeCode).toBe("19333");
      expect(full.value.saveAddress).toBe(true);
    }
  });

  it("takes the commune only from the official list of the chosen province", () => {
    const delivered = { "delivery.SXA": "delivery" };
    // Phường Kim Long is a ward of Huế, not of Quảng Trị.
    for (const commune of ["Phường Kim Long", "phường Test", "99999"]) {
      const parsed = parseCheckoutForm(checkoutForm({ ...delivered, ...DONG_HA, commune }));
      expect(parsed.ok ? {} : parsed.errors).toEqual({
        commune: "checkoutFlow.error.communeNotInProvince",
      });
    }
    // By name as people write it, with or without its kind, the commune is stored officially.
    const byName = parseCheckoutForm(
      checkoutForm({ ...delivered, ...DONG_HA, province: "Quảng Trị", commune: "đông hà" }),
    );
    expect(byName.ok && byName.value.shipping.commune).toBe("Phường Đông Hà");
  });
});

describe("the checkout totals", () => {
  const groups = [
    { producer: { code: "SXA", deliveryFeeVnd: 30000 }, subtotalVnd: 240000 },
    { producer: { code: "SXB", deliveryFeeVnd: 20000 }, subtotalVnd: 300000 },
  ];

  it("add the fee of each producer who delivers, and only theirs", () => {
    expect(checkoutTotals(groups, {})).toEqual({
      subtotalVnd: 540000,
      deliveryFeesVnd: 0,
      totalVnd: 540000,
    });
    expect(checkoutTotals(groups, { "delivery.SXB": "delivery" }).totalVnd).toBe(560000);
    expect(
      checkoutTotals(groups, { "delivery.SXA": "delivery", "delivery.SXB": "delivery" }),
    ).toEqual({ subtotalVnd: 540000, deliveryFeesVnd: 50000, totalVnd: 590000 });
    expect(isAllPickup(groups, { "delivery.SXA": "pickup" })).toBe(true);
    expect(isAllPickup(groups, { "delivery.SXA": "delivery" })).toBe(false);
  });

  it("are what the placed orders charge", async () => {
    const db = freshDb();
    const m = makeMarket(db);
    addToCart(db, { userId: m.buyer.id }, m.pepper.id, 2);
    addToCart(db, { userId: m.buyer.id }, m.squid.id, 1);
    const view = getCheckoutView(db, m.buyer.id);
    const choices = { "delivery.SXA": "delivery", "delivery.SXB": "pickup" };
    const shown = checkoutTotals(view.cart.groups, choices);
    const parsed = parseCheckoutForm(
      checkoutForm({ ...choices, ...DONG_HA, idempotencyKey: view.idempotencyKey }),
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    await placeCheckout(db, m.buyer.id, parsed.value, { origin: "http://localhost" });
    const placed = db.select().from(orders).all();
    expect(placed.reduce((sum, order) => sum + order.totalVnd, 0)).toBe(shown.totalVnd);
    expect(shown.totalVnd).toBe(240000 + 30000 + 300000);
  });
});

describe("placing a checkout", () => {
  it("a pickup-only checkout places orders without an address and saves none", async () => {
    const db = freshDb();
    const m = makeMarket(db);
    addToCart(db, { userId: m.buyer.id }, m.pepper.id, 1);
    const view = getCheckoutView(db, m.buyer.id);
    const parsed = parseCheckoutForm(
      checkoutForm({ idempotencyKey: view.idempotencyKey, saveAddress: "on" }),
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    await placeCheckout(db, m.buyer.id, parsed.value, { origin: "http://localhost" });
    const [order] = db.select().from(orders).all();
    expect(order).toMatchObject({
      deliveryMethod: "pickup",
      shipName: "Nguyễn Thị Lan",
      shipPhone: "0912345678",
      shipAddress: "",
      deliveryFeeVnd: 0,
    });
    expect(db.select().from(buyerAddresses).all()).toEqual([]);
  });

  it("keeps a delivered address in the book when asked, once, and starts the next checkout with it", async () => {
    const db = freshDb();
    const m = makeMarket(db);
    const order = async (save: boolean, address = DONG_HA.address) => {
      addToCart(db, { userId: m.buyer.id }, m.pepper.id, 1);
      const view = getCheckoutView(db, m.buyer.id);
      const parsed = parseCheckoutForm(
        checkoutForm({
          "delivery.SXA": "delivery",
          ...DONG_HA,
          address,
          idempotencyKey: view.idempotencyKey,
          ...(save ? { saveAddress: "on" } : {}),
        }),
      );
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      await placeCheckout(db, m.buyer.id, parsed.value, { origin: "http://localhost" });
    };
    // A buyer with no saved address starts with her name and phone only.
    expect(getCheckoutView(db, m.buyer.id).defaults).toMatchObject({ commune: "", address: "" });
    await order(false);
    expect(listAddresses(db, m.buyer.id)).toEqual([]);
    await order(true);
    await order(true);
    const saved = listAddresses(db, m.buyer.id);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      communeCode: "19333",
      commune: "Phường Đông Hà",
      province: "Quảng Trị",
      isDefault: true,
    });
    await order(true, "5 Hùng Vương");
    expect(listAddresses(db, m.buyer.id)).toHaveLength(2);
    // The last used address is the one the form starts with.
    expect(getCheckoutView(db, m.buyer.id).defaults).toEqual({
      name: "Nguyễn Thị Lan",
      phone: "0912345678",
      province: "44",
      commune: "19333",
      address: "5 Hùng Vương",
    });
    expect(getCheckoutView(db, m.buyer.id).communes.length).toBeGreaterThan(50);
  });

  it("shows each producer's pickup address and hours at checkout", () => {
    const db = freshDb();
    const m = makeMarket(db);
    db.update(producers)
      .set({ pickupHours: "7:00–17:00 hằng ngày" })
      .where(eq(producers.code, "SXA"))
      .run();
    addToCart(db, { userId: m.buyer.id }, m.pepper.id, 1);
    addToCart(db, { userId: m.buyer.id }, m.squid.id, 1);
    expect(getCheckoutView(db, m.buyer.id).pickupPlaces).toEqual({
      SXA: { address: "thôn 1, xã Test", pickupHours: "7:00–17:00 hằng ngày" },
      SXB: { address: "thôn 2, xã Test", pickupHours: null },
    });
  });
});

describe("the address book", () => {
  const input = (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [name, value] of Object.entries({
      name: "Lê Thị Hoa",
      phone: "0987654321",
      ...DONG_HA,
      ...fields,
    })) {
      form.append(name, value);
    }
    const parsed = parseAddressForm(form);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return parsed.value;
  };

  it("adds, edits, chooses the default and deletes, for its owner only", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const other = m.otherBuyer.id;
    const first = addAddress(db, m.buyer.id, input({}));
    const second = addAddress(db, m.buyer.id, input({ address: "5 Hùng Vương" }));
    // The first address is the default until another is chosen.
    expect(getAddress(db, m.buyer.id, first).isDefault).toBe(true);
    makeDefaultAddress(db, m.buyer.id, second);
    expect(listAddresses(db, m.buyer.id).map((a) => [a.id, a.isDefault])).toEqual([
      [second, true],
      [first, false],
    ]);
    updateAddress(db, m.buyer.id, first, input({ commune: "Xã Cam Lộ", address: "thôn 2" }));
    expect(getAddress(db, m.buyer.id, first)).toMatchObject({
      commune: "Xã Cam Lộ",
      address: "thôn 2",
      isDefault: false,
    });

    // Someone else's address: not found, and nothing changes.
    const before = db.select().from(buyerAddresses).all();
    expect(() => getAddress(db, other, first)).toThrow(NotFound);
    expect(() => updateAddress(db, other, first, input({ address: "x y z" }))).toThrow(NotFound);
    expect(() => makeDefaultAddress(db, other, first)).toThrow(NotFound);
    expect(() => deleteAddress(db, other, first)).toThrow(NotFound);
    expect(db.select().from(buyerAddresses).all()).toEqual(before);

    deleteAddress(db, m.buyer.id, first);
    expect(listAddresses(db, m.buyer.id).map((a) => a.id)).toEqual([second]);
  });

  it("refuses a commune outside the province, naming the field", () => {
    const form = new FormData();
    for (const [name, value] of Object.entries({
      name: "Lê Thị Hoa",
      phone: "0987654321",
      province: "44",
      commune: "Phường Kim Long",
      address: "1 Lê Lợi",
    })) {
      form.append(name, value);
    }
    const parsed = parseAddressForm(form);
    expect(parsed.ok ? {} : parsed.errors).toEqual({
      commune: "checkoutFlow.error.communeNotInProvince",
    });
  });
});

describe("the orders API's address", () => {
  const body = (commune: string) =>
    JSON.stringify({
      items: [{ sku: "SP0001", qty: 1 }],
      shipping: {
        name: "Bếp ăn Trường Tiểu học",
        phone: "0900000218",
        province: "Quảng Trị",
        commune,
        address: "12 Lê Lợi",
      },
      delivery: { SXA: "delivery" },
      payment_method: "cod",
    });

  it("accepts a commune of the province by name or code and refuses another", () => {
    const db = freshDb();
    const m = makeMarket(db);
    expect(createOrdersFromApi(db, m.buyer.id, "k-1", body("phường Đông Hà")).status).toBe(201);
    expect(createOrdersFromApi(db, m.buyer.id, "k-2", body("19333")).status).toBe(201);
    expect(db.select({ commune: orders.shipCommune }).from(orders).all()).toEqual([
      { commune: "Phường Đông Hà" },
      { commune: "Phường Đông Hà" },
    ]);
    const refused = createOrdersFromApi(db, m.buyer.id, "k-3", body("Phường Kim Long"));
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain("shipping.commune");
    expect(db.select().from(orders).all()).toHaveLength(2);
  });
});

describe("the producer's pickup hours", () => {
  it("are saved from her profile, optional and one short line", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const profile = (pickupHours: string) =>
      ProducerProfileSchema.safeParse({ address: "thôn 1, xã Test", pickupHours });
    const parsed = profile("7:00–17:00 hằng ngày");
    if (!parsed.success) throw parsed.error;
    updateProducerProfile(db, m.actors.memberA, m.producerA.id, parsed.data);
    const stored = () =>
      db.select().from(producers).where(eq(producers.id, m.producerA.id)).get()?.pickupHours;
    expect(stored()).toBe("7:00–17:00 hằng ngày");
    const cleared = profile("");
    if (!cleared.success) throw cleared.error;
    expect(cleared.data.pickupHours).toBeNull();
    expect(profile("x".repeat(81)).error?.issues[0]?.message).toBe(
      "checkoutFlow.error.pickupHours",
    );
    expect(profile("7:00\n17:00").success).toBe(false);
  });
});
