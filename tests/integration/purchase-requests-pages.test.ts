import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "~/lib/i18n/translate";
import { openDatabase, type Db } from "~db/client.server";
import { demoAccount } from "~db/seed/demo-accounts";
import { auditLog, purchaseRequests } from "~db/schema";
import { changedTables, databaseFingerprint } from "../helpers/db-snapshot";
import { decodeEntities } from "../helpers/english";
import { startServer, type StartedServer } from "../helpers/server";

/**
 * Purchase requests' pages on the real production server, posted as a browser without
 * JavaScript would: the guest's way back to the prefilled form after logging in, the place
 * picker's "Chọn tỉnh" round trip, posting, editing, closing and reopening, a moderator's
 * hiding, the buyer's own list, and refusals that change nothing.
 */

let server: StartedServer;
let db: Db;

class Browser {
  private readonly cookies = new Map<string, string>();

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set("Cookie", [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    if (init.method === "POST") headers.set("Origin", server.url);
    const response = await fetch(`${server.url}${path}`, { ...init, headers, redirect: "manual" });
    for (const header of response.headers.getSetCookie()) {
      const [pair = ""] = header.split(";");
      const at = pair.indexOf("=");
      if (at > 0) this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    return response;
  }

  get(path: string): Promise<Response> {
    return this.request(path);
  }

  post(path: string, fields: Record<string, string>): Promise<Response> {
    return this.request(path, { method: "POST", body: new URLSearchParams(fields) });
  }

  async signIn(key: "buyer" | "producer" | "province-staff" | "commune-staff"): Promise<void> {
    const account = demoAccount(key);
    const login = await this.post("/dang-nhap", {
      identifier: account.email,
      password: account.password,
    });
    expect(login.status).toBe(302);
  }
}

const vi = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t("vi", key, params);

async function textOf(response: Response): Promise<string> {
  return decodeEntities(await response.text());
}

const FORM = {
  title: "Cần mua 80 kg mật ong rừng",
  description: "Đóng chai 500 ml.",
  categoryCode: "",
  quantity: "80",
  unit: "kg",
  targetPriceVnd: "250.000",
  provinceCode: "44",
  communeCode: "19333",
  neededBy: "2999-12-31",
  recurrence: "none",
};

/** Whether two paths name the same page and query, however their query is encoded. */
function samePage(a: string, b: string): boolean {
  const [x, y] = [new URL(a, "http://x"), new URL(b, "http://x")];
  return (
    x.pathname === y.pathname &&
    JSON.stringify([...x.searchParams]) === JSON.stringify([...y.searchParams])
  );
}

function requestByTitle(title: string) {
  return db.select().from(purchaseRequests).where(eq(purchaseRequests.title, title)).get();
}

beforeAll(async () => {
  server = await startServer();
  db = openDatabase(server.databasePath);
}, 300_000);

afterAll(async () => {
  db?.$client.close();
  await server?.stop();
});

describe("a guest following “Đăng yêu cầu mua”", () => {
  it("logs in and comes back to the form with the query and category prefilled", async () => {
    const guest = new Browser();
    const form = "/yeu-cau-mua/moi?q=m%E1%BA%ADt%20ong%20r%E1%BB%ABng&danh-muc=mat-ong";
    const toLogin = await guest.get(form);
    expect(toLogin.status).toBe(302);
    const loginUrl = new URL(toLogin.headers.get("Location") ?? "", server.url);
    expect(loginUrl.pathname).toBe("/dang-nhap");
    const next = loginUrl.searchParams.get("next") ?? "";
    expect(samePage(next, form)).toBe(true);
    const account = demoAccount("buyer");
    const login = await guest.post("/dang-nhap", {
      identifier: account.email,
      password: account.password,
      next,
    });
    expect(login.status).toBe(302);
    expect(samePage(login.headers.get("Location") ?? "", form)).toBe(true);
    const page = await guest.get(form);
    expect(page.status).toBe(200);
    const html = await textOf(page);
    expect(html).toContain('value="mật ong rừng"');
    expect(html).toMatch(/<option value="mat-ong" selected="">/);
  });
});

describe("a buyer without JavaScript", () => {
  const buyer = new Browser();
  beforeAll(() => buyer.signIn("buyer"));

  it("picks a province with “Chọn tỉnh”: the communes of that province, what was typed kept, nothing stored", async () => {
    const form = await textOf(await buyer.get("/yeu-cau-mua/moi"));
    expect(form).toContain(vi("placePicker.pickProvince"));
    expect(form).toContain('<option value="19333">Phường Đông Hà</option>');
    expect(form).not.toContain('<option value="00070">');
    const before = databaseFingerprint(server.databasePath);
    const picked = await buyer.post("/yeu-cau-mua/moi", {
      ...FORM,
      provinceCode: "01",
      intent: "pick-province",
    });
    expect(picked.status).toBe(200);
    const html = await textOf(picked);
    expect(html).toContain('<option value="00070">Phường Hoàn Kiếm</option>');
    expect(html).not.toContain('<option value="19333">');
    expect(html).toContain(`value="${FORM.title}"`);
    expect(changedTables(before, databaseFingerprint(server.databasePath))).toEqual([]);
  });

  it("is refused, with a Vietnamese message and nothing stored, for a commune of another province", async () => {
    const before = databaseFingerprint(server.databasePath);
    const refused = await buyer.post("/yeu-cau-mua/moi", { ...FORM, communeCode: "00070" });
    expect(refused.status).toBe(400);
    expect(await textOf(refused)).toContain(vi("requests.errors.communeNotInProvince"));
    expect(changedTables(before, databaseFingerprint(server.databasePath))).toEqual([]);
  });

  it("posts, edits, closes and reopens a request, and finds it in her list", async () => {
    const posted = await buyer.post("/yeu-cau-mua/moi", FORM);
    expect(posted.status).toBe(302);
    const stored = requestByTitle(FORM.title);
    expect(stored).toMatchObject({
      provinceCode: "44",
      communeCode: "19333",
      deliveryLocation: "Phường Đông Hà, Tỉnh Quảng Trị",
      targetPriceVnd: 250000,
    });
    const code = stored?.code ?? "";
    expect(posted.headers.get("Location")).toBe(`/yeu-cau-mua/${code}?da-dang=1`);

    // The public page shows the buyer only as a kind, never her name or business.
    const publicPage = await textOf(await new Browser().get(`/yeu-cau-mua/${code}`));
    expect(publicPage).toContain(FORM.title);
    for (const identity of ["Nhà hàng Sông Hiếu", "Phạm Văn Người Mua", "0900000005"]) {
      expect(publicPage).not.toContain(identity);
    }

    const editForm = await textOf(await buyer.get(`/yeu-cau-mua/${code}/sua`));
    expect(editForm).toContain(`value="${FORM.title}"`);
    const edited = await buyer.post(`/yeu-cau-mua/${code}/sua`, {
      ...FORM,
      quantity: "120",
      communeCode: "19597",
      recurrence: "monthly",
    });
    expect(edited.status).toBe(302);
    expect(edited.headers.get("Location")).toBe(`/yeu-cau-mua/${code}?da-luu=1`);
    expect(requestByTitle(FORM.title)).toMatchObject({
      quantity: 120,
      recurrence: "monthly",
      deliveryLocation: "Xã Cam Lộ, Tỉnh Quảng Trị",
    });

    const closed = await buyer.post(`/yeu-cau-mua/${code}/trang-thai`, { intent: "close" });
    expect(closed.status).toBe(302);
    expect(closed.headers.get("Location")).toBe(`/yeu-cau-mua/${code}?trang-thai=close`);
    expect(requestByTitle(FORM.title)).toMatchObject({ status: "closed", closeReason: "owner" });

    const before = databaseFingerprint(server.databasePath);
    const again = await buyer.post(`/yeu-cau-mua/${code}/trang-thai`, { intent: "close" });
    expect(again.status).toBe(409);
    expect(await textOf(again)).toContain(vi("requests.errors.notOpen"));
    const bogus = await buyer.post(`/yeu-cau-mua/${code}/trang-thai`, { intent: "xoa" });
    expect(bogus.status).toBe(400);
    expect(await textOf(bogus)).toContain(vi("requestLife.badIntent"));
    const editClosed = await buyer.post(`/yeu-cau-mua/${code}/sua`, FORM);
    expect(editClosed.status).toBe(409);
    expect(changedTables(before, databaseFingerprint(server.databasePath))).toEqual([]);

    const list = await textOf(await buyer.get("/tai-khoan/yeu-cau-mua"));
    expect(list).toContain(FORM.title);
    expect(list).toContain(vi("requestStatus.closed"));
    expect(list).toContain(vi("myRequests.offerCount", { count: "0" }));

    const reopened = await buyer.post(`/yeu-cau-mua/${code}/trang-thai`, { intent: "reopen" });
    expect(reopened.status).toBe(302);
    expect(requestByTitle(FORM.title)?.status).toBe("open");
    expect(await textOf(await buyer.get("/tai-khoan/yeu-cau-mua"))).toContain(
      `/yeu-cau-mua/${code}/sua`,
    );
  });

  it("links her requests from the account menu", async () => {
    const home = await textOf(await buyer.get("/"));
    expect(home).toContain('href="/tai-khoan/yeu-cau-mua"');
    expect(home).toContain(vi("myRequests.menu"));
  });
});

describe("moderators", () => {
  it("hide a request of their subtree (audited); staff of another commune get 404", async () => {
    const stored = requestByTitle(FORM.title);
    const code = stored?.code ?? "";
    // The request was moved to Xã Cam Lộ: outside Vĩnh Linh's subtree.
    const communeStaff = new Browser();
    await communeStaff.signIn("commune-staff");
    const before = databaseFingerprint(server.databasePath);
    const outside = await communeStaff.post(`/yeu-cau-mua/${code}/trang-thai`, { intent: "hide" });
    expect(outside.status).toBe(404);
    expect(changedTables(before, databaseFingerprint(server.databasePath), ["sessions"])).toEqual(
      [],
    );

    const provinceStaff = new Browser();
    await provinceStaff.signIn("province-staff");
    const hidden = await provinceStaff.post(`/yeu-cau-mua/${code}/trang-thai`, {
      intent: "hide",
      reason: "Thử ẩn",
    });
    expect(hidden.status).toBe(302);
    expect(requestByTitle(FORM.title)).toMatchObject({ isHidden: true, hiddenReason: "Thử ẩn" });
    const audit = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "purchase-request.hide"))
      .all();
    expect(audit.map((entry) => entry.entityId)).toEqual([String(stored?.id)]);
    expect((await new Browser().get(`/yeu-cau-mua/${code}`)).status).toBe(404);

    const shown = await provinceStaff.post(`/yeu-cau-mua/${code}/trang-thai`, { intent: "unhide" });
    expect(shown.status).toBe(302);
    expect(requestByTitle(FORM.title)?.isHidden).toBe(false);
  });
});

describe("the communes of one province for the picker's JavaScript", () => {
  it("answers one province's list, and 404 for an unknown province", async () => {
    const response = await fetch(`${server.url}/dia-danh/44`);
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain("19333");
    expect(body).not.toContain("00070");
    expect((await fetch(`${server.url}/dia-danh/khong-co`)).status).toBe(404);
    // What useFetcher().load("/dia-danh/44") asks for under single fetch.
    const routes = encodeURIComponent("routes/dia-danh.$tinh");
    const fetched = await fetch(`${server.url}/dia-danh/44.data?_routes=${routes}`);
    expect(fetched.status).toBe(200);
    expect(await fetched.text()).toContain("19333");
  });
});
