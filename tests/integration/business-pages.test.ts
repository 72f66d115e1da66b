import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "~db/client.server";
import { DEMO_ACCOUNTS, DEMO_CSV_BUYER_PASSWORD } from "~db/seed/demo-accounts";
import { placeOrder } from "~/modules/orders/place-order.server";
import {
  buyerProfiles,
  invoiceRequests,
  listings,
  notifications,
  producers,
  users,
} from "~db/schema";
import { demoSessionCookie } from "../helpers/demo-login";
import { decodeEntities } from "../helpers/english";
import { startServer, type StartedServer } from "../helpers/server";

/**
 * Issue 15 item 6 on the real server, as a browser without JavaScript: the business buyer
 * makes an API key (shown once, working at once), sees its last use and revokes it after a
 * confirm step; saves her business profile (a bad tax code refused under its field); asks for
 * a VAT invoice on her order, prefilled from the profile; the producer marks it issued and
 * the buyer sees the number. Another buyer, another producer and an anonymous visitor are
 * refused on each form, changing nothing.
 */

const readable = (html: string) => decodeEntities(html).replace(/<!-- -->/g, "");
const TOKEN = /cc_[A-Za-z0-9_-]{43}/;

type Who = "buyer" | "otherBuyer" | "producer" | "otherProducer" | "anonymous";

