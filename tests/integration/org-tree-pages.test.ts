import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "~db/client.server";
import { orders, orgUnits, producers, staffMemberships, users } from "~db/schema";
import { changedTables, databaseFingerprint } from "../helpers/db-snapshot";
import { demoSessionCookie } from "../helpers/demo-login";
import { decodeEntities } from "../helpers/english";
import { startServer, type StartedServer } from "../helpers/server";

/**
 * The org tree pages (/quan-ly/to-chuc) on the real server with the demo data, used the way
 * a phone without JavaScript uses them: plain GET pages and form posts answered with a 303
 * or the form again with its message and a 4xx. A merge is previewed and needs its box
 * ticked; ending a role is asked first; refusals change nothing.
 */

type AccountKey = "admin" | "commune-staff" | "buyer";

describe("the org tree pages (real server, no JavaScript)", () => {
  let server: StartedServer;
  let db: Db;
  const cookies = {} as Record<AccountKey, string>;

  const page = async (as: AccountKey | null, path: string) => {
    const response = await fetch(`${server.url}${path}`, {
      redirect: "manual",
      headers: as ? { Cookie: cookies[as] } : {},
    });
    return {
      status: response.status,
      location: response.headers.get("location") ?? "",
      html: decodeEntities(await response.text()),
    };
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
  const unit = (code: string) => {
    const row = db.select().from(orgUnits).where(eq(orgUnits.code, code)).get();
    if (!row) throw new Error(`no unit ${code}`);
    return row;
  };
  /** Runs a refused request and shows it changed no table (sessions may note the visit). */
  const unchanged = async <T>(fn: () => Promise<T>): Promise<T> => {
    const before = databaseFingerprint(server.databasePath);
    const result = await fn();
    expect(changedTables(before, databaseFingerprint(server.databasePath), ["sessions"])).toEqual(
      [],
    );
    return result;
  };

  beforeAll(async () => {
    server = await startServer();
    db = openDatabase(server.databasePath);
    for (const key of ["admin", "commune-staff", "buyer"] as const) {
      cookies[key] = await demoSessionCookie(server.url, key);
    }
  }, 300_000);

  afterAll(async () => {
    db?.$client.close();
    await server?.stop();
  }, 60_000);

  it("shows each staff member her subtree, says reports use today's tree; others are refused", async () => {
    const admin = await page("admin", "/quan-ly/to-chuc");
    expect(admin.status).toBe(200);
    expect(admin.html).toContain("<h1");
    expect(admin.html).toContain("Báo cáo luôn tính theo cây tổ chức hôm nay");
    expect(admin.html).toContain('href="/quan-ly/to-chuc/QT-DONGHA"');
    expect(admin.html).not.toContain("Bạn xem được cây tổ chức nhưng không sửa được");

    const commune = await page("commune-staff", "/quan-ly/to-chuc");
    expect(commune.status).toBe(200);
    expect(commune.html).toContain('href="/quan-ly/to-chuc/QT-VINHLINH-CH01"');
    expect(commune.html).not.toContain('href="/quan-ly/to-chuc/QT-DONGHA"');
    expect(commune.html).toContain("Bạn xem được cây tổ chức nhưng không sửa được");

    const own = await page("commune-staff", "/quan-ly/to-chuc/QT-VINHLINH");
    expect(own.status).toBe(200);
    expect(own.html).not.toContain("/quan-ly/to-chuc/QT-VINHLINH/them");
    expect((await page("commune-staff", "/quan-ly/to-chuc/QT-DONGHA")).status).toBe(404);
    expect((await page("commune-staff", "/quan-ly/to-chuc/QT-VINHLINH/them")).status).toBe(403);
    expect((await page("buyer", "/quan-ly/to-chuc")).status).toBe(403);
    const anonymous = await page(null, "/quan-ly/to-chuc");
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/dang-nhap\?next=/);

    // The language switch saves the choice on the account (the province staff's, here).
    const englishCookie = await demoSessionCookie(server.url, "province-staff");
    const switched = await fetch(`${server.url}/ngon-ngu`, {
      method: "POST",
      redirect: "manual",
      headers: {
        Cookie: englishCookie,
        Origin: server.url,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ lang: "en", redirectTo: "/quan-ly/to-chuc" }),
    });
    expect(switched.status).toBe(302);
    const englishResponse = await fetch(`${server.url}/quan-ly/to-chuc`, {
      headers: { Cookie: `${englishCookie}; lang=en` },
    });
    const english = { html: decodeEntities(await englishResponse.text()) };
    expect(english.html).toContain("Union organisation");
    expect(english.html).toContain("Reports always use today's tree");
  });

  it("creates, renames and moves a unit with plain forms; bad input is a 4xx with its message", async () => {
    const base = "/quan-ly/to-chuc/QT-VINHLINH";
    const form = await page("admin", `${base}/them`);
    expect(form.status).toBe(200);
    expect(form.html).toMatch(/<label[^>]*for="[^"]+"[^>]*>Mã đơn vị<\/label>/);

    const bad = await unchanged(() =>
      post("admin", `${base}/them`, { code: "có dấu", name: "Chi hội thôn Mới", level: "branch" }),
    );
    expect(bad.status).toBe(400);
    expect(bad.html).toContain("Mã đơn vị gồm 2 đến 40 ký tự");
    expect(bad.html).toContain('value="Chi hội thôn Mới"');
    const taken = await unchanged(() =>
      post("admin", `${base}/them`, {
        code: "QT-DONGHA",
        name: "Chi hội thôn Mới",
        level: "branch",
      }),
    );
    expect(taken.status).toBe(409);
    expect(taken.html).toContain("Mã QT-DONGHA đã được dùng cho một đơn vị khác.");
    const garbage = await unchanged(() =>
      post("admin", `${base}/them`, { code: "QT-X", name: "Tên", level: "province" }),
    );
    expect(garbage.status).toBe(400);

    const created = await post("admin", `${base}/them`, {
      code: "qt-vinhlinh-ch09",
      name: "Chi hội phụ nữ thôn Thử Nghiệm",
      level: "branch",
      communeCode: "",
    });
    expect(created.status).toBe(303);
    expect(created.location).toBe("/quan-ly/to-chuc/QT-VINHLINH-CH09?xong=tao");
    const shown = await page("admin", created.location);
    expect(shown.html).toContain("Đã tạo đơn vị.");
    expect(unit("QT-VINHLINH-CH09").path).toBe(
      `${unit("QT-VINHLINH").path}${unit("QT-VINHLINH-CH09").id}/`,
    );

    const renamed = await post("admin", "/quan-ly/to-chuc/QT-VINHLINH-CH09/doi-ten", {
      name: "Chi hội phụ nữ thôn Thử Nghiệm Mới",
    });
    expect(renamed.status).toBe(303);
    expect(unit("QT-VINHLINH-CH09").name).toBe("Chi hội phụ nữ thôn Thử Nghiệm Mới");

    const moveForm = await page("admin", "/quan-ly/to-chuc/QT-VINHLINH-CH09/chuyen");
    expect(moveForm.html).toContain('<option value="QT-CUATUNG">');
    expect(moveForm.html).not.toContain('<option value="QT-VINHLINH">');
    const cycle = await unchanged(() =>
      post("admin", "/quan-ly/to-chuc/QT-VINHLINH/chuyen", { parentCode: "QT-VINHLINH-CH01" }),
    );
    expect(cycle.status).toBe(400);
    expect(cycle.html).toContain(
      "Không thể chuyển đơn vị vào chính nó hoặc vào đơn vị trực thuộc nó.",
    );
    const moved = await post("admin", "/quan-ly/to-chuc/QT-VINHLINH-CH09/chuyen", {
      parentCode: "QT-CUATUNG",
    });
    expect(moved.status).toBe(303);
    expect(unit("QT-VINHLINH-CH09").path).toBe(
      `${unit("QT-CUATUNG").path}${unit("QT-VINHLINH-CH09").id}/`,
    );
  });

  it("merges after a preview and a ticked confirmation; orders keep their unit", async () => {
    const merged = unit("QT-BENQUAN");
    const survivor = unit("QT-CONTIEN");
    const producerCount = db
      .select({ id: producers.id })
      .from(producers)
      .where(eq(producers.orgUnitId, merged.id))
      .all().length;
    const orderIds = db
      .select({ id: orders.id })
      .from(orders)
      .where(eq(orders.orgUnitId, merged.id))
      .all()
      .map((o) => o.id);

    const path = "/quan-ly/to-chuc/QT-BENQUAN/sap-nhap";
    const choose = await page("admin", path);
    expect(choose.status).toBe(200);
    expect(choose.html).toContain('name="vao"');
    expect(choose.html).not.toContain('name="confirm"');
    const self = await page("admin", `${path}?vao=QT-BENQUAN`);
    expect(self.status).toBe(200);
    expect(self.html).toContain("Không thể sáp nhập một đơn vị vào chính nó.");

    const preview = await page("admin", `${path}?vao=QT-CONTIEN`);
    expect(preview.status).toBe(200);
    expect(preview.html).toContain(`Nhà sản xuất: ${producerCount}`);
    expect(preview.html).toContain('name="confirm"');

    const unconfirmed = await unchanged(() =>
      post("admin", `${path}?vao=QT-CONTIEN`, { survivorCode: "QT-CONTIEN" }),
    );
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.html).toContain("Hãy đánh dấu ô xác nhận để sáp nhập.");

    const done = await post("admin", `${path}?vao=QT-CONTIEN`, {
      survivorCode: "QT-CONTIEN",
      confirm: "on",
    });
    expect(done.status).toBe(303);
    expect(done.location).toBe("/quan-ly/to-chuc/QT-CONTIEN?xong=sap-nhap");
    expect(unit("QT-BENQUAN")).toMatchObject({ parentId: survivor.id, mergedIntoId: survivor.id });
    expect(
      db
        .select({ id: producers.id })
        .from(producers)
        .where(eq(producers.orgUnitId, merged.id))
        .all(),
    ).toEqual([]);
    expect(
      db
        .select({ id: orders.id })
        .from(orders)
        .where(eq(orders.orgUnitId, merged.id))
        .all()
        .map((o) => o.id),
    ).toEqual(orderIds);
    const tree = await page("admin", "/quan-ly/to-chuc");
    expect(tree.html).not.toContain('href="/quan-ly/to-chuc/QT-BENQUAN"');
    const survivorPage = await page("admin", done.location);
    expect(survivorPage.html).toContain('href="/quan-ly/to-chuc/QT-BENQUAN"');
    const mergedPage = await page("admin", "/quan-ly/to-chuc/QT-BENQUAN");
    expect(mergedPage.html).toContain("Đơn vị này đã sáp nhập vào Hội LHPN xã Cồn Tiên");
    expect(mergedPage.html).not.toContain("/quan-ly/to-chuc/QT-BENQUAN/sap-nhap");
  });

  it("gives a role by phone number and ends it after asking; the reach follows at once", async () => {
    const base = "/quan-ly/to-chuc/QT-VINHLINH";
    const unknown = await unchanged(() =>
      post("admin", `${base}/vai-tro`, { phone: "0999999999", role: "reporter" }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.html).toContain("Không có tài khoản đang hoạt động nào với số điện thoại này.");
    const badRole = await unchanged(() =>
      post("admin", `${base}/vai-tro`, { phone: "0900000005", role: "owner" }),
    );
    expect(badRole.status).toBe(400);
    expect(badRole.html).toContain("Chọn một vai trò.");

    const given = await post("admin", `${base}/vai-tro`, {
      phone: "0900 000 005",
      role: "reporter",
    });
    expect(given.status).toBe(303);
    expect((await page("buyer", "/quan-ly/to-chuc")).status).toBe(200);
    expect((await page("buyer", base)).status).toBe(200);

    const buyerId = db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.phone, "+84900000005"))
      .get()?.id;
    const unitPage = await page("admin", base);
    const endLink = `${base}/ket-thuc-vai-tro?nguoi=${buyerId}&vai-tro=reporter`;
    expect(unitPage.html).toContain(`href="${endLink}"`);
    const ask = await page("admin", endLink);
    expect(ask.status).toBe(200);
    expect(ask.html).toContain("Kết thúc vai trò Báo cáo của");
    const ended = await post("admin", `${base}/ket-thuc-vai-tro`, {
      userId: String(buyerId),
      role: "reporter",
    });
    expect(ended.status).toBe(303);
    expect((await page("buyer", "/quan-ly/to-chuc")).status).toBe(403);
    expect(
      db
        .select()
        .from(staffMemberships)
        .where(eq(staffMemberships.userId, buyerId ?? 0))
        .all(),
    ).toEqual([]);
    const again = await unchanged(() =>
      post("admin", `${base}/ket-thuc-vai-tro`, { userId: String(buyerId), role: "reporter" }),
    );
    expect(again.status).toBe(404);
    const nonsense = await unchanged(() =>
      post("admin", `${base}/ket-thuc-vai-tro`, { userId: "abc", role: "reporter" }),
    );
    expect(nonsense.status).toBe(400);
  });

  it("never leaves the province without an admin", async () => {
    const adminId = db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.phone, "+84900000001"))
      .get()?.id;
    const path = "/quan-ly/to-chuc/QT/ket-thuc-vai-tro";
    const ask = await page("admin", `${path}?nguoi=${adminId}&vai-tro=admin`);
    expect(ask.status).toBe(200);
    expect(ask.html).toContain("là quản trị viên cuối cùng của Hội LHPN tỉnh Quảng Trị");
    expect(ask.html).not.toContain('name="userId"');
    const refused = await unchanged(() =>
      post("admin", path, { userId: String(adminId), role: "admin" }),
    );
    expect(refused.status).toBe(409);
    expect(refused.html).toContain(
      "Hội LHPN tỉnh Quảng Trị phải luôn có ít nhất một quản trị viên.",
    );
  });
});
