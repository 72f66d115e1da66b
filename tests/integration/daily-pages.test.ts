import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "~db/client.server";
import { DEMO_ACCOUNTS } from "~db/seed/demo-accounts";
import { placeOrder } from "~/modules/orders/place-order.server";
import { countProducerOrdersByNextStep } from "~/modules/orders/queries.server";
import { buyerProfiles, listings, orders, producers, users } from "~db/schema";
import { changedTables, databaseFingerprint } from "../helpers/db-snapshot";
import { demoSessionCookie } from "../helpers/demo-login";
import { decodeEntities } from "../helpers/english";
import { startServer, type StartedServer } from "../helpers/server";

/**
 * Issue 13 on the real server, as a browser without JavaScript: the producer sees a new cash
 * order on her workspace home, opens the filtered inbox where the tab and the card say the
 * same "Chờ người bán xác nhận", accepts it, ships it with a carrier and a tracking number
 * (a bad one refused under its field, changing nothing), and the buyer sees both on her
 * order page; the delivery note names the buyer's business and tax code. Every workspace
 * page shows the one workspace menu exactly once.
 */

const MENU = 'aria-label="Các mục của gian hàng"';
const WORKSPACE_PAGES = [
  "/ban-hang",
  "/ban-hang/san-pham",
  "/ban-hang/san-pham/moi",
  "/ban-hang/ho-so",
  "/ban-hang/nhap-du-lieu",
  "/ban-hang/don-hang",
  "/ban-hang/hoan-tien",
  "/ban-hang/yeu-cau",
  "/ban-hang/so-du",
];

/** A page's HTML with entities decoded and React's text separators gone, to read as text. */
const readable = (html: string) => decodeEntities(html).replace(/<!-- -->/g, "");

