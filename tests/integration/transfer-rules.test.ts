import { eq } from "drizzle-orm";
import jsQR from "jsqr";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { DomainError } from "~/lib/errors";
import { createOrdersFromApi } from "~/modules/orders/api.server";
import { addToCart, getCart } from "~/modules/orders/cart.server";
import { getCheckoutView, placeCheckout } from "~/modules/orders/checkout.server";
import { placeOrder } from "~/modules/orders/place-order.server";
import { getBuyerOrder } from "~/modules/orders/queries.server";
import { transferInstructions, transferQrPng } from "~/modules/payments/bank-transfer.server";
import type { Db } from "~db/client.server";
import { listings, orders } from "~db/schema";
import { bankHolderName } from "~db/seed/demo-bank-accounts.server";
import { planDemoHistory } from "~db/seed/demo-history-plan";
import { freshDb } from "../helpers/db";
import { makeMarket, newKey, SHIPPING } from "../helpers/market";

/**
 * Issue 14, "bank transfer that works", below the pages: a checkout offers and accepts a
 * transfer only when every producer in it has a bank account, and the saved QR code is the
 * order's own payload, for its buyer and its producer only. Market: producer A (SXA) has an
 * account, producer B (SXB, "Tổ B") has none.
 */

function stockOf(db: Db, sku: string): number {
  return db.select().from(listings).where(eq(listings.sku, sku)).get()?.stock ?? Number.NaN;
}

function transferOrder(db: Db, buyerUserId: number, sku = "SP0001") {
  const placed = placeOrder(db, {
    buyerUserId,
    items: [{ sku, qty: 1 }],
    shipping: SHIPPING,
    paymentMethod: "bank_transfer",
    idempotency: { scope: "test", key: newKey() },
  }).orders[0];
  if (!placed) throw new Error("no order placed");
  return placed;
}

/** What a banking app reads from a PNG QR code (decoded by sharp, read by jsQR). */
async function decodePng(png: Buffer): Promise<string | null> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const pixels = new Uint8ClampedArray(data.buffer, data.byteOffset, data.length);
  return jsQR(pixels, info.width, info.height)?.data ?? null;
}

describe("which checkouts may be paid by bank transfer", () => {
  it("offers the transfer when every producer of the cart has an account, and names those without", () => {
    const db = freshDb();
    const m = makeMarket(db);
    addToCart(db, { userId: m.buyer.id }, m.pepper.id, 1);
    expect(getCheckoutView(db, m.buyer.id).transferUnavailableFrom).toEqual([]);

    addToCart(db, { userId: m.buyer.id }, m.squid.id, 1);
    expect(getCheckoutView(db, m.buyer.id).transferUnavailableFrom).toEqual([
      { code: "SXB", name: "Tổ B" },
    ]);
  });

  it("places a transfer to a producer with an account", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const order = transferOrder(db, m.buyer.id);
    expect(order.paymentMethod).toBe("bank_transfer");
    expect(order.status).toBe("pending_payment");
  });

  it("refuses a forged transfer to a producer without an account with a 400 naming her, changing nothing", async () => {
    const db = freshDb();
    const m = makeMarket(db);
    addToCart(db, { userId: m.buyer.id }, m.pepper.id, 2);
    addToCart(db, { userId: m.buyer.id }, m.squid.id, 1);
    const cartBefore = getCart(db, { userId: m.buyer.id });
    const stockBefore = [stockOf(db, "SP0001"), stockOf(db, "SP0003")];

    const attempt = placeCheckout(
      db,
      m.buyer.id,
      {
        shipping: { ...SHIPPING, province: "quang-tri" },
        communeCode: null,
        saveAddress: false,
        note: null,
        paymentMethod: "bank_transfer",
        delivery: {},
        seenPrices: { SP0001: 120000, SP0003: 300000 },
        idempotencyKey: newKey(),
        // Cast: the form's shape is the checkout slice's and grows with it (issue 14).
      } as Parameters<typeof placeCheckout>[2],
      { origin: "http://localhost" },
    );
    const error = await attempt.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    const refused = error as DomainError;
    expect(refused.status).toBe(400);
    expect(refused.messageIn("vi")).toBe(
      "Không thể thanh toán bằng chuyển khoản: Tổ B chưa khai báo tài khoản ngân hàng. Vui lòng chọn cách thanh toán khác.",
    );
    expect(refused.messageIn("en")).toContain("Tổ B has not added a bank account");
    expect(refused.details).toEqual({ field: "paymentMethod", producers: ["SXB"] });

    expect(db.select().from(orders).all()).toHaveLength(0);
    expect([stockOf(db, "SP0001"), stockOf(db, "SP0003")]).toEqual(stockBefore);
    expect(getCart(db, { userId: m.buyer.id }).groups).toEqual(cartBefore.groups);
  });

  it("refuses it through the API as well (400, nothing placed)", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const answer = createOrdersFromApi(
      db,
      m.buyer.id,
      newKey(),
      JSON.stringify({
        items: [{ sku: "SP0003", qty: 1 }],
        shipping: {
          name: SHIPPING.name,
          phone: SHIPPING.phone,
          province: "Quảng Trị",
          commune: SHIPPING.commune,
          address: SHIPPING.address,
        },
        payment_method: "bank_transfer",
      }),
    );
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain("Tổ B chưa khai báo tài khoản ngân hàng");
    expect(db.select().from(orders).all()).toHaveLength(0);
  });
});