describe("business buyers' pages (no JavaScript)", () => {
  let server: StartedServer;
  let db: Db;
  const cookies: Record<Who, string> = {
    buyer: "",
    otherBuyer: "",
    producer: "",
    otherProducer: "",
    anonymous: "",
  };
  let buyerId = 0;
  let order = { id: 0, code: "" };
  let othersOrder = { id: 0, code: "" };

  const page = async (as: Who, path: string) => {
    const response = await fetch(`${server.url}${path}`, {
      redirect: "manual",
      headers: { Cookie: cookies[as] },
    });
    return {
      status: response.status,
      location: response.headers.get("location") ?? "",
      html: readable(await response.text()),
    };
  };
  const post = async (as: Who, path: string, form: Record<string, string>) => {
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
    return {
      status: response.status,
      location: response.headers.get("location") ?? "",
      cacheControl: response.headers.get("cache-control") ?? "",
      html: readable(await response.text()),
    };
  };
  const api = (token: string, path: string) =>
    fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });

  const place = (buyerUserId: number, key: string) => {
    const sx001 = db.select().from(producers).where(eq(producers.code, "SX001")).get();
    const listing = db
      .select({ sku: listings.sku, min: listings.minOrderQty, stock: listings.stock })
      .from(listings)
      .where(and(eq(listings.producerId, sx001!.id), eq(listings.status, "published")))
      .all()
      .find((row) => row.stock >= row.min);
    if (!listing) throw new Error("no published listing of SX001");
    const placed = placeOrder(db, {
      buyerUserId,
      items: [{ sku: listing.sku, qty: listing.min }],
      shipping: {
        name: "Người Mua",
        phone: "0900000005",
        province: "Quảng Trị",
        commune: "phường Đông Hà",
        address: "12 Lê Duẩn",
      },
      paymentMethod: "cod",
      idempotency: { scope: "business-pages", key },
    }).orders[0];
    if (!placed) throw new Error("no order placed");
    return { id: placed.id, code: placed.code };
  };

  beforeAll(async () => {
    server = await startServer();
    db = openDatabase(server.databasePath);
    cookies.buyer = await demoSessionCookie(server.url, "buyer");
    cookies.producer = await demoSessionCookie(server.url, "producer");
    cookies.otherProducer = await demoSessionCookie(server.url, "producer-2");
    // One of the demo's CSV buyers, logged in with her phone.
    const login = await fetch(`${server.url}/dang-nhap`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ identifier: "0900000201", password: DEMO_CSV_BUYER_PASSWORD }),
    });
    const session = login.headers.getSetCookie().find((c) => c.startsWith("cc_session="));
    if (!session) throw new Error(`log-in of the CSV buyer failed with ${login.status}`);
    cookies.otherBuyer = session.split(";")[0] ?? "";

    const email = DEMO_ACCOUNTS.find((a) => a.key === "buyer")?.email ?? "";
    buyerId = db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
    const other = db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.phone, "+84900000201"))
      .get();
    order = place(buyerId, "business-pages-1");
    othersOrder = place(other?.id ?? 0, "business-pages-2");
  }, 300_000);

  afterAll(async () => {
    db?.$client.close();
    await server?.stop();
  }, 60_000);

  it("makes an API key shown once that works at once, and revokes it after asking", async () => {
    expect((await page("anonymous", "/tai-khoan/api")).location).toContain("/dang-nhap");

    const empty = await post("buyer", "/tai-khoan/api", { intent: "create", name: "  " });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain("Hãy đặt tên cho mã, từ 1 đến 60 ký tự");

    const created = await post("buyer", "/tai-khoan/api", {
      intent: "create",
      name: "Phần mềm kho",
    });
    expect(created.status).toBe(200);
    expect(created.cacheControl).toContain("no-store");
    expect(created.html).toContain("Mã mới “Phần mềm kho”");
    const token = TOKEN.exec(created.html)?.[0] ?? "";
    expect(token).not.toBe("");

    // The key reads her order through the API; the list then shows its last use.
    expect((await api(token, `/api/v1/orders/${order.id}`)).status).toBe(200);
    const listed = await page("buyer", "/tai-khoan/api");
    expect(listed.status).toBe(200);
    expect(listed.html).toContain("Phần mềm kho");
    expect(listed.html).toContain("Dùng lần cuối:");
    // Shown once: the list never holds it again.
    expect(listed.html).not.toContain(token);
    const id = /name="id" value="(\d+)"/.exec(listed.html)?.[1] ?? "";
    expect(id).not.toBe("");

    // Another buyer can neither ask about it nor revoke it.
    expect((await page("otherBuyer", `/tai-khoan/api?thu-hoi=${id}`)).status).toBe(404);
    const stolen = await post("otherBuyer", "/tai-khoan/api", {
      intent: "revoke",
      id,
      confirm: "yes",
    });
    expect(stolen.status).toBe(404);
    expect((await api(token, `/api/v1/orders/${order.id}`)).status).toBe(200);

    // Revoking asks first.
    const ask = await post("buyer", "/tai-khoan/api", { intent: "revoke", id });
    expect(ask.status).toBe(303);
    expect(ask.location).toBe(`/tai-khoan/api?thu-hoi=${id}`);
    const confirm = await page("buyer", ask.location);
    expect(confirm.html).toContain("Thu hồi mã “Phần mềm kho”?");
    const revoked = await post("buyer", "/tai-khoan/api", { intent: "revoke", id, confirm: "yes" });
    expect(revoked.status).toBe(303);
    expect((await page("buyer", revoked.location)).html).toContain("Đã thu hồi mã.");
    expect((await api(token, `/api/v1/orders/${order.id}`)).status).toBe(401);
  });

  it("saves the business profile; a bad tax code is refused under its field, changing nothing", async () => {
    expect((await page("producer", "/tai-khoan/doanh-nghiep")).status).toBe(403);
    const before = db.select().from(buyerProfiles).where(eq(buyerProfiles.userId, buyerId)).get();
    const form = {
      kind: "restaurant",
      companyName: "Nhà hàng Sông Hiếu",
      taxCode: "32001234",
      province: "Quảng Trị",
      city: "Đông Hà",
    };
    const bad = await post("buyer", "/tai-khoan/doanh-nghiep", form);
    expect(bad.status).toBe(400);
    expect(bad.html).toContain("Mã số thuế gồm 10 chữ số, hoặc 13 chữ số cho chi nhánh");
    expect(bad.html).toContain('value="32001234"');
    expect(db.select().from(buyerProfiles).where(eq(buyerProfiles.userId, buyerId)).get()).toEqual(
      before,
    );

    const saved = await post("buyer", "/tai-khoan/doanh-nghiep", {
      ...form,
      taxCode: "3200123456-001",
    });
    expect(saved.status).toBe(303);
    expect((await page("buyer", saved.location)).html).toContain("Đã lưu hồ sơ doanh nghiệp.");
    expect(
      db.select().from(buyerProfiles).where(eq(buyerProfiles.userId, buyerId)).get(),
    ).toMatchObject({ companyName: "Nhà hàng Sông Hiếu", taxCode: "3200123456001" });
  });

  it("asks for a VAT invoice on her order; the producer issues it; nobody else may act", async () => {
    const path = `/don-hang/${order.id}`;
    const producerPath = `/ban-hang/don-hang/${order.id}`;
    const opened = await page("buyer", path);
    expect(opened.status).toBe(200);
    expect(opened.html).toContain("Hóa đơn VAT");
    // Prefilled from the profile saved above.
    expect(opened.html).toContain('value="3200123456001"');
    const form = {
      intent: "invoice_request",
      companyName: "Nhà hàng Sông Hiếu",
      taxCode: "3200123456-001",
      address: "12 Lê Duẩn, phường Đông Hà, Quảng Trị",
      email: "ketoan@songhieu.vn",
    };
    const rowOf = (orderId: number) =>
      db.select().from(invoiceRequests).where(eq(invoiceRequests.orderId, orderId)).get();

    const bad = await post("buyer", path, { ...form, taxCode: "123", email: "sai" });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain("Mã số thuế gồm 10 chữ số");
    expect(bad.html).toContain("E-mail chưa đúng");
    expect(rowOf(order.id)).toBeUndefined();

    // Someone else's order, or nobody signed in: refused, nothing written.
    expect((await post("otherBuyer", path, form)).status).toBe(404);
    expect((await post("producer", path, form)).status).toBe(404);
    expect((await post("anonymous", path, form)).location).toContain("/dang-nhap");
    expect(rowOf(order.id)).toBeUndefined();
    expect((await post("buyer", `/don-hang/${othersOrder.id}`, form)).status).toBe(404);
    expect(rowOf(othersOrder.id)).toBeUndefined();

    const sent = await post("buyer", path, form);
    expect(sent.status).toBe(303);
    expect(sent.location).toContain("hoa-don=da-gui");
    expect((await page("buyer", sent.location)).html).toContain("Đang chờ người bán xuất hóa đơn");
    expect(rowOf(order.id)).toMatchObject({ taxCode: "3200123456001", status: "requested" });

    // The producer sees it; another producer cannot see or answer it.
    const seen = await page("producer", producerPath);
    expect(seen.html).toContain("Người mua cần hóa đơn VAT cho đơn này");
    expect((await page("otherProducer", producerPath)).status).toBe(404);
    const issue = { intent: "invoice_issue", invoiceNumber: "AA/26E 0000123" };
    expect((await post("otherProducer", producerPath, issue)).status).toBe(404);
    expect((await post("buyer", producerPath, issue)).status).toBe(403);
    expect((await post("anonymous", producerPath, issue)).location).toContain("/dang-nhap");
    expect(rowOf(order.id)?.status).toBe("requested");

    const empty = await post("producer", producerPath, {
      intent: "invoice_issue",
      invoiceNumber: "",
    });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain("Hãy ghi ký hiệu và số hóa đơn");
    const issued = await post("producer", producerPath, issue);
    expect(issued.status).toBe(303);
    expect((await page("producer", issued.location)).html).toContain(
      "Đã ghi nhận hóa đơn. Người mua đã được báo.",
    );
    // Answering twice is refused (409) with a message.
    const again = await post("producer", producerPath, {
      intent: "invoice_decline",
      declineReason: "Nhầm",
    });
    expect(again.status).toBe(409);
    expect(again.html).toContain("Yêu cầu xuất hóa đơn này đã được trả lời rồi.");

    const result = await page("buyer", path);
    expect(result.html).toContain("Đã xuất hóa đơn");
    expect(result.html).toContain("Số hóa đơn: AA/26E 0000123");
    expect(
      db
        .select({ key: notifications.messageKey })
        .from(notifications)
        .where(eq(notifications.userId, buyerId))
        .all()
        .map((n) => n.key),
    ).toContain("business.notice.invoiceIssued");
  });

  it("speaks English to a reader who chose it", async () => {
    // A signed-in reader's language is her account's choice.
    db.update(users).set({ locale: "en" }).where(eq(users.id, buyerId)).run();
    const english = async (path: string) => {
      const response = await fetch(`${server.url}${path}`, { headers: { Cookie: cookies.buyer } });
      return readable(await response.text());
    };
    expect(await english("/tai-khoan/api")).toContain("My API keys");
    expect(await english("/tai-khoan/doanh-nghiep")).toContain("Business profile");
    // The invoice issued in the test above.
    const orderPage = await english(`/don-hang/${order.id}`);
    expect(orderPage).toContain("VAT invoice");
    expect(orderPage).toContain("Invoice number: AA/26E 0000123");
  });
});
