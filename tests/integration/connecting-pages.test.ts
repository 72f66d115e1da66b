import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "~db/client.server";
import { orgUnits, purchaseRequests, requestInvitations } from "~db/schema";
import { demoSessionCookie } from "../helpers/demo-login";
import { decodeEntities } from "../helpers/english";
import { startServer, type StartedServer } from "../helpers/server";

/**
 * The Union's connecting pages on the real server with the demo data, as a phone without
 * JavaScript uses them: the list of requests carries no producer list (it used to carry a
 * select of every producer of the province on each card: 232 KB of HTML), is paged, and each
 * card leads to its request's invite page, where the invitation is made or refused.
 */

type AccountKey = "province-staff" | "commune-staff";

/** What the province moderator's list may weigh; it was 237,803 bytes with a form per card. */
const LIST_PAGE_MAX_BYTES = 100_000;

describe("the connecting pages (real server, no JavaScript)", () => {
  let server: StartedServer;
  let db: Db;
  const cookies = {} as Record<AccountKey, string>;

  const signIn = (key: AccountKey) => demoSessionCookie(server.url, key);

  const page = async (as: AccountKey, path: string) => {
    const response = await fetch(`${server.url}${path}`, {
      redirect: "manual",
      headers: { Cookie: cookies[as] },
    });
    const raw = await response.text();
    return { status: response.status, bytes: Buffer.byteLength(raw), html: decodeEntities(raw) };
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
    return {
      status: response.status,
      location: response.headers.get("location") ?? "",
      html: decodeEntities(await response.text()),
    };
  };

  beforeAll(async () => {
    server = await startServer();
    db = openDatabase(server.databasePath);
    cookies["province-staff"] = await signIn("province-staff");
    cookies["commune-staff"] = await signIn("commune-staff");
  }, 300_000);

  afterAll(async () => {
    db?.$client.close();
    await server?.stop();
  }, 60_000);

  it("lists 20 requests a page with links to their invite pages, and no producers", async () => {
    const list = await page("province-staff", "/quan-ly/ket-noi");
    expect(list.status).toBe(200);
    expect(list.bytes).toBeLessThan(LIST_PAGE_MAX_BYTES);
    expect(list.html).not.toContain("<select");
    const stale = list.html.slice(
      list.html.indexOf('id="stale-title"'),
      list.html.indexOf('id="unmatched-title"'),
    );
    const invites = stale.match(/href="\/quan-ly\/ket-noi\/moi\/[^"]+"/g) ?? [];
    expect(invites).toHaveLength(20);
    expect(list.html).toContain('href="/quan-ly/ket-noi?trang=2"');
    const next = await page("province-staff", "/quan-ly/ket-noi?trang=2");
    expect(next.status).toBe(200);
    expect(next.html).toContain('rel="prev"');
  });

  it("invites from a request's page, back to the list with a notice; refusals show there", async () => {
    const list = await page("province-staff", "/quan-ly/ket-noi?ngay=3");
    const code = /href="\/quan-ly\/ket-noi\/moi\/([^"?]+)\?ngay=3"/.exec(list.html)?.[1];
    if (!code) throw new Error("no invite link on the list");
    const path = `/quan-ly/ket-noi/moi/${code}?ngay=3`;
    const invitePage = await page("province-staff", path);
    expect(invitePage.status).toBe(200);
    expect(invitePage.html).toContain(`/yeu-cau-mua/${code}`);
    expect(invitePage.html.match(/<select/g)).toHaveLength(1);
    const producerCode = /<option value="(SX\d+)">/.exec(invitePage.html)?.[1];
    if (!producerCode) throw new Error("no producer to invite");

    const missing = await post("province-staff", path, { producerCode: "", note: "Ghi chú" });
    expect(missing.status).toBe(400);
    expect(missing.html).toContain("Chọn một nhà sản xuất.");
    expect(missing.html).toContain(">Ghi chú</textarea>");

    const sent = await post("province-staff", path, { producerCode, note: "" });
    expect(sent.status).toBe(303);
    expect(sent.location).toBe(`/quan-ly/ket-noi?ngay=3&da-moi=${code}&nsx=${producerCode}`);
    const back = await page("province-staff", sent.location);
    expect(back.html).toMatch(new RegExp(`Đã mời .+ chào giá cho yêu cầu ${code}\\.`));
    expect((await page("province-staff", path)).html).toContain(
      `<option value="${producerCode}" disabled="">`,
    );

    const again = await post("province-staff", path, { producerCode, note: "" });
    expect(again.status).toBe(409);
    expect(again.html).toMatch(new RegExp(`đã được mời chào giá cho yêu cầu ${code}\\.`));
    const request = db
      .select({ id: purchaseRequests.id })
      .from(purchaseRequests)
      .where(eq(purchaseRequests.code, code))
      .get();
    expect(
      db
        .select()
        .from(requestInvitations)
        .where(eq(requestInvitations.purchaseRequestId, request?.id ?? 0))
        .all(),
    ).toHaveLength(1);
  });

  it("answers 404 to commune staff for a request outside their commune", async () => {
    const outside = db
      .select({ code: purchaseRequests.code })
      .from(purchaseRequests)
      .innerJoin(orgUnits, eq(orgUnits.id, purchaseRequests.orgUnitId))
      .where(and(eq(orgUnits.code, "QT"), eq(purchaseRequests.status, "open")))
      .get();
    if (!outside) throw new Error("no open request of the province's own unit");
    const path = `/quan-ly/ket-noi/moi/${outside.code}`;
    expect((await page("province-staff", path)).status).toBe(200);
    expect((await page("commune-staff", path)).status).toBe(404);
    const refused = await post("commune-staff", path, { producerCode: "SX001" });
    expect(refused.status).toBe(404);
  });
});