describe("the saved VietQR code", () => {
  it("is a PNG of exactly the payload of the order page, for the buyer and the producer's members", async () => {
    const db = freshDb();
    const m = makeMarket(db);
    const order = transferOrder(db, m.buyer.id);
    const page = await transferInstructions(getBuyerOrder(db, m.buyer.id, order.id));
    expect(page).not.toBeNull();

    const forBuyer = await transferQrPng(db, m.actors.buyer, order.id);
    expect(forBuyer.png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(forBuyer.filename).toBe(`vietqr-${order.code}.png`);
    expect(await decodePng(forBuyer.png)).toBe(page?.payload);
    // The payload carries the producer's account, the total and the order code.
    expect(page?.payload).toContain("0123456789");
    expect(page?.payload).toContain(
      `54${String(String(order.totalVnd).length).padStart(2, "0")}${order.totalVnd}`,
    );

    const forProducer = await transferQrPng(db, m.actors.memberA, order.id);
    expect(await decodePng(forProducer.png)).toBe(page?.payload);
  });

  it("is nobody else's, and only while the order waits for its transfer", async () => {
    const db = freshDb();
    const m = makeMarket(db);
    const order = transferOrder(db, m.buyer.id);
    await expect(transferQrPng(db, m.actors.otherBuyer, order.id)).rejects.toMatchObject({
      status: 404,
    });
    await expect(transferQrPng(db, m.actors.memberB, order.id)).rejects.toMatchObject({
      status: 404,
    });
    const cod = placeOrder(db, {
      buyerUserId: m.buyer.id,
      items: [{ sku: "SP0001", qty: 1 }],
      shipping: SHIPPING,
      paymentMethod: "cod",
      idempotency: { scope: "test", key: newKey() },
    }).orders[0]!;
    await expect(transferQrPng(db, m.actors.buyer, cod.id)).rejects.toMatchObject({
      status: 404,
      messageKey: "transfer.qr.notWaiting",
    });
  });
});

describe("the demo's bank accounts", () => {
  it("print the holder's name as banks do: capitals, no marks", () => {
    expect(bankHolderName("HTX Nông nghiệp Phụ nữ Hồ tiêu Vĩnh Linh")).toBe(
      "HTX NONG NGHIEP PHU NU HO TIEU VINH LINH",
    );
    expect(bankHolderName("Tổ hợp tác Đậu xanh – Mộc Đức")).toBe("TO HOP TAC DAU XANH MOC DUC");
  });

  it("the demo's history never has a transfer to a producer without an account", () => {
    const plan = planDemoHistory({
      now: new Date("2026-12-01T03:00:00Z"),
      buyers: [11, 12],
      producers: [
        {
          id: 1,
          hasAccount: true,
          takesTransfer: true,
          listings: [{ id: 1, minOrderQty: 1, priceVnd: 50_000 }],
        },
        {
          id: 2,
          hasAccount: true,
          takesTransfer: false,
          listings: [{ id: 2, minOrderQty: 1, priceVnd: 90_000 }],
        },
      ],
    });
    const methodsOf = (producerId: number) =>
      new Set(plan.filter((o) => o.producerId === producerId).map((o) => o.paymentMethod));
    expect(methodsOf(1)).toEqual(new Set(["cod", "bank_transfer"]));
    expect(methodsOf(2)).toEqual(new Set(["cod"]));
  });
});
