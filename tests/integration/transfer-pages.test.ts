import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import jsQR from "jsqr";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BANKS } from "~/lib/banks";
import { formatDateTime } from "~/lib/i18n";
import { formatVnd } from "~/lib/money";
import { addToCart, getCart } from "~/modules/orders/cart.server";
import { placeOrder } from "~/modules/orders/place-order.server";
import { buildVietQrPayload } from "~/modules/payments/vietqr.server";
import { openDatabase, type Db } from "~db/client.server";
import { listings, orders, producers, users } from "~db/schema";
import { DEMO_CSV_BUYER_PASSWORD } from "~db/seed/demo-accounts";
import { DEMO_PRODUCER_WITHOUT_BANK_ACCOUNT } from "~db/seed/demo-bank-accounts.server";
import { demoSessionCookie } from "../helpers/demo-login";
import { decodeEntities } from "../helpers/english";
import { newKey, SHIPPING } from "../helpers/market";
import { startServer, type StartedServer } from "../helpers/server";

/**
 * Issue 14, "bank transfer that works", as the pages show it (real server on the demo
 * database, no JavaScript): the demo producers have accounts (one has not), checkout offers a
 * transfer only when every producer of the cart takes one and refuses a forged one, the
 * order page writes out every detail with the deadline, and the saved PNG is the order's own
 * VietQR code, for its buyer and producer only.
 */
