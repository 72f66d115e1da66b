import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoSessionCookie } from "../helpers/demo-login";
import { decodeEntities } from "../helpers/english";
import { startServer, type StartedServer } from "../helpers/server";

/**
 * The notification-choices page as a phone without JavaScript gets it (real server, demo
 * database, the SMS stand-in configured): a table of labelled checkboxes in a plain form,
 * POST and redirect with a saved message, a 400 for a box the page never offered.
 */
describe("/tai-khoan/thong-bao on the real server", () => {
  let server: StartedServer;
  let cookie: string;

  beforeAll(async () => {
    server = await startServer({ env: { SMS_PROVIDER: "capture" } });
    cookie = await demoSessionCookie(server.url, "producer");
  });
  afterAll(async () => {
    await server?.stop();
  });

  const get = (path: string, session = cookie) =>
    fetch(`${server.url}${path}`, { headers: { Cookie: session }, redirect: "manual" });
  const post = (fields: string[]) =>
    fetch(`${server.url}/tai-khoan/thong-bao`, {
      method: "POST",
      redirect: "manual",
      headers: {
        Cookie: cookie,
        Origin: server.url,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams(fields.map((field) => ["kenh", field])).toString(),
    });
  const checkbox = (page: string, field: string) =>
    new RegExp(`<input[^>]*value="${field.replace(".", "\\.")}"[^>]*>`).exec(page)?.[0] ?? "";

  it("sends an anonymous visitor to log in", async () => {
    const response = await get("/tai-khoan/thong-bao", "");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/dang-nhap/);
  });

  it("shows a table of labelled checkboxes in a plain form and saves it with a redirect", async () => {
    const response = await get("/tai-khoan/thong-bao");
    expect(response.status).toBe(200);
    const page = decodeEntities(await response.text());
    expect(page).toContain("<h1");
    expect(page).toContain("Cách nhận thông báo");
    expect(page).toMatch(/<form[^>]*method="post"/);
    expect(page).toContain("<caption");
    expect(page).toContain('scope="row"');
    expect(page).toContain("Tin nhắn SMS");
    expect(checkbox(page, "order_new.email")).toContain('aria-label="Đơn hàng mới: Thư điện tử"');
    expect(checkbox(page, "order_new.email")).toContain("checked");
    // SMS only for a new order: no box for an order's status.
    expect(checkbox(page, "order_status.sms")).toBe("");

    const saved = await post(["offer.email", "moderation.email"]);
    expect(saved.status).toBe(303);
    expect(saved.headers.get("Location")).toBe("/tai-khoan/thong-bao?da-luu=1");
    const after = decodeEntities(await (await get("/tai-khoan/thong-bao?da-luu=1")).text());
    expect(after).toMatch(/role="status"[^>]*>Đã lưu cách nhận thông báo\./);
    expect(checkbox(after, "order_new.email")).not.toContain("checked");
    expect(checkbox(after, "moderation.email")).toContain("checked");
  });

  it("refuses a box the page did not offer with a 400 and a plain message", async () => {
    const response = await post(["order_status.sms"]);
    expect(response.status).toBe(400);
    expect(decodeEntities(await response.text())).toContain(
      "Cách nhận này không dùng được cho việc đã chọn.",
    );
  });
});
