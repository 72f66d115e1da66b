import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "~db/client.server";
import { DEMO_ACCOUNTS } from "~db/seed/demo-accounts";
import { placeOrder } from "~/modules/orders/place-order.server";
import { demoSessionCookie } from "../helpers/demo-login";
import { decodeEntities } from "../helpers/english";
import { newKey, SHIPPING } from "../helpers/market";
import { startServer, type StartedServer } from "../helpers/server";

/**
 * The privacy pages as a browser without JavaScript meets them (real server, demo database):
 * the terms and the privacy notice for everyone, the demo buyer's data download, and closing
 * her account (confirmation, password again), after which she is logged out for good.
 */
describe("privacy pages", () => {
  let server: StartedServer;
  let db: Db;
  let cookie = "";
  let buyerId = 0;
  const buyer = DEMO_ACCOUNTS.find((account) => account.key === "buyer")!;

  const get = (path: string, withCookie = cookie) =>
    fetch(`${server.url}${path}`, { redirect: "manual", headers: { Cookie: withCookie } });
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
  const text = async (response: Response) => decodeEntities(await response.text());

  beforeAll(async () => {
    server = await startServer();
    db = openDatabase(server.databasePath);
    cookie = await demoSessionCookie(server.url, "buyer");
    buyerId = (
      db.$client.prepare("SELECT id FROM users WHERE email = ?").get(buyer.email) as { id: number }
    ).id;
    // One order of hers, still open: its data is in the download, and closing waits for it.
    const listing = db.$client
      .prepare(
        "SELECT sku, min_order_qty AS qty FROM listings WHERE status = 'published' AND stock >= min_order_qty ORDER BY id LIMIT 1",
      )
      .get() as { sku: string; qty: number };
    placeOrder(db, {
      buyerUserId: buyerId,
      items: [{ sku: listing.sku, qty: listing.qty }],
      shipping: SHIPPING,
      delivery: {},
      paymentMethod: "cod",
      idempotency: { scope: "privacy-pages", key: newKey() },
    });
  });
  afterAll(async () => {
    db.$client.close();
    await server.stop();
  });

  it("shows the terms and the privacy notice to everyone, in Vietnamese and English", async () => {
    const terms = await get("/dieu-khoan", "");
    expect(terms.status).toBe(200);
    const termsPage = await text(terms);
    expect(termsPage).toContain("<h1");
    expect(termsPage).toContain("Điều khoản sử dụng");
    expect(termsPage).toContain("Nghị định 13/2023/NĐ-CP");
    const notice = await text(await get("/quyen-rieng-tu", ""));
    expect(notice).toContain("Quyền riêng tư");
    expect(notice).toContain("giữ 30 ngày");
    const english = await text(await get("/quyen-rieng-tu", "lang=en"));
    expect(english).toContain("Your rights");
    expect(english).toContain("kept 30 days");
  });

  it("lets her download all her data as a JSON file", async () => {
    const page = await text(await get("/tai-khoan/du-lieu"));
    expect(page).toContain('href="/tai-khoan/du-lieu.json"');
    const file = await get("/tai-khoan/du-lieu.json");
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="cung-cau-du-lieu-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const data = (await file.json()) as {
      profile: { email: string };
      orders: { code: string; lines: unknown[] }[];
      purchaseRequests: unknown[];
    };
    expect(data.profile.email).toBe(buyer.email);
    const orderCount = db.$client
      .prepare(
        "SELECT count(*) AS n FROM orders WHERE buyer_user_id = (SELECT id FROM users WHERE email = ?)",
      )
      .get(buyer.email) as { n: number };
    expect(data.orders).toHaveLength(orderCount.n);
    expect(data.orders.length).toBeGreaterThan(0);
    expect(data.orders.every((order) => order.lines.length > 0)).toBe(true);
    expect(Array.isArray(data.purchaseRequests)).toBe(true);
  });

  it("closes her account only when confirmed with her password, and then she cannot log in", async () => {
    const confirm = await text(await get("/tai-khoan/du-lieu?buoc=xac-nhan"));
    expect(confirm).toContain('type="checkbox"');
    expect(confirm).toContain('autoComplete="current-password"');
    expect(confirm).toContain("Bạn còn 1 đơn hàng chưa xong");

    const unticked = await post("/tai-khoan/du-lieu?buoc=xac-nhan", { password: buyer.password });
    expect(unticked.status).toBe(400);
    expect(await text(unticked)).toContain("đánh dấu ô xác nhận");
    const wrong = await post("/tai-khoan/du-lieu?buoc=xac-nhan", {
      confirm: "on",
      password: "không phải mật khẩu",
    });
    expect(wrong.status).toBe(400);
    expect(await text(wrong)).toContain("Mật khẩu không đúng");
    expect((await get("/tai-khoan/du-lieu")).status).toBe(200); // still signed in

    const closed = await post("/tai-khoan/du-lieu?buoc=xac-nhan", {
      confirm: "on",
      password: buyer.password,
    });
    expect(closed.status).toBe(302);
    expect(closed.headers.get("Location")).toBe("/quyen-rieng-tu?da-dong-tai-khoan");
    expect(await text(await get("/quyen-rieng-tu?da-dong-tai-khoan", ""))).toContain(
      "Tài khoản của bạn đã được đóng",
    );
    // Her old session is gone, and logging in again does not work.
    const after = await get("/tai-khoan/du-lieu");
    expect(after.status).toBe(302);
    expect(after.headers.get("Location")).toMatch(/^\/dang-nhap/);
    await expect(demoSessionCookie(server.url, "buyer")).rejects.toThrow(/failed/);
    const row = db.$client
      .prepare("SELECT close_requested_at AS c, is_disabled AS d FROM users WHERE id = ?")
      .get(buyerId) as { c: number | null; d: number };
    expect(row.c).toEqual(expect.any(Number));
    expect(row.d).toBe(1);
  });

  it("answers with a request id, and tells a caller on this machine /healthz's operations details", async () => {
    const given = await fetch(`${server.url}/healthz`, { headers: { "X-Request-Id": "probe-7" } });
    expect(given.headers.get("X-Request-Id")).toBe("probe-7");
    const body = (await given.json()) as { status: string; operations?: unknown };
    expect(body.status).toBe("ok");
    // The test talks to 127.0.0.1 and the server trusts no proxy: a loopback caller.
    expect(body.operations).toMatchObject({
      outbox: { pending: expect.any(Number) },
      notifications: { failed: expect.any(Number) },
      backup: { lastFinishedAt: null },
    });
    const made = await get("/dieu-khoan", "");
    expect(made.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
