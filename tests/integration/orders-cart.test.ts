import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createUser } from "~/modules/auth/accounts.server";
import { Invalid } from "~/lib/errors";
import {
  addToCart,
  countCartItems,
  getCart,
  hashGuestToken,
  mergeGuestCart,
  newGuestCartToken,
  removeCartLine,
  setCartLineQty,
} from "~/modules/orders/cart.server";
import {
  cartCountFor,
  cartForPage,
  cartOwnerFor,
  mergeGuestCartAtLogin,
  readGuestCartToken,
} from "~/modules/orders/cart-cookie.server";
import { setDbForTests } from "~/modules/platform/db.server";
import { action as loginAction } from "~/routes/dang-nhap";
import { carts, listings } from "~db/schema";
import { freshDb } from "../helpers/db";
import { makeMarket } from "../helpers/market";

describe("cart", () => {
  it("groups lines by producer with subtotals", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const owner = { userId: m.buyer.id };
    addToCart(db, owner, m.pepper.id, 2);
    addToCart(db, owner, m.squid.id, 1);
    addToCart(db, owner, m.bulk.id, 5);
    const cart = getCart(db, owner);
    expect(cart.groups.map((g) => g.producer.code)).toEqual(["SXA", "SXB"]);
    expect(cart.groups[0]?.subtotalVnd).toBe(2 * 120000 + 5 * 50000);
    expect(cart.groups[1]?.subtotalVnd).toBe(300000);
    expect(cart.totalVnd).toBe(2 * 120000 + 5 * 50000 + 300000);
    expect(cart.itemCount).toBe(3);
    expect(countCartItems(db, owner)).toBe(3);
  });

  it("refuses quantities below the minimum order or above stock, in Vietnamese", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const owner = { userId: m.buyer.id };
    expect(() => addToCart(db, owner, m.bulk.id, 2)).toThrow(/tối thiểu 5 gói/);
    expect(() => addToCart(db, owner, m.pepper.id, 11)).toThrow(/chỉ còn 10 gói/);
    addToCart(db, owner, m.pepper.id, 8);
    // Adding on top of what is there counts the whole quantity.
    expect(() => addToCart(db, owner, m.pepper.id, 3)).toThrow(Invalid);
    expect(() => setCartLineQty(db, owner, m.pepper.id, 12)).toThrow(/chỉ còn 10/);
    setCartLineQty(db, owner, m.pepper.id, 10);
    expect(getCart(db, owner).groups[0]?.lines[0]?.qty).toBe(10);
    setCartLineQty(db, owner, m.pepper.id, 0);
    expect(getCart(db, owner).itemCount).toBe(0);
  });

  it("refuses a product that is not on sale", () => {
    const db = freshDb();
    const m = makeMarket(db);
    db.update(listings).set({ status: "archived" }).where(eq(listings.id, m.pepper.id)).run();
    expect(() => addToCart(db, { userId: m.buyer.id }, m.pepper.id, 1)).toThrow(/không còn bán/);
  });

  it("keeps a guest cart under the hash of its cookie token and merges it at login", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const token = newGuestCartToken();
    addToCart(db, { guestToken: token }, m.pepper.id, 2);
    addToCart(db, { guestToken: token }, m.squid.id, 1);
    const stored = db.select().from(carts).all();
    expect(stored[0]?.guestTokenHash).toBe(hashGuestToken(token));
    expect(stored[0]?.guestTokenHash).not.toContain(token);

    addToCart(db, { userId: m.buyer.id }, m.pepper.id, 3);
    mergeGuestCart(db, token, m.buyer.id);
    const cart = getCart(db, { userId: m.buyer.id });
    const qtyBySku = Object.fromEntries(
      cart.groups.flatMap((g) => g.lines.map((l) => [l.sku, l.qty])),
    );
    expect(qtyBySku).toEqual({ SP0001: 3, SP0003: 1 });
    expect(getCart(db, { guestToken: token }).itemCount).toBe(0);
    expect(db.select().from(carts).all()).toHaveLength(1);
    // A second merge with the same (now unknown) token is harmless.
    mergeGuestCart(db, token, m.buyer.id);
    expect(getCart(db, { userId: m.buyer.id }).itemCount).toBe(2);
  });

  it("shows a price that changed since the product was added", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const owner = { userId: m.buyer.id };
    addToCart(db, owner, m.pepper.id, 1);
    db.update(listings).set({ priceVnd: 125000 }).where(eq(listings.id, m.pepper.id)).run();
    const cart = getCart(db, owner);
    expect(cart.priceChanges).toEqual([
      { sku: "SP0001", title: m.pepper.title, fromVnd: 120000, toVnd: 125000 },
    ]);
    expect(cart.totalVnd).toBe(125000);
    removeCartLine(db, owner, m.pepper.id);
    expect(getCart(db, owner).priceChanges).toEqual([]);
  });

  it("reads the guest cookie, makes one when asked, and merges it at login", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const anonymous = { kind: "anonymous" as const, locale: "vi" as const };
    const bare = new Request("http://localhost/gio-hang");
    expect(cartOwnerFor(bare, anonymous)).toEqual({ owner: null, setCookie: null });
    const made = cartOwnerFor(bare, anonymous, { create: true });
    expect(made.setCookie).toMatch(/^cc_cart=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax/);
    const token = made.setCookie?.split(";")[0]?.split("=")[1] ?? "";
    const withCookie = new Request("http://localhost/gio-hang", {
      headers: { Cookie: `other=1; cc_cart=${token}` },
    });
    expect(readGuestCartToken(withCookie)).toBe(token);
    expect(
      readGuestCartToken(new Request("http://x/", { headers: { Cookie: "cc_cart=../x" } })),
    ).toBeNull();
    addToCart(db, { guestToken: token }, m.pepper.id, 1);
    expect(cartCountFor(db, withCookie, anonymous)).toBe(1);
    expect(cartOwnerFor(withCookie, m.actors.buyer).owner).toEqual({ userId: m.buyer.id });
    const clear = mergeGuestCartAtLogin(db, withCookie, m.buyer.id);
    expect(clear).toMatch(/^cc_cart=; .*Max-Age=0/);
    expect(getCart(db, { userId: m.buyer.id }).itemCount).toBe(1);
    expect(mergeGuestCartAtLogin(db, bare, m.buyer.id)).toBeNull();

    // A signed-in page request still carrying a guest cookie merges it on the spot.
    const late = newGuestCartToken();
    addToCart(db, { guestToken: late }, m.squid.id, 1);
    const page = cartForPage(
      db,
      new Request("http://localhost/gio-hang", { headers: { Cookie: `cc_cart=${late}` } }),
      m.actors.buyer,
    );
    expect(page.owner).toEqual({ userId: m.buyer.id });
    expect(page.setCookie).toMatch(/Max-Age=0/);
    expect(getCart(db, { userId: m.buyer.id }).itemCount).toBe(2);
  });

  it("logging in moves the guest cart into the account and clears the guest cookie", async () => {
    const db = freshDb();
    setDbForTests(db);
    const m = makeMarket(db);
    const password = "Giỏ hàng khách 2026";
    const userId = await createUser(db, {
      displayName: "Chị Mua Sau",
      email: "mua.sau@example.vn",
      password,
    });
    const token = newGuestCartToken();
    addToCart(db, { guestToken: token }, m.pepper.id, 2);
    addToCart(db, { guestToken: token }, m.squid.id, 1);
    const origin = "http://localhost:3000";
    const response = (await loginAction({
      request: new Request(`${origin}/dang-nhap`, {
        method: "POST",
        headers: {
          Origin: origin,
          Cookie: `cc_cart=${token}`,
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams({
          identifier: "mua.sau@example.vn",
          password,
          next: "/thanh-toan",
        }).toString(),
      }),
      params: {},
      context: { clientIp: "203.0.113.9" },
    })) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/thanh-toan");
    const setCookies = response.headers.getSetCookie();
    expect(setCookies.some((c) => c.startsWith("cc_session="))).toBe(true);
    expect(setCookies.some((c) => /^cc_cart=; .*Max-Age=0/.test(c))).toBe(true);
    const cart = getCart(db, { userId });
    expect(cart.groups.flatMap((g) => g.lines.map((l) => [l.sku, l.qty]))).toEqual([
      ["SP0001", 2],
      ["SP0003", 1],
    ]);
    expect(
      db
        .select()
        .from(carts)
        .where(eq(carts.guestTokenHash, hashGuestToken(token)))
        .get(),
    ).toBeUndefined();
  });
});
