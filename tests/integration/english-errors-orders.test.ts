import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "~/lib/i18n/en";
import { vi } from "~/lib/i18n/vi";
import { openDatabase, type Db } from "~db/client.server";
import { cartLines, carts, listings, producers, users } from "~db/schema";
import { decodeEntities, signInDemoBuyerInEnglish, vietnameseIn } from "../helpers/english";
import { startServer, type StartedServer } from "../helpers/server";
import { setTestStock } from "../helpers/stock";

/**
 * Acceptance (issue 9): with the interface in English, every domain error of the cart and
 * the checkout reaches the page in English, and no sentence of the Vietnamese catalog is
 * left on it. Against the real server, as a browser without JavaScript would post the forms.
 */

let server: StartedServer;
let db: Db;
let cookie = "";
let buyerId = 0;

/** Two products of the demo catalog on sale, set up by each test as it needs them. */
let sku = "";
let producerCode = "";
let listingId = 0;
let otherListingId = 0;

beforeAll(async () => {
  server = await startServer();
  db = openDatabase(server.databasePath);
  ({ cookie, buyerId } = await signInDemoBuyerInEnglish(server, db));
  const onSale = db
    .select({ id: listings.id, sku: listings.sku, producerCode: producers.code })
    .from(listings)
    .innerJoin(producers, eq(producers.id, listings.producerId))
    .where(and(eq(listings.status, "published"), eq(producers.verificationStatus, "verified")))
    .limit(2)
    .all();
  const [first, second] = onSale;
  if (!first || !second) throw new Error("the demo catalog has too few products on sale");
  ({ sku, id: listingId, producerCode } = first);
  otherListingId = second.id;
}, 300_000);

afterAll(async () => {
  db?.$client.close();
  await server?.stop();
}, 60_000);

/** The text of a page as a reader gets it (entities decoded), markup kept. */
async function pageText(response: Response): Promise<string> {
  return decodeEntities(await response.text());
}

function expectNoVietnamese(text: string) {
  expect(vietnameseIn(text)).toEqual([]);
}

function post(path: string, fields: Record<string, string>) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      Origin: server.url,
      "Content-Type": "application/x-www-form-urlencoded",
      Cookie: cookie,
    },
    body: new URLSearchParams(fields),
  });
}

/** The product on sale again with this stock and minimum, and the buyer's cart emptied. */
function resetProduct(stock: number, minOrderQty = 1) {
  db.update(listings)
    .set({ status: "published", minOrderQty })
    .where(eq(listings.id, listingId))
    .run();
  setTestStock(db, listingId, stock);
  const cart = db.select().from(carts).where(eq(carts.userId, buyerId)).get();
  if (cart) db.delete(cartLines).where(eq(cartLines.cartId, cart.id)).run();
}

function priceOf(): number {
  return (
    db.select({ price: listings.priceVnd }).from(listings).where(eq(listings.id, listingId)).get()
      ?.price ?? 0
  );
}

/** The page answers `status`, shows the English message and no Vietnamese sentence. */
async function expectEnglish(response: Response, status: number, english: RegExp | string) {
  expect(response.status).toBe(status);
  const text = await pageText(response);
  if (typeof english === "string") expect(text).toContain(english);
  else expect(text).toMatch(english);
  expectNoVietnamese(text);
}

const add = (qty: string, id = listingId) =>
  post("/gio-hang", { intent: "add", listingId: String(id), qty });

describe("cart errors in English", () => {
  it("below the minimum order", async () => {
    resetProduct(50, 5);
    await expectEnglish(await add("2"), 400, /has a minimum order of 5 /);
  });

  it("more than the stock", async () => {
    resetProduct(3);
    await expectEnglish(await add("4"), 400, /has only 3 .* in stock/);
  });

  it("sold out", async () => {
    resetProduct(0);
    await expectEnglish(await add("1"), 400, /is sold out/);
  });

  it("no longer on sale", async () => {
    resetProduct(10);
    db.update(listings).set({ status: "draft" }).where(eq(listings.id, listingId)).run();
    await expectEnglish(await add("1"), 400, /is no longer on sale/);
  });

  it("a bad quantity, an unknown product, a product not in the cart", async () => {
    resetProduct(10);
    await expectEnglish(await add("abc"), 400, en["cartPage.badQuantity"]);
    await expectEnglish(await add("1", 99_999_999), 404, en["cartError.productNotFound"]);
    expect((await add("1")).status).toBe(303);
    // Another product that could be ordered, but is not in the cart.
    db.update(listings).set({ minOrderQty: 1 }).where(eq(listings.id, otherListingId)).run();
    setTestStock(db, otherListingId, 10);
    await expectEnglish(
      await post("/gio-hang", { intent: "set", listingId: String(otherListingId), qty: "1" }),
      404,
      en["cartError.notInCart"],
    );
  });

  it("the cart page marks a line that can no longer be ordered", async () => {
    resetProduct(10);
    expect((await add("4")).status).toBe(303);
    setTestStock(db, listingId, 2);
    const response = await fetch(`${server.url}/gio-hang`, { headers: { Cookie: cookie } });
    await expectEnglish(response, 200, /has only 2 .* in stock/);
  });
});