describe("the producer's daily work (no JavaScript)", () => {
  let server: StartedServer;
  let db: Db;
  const cookies = { producer: "", buyer: "" };
  let order: { id: number; code: string };
  let producerId = 0;

  const page = async (as: keyof typeof cookies, path: string) => {
    const response = await fetch(`${server.url}${path}`, {
      redirect: "manual",
      headers: { Cookie: cookies[as] },
    });
    return { status: response.status, html: readable(await response.text()) };
  };
  const post = async (as: keyof typeof cookies, path: string, form: Record<string, string>) => {
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
      html: readable(await response.text()),
    };
  };
  /** The list item of the inbox that holds the order's link. */
  const cardOf = (html: string, code: string) =>
    html.split("<li").find((item) => item.includes(`Xem đơn ${code}`)) ?? "";

  beforeAll(async () => {
    server = await startServer();
    db = openDatabase(server.databasePath);
    cookies.producer = await demoSessionCookie(server.url, "producer");
    cookies.buyer = await demoSessionCookie(server.url, "buyer");
    const buyerEmail = DEMO_ACCOUNTS.find((a) => a.key === "buyer")?.email ?? "";
    const buyer = db.select({ id: users.id }).from(users).where(eq(users.email, buyerEmail)).get();
    const sx001 = db.select().from(producers).where(eq(producers.code, "SX001")).get();
    if (!buyer || !sx001) throw new Error("demo data missing");
    producerId = sx001.id;
    db.update(buyerProfiles)
      .set({ companyName: "Nhà hàng Sông Hiếu", taxCode: "3200123456" })
      .where(eq(buyerProfiles.userId, buyer.id))
      .run();
    const listing = db
      .select({ sku: listings.sku, min: listings.minOrderQty, stock: listings.stock })
      .from(listings)
      .where(and(eq(listings.producerId, sx001.id), eq(listings.status, "published")))
      .all()
      .find((row) => row.stock >= row.min);
    if (!listing) throw new Error("no published listing of SX001");
    const placed = placeOrder(db, {
      buyerUserId: buyer.id,
      items: [{ sku: listing.sku, qty: listing.min }],
      shipping: {
        name: "Phạm Văn Người Mua",
        phone: "0900000005",
        province: "Quảng Trị",
        commune: "phường Đông Hà",
        address: "12 Lê Duẩn",
      },
      paymentMethod: "cod",
      idempotency: { scope: "daily-pages", key: "daily-pages-1" },
    }).orders[0];
    if (!placed) throw new Error("no order placed");
    order = { id: placed.id, code: placed.code };
  }, 300_000);

  afterAll(async () => {
    db?.$client.close();
    await server?.stop();
  }, 60_000);

  it("shows the one workspace menu exactly once on every workspace page", async () => {
    for (const path of WORKSPACE_PAGES) {
      const { status, html } = await page("producer", path);
      expect(status, path).toBe(200);
      expect(html.split(MENU).length - 1, path).toBe(1);
      expect(html, path).toContain('href="/ban-hang/hoan-tien"');
      expect(html, path).toContain('href="/ban-hang/so-du"');
    }
    const detail = await page("producer", `/ban-hang/don-hang/${order.id}`);
    expect(detail.html.split(MENU).length - 1).toBe(1);
    // A buyer is no producer: no workspace menu, a refusal.
    const refused = await page("buyer", "/ban-hang");
    expect(refused.status).toBe(403);
    expect(refused.html).not.toContain(MENU);
  });

  it("puts the new order on her home page, linked to the inbox tab that names it the same way", async () => {
    const waiting = countProducerOrdersByNextStep(db, [producerId]).accept;
    expect(waiting).toBeGreaterThan(0);
    const home = await page("producer", "/ban-hang");
    const link = "/ban-hang/don-hang?trang-thai=awaiting_acceptance&nsx=SX001";
    expect(home.html).toContain(`href="${link}"`);
    expect(home.html).toContain(`Đơn chờ bạn xác nhận: ${waiting}`);
    expect(home.html).toMatch(/Doanh số tháng \d{2}\/\d{4}/);

    const inbox = await page("producer", link);
    expect(inbox.status).toBe(200);
    expect(inbox.html).toMatch(
      new RegExp(`aria-current="page"[^>]*>Chờ người bán xác nhận \\(${waiting}\\)`),
    );
    const card = cardOf(inbox.html, order.code);
    expect(card).toContain("Chờ người bán xác nhận");
    expect(card).not.toContain("Chờ thanh toán");
    const detail = await page("producer", `/ban-hang/don-hang/${order.id}`);
    expect(detail.html).toContain("Chờ người bán xác nhận");
    expect(detail.html).not.toContain("Chờ thanh toán");
  });

  it("ships with a carrier and a tracking number that the buyer then sees", async () => {
    const accepted = await post("producer", `/ban-hang/don-hang/${order.id}`, { intent: "accept" });
    expect(accepted.status).toBe(303);
    const form = await page("producer", `/ban-hang/don-hang/${order.id}`);
    expect(form.html).toContain('name="carrier"');
    expect(form.html).toContain('name="trackingNumber"');

    const before = databaseFingerprint(server.databasePath);
    const bad = await post("producer", `/ban-hang/don-hang/${order.id}`, {
      intent: "ship",
      carrier: "Viettel Post",
      trackingNumber: "VTP 0001",
    });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain(
      "Mã vận đơn chỉ gồm chữ không dấu, số và dấu gạch ngang, dài tối đa 40 ký tự.",
    );
    expect(bad.html).toContain('value="VTP 0001"');
    expect(bad.html).toContain('value="Viettel Post"');
    expect(changedTables(before, databaseFingerprint(server.databasePath), ["sessions"])).toEqual(
      [],
    );

    const shipped = await post("producer", `/ban-hang/don-hang/${order.id}`, {
      intent: "ship",
      carrier: "Viettel Post",
      trackingNumber: "VTP-0001",
    });
    expect(shipped.status).toBe(303);
    expect(shipped.location).toBe(`/ban-hang/don-hang/${order.id}?xong=ship`);
    expect(db.select().from(orders).where(eq(orders.id, order.id)).get()).toMatchObject({
      status: "shipping",
      carrier: "Viettel Post",
      trackingNumber: "VTP-0001",
    });

    // A refusal outside the ship form (a cancel reason too short) still shows, on top.
    const noReason = await post("producer", `/ban-hang/don-hang/${order.id}`, {
      intent: "cancel",
      reason: "ab",
    });
    expect(noReason.status).toBe(400);
    expect(noReason.html).toMatch(/role="alert"[^>]*>Vui lòng ghi lý do hủy đơn\./);

    const mine = await page("buyer", `/don-hang/${order.id}`);
    expect(mine.status).toBe(200);
    expect(mine.html).toContain("Đơn vị vận chuyển: Viettel Post · Mã vận đơn: VTP-0001");
    expect(mine.html).toContain("Đang giao");
    const list = await page("buyer", "/don-hang");
    expect(cardOf(list.html, order.code)).toContain("Đang giao");
  });

  it("names the buyer's business and tax code on the delivery note", async () => {
    const note = await page("producer", `/ban-hang/don-hang/${order.id}/phieu-giao`);
    expect(note.status).toBe(200);
    expect(note.html).toContain("Đơn vị mua: Nhà hàng Sông Hiếu");
    expect(note.html).toContain("Mã số thuế: 3200123456");
    expect(note.html).toContain("Đơn vị vận chuyển: Viettel Post · Mã vận đơn: VTP-0001");
    // The menu is on the screen, not on paper.
    expect(note.html).toMatch(/<nav aria-label="Các mục của gian hàng" class="[^"]*print:hidden/);
  });
});