describe("bank transfer on the pages", () => {
  let server: StartedServer;
  let db: Db;
  const cookies = { buyer: "", producer: "", otherProducer: "", otherBuyer: "" };

  const get = (path: string, cookie: string) =>
    fetch(`${server.url}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });
  const html = async (path: string, cookie: string) => {
    const response = await get(path, cookie);
    expect(response.status).toBe(200);
    return decodeEntities(await response.text());
  };

  const buyerId = () =>
    db.select().from(users).where(eq(users.email, "nguoimua@cungcau.demo")).get()!.id;
  const producerByCode = (code: string) =>
    db.select().from(producers).where(eq(producers.code, code)).get()!;
  const listingOf = (producerId: number) => {
    const listing = db
      .select()
      .from(listings)
      .where(and(eq(listings.producerId, producerId), eq(listings.status, "published")))
      .all()
      .find((row) => row.stock >= 2 * row.minOrderQty);
    if (!listing) throw new Error(`no listing of producer ${producerId}`);
    return listing;
  };
  const transferOrder = (producerCode: string) => {
    const listing = listingOf(producerByCode(producerCode).id);
    const placed = placeOrder(db, {
      buyerUserId: buyerId(),
      items: [{ sku: listing.sku, qty: listing.minOrderQty }],
      shipping: SHIPPING,
      paymentMethod: "bank_transfer",
      idempotency: { scope: "transfer-pages", key: newKey() },
    }).orders[0]!;
    return db.select().from(orders).where(eq(orders.id, placed.id)).get()!;
  };

  /** The bank transfer's radio button as the server rendered it. */
  const transferRadio = (page: string) =>
    /<input[^>]*value="bank_transfer"[^>]*>/.exec(page)?.[0] ?? "missing";

  beforeAll(async () => {
    server = await startServer();
    db = openDatabase(server.databasePath);
    cookies.buyer = await demoSessionCookie(server.url, "buyer");
    cookies.producer = await demoSessionCookie(server.url, "producer");
    cookies.otherProducer = await demoSessionCookie(server.url, "producer-2");
    // A buyer of db/seed/buyers.csv, who may log in in demo mode.
    const login = await fetch(`${server.url}/dang-nhap`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ identifier: "0900000201", password: DEMO_CSV_BUYER_PASSWORD }),
    });
    cookies.otherBuyer =
      login.headers
        .getSetCookie()
        .find((c) => c.startsWith("cc_session="))
        ?.split(";")[0] ?? "";
    expect(cookies.otherBuyer).not.toBe("");
  }, 240_000);

  afterAll(async () => {
    db?.$client.close();
    await server?.stop();
  });

  it("gives every demo producer but one a bank account with a real NAPAS BIN", () => {
    const all = db.select().from(producers).all();
    const withAccount = all.filter((p) => p.bankBin && p.bankAccountNumber);
    expect(withAccount.length).toBe(all.length - 1);
    const bins = new Set(BANKS.map((b) => b.bin));
    for (const producer of withAccount) {
      expect(bins.has(producer.bankBin!)).toBe(true);
      expect(producer.bankAccountNumber).toMatch(/^[1-9]\d{11,13}$/);
      expect(producer.bankAccountName).toMatch(/^[A-Z0-9 ]+$/);
    }
    const without = all.find((p) => !p.bankAccountNumber);
    expect(without?.code).toBe(DEMO_PRODUCER_WITHOUT_BANK_ACCOUNT);
    // The demo producers' inboxes hold transfers waiting for payment.
    const sx001 = producerByCode("SX001");
    const waiting = db
      .select()
      .from(orders)
      .where(
        and(
          eq(orders.producerId, sx001.id),
          eq(orders.paymentMethod, "bank_transfer"),
          eq(orders.status, "pending_payment"),
        ),
      )
      .all();
    expect(waiting.length).toBeGreaterThan(0);
  });

  it("checkout disables the transfer while a producer without an account is in the cart, and refuses a forged one", async () => {
    const userId = buyerId();
    const withAccount = listingOf(producerByCode("SX001").id);
    const without = producerByCode(DEMO_PRODUCER_WITHOUT_BANK_ACCOUNT);
    const withoutListing = listingOf(without.id);

    addToCart(db, { userId }, withAccount.id, withAccount.minOrderQty);
    const open = await html("/thanh-toan", cookies.buyer);
    expect(transferRadio(open)).not.toContain("disabled");
    expect(open).not.toContain("Chưa thể chuyển khoản cho giỏ hàng này");

    addToCart(db, { userId }, withoutListing.id, withoutListing.minOrderQty);
    const blocked = await html("/thanh-toan", cookies.buyer);
    expect(transferRadio(blocked)).toContain('disabled=""');
    expect(blocked).toContain(
      `Chưa thể chuyển khoản cho giỏ hàng này vì ${without.name} chưa khai báo tài khoản ngân hàng.`,
    );

    // A forged form choosing the transfer anyway: 400 with the reason, nothing placed.
    const ordersBefore = db.select().from(orders).all().length;
    const cartBefore = getCart(db, { userId }).groups;
    const forged = await fetch(`${server.url}/thanh-toan`, {
      method: "POST",
      redirect: "manual",
      headers: {
        Cookie: cookies.buyer,
        Origin: server.url,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({
        idempotencyKey: randomUUID(),
        name: "Nhà hàng Đông Hà",
        phone: "0912345678",
        paymentMethod: "bank_transfer",
        [`delivery.SX001`]: "pickup",
        [`delivery.${without.code}`]: "pickup",
        [`price.${withAccount.sku}`]: String(withAccount.priceVnd),
        [`price.${withoutListing.sku}`]: String(withoutListing.priceVnd),
      }),
    });
    expect(forged.status).toBe(400);
    expect(decodeEntities(await forged.text())).toContain(
      `Không thể thanh toán bằng chuyển khoản: ${without.name} chưa khai báo tài khoản ngân hàng.`,
    );
    expect(db.select().from(orders).all().length).toBe(ordersBefore);
    expect(getCart(db, { userId }).groups).toEqual(cartBefore);
  });

  it("writes out the transfer details with the deadline, a PNG link, and copy buttons only for JavaScript", async () => {
    const order = transferOrder("SX001");
    const producer = producerByCode("SX001");
    const page = await html(`/don-hang/${order.id}`, cookies.buyer);
    const panel =
      /<section aria-labelledby="transfer-heading".*?<\/section>/s.exec(page)?.[0] ?? "";
    expect(panel).toContain("Chuyển khoản để hoàn tất đơn hàng");
    expect(panel).toContain(producer.bankAccountName!);
    expect(panel).toContain(producer.bankAccountNumber!);
    expect(panel).toContain(producer.bankBin!);
    expect(panel).toContain(formatVnd(order.totalVnd, "vi"));
    expect(panel).toContain(order.code);
    expect(panel).toContain(`Hạn chuyển khoản: ${formatDateTime(order.paymentDueAt!, "vi")}`);
    expect(panel).toContain("hệ thống sẽ tự động hủy đơn");
    expect(panel).toContain(`href="/don-hang/${order.id}/ma-qr.png"`);
    expect(panel).toContain("Lưu mã QR");
    expect(panel).toContain('aria-live="polite"');
    // Without JavaScript there is nothing to copy with: no dead buttons.
    expect(panel).not.toContain("Sao chép");

    // The inline code is the same payload as the saved PNG.
    const svg = /<svg.*?<\/svg>/s.exec(panel)?.[0] ?? "";
    const { data, info } = await sharp(Buffer.from(svg), { density: 300 })
      .flatten({ background: "#ffffff" })
      .resize({ width: 600 })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const onPage = jsQR(
      new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
      info.width,
      info.height,
    )?.data;
    const expected = buildVietQrPayload({
      bankBin: producer.bankBin!,
      accountNumber: producer.bankAccountNumber!,
      amountVnd: order.totalVnd,
      purpose: order.code,
    });
    expect(onPage).toBe(expected);

    const png = await get(`/don-hang/${order.id}/ma-qr.png`, cookies.buyer);
    expect(png.status).toBe(200);
    expect(png.headers.get("content-type")).toBe("image/png");
    expect(png.headers.get("content-disposition")).toBe(
      `attachment; filename="vietqr-${order.code}.png"`,
    );
    const image = await sharp(Buffer.from(await png.arrayBuffer()))
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const saved = jsQR(
      new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length),
      image.info.width,
      image.info.height,
    )?.data;
    expect(saved).toBe(expected);

    // Its producer may save it too; another buyer and another producer get a 404.
    expect((await get(`/don-hang/${order.id}/ma-qr.png`, cookies.producer)).status).toBe(200);
    expect((await get(`/don-hang/${order.id}/ma-qr.png`, cookies.otherBuyer)).status).toBe(404);
    expect((await get(`/don-hang/${order.id}/ma-qr.png`, cookies.otherProducer)).status).toBe(404);
    const anonymous = await get(`/don-hang/${order.id}/ma-qr.png`, "");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toContain("/dang-nhap");
  });

  it("shows the same in English", async () => {
    const order = transferOrder("SX001");
    const email = "nguoimua@cungcau.demo";
    const saved = db.select().from(users).where(eq(users.email, email)).get()?.locale ?? "vi";
    db.update(users).set({ locale: "en" }).where(eq(users.email, email)).run();
    try {
      const page = await html(`/don-hang/${order.id}`, `${cookies.buyer}; lang=en`);
      expect(page).toContain("Pay by bank transfer to complete the order");
      expect(page).toContain(`Pay by: ${formatDateTime(order.paymentDueAt!, "en")}`);
      expect(page).toContain("the order is cancelled automatically");
      expect(page).toContain("Save QR code");
    } finally {
      db.update(users).set({ locale: saved }).where(eq(users.email, email)).run();
    }
  });

  it("names the producer, her phone and the deadline when she has no account (any more)", async () => {
    const order = transferOrder("SX002");
    const producer = producerByCode("SX002");
    db.update(producers)
      .set({ bankBin: null, bankAccountNumber: null, bankAccountName: null })
      .where(inArray(producers.id, [producer.id]))
      .run();
    const page = await html(`/don-hang/${order.id}`, cookies.buyer);
    const panel =
      /<section aria-labelledby="transfer-heading".*?<\/section>/s.exec(page)?.[0] ?? "";
    expect(panel).toContain("Chưa có thông tin chuyển khoản");
    expect(panel).toContain(`${producer.name} chưa khai báo tài khoản ngân hàng trên Cung Cầu`);
    expect(panel).toContain(`href="tel:${producer.phone}"`);
    expect(panel).toContain(`Hạn chuyển khoản: ${formatDateTime(order.paymentDueAt!, "vi")}`);
    expect(panel).not.toContain("ma-qr.png");
    expect((await get(`/don-hang/${order.id}/ma-qr.png`, cookies.buyer)).status).toBe(404);
  });
});