describe("checkout errors in English", () => {
  const form = (overrides: Record<string, string> = {}) => ({
    idempotencyKey: randomUUID(),
    name: "Phạm Văn Người Mua",
    phone: "0912 345 678",
    province: "Quảng Trị",
    commune: "phường Đông Hà",
    address: "12 Lê Duẩn, khu phố 3",
    note: "",
    paymentMethod: "cod",
    [`price.${sku}`]: String(priceOf()),
    ...overrides,
  });

  async function cartWith(qty: number, stock = 10) {
    resetProduct(stock);
    expect((await add(String(qty))).status).toBe(303);
  }

  it("invalid shipping fields, each named in English", async () => {
    await cartWith(1);
    const response = await post(
      "/thanh-toan",
      // Delivered: the address is asked (a pickup-only checkout needs none).
      form({
        name: "A",
        phone: "12345",
        province: "Atlantis",
        address: "",
        [`delivery.${producerCode}`]: "delivery",
      }),
    );
    expect(response.status).toBe(400);
    const text = await pageText(response);
    for (const key of [
      "checkout.error.name",
      "checkout.error.phone",
      "checkout.error.province",
      "checkout.error.address",
    ] as const) {
      expect(text).toContain(en[key]);
    }
    expectNoVietnamese(text);
  });

  it("an out-of-date checkout page", async () => {
    await cartWith(1);
    await expectEnglish(
      await post("/thanh-toan", form({ idempotencyKey: "not-a-key" })),
      400,
      en["checkout.error.expired"],
    );
  });

  it("a price that changed", async () => {
    await cartWith(1);
    await expectEnglish(
      await post("/thanh-toan", form({ [`price.${sku}`]: String(priceOf() + 1000) })),
      409,
      en["orderError.priceChanged"],
    );
  });

  it("stock sold meanwhile", async () => {
    await cartWith(3);
    setTestStock(db, listingId, 1);
    await expectEnglish(
      await post("/thanh-toan", form()),
      409,
      new RegExp(`Not enough stock: .*\\(${sku}\\) has only 1 left`),
    );
  });

  it("a product taken off sale meanwhile", async () => {
    await cartWith(1);
    db.update(listings).set({ status: "draft" }).where(eq(listings.id, listingId)).run();
    await expectEnglish(
      await post("/thanh-toan", form()),
      400,
      `The order is not valid yet. No longer on sale: ${sku}.`,
    );
  });

  it("a minimum order raised meanwhile", async () => {
    await cartWith(2);
    db.update(listings).set({ minOrderQty: 5 }).where(eq(listings.id, listingId)).run();
    await expectEnglish(
      await post("/thanh-toan", form()),
      400,
      `The order is not valid yet. ${sku} needs a minimum order of 5.`,
    );
  });
});

describe("error pages in English", () => {
  it("an order that is not the buyer's shows the domain error's English sentence", async () => {
    const response = await fetch(`${server.url}/don-hang/999999`, { headers: { Cookie: cookie } });
    await expectEnglish(response, 404, en["orderError.notFound"]);
  });

  it("an error sentence in another language than the page is not shown; in its own, it is", async () => {
    const response = await fetch(`${server.url}/don-hang/999999`, {
      headers: { Cookie: cookie.replace("lang=en", "lang=vi") },
    });
    db.update(users).set({ locale: "vi" }).where(eq(users.id, buyerId)).run();
    const vietnamese = await fetch(`${server.url}/don-hang/999999`, {
      headers: { Cookie: cookie.replace("lang=en", "lang=vi") },
    });
    db.update(users).set({ locale: "en" }).where(eq(users.id, buyerId)).run();
    // With the account still in English the page is English, so the Vietnamese sentence
    // of the cookie's language is not shown (it stays only in the hydration data); once the
    // account says Vietnamese, it is.
    const shown = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "");
    expect(shown(await pageText(response))).not.toContain(vi["orderError.notFound"]);
    expect(shown(await pageText(vietnamese))).toContain(vi["orderError.notFound"]);
  });
});
