import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "~db/client.server";
import { demoSessionCookie } from "../helpers/demo-login";
import { decodeEntities } from "../helpers/english";
import { startServer, type StartedServer } from "../helpers/server";

/**
 * The producers' request inbox (/ban-hang/yeu-cau) on the real server, as a browser without
 * JavaScript reads it: a matched request with its reasons in words, a request staff invited
 * the producer to, its own offer status only, the links to answer, and the count of
 * unanswered requests in the workspace menu.
 */

describe("the request inbox page (no JavaScript)", () => {
  let server: StartedServer;
  let db: Db;
  const cookies: Record<string, string> = {};
  let matched = { code: "", title: "" };
  let invited = { code: "", title: "" };

  const signIn = (key: "producer" | "producer-2") => demoSessionCookie(server.url, key);

  const page = async (as: string, path: string) => {
    const response = await fetch(`${server.url}${path}`, {
      redirect: "manual",
      headers: { Cookie: cookies[as] ?? "" },
    });
    return { status: response.status, html: decodeEntities(await response.text()) };
  };

  const producerId = (code: string) =>
    db.$client.prepare("SELECT id FROM producers WHERE code = ?").pluck().get(code) as number;

  beforeAll(async () => {
    server = await startServer();
    db = openDatabase(server.databasePath);
    const requests = db.$client
      .prepare(
        `SELECT id, code, title FROM purchase_requests
         WHERE status = 'open' AND is_hidden = 0 ORDER BY code LIMIT 2`,
      )
      .all() as { id: number; code: string; title: string }[];
    const [first, second] = requests;
    if (!first || !second) throw new Error("the demo needs two open requests");
    matched = first;
    invited = second;
    const producer = producerId("SX001");
    // The stored matcher output as refreshRequestMatches writes it, and an invitation.
    db.$client.prepare("DELETE FROM request_matches WHERE producer_id = ?").run(producer);
    db.$client.prepare("DELETE FROM request_invitations WHERE producer_id = ?").run(producer);
    db.$client
      .prepare("DELETE FROM offers WHERE producer_id = ? AND purchase_request_id IN (?, ?)")
      .run(producer, first.id, second.id);
    db.$client
      .prepare(
        `INSERT INTO request_matches (purchase_request_id, producer_id, listing_id, rank, score, reasons)
         VALUES (?, ?, (SELECT id FROM listings WHERE producer_id = ? ORDER BY id LIMIT 1), 1, 80, ?)`,
      )
      .run(
        first.id,
        producer,
        producer,
        JSON.stringify([
          { key: "demand.match.sameCategory", params: { category: "Hồ tiêu" } },
          { key: "demand.match.stockEnough", params: { stock: 60, quantity: 30, unit: "kg" } },
        ]),
      );
    db.$client
      .prepare(
        "INSERT INTO request_invitations (purchase_request_id, producer_id, note) VALUES (?, ?, ?)",
      )
      .run(second.id, producer, "Chị xem giúp yêu cầu này");
    cookies.producer = await signIn("producer");
    cookies["producer-2"] = await signIn("producer-2");
  }, 300_000);

  afterAll(async () => {
    db?.$client.close();
    await server?.stop();
  });

  it("shows the matched and the invited requests, why, and the links to answer", async () => {
    const { status, html } = await page("producer", "/ban-hang/yeu-cau");
    expect(status).toBe(200);
    expect(html).toContain(matched.title);
    expect(html).toContain(invited.title);
    expect(html).toContain("cùng danh mục Hồ tiêu");
    expect(html).toContain("còn 60 kg, cần 30 kg");
    expect(html).toContain("Hội mời bạn chào giá");
    expect(html).toContain("Chị xem giúp yêu cầu này");
    expect(html).toContain(`href="/yeu-cau-mua/${matched.code}/chao-gia"`);
    expect(html).toContain(`href="/yeu-cau-mua/${invited.code}"`);
    expect(html).toContain("Bạn chưa chào giá");
    // The menu counts both: no offer from this producer yet.
    expect(html).toMatch(/Yêu cầu mua\s*(<!-- -->)?\s*<span[^>]*>2<\/span>/);
  });

  it("counts in the menu of the other workspace pages too", async () => {
    const { status, html } = await page("producer", "/ban-hang");
    expect(status).toBe(200);
    expect(html).toContain("2 yêu cầu chưa trả lời");
  });

  it("shows a producer its own offer, and another producer none of it", async () => {
    db.$client
      .prepare(
        `INSERT INTO offers (purchase_request_id, producer_id, goods, unit, price_vnd, quantity)
         VALUES ((SELECT id FROM purchase_requests WHERE code = ?), ?, 'Hồ tiêu', 'kg', 123000, 30)`,
      )
      .run(matched.code, producerId("SX001"));
    const mine = await page("producer", "/ban-hang/yeu-cau");
    expect(mine.html).toMatch(/Bạn đã chào giá 123\.000\s*₫\/kg/);
    expect(mine.html).toContain("1 yêu cầu chưa trả lời");

    const other = await page("producer-2", "/ban-hang/yeu-cau");
    expect(other.status).toBe(200);
    expect(other.html).not.toContain("Chị xem giúp yêu cầu này");
    expect(other.html).not.toMatch(/123\.000/);
  });

  it("refuses another producer's inbox and pages without error", async () => {
    expect((await page("producer", "/ban-hang/yeu-cau?nsx=SX004")).status).toBe(404);
    expect((await page("producer", "/ban-hang/yeu-cau?trang=9")).status).toBe(200);
    expect((await page("anonymous", "/ban-hang/yeu-cau")).status).toBe(302);
  });
});
