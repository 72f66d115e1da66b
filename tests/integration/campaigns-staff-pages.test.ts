import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "~db/client.server";
import { campaignListings, campaigns, producers } from "~db/schema";
import { demoSessionCookie } from "../helpers/demo-login";
import { decodeEntities } from "../helpers/english";
import { textFile } from "../helpers/images";
import { startServer, type StartedServer } from "../helpers/server";

/**
 * Issue 16, staff's campaign pages on the real server with plain forms (no JavaScript): the
 * provincial moderator creates a draft (multipart form), sees it listed, adds a producer,
 * publishes it, and ends it through the confirmation step; bad input comes back as a 400
 * with the message, never a 500.
 */
describe("staff campaign pages", () => {
  let server: StartedServer;
  let db: Db;
  let cookie = "";

  const get = (path: string) =>
    fetch(`${server.url}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });
  const post = (path: string, body: FormData | URLSearchParams) =>
    fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: server.url },
      body,
      redirect: "manual",
    });
  const page = async (path: string) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    return decodeEntities(await response.text());
  };

  const campaignForm = (over: Record<string, string> = {}) => {
    const form = new FormData();
    const fields = {
      title: "Giải cứu tiêu Vĩnh Linh",
      story: "Mưa lũ làm tiêu ế.\n\nMua giúp chị em <b>nhé</b>.",
      kind: "harvest_glut",
      orgUnitId: "",
      startsOn: "2026-01-01",
      endsOn: "2099-12-31",
      targetVnd: "20.000.000",
      coverAlt: "",
      ...over,
    };
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    return form;
  };

  beforeAll(async () => {
    server = await startServer();
    db = openDatabase(server.databasePath);
    cookie = await demoSessionCookie(server.url, "province-staff");
  });
  afterAll(async () => {
    db?.$client.close();
    await server?.stop();
  });

  it("creates, lists, adds a producer, publishes and ends a campaign with plain forms", async () => {
    const newPage = await page("/quan-ly/chien-dich/moi");
    expect(newPage).toContain("Tên chiến dịch");
    const unitId = /<option value="(\d+)"/.exec(newPage)?.[1] ?? "";
    const producer = db
      .select({ id: producers.id, orgUnitId: producers.orgUnitId, name: producers.name })
      .from(producers)
      .where(eq(producers.code, "SX001"))
      .get()!;

    const refused = await post(
      "/quan-ly/chien-dich/moi",
      campaignForm({ orgUnitId: unitId, endsOn: "2025-01-01" }),
    );
    expect(refused.status).toBe(400);
    expect(decodeEntities(await refused.text())).toContain(
      "Ngày kết thúc phải bằng hoặc sau ngày bắt đầu.",
    );

    const notImage = campaignForm({ orgUnitId: String(producer.orgUnitId) });
    notImage.set("image", new Blob([textFile], { type: "image/jpeg" }), "anh.jpg");
    expect((await post("/quan-ly/chien-dich/moi", notImage)).status).toBe(400);

    const created = await post(
      "/quan-ly/chien-dich/moi",
      campaignForm({ orgUnitId: String(producer.orgUnitId) }),
    );
    expect(created.status).toBe(303);
    const path = created.headers.get("Location") ?? "";
    expect(path).toBe("/quan-ly/chien-dich/giai-cuu-tieu-vinh-linh");

    const list = await page("/quan-ly/chien-dich");
    expect(list).toContain("Giải cứu tiêu Vĩnh Linh");
    expect(list).toContain("Bản nháp");

    const raw = await (await get(path)).text();
    // The story is plain text: its "<b>" is shown as typed, never as HTML.
    expect(raw).toContain("&lt;b&gt;nhé&lt;/b&gt;");
    expect(raw).not.toContain("<b>nhé</b>");
    const detail = decodeEntities(raw);
    expect(detail).toContain("Ít nhất một nhà sản xuất tham gia");

    const add = await post(
      path,
      new URLSearchParams({ intent: "add", producerId: String(producer.id) }),
    );
    expect(add.status).toBe(303);
    const campaign = db
      .select()
      .from(campaigns)
      .where(eq(campaigns.slug, "giai-cuu-tieu-vinh-linh"))
      .get()!;
    expect(
      db.select().from(campaignListings).where(eq(campaignListings.campaignId, campaign.id)).all()
        .length,
    ).toBeGreaterThan(0);
    expect(await page(`${path}?xong=added`)).toContain(producer.name);

    expect((await post(path, new URLSearchParams({ intent: "publish" }))).status).toBe(303);
    expect(db.select().from(campaigns).where(eq(campaigns.id, campaign.id)).get()?.status).toBe(
      "published",
    );

    // Ending needs the confirmation step: without it, a 400 and nothing changes.
    expect((await post(path, new URLSearchParams({ intent: "end" }))).status).toBe(400);
    const confirm = await page(`${path}?xac-nhan=ket-thuc`);
    expect(confirm).toContain("Có, kết thúc chiến dịch");
    expect((await post(path, new URLSearchParams({ intent: "end", confirm: "yes" }))).status).toBe(
      303,
    );
    const ended = await page(path);
    expect(ended).toContain("Chiến dịch đã kết thúc nên không sửa được nữa.");
    expect((await get(`${path}/sua`)).status).toBe(409);
  });
});
