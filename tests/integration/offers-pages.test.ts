import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "~db/client.server";
import { DEMO_ACCOUNTS } from "~db/seed/demo-accounts";
import {
  listings,
  notifications,
  offerMessages,
  offers,
  orderLines,
  orgUnits,
  producers,
  purchaseRequests,
  users,
} from "~db/schema";
import { demoSessionCookie } from "../helpers/demo-login";
import { decodeEntities } from "../helpers/english";
import { startServer, type StartedServer } from "../helpers/server";

/**
 * Issue 11, item 4 on the real server, as a browser without JavaScript posts the forms: two
 * producers answer a request, the buyer asks and gets an answer, accepts one offer with an
 * address, and an order appears for both with the other side's phone. Only the owner sees
 * the offers' prices and threads; a producer sees her own offer only.
 */

type AccountKey = "buyer" | "producer" | "producer-2" | "province-staff";
const CODE = "YC900";

describe("offers on the request page (no JavaScript)", () => {
  let server: StartedServer;
  let db: Db;
  const cookies = {} as Record<AccountKey | "anonymous", string>;

  const signIn = (key: AccountKey) => demoSessionCookie(server.url, key);

  const page = async (as: AccountKey | "anonymous", path: string) => {
    const response = await fetch(`${server.url}${path}`, {
      redirect: "manual",
      headers: { Cookie: cookies[as] },
    });
    return { status: response.status, html: decodeEntities(await response.text()) };
  };
  const post = async (as: AccountKey, path: string, form: Record<string, string>) => {
    const response = await fetch(`${server.url}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: {
        Cookie: cookies[as],
        Origin: server.url,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams(form),
    });
    return { status: response.status, location: response.headers.get("location") ?? "" };
  };
  const userIdOf = (key: AccountKey) => {
    const email = DEMO_ACCOUNTS.find((a) => a.key === key)?.email ?? "";
    return db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()?.id ?? 0;
  };
  const offerOf = (producerCode: string) =>
    db
      .select({ id: offers.id, status: offers.status, orderId: offers.orderId })
      .from(offers)
      .innerJoin(producers, eq(producers.id, offers.producerId))
      .where(eq(producers.code, producerCode))
      .orderBy(desc(offers.id))
      .get();

  beforeAll(async () => {
    server = await startServer();
    db = openDatabase(server.databasePath);
    cookies.anonymous = "";
    for (const key of ["buyer", "producer", "producer-2", "province-staff"] as const) {
      cookies[key] = await signIn(key);
    }
    const root = db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, "QT")).get();
    db.insert(purchaseRequests)
      .values({
        code: CODE,
        buyerUserId: userIdOf("buyer"),
        title: "Cần mua hồ tiêu cho giỏ quà Tết",
        quantity: 50,
        unit: "kg",
        deliveryLocation: "Phường Đông Hà, Tỉnh Quảng Trị",
        provinceCode: "44",
        communeCode: "19333",
        orgUnitId: root?.id ?? null,
        neededBy: "2099-01-31",
      })
      .run();
    db.update(producers).set({ phone: "0233777888" }).where(eq(producers.code, "SX001")).run();
  }, 300_000);

  afterAll(async () => {
    db?.$client.close();
    await server?.stop();
  }, 60_000);

  it("takes offers, a question and its answer, then accepting makes one order for both", async () => {
    const listing = db
      .select({ id: listings.id, stock: listings.stock })
      .from(listings)
      .innerJoin(producers, eq(producers.id, listings.producerId))
      .where(and(eq(producers.code, "SX001"), eq(listings.status, "published")))
      .get();
    if (!listing) throw new Error("SX001 has no published listing");

    const form = await page("producer", `/yeu-cau-mua/${CODE}/chao-gia`);
    expect(form.status).toBe(200);
    expect(form.html).toContain('name="priceVnd"');
    const sent = await post("producer", `/yeu-cau-mua/${CODE}/chao-gia`, {
      intent: "submit",
      listingId: String(listing.id),
      priceVnd: "310.000",
      quantity: "50",
      deliveryOn: "2098-12-20",
      message: "Tiêu đỏ loại 1",
    });
    expect(sent).toEqual({ status: 303, location: `/yeu-cau-mua/${CODE}?chao-gia=gui#chao-gia` });
    const other = await post("producer-2", `/yeu-cau-mua/${CODE}/chao-gia`, {
      intent: "submit",
      goods: "Tiêu đen hữu cơ",
      unit: "kg",
      priceVnd: "287000",
      quantity: "50",
      deliveryOn: "2098-12-22",
    });
    expect(other.status).toBe(303);
    const bad = await post("producer-2", `/yeu-cau-mua/${CODE}/chao-gia`, {
      intent: "submit",
      priceVnd: "1,5",
      quantity: "50",
      deliveryOn: "2098-12-22",
    });
    expect(bad.status).toBe(400);

    // Only the owner sees every price; each producer her own; anyone else none.
    const owner = await page("buyer", `/yeu-cau-mua/${CODE}`);
    expect(owner.html).toContain("310.000");
    expect(owner.html).toContain("287.000");
    expect(owner.html).toContain("Tiêu đen hữu cơ");
    const producerTwo = await page("producer-2", `/yeu-cau-mua/${CODE}`);
    expect(producerTwo.html).toContain("287.000");
    expect(producerTwo.html).not.toContain("310.000");
    const anonymous = await page("anonymous", `/yeu-cau-mua/${CODE}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.html).not.toContain("310.000");
    expect(anonymous.html).not.toContain("287.000");

    const mine = offerOf("SX001");
    const theirs = offerOf("SX004");
    if (!mine || !theirs) throw new Error("the offers were not stored");
    const thread = `/yeu-cau-mua/${CODE}/hoi-dap/${mine.id}`;
    expect(await post("buyer", thread, { body: "Chị giao tận nơi được không?" })).toMatchObject({
      status: 303,
    });
    expect(await post("producer", thread, { body: "Dạ được, giao trong tỉnh." })).toMatchObject({
      status: 303,
    });
    const read = await page("buyer", thread);
    expect(read.html).toContain("Dạ được, giao trong tỉnh.");
    expect((await page("producer-2", thread)).status).toBe(404);
    expect(await post("producer-2", thread, { body: "Xin chào" })).toMatchObject({ status: 404 });
    expect(
      db.select().from(offerMessages).where(eq(offerMessages.offerId, mine.id)).all(),
    ).toHaveLength(2);

    // Withdrawing asks first; the producer may then answer again.
    const formPath = `/yeu-cau-mua/${CODE}/chao-gia`;
    const ask = await post("producer-2", formPath, {
      intent: "withdraw",
      offerId: String(theirs.id),
    });
    expect(ask).toEqual({ status: 303, location: `${formPath}?rut=${theirs.id}#chao-gia` });
    expect(offerOf("SX004")?.status).toBe("submitted");
    expect((await page("producer-2", `${formPath}?rut=${theirs.id}`)).html).toContain(
      "Có, rút chào giá",
    );
    const withdrawn = await post("producer-2", formPath, {
      intent: "withdraw",
      offerId: String(theirs.id),
      confirm: "yes",
    });
    expect(withdrawn).toEqual({
      status: 303,
      location: `/yeu-cau-mua/${CODE}?chao-gia=rut#chao-gia`,
    });
    expect(offerOf("SX004")?.status).toBe("withdrawn");
    expect((await page("buyer", `/yeu-cau-mua/${CODE}`)).html).not.toContain("287.000");
    await post("producer-2", formPath, {
      intent: "submit",
      goods: "Tiêu đen hữu cơ",
      unit: "kg",
      priceVnd: "285000",
      quantity: "50",
      deliveryOn: "2098-12-22",
    });
    expect(offerOf("SX004")?.status).toBe("submitted");
    // Declining asks first too.
    const declinePage = await page(
      "buyer",
      `/yeu-cau-mua/${CODE}/nhan/${offerOf("SX004")?.id}?tu-choi=1`,
    );
    expect(declinePage.html).toContain("Có, từ chối");

    // Accepting: the shipping form (checkout's schema), then the order.
    const acceptPath = `/yeu-cau-mua/${CODE}/nhan/${mine.id}`;
    expect((await page("buyer", acceptPath)).status).toBe(200);
    expect((await page("producer", acceptPath)).status).toBe(404);
    const accepted = await post("buyer", acceptPath, {
      intent: "accept",
      name: "Phạm Văn Người Mua",
      phone: "0912 345 678",
      province: "Quảng Trị",
      commune: "Phường Đông Hà",
      address: "12 Lê Duẩn",
      note: "",
      deliveryMethod: "delivery",
      paymentMethod: "cod",
    });
    expect(accepted.status).toBe(303);
    const orderId = offerOf("SX001")?.orderId;
    expect(accepted.location).toBe(`/don-hang/${orderId}`);
    expect(offerOf("SX004")?.status).toBe("declined");
    expect(
      db.select().from(notifications).where(eq(notifications.kind, "offer.declined")).all(),
    ).not.toHaveLength(0);
    const line = db
      .select()
      .from(orderLines)
      .where(eq(orderLines.orderId, orderId ?? 0))
      .get();
    expect(line).toMatchObject({ unitPriceVnd: 310_000, qty: 50, reservedQty: 0 });

    const buyerOrder = await page("buyer", `/don-hang/${orderId}`);
    expect(buyerOrder.html).toContain("0233777888");
    const producerOrder = await page("producer", `/ban-hang/don-hang/${orderId}`);
    expect(producerOrder.html).toContain("0912345678");
    // The thread never shows a contact phone.
    expect((await page("buyer", thread)).html).not.toContain("0233777888");

    // Cancelling the order moves no stock.
    const cancelled = await post("buyer", `/don-hang/${orderId}`, { intent: "cancel", reason: "" });
    expect(cancelled.status).toBe(303);
    const after = db
      .select({ stock: listings.stock })
      .from(listings)
      .where(eq(listings.id, listing.id))
      .get();
    expect(after?.stock).toBe(listing.stock);
  });

  it("shows the hide form to staff in scope only, and a hidden request to its owner and them", async () => {
    const hideForm = 'name="reason"';
    expect((await page("province-staff", `/yeu-cau-mua/${CODE}`)).html).toContain(hideForm);
    expect((await page("buyer", `/yeu-cau-mua/${CODE}`)).html).not.toContain(hideForm);
    expect((await page("anonymous", `/yeu-cau-mua/${CODE}`)).html).not.toContain(hideForm);
    db.update(purchaseRequests)
      .set({ isHidden: true })
      .where(eq(purchaseRequests.code, CODE))
      .run();
    expect((await page("anonymous", `/yeu-cau-mua/${CODE}`)).status).toBe(404);
    expect((await page("producer", `/yeu-cau-mua/${CODE}`)).status).toBe(404);
    expect((await page("buyer", `/yeu-cau-mua/${CODE}`)).status).toBe(200);
    expect((await page("province-staff", `/yeu-cau-mua/${CODE}`)).status).toBe(200);
  });
});
