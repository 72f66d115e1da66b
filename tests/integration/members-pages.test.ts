import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "~db/client.server";
import { auditLog, orgUnits, producers, unionMembers, users } from "~db/schema";
import { DEMO_ACCOUNTS } from "~db/seed/demo-accounts";
import { changedTables, databaseFingerprint } from "../helpers/db-snapshot";
import { demoSessionCookie } from "../helpers/demo-login";
import { decodeEntities } from "../helpers/english";
import { startServer, type StartedServer } from "../helpers/server";

/**
 * The member pages on the real server, as a phone without JavaScript uses them (issue 12,
 * acceptance): the Vĩnh Linh commune staff member (moderator + reporter, so `member:view`)
 * sees her commune's members and gets 404 for another commune's, each view and export is
 * audited; the province admin withdraws a consent (the sensitive fields are erased), erases
 * a record on request, and a dry-run import changes nothing.
 */

type AccountKey = "commune-staff" | "admin";

describe("the member pages (real server, no JavaScript)", () => {
  let server: StartedServer;
  let db: Db;
  const cookies = {} as Record<AccountKey, string>;
  let ownId = 0;
  let otherId = 0;

  const get = async (as: AccountKey, path: string, lang?: "en") => {
    const response = await fetch(`${server.url}${path}`, {
      redirect: "manual",
      headers: { Cookie: lang ? `${cookies[as]}; lang=${lang}` : cookies[as] },
    });
    return { response, html: decodeEntities(await response.text()) };
  };
  const post = async (as: AccountKey, path: string, body: URLSearchParams | FormData) => {
    const response = await fetch(`${server.url}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookies[as], Origin: server.url },
      body,
    });
    return {
      status: response.status,
      location: response.headers.get("location") ?? "",
      html: decodeEntities(await response.text()),
    };
  };
  const unitId = (code: string) =>
    db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, code)).get()?.id ?? 0;
  const audits = (action: string, entityId: string) =>
    db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)))
      .all().length;
  const member = (id: number) =>
    db.select().from(unionMembers).where(eq(unionMembers.id, id)).get();

  beforeAll(async () => {
    server = await startServer();
    db = openDatabase(server.databasePath);
    const insert = (code: string, fullName: string) =>
      db
        .insert(unionMembers)
        .values({
          orgUnitId: unitId(code),
          fullName,
          birthYear: 1982,
          joinedOn: "2015-03-08",
          ethnicGroup: "Kinh",
          householdStatus: "near_poor",
          hasDisability: false,
          consentGivenOn: "2026-01-10",
          consentForm: "paper",
        })
        .returning({ id: unionMembers.id })
        .get().id;
    ownId = insert("QT-VINHLINH-CH01", "Kiểm Thử Hội Viên Vĩnh Linh");
    otherId = insert("QT-CUATUNG-CH01", "Kiểm Thử Hội Viên Cửa Tùng");
    cookies["commune-staff"] = await demoSessionCookie(server.url, "commune-staff");
    cookies.admin = await demoSessionCookie(server.url, "admin");
  }, 300_000);

  afterAll(async () => {
    db?.$client.close();
    await server?.stop();
  }, 60_000);

  it("lists her commune's members only, and another commune's record is a 404", async () => {
    const list = await get("commune-staff", "/quan-ly/hoi-vien?q=Kiểm Thử");
    expect(list.response.status).toBe(200);
    expect(list.html).toContain("Kiểm Thử Hội Viên Vĩnh Linh");
    expect(list.html).not.toContain("Kiểm Thử Hội Viên Cửa Tùng");
    // Sensitive fields are never listed.
    expect(list.html).not.toContain("Hộ cận nghèo");
    expect((await get("commune-staff", `/quan-ly/hoi-vien/${otherId}`)).response.status).toBe(404);
    expect(
      (await get("commune-staff", "/quan-ly/hoi-vien?don-vi=QT-CUATUNG")).response.status,
    ).toBe(404);
    expect(
      (await get("commune-staff", "/quan-ly/hoi-vien.csv?don-vi=QT-CUATUNG")).response.status,
    ).toBe(404);
    expect(audits("member.view", String(otherId))).toBe(0);
  });

  it("audits each view of a record, shown in Vietnamese and English", async () => {
    const before = audits("member.view", String(ownId));
    const page = await get("commune-staff", `/quan-ly/hoi-vien/${ownId}`);
    expect(page.response.status).toBe(200);
    expect(page.html).toContain("Hộ cận nghèo");
    expect(page.html).toContain("Bạn chỉ được xem hồ sơ này");
    // The account's saved language decides for pages: English for one view, then back.
    const email = DEMO_ACCOUNTS.find((account) => account.key === "commune-staff")?.email ?? "";
    const saved = db.select().from(users).where(eq(users.email, email)).get()?.locale ?? "vi";
    db.update(users).set({ locale: "en" }).where(eq(users.email, email)).run();
    const english = await get("commune-staff", `/quan-ly/hoi-vien/${ownId}`, "en");
    db.update(users).set({ locale: saved }).where(eq(users.email, email)).run();
    expect(english.html).toContain("Near-poor household");
    expect(english.html).toContain("You may only view this record");
    expect(audits("member.view", String(ownId))).toBe(before + 2);
  });

  it("exports CSV (with a BOM) and XLSX of her subtree, each export audited", async () => {
    const before = audits("member.export", "export");
    const csv = await fetch(`${server.url}/quan-ly/hoi-vien.csv`, {
      headers: { Cookie: cookies["commune-staff"] },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain("Kiểm Thử Hội Viên Vĩnh Linh");
    expect(text).not.toContain("Kiểm Thử Hội Viên Cửa Tùng");
    const xlsx = await fetch(`${server.url}/quan-ly/hoi-vien.xlsx`, {
      headers: { Cookie: cookies["commune-staff"] },
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    expect([...new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)]).toEqual([0x50, 0x4b]);
    expect(audits("member.export", "export")).toBe(before + 2);
  });

  it("shows a producer's linked members beside its declared women members", async () => {
    const producer = db.select().from(producers).where(eq(producers.code, "SX001")).get();
    const page = await get("commune-staff", `/quan-ly/kiem-duyet/nha-san-xuat/${producer?.id}`);
    expect(page.response.status).toBe(200);
    expect(page.html).toContain(
      `Số liệu chính thức là ${producer?.membersWomen} thành viên nữ do cơ sở kê khai`,
    );
    expect(page.html).toContain('href="/quan-ly/hoi-vien?nha-san-xuat=SX001"');
    const list = await get("commune-staff", "/quan-ly/hoi-vien?nha-san-xuat=SX001");
    expect(list.response.status).toBe(200);
    expect(list.html).toContain("kê khai");
  });

  it("refuses a view-only staff member's change with 403, changing nothing", async () => {
    const refused = await post(
      "commune-staff",
      `/quan-ly/hoi-vien/${ownId}`,
      new URLSearchParams({ intent: "withdraw" }),
    );
    expect(refused.status).toBe(403);
    expect(member(ownId)?.ethnicGroup).toBe("Kinh");
  });

  it("withdrawing the consent erases the sensitive fields", async () => {
    const done = await post(
      "admin",
      `/quan-ly/hoi-vien/${ownId}`,
      new URLSearchParams({ intent: "withdraw" }),
    );
    expect(done.status).toBe(303);
    expect(member(ownId)).toMatchObject({
      fullName: "Kiểm Thử Hội Viên Vĩnh Linh",
      ethnicGroup: null,
      householdStatus: null,
      hasDisability: null,
      consentGivenOn: null,
      consentForm: null,
    });
    const page = await get("admin", `/quan-ly/hoi-vien/${ownId}?xong=rut`);
    expect(page.html).toContain("Đã rút lại sự đồng ý");
  });

  it("erases a record only once its erasure is confirmed", async () => {
    const unconfirmed = await post(
      "admin",
      `/quan-ly/hoi-vien/${otherId}`,
      new URLSearchParams({ intent: "erase" }),
    );
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.html).toContain("Hãy đánh dấu xác nhận");
    expect(member(otherId)).toBeDefined();
    const erased = await post(
      "admin",
      `/quan-ly/hoi-vien/${otherId}`,
      new URLSearchParams({ intent: "erase", confirm: "yes" }),
    );
    expect(erased).toMatchObject({ status: 303, location: "/quan-ly/hoi-vien?xong=da-xoa" });
    expect(member(otherId)).toBeUndefined();
    expect(audits("member.erase", String(otherId))).toBe(1);
    expect((await get("admin", `/quan-ly/hoi-vien/${otherId}`)).response.status).toBe(404);
  });

  it("a dry-run import shows the problems by row and column and changes nothing", async () => {
    const file = [
      "full_name,joined_on,org_unit_code,ethnic_group",
      "Nhập Thử Một,2020-01-01,QT-VINHLINH-CH02,",
      "Nhập Thử Hai,2020-01-01,QT-KHONG-CO,Kinh",
    ].join("\n");
    const form = new FormData();
    form.set("intent", "check");
    form.set("file", new Blob([file], { type: "text/csv" }), "hoi-vien.csv");
    const before = databaseFingerprint(server.databasePath);
    const checked = await post("admin", "/quan-ly/hoi-vien/nhap", form);
    expect(checked.status).toBe(200);
    expect(checked.html).toContain("Không có đơn vị Hội mã QT-KHONG-CO.");
    expect(checked.html).toContain("Dữ liệu nhạy cảm chỉ được ghi khi có sự đồng ý");
    expect(changedTables(before, databaseFingerprint(server.databasePath), ["sessions"])).toEqual(
      [],
    );

    const utf16 = new FormData();
    utf16.set("intent", "commit");
    utf16.set("file", new Blob([new Uint8Array([0xff, 0xfe, 0x41, 0x00])]), "hoi-vien.csv");
    const refused = await post("admin", "/quan-ly/hoi-vien/nhap", utf16);
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("Lưu lại dạng CSV UTF-8 hoặc XLSX");
    expect(changedTables(before, databaseFingerprint(server.databasePath), ["sessions"])).toEqual(
      [],
    );
  });

  it("takes a file far over the 64 KiB form limit (a whole commune's list) to the dry run", async () => {
    const rows = Array.from(
      { length: 1_500 },
      (_, i) =>
        `Hội Viên Nhập Số ${i + 1},2019-05-${String((i % 28) + 1).padStart(2, "0")},QT-VINHLINH-CH02`,
    );
    const file = ["full_name,joined_on,org_unit_code", ...rows].join("\n");
    expect(Buffer.byteLength(file)).toBeGreaterThan(64 * 1024);
    const form = new FormData();
    form.set("intent", "check");
    form.set("file", new Blob([file], { type: "text/csv" }), "hoi-vien.csv");
    const before = databaseFingerprint(server.databasePath);
    const checked = await post("admin", "/quan-ly/hoi-vien/nhap", form);
    expect(checked.status).toBe(200);
    expect(checked.html).toContain("Không có lỗi: 1500 hội viên sẽ được thêm khi bấm “Nhập”.");
    expect(changedTables(before, databaseFingerprint(server.databasePath), ["sessions"])).toEqual(
      [],
    );
  });

  it("shows the admin's forms, and a bad entry gets a message and a 400", async () => {
    for (const path of [
      "/quan-ly/hoi-vien/moi",
      "/quan-ly/hoi-vien/can-bo",
      "/quan-ly/hoi-vien/can-bo/moi",
      `/quan-ly/hoi-vien/${ownId}/sua`,
      "/quan-ly/hoi-vien/nhap",
    ]) {
      expect((await get("admin", path)).response.status, path).toBe(200);
    }
    const bad = await post(
      "admin",
      "/quan-ly/hoi-vien/moi",
      new URLSearchParams({ fullName: "Hội viên Mới", joinedOn: "2999-01-01", unitCode: "QT" }),
    );
    expect(bad.status).toBe(400);
    expect(bad.html).toContain("Chọn ngày vào Hội (không ở tương lai).");
  });
});
