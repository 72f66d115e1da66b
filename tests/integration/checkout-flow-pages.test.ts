import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { formatVnd } from "~/lib/money";
import { openDatabase, type Db } from "~db/client.server";
import { buyerAddresses, cartLines, carts, listings, orders, producers, users } from "~db/schema";
import { demoSessionCookie } from "../helpers/demo-login";
import { decodeEntities } from "../helpers/english";
import { startServer, type StartedServer } from "../helpers/server";
import { setTestStock } from "../helpers/stock";

/**
 * Issue 14, "checkout without surprises", as a browser without JavaScript meets it (real
 * server on a fresh demo database): "Cập nhật" shows the total with the chosen delivery fees
 * and keeps what was typed, a pickup-only checkout needs no address, the commune must be one
 * of the province's, the address used is kept in the address book and fills the next
 * checkout, and a pickup order shows the producer's pickup hours.
 */
describe("the checkout and the address book pages", () => {
  let server: StartedServer;
  let db: Db;
  let cookie = "";
  let buyerId = 0;
  let listing: { id: number; sku: string; priceVnd: number; minOrderQty: number };
  let producer: { code: string; address: string; deliveryFeeVnd: number };

  const post = (path: string, fields: Record<string, string>) =>
    fetch(`${server.url}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: {
        Origin: server.url,
        "Content-Type": "application/x-www-form-urlencoded",
        Cookie: cookie,
      },
      body: new URLSearchParams(fields),
    });
  const get = (path: string) =>
    fetch(`${server.url}${path}`, { redirect: "manual", headers: { Cookie: cookie } });
  const text = async (response: Response) => decodeEntities(await response.text());
  const ordersOfBuyer = () =>
    db.select({ id: orders.id }).from(orders).where(eq(orders.buyerUserId, buyerId)).all().length;

  /** The checkout form's fields as the page sends them, with the key it was given. */
  async function checkoutFields(fields: Record<string, string>): Promise<Record<string, string>> {
    const page = await text(await get("/thanh-toan"));
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(page)?.[1] ?? "";
    return {
      idempotencyKey: key,
      [`price.${listing.sku}`]: String(listing.priceVnd),
      name: "Trần Thị Hoa",
      phone: "0912345678",
      paymentMethod: "cod",
      note: "",
      ...fields,
    };
  }

  beforeAll(async () => {
    server = await startServer();
    db = openDatabase(server.databasePath);
    cookie = await demoSessionCookie(server.url, "buyer");
    buyerId = db.select().from(users).where(eq(users.email, "nguoimua@cungcau.demo")).get()!.id;
    const row = db
      .select({
        id: listings.id,
        sku: listings.sku,
        priceVnd: listings.priceVnd,
        minOrderQty: listings.minOrderQty,
        code: producers.code,
        address: producers.address,
        deliveryFeeVnd: producers.deliveryFeeVnd,
      })
      .from(listings)
      .innerJoin(producers, eq(producers.id, listings.producerId))
      .where(and(eq(producers.code, "SX001"), eq(listings.status, "published")))
      .get()!;
    listing = row;
    producer = row;
    // A fee to see in the total, whatever the demo sets.
    db.update(producers).set({ deliveryFeeVnd: 25000 }).where(eq(producers.code, "SX001")).run();
    producer.deliveryFeeVnd = 25000;
  }, 300_000);

  afterAll(async () => {
    db?.$client.close();
    await server?.stop();
  }, 60_000);

  beforeEach(async () => {
    setTestStock(db, listing.id, 1000);
    const cart = db.select().from(carts).where(eq(carts.userId, buyerId)).get();
    if (cart) db.delete(cartLines).where(eq(cartLines.cartId, cart.id)).run();
    const added = await post("/gio-hang", {
      intent: "add",
      listingId: String(listing.id),
      qty: String(listing.minOrderQty),
    });
    expect(added.status).toBe(303);
  });

  it("shows the pickup address and hours beside the pickup choice", async () => {
    const page = await text(await get("/thanh-toan"));
    expect(page).toContain(`Nhận tại: ${producer.address}`);
    expect(page).toContain("Giờ nhận hàng: 7:00–17:00 hằng ngày");
    // All picked up at first: the total is the goods alone.
    const goods = listing.priceVnd * listing.minOrderQty;
    expect(page).toMatch(new RegExp(`Tổng cộng</dt><dd>${formatVnd(goods)}`));
  });

  it("“Cập nhật” shows the total with the delivery fee and keeps what was typed, ordering nothing", async () => {
    const before = ordersOfBuyer();
    const response = await post(
      "/thanh-toan",
      await checkoutFields({
        intent: "update",
        [`delivery.${producer.code}`]: "delivery",
        name: "Chị Hoa thử",
        province: "44",
        commune: "19333",
        address: "99 Đường Thử",
        note: "Gọi trước khi giao",
      }),
    );
    expect(response.status).toBe(200);
    const page = await text(response);
    const goods = listing.priceVnd * listing.minOrderQty;
    expect(page).toMatch(new RegExp(`Phí giao hàng</dt><dd>${formatVnd(25000)}`));
    expect(page).toMatch(new RegExp(`Tổng cộng</dt><dd>${formatVnd(goods + 25000)}`));
    expect(page).toContain('value="Chị Hoa thử"');
    expect(page).toContain('value="99 Đường Thử"');
    expect(page).toContain("Gọi trước khi giao");
    expect(page).toMatch(/<option value="19333" selected="">Phường Đông Hà<\/option>/);
    expect(page).toMatch(/checked="" value="delivery"/);
    // The selects are not marked invalid when nothing is wrong.
    expect(page).not.toContain('aria-invalid="true"');
    expect(ordersOfBuyer()).toBe(before);
  });

  it("“Chọn tỉnh” without JavaScript lists the chosen province's communes, keeping what was typed", async () => {
    const response = await post(
      "/thanh-toan",
      await checkoutFields({
        intent: "pick-province",
        [`delivery.${producer.code}`]: "delivery",
        name: "Chị Hoa thử",
        province: "46",
        commune: "19333",
        address: "1 Lê Lợi",
      }),
    );
    expect(response.status).toBe(200);
    const page = await text(response);
    expect(page).toContain('<option value="19774">Phường Kim Long</option>');
    expect(page).not.toContain("Phường Đông Hà</option>");
    expect(page).toContain('value="Chị Hoa thử"');
    expect(page).toContain('value="1 Lê Lợi"');
  });

  it("places a pickup-only order without an address; its page shows the pickup hours", async () => {
    const response = await post(
      "/thanh-toan",
      await checkoutFields({ [`delivery.${producer.code}`]: "pickup", province: "", address: "" }),
    );
    expect(response.status).toBe(303);
    const order = db
      .select()
      .from(orders)
      .where(eq(orders.buyerUserId, buyerId))
      .orderBy(desc(orders.id))
      .get()!;
    expect(order).toMatchObject({
      deliveryMethod: "pickup",
      shipName: "Trần Thị Hoa",
      shipAddress: "",
    });
    const page = await text(await get(`/don-hang/${order.id}`));
    const handover = /<section aria-labelledby="ship-heading".*?<\/section>/s.exec(page)?.[0] ?? "";
    expect(handover).toContain(producer.address);
    expect(handover).toContain("Giờ nhận hàng: 7:00–17:00 hằng ngày");
  });

  it("asks the address when delivering, and a commune of the chosen province", async () => {
    const before = ordersOfBuyer();
    const delivered = { [`delivery.${producer.code}`]: "delivery" };
    const missing = await post("/thanh-toan", await checkoutFields(delivered));
    expect(missing.status).toBe(400);
    const missingPage = await text(missing);
    expect(missingPage).toContain("Vui lòng chọn tỉnh, thành phố.");
    expect(missingPage).toContain("Vui lòng nhập số nhà, đường hoặc thôn.");

    // Phường Kim Long (code of Huế) is not a ward of Quảng Trị.
    const kimLong = "19774";
    const wrong = await post(
      "/thanh-toan",
      await checkoutFields({ ...delivered, province: "44", commune: kimLong, address: "1 Lê Lợi" }),
    );
    expect(wrong.status).toBe(400);
    expect(await text(wrong)).toContain(
      "Vui lòng chọn xã, phường trong danh sách của tỉnh, thành phố đã chọn.",
    );
    expect(ordersOfBuyer()).toBe(before);
  });

  it("keeps the address used in the book and fills the next checkout with it", async () => {
    const placed = await post(
      "/thanh-toan",
      await checkoutFields({
        [`delivery.${producer.code}`]: "delivery",
        province: "44",
        commune: "19333",
        address: "45 Trần Hưng Đạo",
        saveAddress: "on",
      }),
    );
    expect(placed.status).toBe(303);
    const book = await text(await get("/tai-khoan/dia-chi"));
    expect(book).toContain("45 Trần Hưng Đạo, Phường Đông Hà, Quảng Trị");

    await post("/gio-hang", {
      intent: "add",
      listingId: String(listing.id),
      qty: String(listing.minOrderQty),
    });
    const next = await text(await get("/thanh-toan"));
    expect(next).toContain('value="45 Trần Hưng Đạo"');
    expect(next).toMatch(/<option value="19333" selected="">Phường Đông Hà<\/option>/);
  });

  it("adds, edits and deletes (after asking) an address; another buyer's is a 404", async () => {
    const address = { name: "Lê Thị Mai", phone: "0987654321", province: "44" };
    const refused = await post("/tai-khoan/dia-chi/moi", {
      ...address,
      commune: "19774",
      address: "3 Ngô Quyền",
    });
    expect(refused.status).toBe(400);
    expect(await text(refused)).toContain("trong danh sách của tỉnh, thành phố đã chọn");

    const added = await post("/tai-khoan/dia-chi/moi", {
      ...address,
      commune: "19333",
      address: "3 Ngô Quyền",
    });
    expect(added.status).toBe(303);
    const saved = db
      .select()
      .from(buyerAddresses)
      .where(and(eq(buyerAddresses.userId, buyerId), eq(buyerAddresses.address, "3 Ngô Quyền")))
      .get()!;
    expect(saved.commune).toBe("Phường Đông Hà");

    const edited = await post(`/tai-khoan/dia-chi/${saved.id}`, {
      ...address,
      commune: "Xã Cam Lộ",
      address: "thôn Phổ Lại",
      isDefault: "on",
    });
    expect(edited.status).toBe(303);
    expect(
      db.select().from(buyerAddresses).where(eq(buyerAddresses.id, saved.id)).get(),
    ).toMatchObject({ commune: "Xã Cam Lộ", address: "thôn Phổ Lại", isDefault: true });

    const ask = await post("/tai-khoan/dia-chi", { intent: "delete", id: String(saved.id) });
    expect(ask.status).toBe(303);
    expect(ask.headers.get("location")).toBe(`/tai-khoan/dia-chi?xoa=${saved.id}`);
    expect(await text(await get(`/tai-khoan/dia-chi?xoa=${saved.id}`))).toContain(
      "Xóa địa chỉ này khỏi sổ?",
    );
    // Asking deletes nothing.
    expect(
      db.select().from(buyerAddresses).where(eq(buyerAddresses.id, saved.id)).get(),
    ).toBeDefined();
    const deleted = await post("/tai-khoan/dia-chi", {
      intent: "delete",
      id: String(saved.id),
      confirm: "yes",
    });
    expect(deleted.status).toBe(303);
    expect(
      db.select().from(buyerAddresses).where(eq(buyerAddresses.id, saved.id)).get(),
    ).toBeUndefined();

    // Another buyer's address: not found, and nothing changes.
    const otherBuyer = db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.phone, "+84900000004"))
      .get()!;
    const othersId = db
      .insert(buyerAddresses)
      .values({
        userId: otherBuyer.id,
        name: "Người khác",
        phone: "0900000004",
        province: "Quảng Trị",
        communeCode: "19333",
        commune: "Phường Đông Hà",
        address: "7 Lê Lợi",
      })
      .returning({ id: buyerAddresses.id })
      .get().id;
    expect((await get(`/tai-khoan/dia-chi/${othersId}`)).status).toBe(404);
    expect(
      (
        await post(`/tai-khoan/dia-chi/${othersId}`, {
          ...address,
          commune: "19333",
          address: "x 1",
        })
      ).status,
    ).toBe(404);
    expect(
      (await post("/tai-khoan/dia-chi", { intent: "delete", id: String(othersId), confirm: "yes" }))
        .status,
    ).toBe(404);
    expect(
      db.select().from(buyerAddresses).where(eq(buyerAddresses.id, othersId)).get()?.address,
    ).toBe("7 Lê Lợi");
  });
});
