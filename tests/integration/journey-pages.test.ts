import { and, eq, gt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatVnd } from "~/lib/money";
import { actorForUser } from "~/modules/auth/session.server";
import {
  acceptOrder,
  cancelOrderByBuyer,
  confirmReceipt,
  deliverOrder,
  shipOrder,
} from "~/modules/orders/fulfilment.server";
import { placeOrder } from "~/modules/orders/place-order.server";
import { createReview } from "~/modules/orders/reviews.server";
import { openDatabase, type Db } from "~db/client.server";
import { listings, producers, users } from "~db/schema";
import { demoSessionCookie } from "../helpers/demo-login";
import { t } from "~/lib/i18n";
import { decodeEntities } from "../helpers/english";
import { newKey, SHIPPING } from "../helpers/market";
import { startServer, type StartedServer } from "../helpers/server";

/**
 * Issue 14, the pages that lead to buying, as a phone without JavaScript gets them from the
 * real server: products before categories on the home page, ratings on cards and beside a
 * product's title, share and QR links, the minimum and the line total beside the quantity,
 * the order timeline, product names in the order list, cart thumbnails and the way back to
 * shopping, sign-up for individuals, and English quantities.
 */
describe("the buyer's journey pages", () => {
  let server: StartedServer;
  let db: Db;
  let buyerCookie = "";
  let producerCookie = "";
  let buyerId = 0;

  const page = async (path: string, cookie?: string) => {
    const response = await fetch(`${server.url}${path}`, {
      headers: cookie ? { Cookie: cookie } : {},
    });
    expect(response.status).toBe(200);
    return decodeEntities(await response.text());
  };

  /** The producer SX001's published listings with stock to order. */
  const sx001Listings = () => {
    const producer = db.select().from(producers).where(eq(producers.code, "SX001")).get()!;
    return db
      .select()
      .from(listings)
      .where(
        and(
          eq(listings.producerId, producer.id),
          eq(listings.status, "published"),
          gt(listings.stock, 20),
        ),
      )
      .all();
  };

  const order = (sku: string, qty: number) =>
    placeOrder(db, {
      buyerUserId: buyerId,
      items: [{ sku, qty }],
      shipping: SHIPPING,
      paymentMethod: "cod",
      delivery: { SX001: "delivery" },
      idempotency: { scope: "test", key: newKey() },
    }).orders[0]!;

  /** The demo producer SX001's owner, as the fulfilment steps want her. */
  const producerActor = () => {
    const user = db.select().from(users).where(eq(users.email, "sx001@cungcau.demo")).get()!;
    return actorForUser(db, user.id)!;
  };

  beforeAll(async () => {
    server = await startServer();
    db = openDatabase(server.databasePath);
    buyerCookie = await demoSessionCookie(server.url, "buyer");
    producerCookie = await demoSessionCookie(server.url, "producer");
    buyerId = db.select().from(users).where(eq(users.email, "nguoimua@cungcau.demo")).get()!.id;
  }, 240_000);

  afterAll(async () => {
    db?.$client.close();
    await server?.stop();
  });

  it("puts products before the categories on the home page, OCOP first", async () => {
    const home = await page("/");
    const ocop = home.indexOf('aria-labelledby="ocop-title"');
    const newest = home.indexOf('aria-labelledby="newest-title"');
    const categories = home.indexOf('aria-labelledby="categories-title"');
    const firstProduct = home.indexOf('href="/san-pham/');
    expect(ocop).toBeGreaterThan(-1);
    expect(ocop).toBeLessThan(newest);
    expect(newest).toBeLessThan(categories);
    expect(firstProduct).toBeGreaterThan(-1);
    expect(firstProduct).toBeLessThan(categories);
    // A visitor has no province section; the demo buyer's profile names Quảng Trị.
    expect(home).not.toContain('aria-labelledby="province-title"');
    const signedIn = await page("/", buyerCookie);
    expect(signedIn).toContain('aria-labelledby="province-title"');
    expect(signedIn).toContain("Sản phẩm ở Quảng Trị");
    // Card photos are lazy and sized, so slow data loads only what is seen.
    expect(home).toMatch(/<img[^>]*loading="lazy"[^>]*width="640" height="480"/);
  });

  it("shows a product's rating on its card and beside its title, with the reviews", async () => {
    const listing = sx001Listings()[0]!;
    const placed = order(listing.sku, listing.minOrderQty);
    const producer = producerActor();
    acceptOrder(db, producer, placed.id);
    shipOrder(db, producer, placed.id);
    deliverOrder(db, producer, placed.id);
    confirmReceipt(db, buyerId, placed.id);
    createReview(db, buyerId, {
      orderId: placed.id,
      listingId: listing.id,
      rating: 4,
      comment: "Tiêu thơm, đóng gói cẩn thận.",
    });

    const product = await page(`/san-pham/${listing.slug}`);
    const title = product.indexOf("<h1");
    const summary = product.indexOf("Được chấm 4 trên 5 sao qua 1 đánh giá");
    expect(summary).toBeGreaterThan(title);
    expect(summary).toBeLessThan(product.indexOf('id="reviews-heading"'));
    expect(product).toContain('href="#reviews-heading"');

    // SX001's listings are among the demo's newest: its card on the home page has it too.
    const home = await page("/");
    const card =
      new RegExp(
        `<article[^>]*>(?:(?!</article>)[^])*?href="/san-pham/${listing.slug}"[^]*?</article>`,
      ).exec(home)?.[0] ?? "";
    expect(card).toContain(listing.title);
    expect(card).toContain("Được chấm 4 trên 5 sao qua 1 đánh giá");
    // And on its search result card.
    const results = await page(`/tim-kiem?q=${encodeURIComponent(listing.title)}`);
    const hit =
      new RegExp(
        `<article[^>]*>(?:(?!</article>)[^])*?href="/san-pham/${listing.slug}"[^]*?</article>`,
      ).exec(results)?.[0] ?? "";
    expect(hit).toContain("Được chấm 4 trên 5 sao qua 1 đánh giá");
  });

  it("offers five large star labels over radio inputs to rate a completed order", async () => {
    const listing = sx001Listings()[0]!;
    const placed = order(listing.sku, listing.minOrderQty);
    const producer = producerActor();
    acceptOrder(db, producer, placed.id);
    shipOrder(db, producer, placed.id);
    deliverOrder(db, producer, placed.id);
    confirmReceipt(db, buyerId, placed.id);
    const html = await page(`/don-hang/${placed.id}`, buyerCookie);
    const radios = [...html.matchAll(/<input[^>]*type="radio"[^>]*name="rating"[^>]*>/g)];
    expect(radios.map((radio) => /value="(\d)"/.exec(radio[0])?.[1])).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
    ]);
    for (const stars of [1, 2, 3, 4, 5]) {
      // Each star is a 48 px target whose label names it for screen readers.
      expect(html).toMatch(
        new RegExp(`class="relative flex h-12 w-12[^"]*"><label for="[^"]+-${stars}"[^>]*>`),
      );
      expect(html).toContain(`<span class="sr-only">${stars} sao</span>`);
    }
  });

  it("offers Zalo, Facebook and the QR origin code on a product page", async () => {
    const listing = sx001Listings()[0]!;
    const product = await page(`/san-pham/${listing.slug}`);
    const url = encodeURIComponent(`${server.url}/san-pham/${listing.slug}`);
    expect(product).toContain(`href="https://sp.zalo.me/share?url=${url}"`);
    expect(product).toContain(`href="https://www.facebook.com/sharer/sharer.php?u=${url}"`);
    expect(product).toContain("Mã QR truy xuất nguồn gốc");
    const qrHref = `/san-pham/${listing.sku}/qr.svg`;
    expect(product).toContain(`href="${qrHref}"`);
    const qr = await fetch(`${server.url}${qrHref}`);
    expect(qr.status).toBe(200);
    expect(qr.headers.get("content-type")).toContain("image/svg+xml");
    // Without JavaScript there is no copy button, but the link is there to select.
    expect(product).toContain(`value="${server.url}/san-pham/${listing.slug}"`);
  });

  it("states the minimum order and the line total beside the quantity", async () => {
    const listing = db
      .select()
      .from(listings)
      .where(and(eq(listings.status, "published"), gt(listings.minOrderQty, 1)))
      .all()
      .find((row) => row.stock >= row.minOrderQty)!;
    db.update(listings).set({ unit: "gói" }).where(eq(listings.id, listing.id)).run();
    const product = await page(`/san-pham/${listing.slug}`);
    const form = /<form[^>]*action="\/gio-hang"[^]*?<\/form>/.exec(product)?.[0] ?? "";
    expect(form).toContain(`min="${listing.minOrderQty}"`);
    expect(form).toContain(`data-min-order="${listing.minOrderQty}"`);
    expect(form).toContain(`Đặt tối thiểu ${listing.minOrderQty} gói.`);
    expect(form).toContain("<output");
    expect(form).toContain(
      `Thành tiền cho ${listing.minOrderQty} gói: ${formatVnd(listing.minOrderQty * listing.priceVnd, "vi")}`,
    );

    const english = await page(`/san-pham/${listing.slug}`, "lang=en");
    expect(english).toContain(`Minimum order: ${listing.minOrderQty} packs.`);
    expect(english).toContain(`Total for ${listing.minOrderQty} packs:`);
  });

  it("reads English quantities naturally", async () => {
    const listing = sx001Listings()[1]!;
    // Stock moves only through the stock module; the unit and the minimum are plain columns.
    db.update(listings)
      .set({ unit: "gói", minOrderQty: 1 })
      .where(eq(listings.id, listing.id))
      .run();
    const stock = listing.stock.toLocaleString("en-US");
    const english = await page(`/san-pham/${listing.slug}`, "lang=en");
    expect(english).toContain(`${stock} packs in stock`);
    expect(english).toContain("Minimum order: 1 pack.");
    expect(english).toContain("Quantity (packs)");
    expect(english).not.toContain("× pack");
    const vietnamese = await page(`/san-pham/${listing.slug}`);
    expect(vietnamese).toContain(`Còn hàng (${listing.stock.toLocaleString("vi-VN")} gói)`);
  });

  it("shows the timeline of a confirmed and shipped order to the buyer and the producer", async () => {
    const listing = sx001Listings()[2] ?? sx001Listings()[0]!;
    const placed = order(listing.sku, listing.minOrderQty);
    const producer = producerActor();
    acceptOrder(db, producer, placed.id);
    shipOrder(db, producer, placed.id, new Date(), {
      carrier: "Viettel Post",
      trackingNumber: "VTP123456789",
    });
    for (const [path, cookie] of [
      [`/don-hang/${placed.id}`, buyerCookie],
      [`/ban-hang/don-hang/${placed.id}`, producerCookie],
    ] as const) {
      const html = await page(path, cookie);
      const timeline =
        /<section aria-labelledby="order-timeline-title"[^]*?<\/section>/.exec(html)?.[0] ?? "";
      expect(timeline).toContain("Tiến trình đơn hàng");
      for (const step of ["placed", "confirmed", "shipped"]) {
        expect(timeline).toMatch(new RegExp(`data-step="${step}"[^]*?<time dateTime="`));
      }
      expect(timeline).toContain("Đơn vị vận chuyển: Viettel Post");
      expect(timeline).toContain("Mã vận đơn: VTP123456789");
      expect(timeline).toMatch(/data-step="delivered"[^]*?Chưa đến bước này/);
    }
  });

  it("tells a cancellation without a reason in English: timeline, reason and notification", async () => {
    const listing = sx001Listings()[0]!;
    const placed = order(listing.sku, listing.minOrderQty);
    acceptOrder(db, producerActor(), placed.id);
    cancelOrderByBuyer(db, buyerId, placed.id, null);
    // A signed-in reader's language is the one stored on her account.
    const producerUserId = producerActor().userId;
    db.update(users).set({ locale: "en" }).where(eq(users.id, producerUserId)).run();
    const english = `lang=en; ${producerCookie}`;
    const orderPage = await page(`/ban-hang/don-hang/${placed.id}`, english);
    const timeline =
      /<section aria-labelledby="order-timeline-title"[^]*?<\/section>/.exec(orderPage)?.[0] ?? "";
    expect(timeline).toContain("Order progress");
    expect(timeline).toMatch(/data-step="cancelled"[^]*?Cancelled[^]*?<time dateTime="/);
    expect(timeline).not.toContain('data-step="shipped"');
    expect(orderPage).toContain(t("en", "cancelReason.buyerGaveNone"));
    expect(orderPage).not.toContain(t("vi", "cancelReason.buyerGaveNone"));
    const notices = await page("/thong-bao", english);
    expect(notices).toContain(t("en", "cancelReason.buyerGaveNone"));
    expect(notices).not.toContain(t("vi", "cancelReason.buyerGaveNone"));
    db.update(users).set({ locale: "vi" }).where(eq(users.id, producerUserId)).run();
  });

  it("names the products of each order in the buyer's list", async () => {
    const listing = sx001Listings()[0]!;
    order(listing.sku, listing.minOrderQty);
    const list = await page("/don-hang", buyerCookie);
    expect(list).toContain(`Sản phẩm: ${listing.title}`);
  });

  it("shows cart thumbnails and a way back to shopping", async () => {
    const withPhoto = sx001Listings().find((row) => row.stock > row.minOrderQty)!;
    const added = await fetch(`${server.url}/gio-hang`, {
      method: "POST",
      redirect: "manual",
      headers: {
        Cookie: buyerCookie,
        Origin: server.url,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({
        intent: "add",
        listingId: String(withPhoto.id),
        qty: String(withPhoto.minOrderQty),
      }),
    });
    expect(added.status).toBe(303);
    const cart = await page("/gio-hang", buyerCookie);
    expect(cart).toMatch(/<img[^>]*loading="lazy"[^>]*width="160" height="160"/);
    expect(cart).toMatch(/<a[^>]*href="\/tim-kiem"[^>]*>Tiếp tục mua hàng<\/a>/);
  });

  it("signs an individual up without the business block", async () => {
    const form = await page("/dang-ky");
    const block = /<fieldset[^>]*data-business-block[^]*?<\/fieldset>/.exec(form)?.[0] ?? "";
    // Without JavaScript the block is there, hidden by CSS for individuals, with its note.
    expect(block).toContain("group-has-[option[value=individual]:checked]:hidden");
    expect(block).toContain(t("vi", "auth.signup.businessHint"));
    const response = await fetch(`${server.url}/dang-ky`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        displayName: "Nguyễn Thị Hoa",
        phone: "0987 111 222",
        password: "Mè xửng Huế ngon lắm",
        confirmPassword: "Mè xửng Huế ngon lắm",
        acceptTerms: "on",
        buyerKind: "individual",
      }),
    });
    expect(response.status).toBe(302);
    const user = db.select().from(users).where(eq(users.phone, "+84987111222")).get();
    expect(user?.displayName).toBe("Nguyễn Thị Hoa");
  });
});
