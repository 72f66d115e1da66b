import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "~db/client.server";
import {
  auditLog,
  categories,
  listings,
  notifications,
  offers,
  orders,
  producers,
} from "~db/schema";
import { demoSessionCookie } from "../helpers/demo-login";
import { decodeEntities } from "../helpers/english";
import { startServer, type StartedServer } from "../helpers/server";

/**
 * Issue 13's acceptance, on the real server (embedded FTS engine): province staff suspend
 * the demo producer SX001 from her page, and in the very next request her listings are gone
 * from the product and producer pages, the search page and the public API, a buyer's cart
 * says why her line cannot be ordered, her submitted offers are withdrawn and her open
 * orders stay; reinstating brings the listings back. (Meilisearch: staffproducers-meili.)
 */

type AccountKey = "province-staff" | "admin" | "buyer" | "producer" | "commune-staff";
const CODE = "SX001";

describe("suspending a producer (real server, no JavaScript)", () => {
  let server: StartedServer;
  let db: Db;
  const cookies = {} as Record<AccountKey, string>;
  let listing: { id: number; sku: string; slug: string; title: string; minOrderQty: number };
  let categoryCode = "";
  let producerId = 0;

  const get = async (path: string, as?: AccountKey) => {
    const response = await fetch(`${server.url}${path}`, {
      redirect: "manual",
      headers: as ? { Cookie: cookies[as] } : {},
    });
    return { status: response.status, html: decodeEntities(await response.text()) };
  };
  const post = async (as: AccountKey, path: string, fields: Record<string, string>) => {
    const response = await fetch(`${server.url}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookies[as], Origin: server.url },
      body: new URLSearchParams(fields),
    });
    return {
      status: response.status,
      location: response.headers.get("location") ?? "",
      html: decodeEntities(await response.text()),
    };
  };
  const apiSkus = async (query: string) => {
    const response = await fetch(`${server.url}/api/v1/products?q=${encodeURIComponent(query)}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { hits: { sku: string }[] };
    return body.hits.map((hit) => hit.sku);
  };
  const searchPage = (query: string) => get(`/tim-kiem?q=${encodeURIComponent(query)}`);
  const categoryPage = () => get(`/tim-kiem?category=${categoryCode}`);
  const openOrders = () =>
    db
      .select({ id: orders.id })
      .from(orders)
      .where(
        and(
          eq(orders.producerId, producerId),
          inArray(orders.status, ["pending_payment", "confirmed", "shipping", "delivered"]),
        ),
      )
      .all()
      .map((row) => row.id);
  const offersIn = (status: "submitted" | "withdrawn") =>
    db
      .select({ id: offers.id })
      .from(offers)
      .where(and(eq(offers.producerId, producerId), eq(offers.status, status)))
      .all().length;

  /** What the public sees of the listing: every place it shows, in one go. */
  const visibility = async () => {
    const [product, short, producerPage, search, category, apiList, apiItem] = await Promise.all([
      get(`/san-pham/${listing.slug}`),
      get(`/p/${listing.sku}`),
      get(`/nha-san-xuat/${CODE}`),
      searchPage(listing.title),
      categoryPage(),
      apiSkus(listing.title),
      fetch(`${server.url}/api/v1/products/${listing.sku}`).then((r) => r.status),
    ]);
    return {
      product: product.status,
      shortLink: short.status === 404 ? 404 : 200,
      producerPage: producerPage.status,
      search: search.html.includes(`/san-pham/${listing.slug}`),
      category: category.html.includes(`/san-pham/${listing.slug}`),
      api: apiList.includes(listing.sku),
      apiItem,
    };
  };

  beforeAll(async () => {
    server = await startServer();
    db = openDatabase(server.databasePath);
    producerId = db.select().from(producers).where(eq(producers.code, CODE)).get()?.id ?? 0;
    const row = db
      .select({
        id: listings.id,
        sku: listings.sku,
        slug: listings.slug,
        title: listings.title,
        minOrderQty: listings.minOrderQty,
        category: categories.code,
      })
      .from(listings)
      .innerJoin(categories, eq(categories.id, listings.categoryId))
      .where(and(eq(listings.producerId, producerId), eq(listings.status, "published")))
      .orderBy(listings.id)
      .get();
    if (!row) throw new Error(`the demo has no published listing of ${CODE}`);
    listing = row;
    categoryCode = row.category;
    for (const key of ["province-staff", "admin", "buyer", "producer", "commune-staff"] as const) {
      cookies[key] = await demoSessionCookie(server.url, key);
    }
  }, 300_000);

  afterAll(async () => {
    db?.$client.close();
    await server?.stop();
  });

  it("lists her in the directory of the staff of her commune, with filters", async () => {
    const all = await get("/quan-ly/nha-san-xuat", "commune-staff");
    expect(all.status).toBe(200);
    expect(all.html).toContain(`/quan-ly/nha-san-xuat/${CODE}`);
    const byCode = await get(
      `/quan-ly/nha-san-xuat?q=${CODE}&trang-thai=verified`,
      "commune-staff",
    );
    expect(byCode.html).toContain(`/quan-ly/nha-san-xuat/${CODE}`);
    const suspendedOnly = await get("/quan-ly/nha-san-xuat?trang-thai=suspended", "commune-staff");
    expect(suspendedOnly.html).not.toContain(`/quan-ly/nha-san-xuat/${CODE}`);
    const page = await get(`/quan-ly/nha-san-xuat/${CODE}`, "commune-staff");
    expect(page.status).toBe(200);
    expect(page.html).toContain(listing.title);
  });

  it("takes her listings off the storefront, search, the API and carts in the same request cycle", async () => {
    expect(await visibility()).toEqual({
      product: 200,
      shortLink: 200,
      producerPage: 200,
      search: true,
      category: true,
      api: true,
      apiItem: 200,
    });
    const added = await post("buyer", "/gio-hang", {
      intent: "add",
      listingId: String(listing.id),
      qty: String(listing.minOrderQty),
    });
    expect(added.status).toBeLessThan(400);
    const ordersBefore = openOrders();
    expect(ordersBefore.length).toBeGreaterThan(0);
    const submittedBefore = offersIn("submitted");
    const withdrawnBefore = offersIn("withdrawn");

    // Without the ticked confirmation nothing happens.
    const unconfirmed = await post("province-staff", `/quan-ly/nha-san-xuat/${CODE}`, {
      intent: "suspend",
      reason: "Sản phẩm bị phản ánh sai nguồn gốc",
    });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.html).toContain("Hãy đánh dấu ô xác nhận.");
    expect((await visibility()).api).toBe(true);

    const suspended = await post("province-staff", `/quan-ly/nha-san-xuat/${CODE}`, {
      intent: "suspend",
      reason: "Sản phẩm bị phản ánh sai nguồn gốc",
      confirm: "on",
    });
    expect(suspended.status).toBe(302);
    expect(suspended.location).toBe(`/quan-ly/nha-san-xuat/${CODE}?xong=tam-ngung`);

    expect(await visibility()).toEqual({
      product: 404,
      shortLink: 404,
      producerPage: 404,
      search: false,
      category: false,
      api: false,
      apiItem: 404,
    });
    const cart = await get("/gio-hang", "buyer");
    expect(cart.html).toContain(
      `“${listing.title}”: nhà sản xuất đang tạm ngưng bán trên sàn nên chưa đặt được.`,
    );
    const checkout = await get("/thanh-toan", "buyer");
    expect(checkout.html).toContain("/gio-hang");

    // Her open orders stay; her submitted offers are withdrawn; she reads why.
    expect(openOrders()).toEqual(ordersBefore);
    expect(offersIn("submitted")).toBe(0);
    expect(offersIn("withdrawn")).toBe(withdrawnBefore + submittedBefore);
    const producer = db.select().from(producers).where(eq(producers.id, producerId)).get();
    expect(producer?.verificationStatus).toBe("suspended");
    expect(producer?.suspensionReason).toBe("Sản phẩm bị phản ánh sai nguồn gốc");
    const notice = db
      .select()
      .from(notifications)
      .where(eq(notifications.messageKey, "staffproducers.notice.suspended"))
      .all();
    expect(notice.length).toBeGreaterThan(0);
    const audit = db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, "producer.suspend"), eq(auditLog.entityId, String(producerId))),
      )
      .all();
    expect(audit).toHaveLength(1);
    const staffPage = await get(`/quan-ly/nha-san-xuat/${CODE}?xong=tam-ngung`, "province-staff");
    expect(staffPage.html).toContain("Tạm ngưng từ");
    expect(staffPage.html).toContain("Sản phẩm bị phản ánh sai nguồn gốc");
    const home = await get("/ban-hang", "producer");
    expect(home.html).toContain("Sản phẩm bị phản ánh sai nguồn gốc");

    // Staff cancel one of her open orders from her page: the confirmation and a reason are
    // needed (nothing changes without them); then both sides read the reason.
    const cancellable = db
      .select({ id: orders.id, code: orders.code, buyerUserId: orders.buyerUserId })
      .from(orders)
      .where(
        and(
          eq(orders.producerId, producerId),
          inArray(orders.status, ["pending_payment", "confirmed", "shipping"]),
        ),
      )
      .get();
    expect(cancellable).toBeDefined();
    expect(staffPage.html).toContain(`Huỷ đơn ${cancellable!.code}`);
    const cancelForm = { intent: "cancelOrder", orderId: String(cancellable!.id) };
    const unconfirmedCancel = await post("province-staff", `/quan-ly/nha-san-xuat/${CODE}`, {
      ...cancelForm,
      reason: "Nhà sản xuất tạm ngưng, không giao được",
    });
    expect(unconfirmedCancel.status).toBe(400);
    expect(openOrders()).toEqual(ordersBefore);
    const cancelled = await post("province-staff", `/quan-ly/nha-san-xuat/${CODE}`, {
      ...cancelForm,
      reason: "Nhà sản xuất tạm ngưng, không giao được",
      confirm: "on",
    });
    expect(cancelled.status).toBe(302);
    expect(cancelled.location).toBe(`/quan-ly/nha-san-xuat/${CODE}?xong=huy-don`);
    expect(openOrders()).toEqual(ordersBefore.filter((id) => id !== cancellable!.id));
    expect(db.select().from(orders).where(eq(orders.id, cancellable!.id)).get()).toMatchObject({
      status: "cancelled",
      cancelledBy: "staff",
      cancelReason: "Nhà sản xuất tạm ngưng, không giao được",
    });
    expect(
      db
        .select()
        .from(notifications)
        .where(eq(notifications.kind, "order.cancelled"))
        .all()
        .some((n) => n.userId === cancellable!.buyerUserId),
    ).toBe(true);
    const ordersAfterCancel = openOrders();

    // Suspending twice is refused; reinstating brings everything back at once.
    const again = await post("province-staff", `/quan-ly/nha-san-xuat/${CODE}`, {
      intent: "suspend",
      reason: "Lần hai",
      confirm: "on",
    });
    expect(again.status).toBe(409);
    const reinstated = await post("admin", `/quan-ly/nha-san-xuat/${CODE}`, {
      intent: "reinstate",
      reason: "Đã xác minh lại nguồn gốc",
      confirm: "on",
    });
    expect(reinstated.status).toBe(302);
    expect(await visibility()).toEqual({
      product: 200,
      shortLink: 200,
      producerPage: 200,
      search: true,
      category: true,
      api: true,
      apiItem: 200,
    });
    const cartAfter = await get("/gio-hang", "buyer");
    expect(cartAfter.html).not.toContain("nhà sản xuất đang tạm ngưng bán");
    expect(openOrders()).toEqual(ordersAfterCancel);
  });

  it("unpublishes a listing with a reason from the staff listing page", async () => {
    const other = db
      .select({ id: listings.id, slug: listings.slug })
      .from(listings)
      .where(and(eq(listings.producerId, producerId), eq(listings.status, "published")))
      .orderBy(listings.id)
      .all()
      .find((row) => row.id !== listing.id);
    if (!other) throw new Error(`the demo has one published listing of ${CODE} only`);
    const review = await get(`/quan-ly/kiem-duyet/san-pham/${other.id}`, "province-staff");
    expect(review.html).toContain(`action="/quan-ly/nha-san-xuat/${CODE}"`);
    const short = await post("province-staff", `/quan-ly/nha-san-xuat/${CODE}`, {
      intent: "unpublish",
      listingId: String(other.id),
      reason: "Ảnh",
    });
    expect(short.status).toBe(400);
    expect(short.html).toContain("Hãy ghi lý do, ít nhất 5 ký tự.");
    const done = await post("province-staff", `/quan-ly/nha-san-xuat/${CODE}`, {
      intent: "unpublish",
      listingId: String(other.id),
      reason: "Ảnh không đúng sản phẩm",
    });
    expect(done.status).toBe(302);
    expect(done.location).toBe(`/quan-ly/nha-san-xuat/${CODE}?xong=da-go`);
    expect((await get(`/san-pham/${other.slug}`)).status).toBe(404);
    expect(db.select().from(listings).where(eq(listings.id, other.id)).get()).toMatchObject({
      status: "changes_requested",
      moderationNote: "Ảnh không đúng sản phẩm",
    });
  });

  it("verification shows every declared count, asks for changes, and takes the corrected application back", async () => {
    const other = db.select().from(producers).where(eq(producers.code, "SX004")).get();
    if (!other) throw new Error("the demo has no SX004");
    db.update(producers)
      .set({ verificationStatus: "pending" })
      .where(eq(producers.id, other.id))
      .run();
    const path = `/quan-ly/kiem-duyet/nha-san-xuat/${other.id}`;
    const review = await get(path, "province-staff");
    expect(review.status).toBe(200);
    for (const label of [
      "Tổng số thành viên",
      "Số thành viên nữ",
      "Thành viên dân tộc thiểu số",
      "Thành viên hộ nghèo",
    ]) {
      expect(review.html).toContain(label);
    }
    expect(review.html).toContain('value="request_changes"');
    const asked = await post("province-staff", path, {
      intent: "request_changes",
      reason: "Bổ sung số thành viên hộ nghèo",
    });
    expect(asked.status).toBe(302);
    expect(db.select().from(producers).where(eq(producers.id, other.id)).get()).toMatchObject({
      verificationStatus: "changes_requested",
      verificationNote: "Bổ sung số thành viên hộ nghèo",
    });

    const producer2 = await demoSessionCookie(server.url, "producer-2");
    const form = await fetch(`${server.url}/ban-hang/ho-so/gui-lai`, {
      headers: { Cookie: producer2 },
    });
    expect(decodeEntities(await form.text())).toContain("Bổ sung số thành viên hộ nghèo");
    const resent = await fetch(`${server.url}/ban-hang/ho-so/gui-lai`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: producer2, Origin: server.url },
      body: new URLSearchParams({
        producer: "SX004",
        address: other.address,
        membersTotal: String(other.membersTotal),
        membersWomen: String(other.membersWomen),
        membersEthnicMinority: "0",
        membersPoorHousehold: "11",
        foundedYear: String(other.foundedYear ?? 2015),
      }),
    });
    expect(resent.status).toBe(302);
    expect(db.select().from(producers).where(eq(producers.id, other.id)).get()).toMatchObject({
      verificationStatus: "pending",
      membersPoorHousehold: 11,
    });
    const again = await get(path, "province-staff");
    expect(again.html).toContain("Ghi chú lần xác minh trước");
    const verified = await post("province-staff", path, {
      intent: "approve",
      reason: "Đã đối chiếu danh sách hộ nghèo",
    });
    expect(verified.status).toBe(302);
    expect(db.select().from(producers).where(eq(producers.id, other.id)).get()).toMatchObject({
      verificationStatus: "verified",
      verificationNote: "Đã đối chiếu danh sách hộ nghèo",
    });
  });

  it("does not let the staff of one commune find a producer of another", async () => {
    // SX004 belongs to Bến Quan, outside the Vĩnh Linh staff member's subtree.
    expect((await get("/quan-ly/nha-san-xuat/SX004", "commune-staff")).status).toBe(404);
    const refused = await post("commune-staff", "/quan-ly/nha-san-xuat/SX004", {
      intent: "suspend",
      reason: "Không thuộc xã của tôi",
      confirm: "on",
    });
    expect(refused.status).toBe(404);
    const directory = await get("/quan-ly/nha-san-xuat?q=SX004", "commune-staff");
    expect(directory.html).not.toContain("/quan-ly/nha-san-xuat/SX004");
  });
});
