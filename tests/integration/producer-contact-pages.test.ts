import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placeOrder } from "~/modules/orders/place-order.server";
import { openDatabase, type Db } from "~db/client.server";
import { listings, producers, users } from "~db/schema";
import { demoSessionCookie } from "../helpers/demo-login";
import { decodeEntities } from "../helpers/english";
import { newKey, SHIPPING } from "../helpers/market";
import { startServer, type StartedServer } from "../helpers/server";

/**
 * Issue 14, reaching the producer, as the pages show it (real server, no JavaScript): the
 * producer and product pages carry her phone with a Zalo link, and a buyer's pickup order
 * names the producer's address to pick it up from, not the buyer's own, with the phone.
 */
describe("the producer's contact on the pages", () => {
  let server: StartedServer;
  let db: Db;
  let buyerCookie = "";

  const html = async (path: string, cookie?: string) => {
    const response = await fetch(`${server.url}${path}`, {
      headers: cookie ? { Cookie: cookie } : {},
    });
    expect(response.status).toBe(200);
    return decodeEntities(await response.text());
  };

  beforeAll(async () => {
    server = await startServer();
    db = openDatabase(server.databasePath);
    buyerCookie = await demoSessionCookie(server.url, "buyer");
  }, 120_000);

  afterAll(async () => {
    db?.$client.close();
    await server?.stop();
  });

  it("shows her phone and Zalo in public, and her address on a pickup order", async () => {
    const producer = db.select().from(producers).where(eq(producers.code, "SX001")).get()!;
    const listing = db
      .select()
      .from(listings)
      .where(eq(listings.producerId, producer.id))
      .all()
      .find((row) => row.status === "published" && row.stock > row.minOrderQty)!;
    const zalo = `href="https://zalo.me/${producer.phone}"`;

    expect(await html(`/nha-san-xuat/${producer.code}`)).toContain(zalo);
    const product = await html(`/san-pham/${listing.slug}`);
    expect(product).toContain(zalo);
    expect(product).toContain(`href="tel:${producer.phone}"`);

    const buyer = db.select().from(users).where(eq(users.email, "nguoimua@cungcau.demo")).get()!;
    const order = placeOrder(db, {
      buyerUserId: buyer.id,
      items: [{ sku: listing.sku, qty: listing.minOrderQty }],
      shipping: SHIPPING,
      paymentMethod: "cod",
      delivery: { [producer.code]: "pickup" },
      idempotency: { scope: "test", key: newKey() },
    }).orders[0]!;
    const page = await html(`/don-hang/${order.id}`, buyerCookie);
    // The handover panel as rendered (the loader's data for hydration also holds the order).
    const handover = /<section aria-labelledby="ship-heading".*?<\/section>/s.exec(page)?.[0] ?? "";
    expect(handover).toContain("Nhận hàng tại nhà sản xuất");
    expect(handover).toContain(producer.address);
    expect(handover).not.toContain(SHIPPING.address);
    expect(page).toContain(zalo);
  });
});
