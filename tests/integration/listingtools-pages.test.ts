import { randomBytes } from "node:crypto";
import { request as httpRequest } from "node:http";
import Database from "better-sqlite3";
import ExcelJS from "exceljs";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changedTables, databaseFingerprint } from "../helpers/db-snapshot";
import { demoSessionCookie } from "../helpers/demo-login";
import { decodeEntities } from "../helpers/english";
import { phoneJpeg } from "../helpers/images";
import { startServer, type StartedServer } from "../helpers/server";
import { listingFormFields } from "../helpers/supply";

/**
 * Issue 13, "listing and import made quick" and the bank list, through the real server as a
 * browser without JavaScript sends them: a new listing with two photos in one submit; photos
 * that survive a submit that comes back; a slow link that still gets its photos through (the
 * pace window scaled to 1 s); folded certificate blocks; the import templates, the category
 * list, and a template filled with a category name; the bank chosen from the list, changed by
 * the owner only.
 */

let server: StartedServer;
let cookie: string;
let categoryId: number;

const db = () => new Database(server.databasePath, { readonly: true });

function imagesOf(sku: string): { position: number; isCover: number }[] {
  const reader = db();
  try {
    return reader
      .prepare(
        `SELECT i.position, i.is_cover AS isCover FROM listing_images i
         JOIN listings l ON l.id = i.listing_id WHERE l.sku = ? ORDER BY i.position`,
      )
      .all(sku) as { position: number; isCover: number }[];
  } finally {
    reader.close();
  }
}

function newListingForm(title: string, extra: Record<string, string> = {}): FormData {
  const form = new FormData();
  const fields = { ...listingFormFields({ producer: "SX001", title, categoryId }), ...extra };
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append("intent", "draft");
  return form;
}

/** Phone photos that do not compress away: noise, as a camera's sensor gives. */
function noisePng(width: number, height: number): Promise<Buffer> {
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

async function withPhotos(form: FormData, count: number, noisy = false): Promise<FormData> {
  for (let i = 0; i < count; i += 1) {
    const bytes = noisy ? await noisePng(200 + i, 150) : await phoneJpeg(1600 + i * 10, 1200);
    form.append(
      "photos",
      new File([new Uint8Array(bytes)], `anh-${i}.jpg`, { type: "image/jpeg" }),
    );
  }
  return form;
}

async function post(path: string, body: FormData | URLSearchParams, as = cookie) {
  const answer = await fetch(`${server.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: server.url, Cookie: as },
    body,
  });
  return {
    status: answer.status,
    location: answer.headers.get("location") ?? "",
    html: decodeEntities(await answer.text()),
  };
}

async function page(path: string, as = cookie): Promise<string> {
  const answer = await fetch(`${server.url}${path}`, { headers: { Cookie: as } });
  expect(answer.status).toBe(200);
  return decodeEntities(await answer.text());
}

const skuOf = (location: string) =>
  /\/ban-hang\/san-pham\/(SP\d+)\?thong-bao=created/.exec(location)?.[1] ?? "";

beforeAll(async () => {
  server = await startServer({
    env: { BODY_TIMEOUT_WINDOW_MS: "1000", BODY_MIN_BYTES_PER_SECOND: "1024" },
  });
  cookie = await demoSessionCookie(server.url, "producer");
  const reader = db();
  categoryId = (
    reader.prepare("SELECT id FROM categories WHERE code = 'ho-tieu'").get() as { id: number }
  ).id;
  reader.close();
}, 300_000);

afterAll(async () => {
  await server?.stop();
});

describe("photos on the create form", () => {
  it("creates a listing with two photos in one submit, the first as cover", async () => {
    const form = await withPhotos(newListingForm("Tiêu thử hai ảnh"), 2);
    const answer = await post("/ban-hang/san-pham/moi", form);
    expect(answer.status).toBe(302);
    const sku = skuOf(answer.location);
    expect(imagesOf(sku)).toEqual([
      { position: 0, isCover: 1 },
      { position: 1, isCover: 0 },
    ]);
  });

  it("keeps the picked photos when the form comes back, and saves them with the next submit", async () => {
    const failed = await post("/ban-hang/san-pham/moi", await withPhotos(newListingForm(""), 2));
    expect(failed.status).toBe(400);
    const token = /name="photoToken" value="([a-f0-9]{32})"/.exec(failed.html)?.[1] ?? "";
    expect(token).not.toBe("");
    const kept = [...failed.html.matchAll(/name="keepPhoto"[^>]*value="([a-f0-9]{32})"/g)].map(
      (m) => m[1] ?? "",
    );
    expect(kept).toHaveLength(2);
    expect(failed.html).toContain("/media/");

    // Another producer cannot take them with the token.
    const other = await demoSessionCookie(server.url, "producer-2");
    const stranger = newListingForm("Tiêu của người khác", {
      producer: "SX004",
      photoToken: token,
    });
    for (const key of kept) stranger.append("keepPhoto", key);
    const theirs = await post("/ban-hang/san-pham/moi", stranger, other);
    expect(theirs.status).toBe(302);
    expect(imagesOf(skuOf(theirs.location))).toEqual([]);

    // Nothing picked again: the two waiting photos come with the fixed form.
    const fixed = newListingForm("Tiêu thử ảnh giữ lại", { photoToken: token });
    for (const key of kept) fixed.append("keepPhoto", key);
    const saved = await post("/ban-hang/san-pham/moi", fixed);
    expect(saved.status).toBe(302);
    expect(imagesOf(skuOf(saved.location))).toHaveLength(2);
  });

  it("takes two photos over a slow link, 50 times the minimum pace", async () => {
    const form = await withPhotos(newListingForm("Tiêu thử mạng chậm"), 2, true);
    const request = new Request("http://x/", { method: "POST", body: form });
    const body = Buffer.from(await request.arrayBuffer());
    expect(body.length).toBeGreaterThan(64 * 1024);
    const started = Date.now();
    const answer = await new Promise<{ status: number; location: string }>((resolve, reject) => {
      const req = httpRequest(
        `${server.url}/ban-hang/san-pham/moi`,
        {
          method: "POST",
          headers: {
            Origin: server.url,
            Cookie: cookie,
            "Content-Type": request.headers.get("content-type") ?? "",
            "Content-Length": String(body.length),
          },
        },
        (res) => {
          res.resume();
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? "" }),
          );
        },
      );
      req.on("error", reject);
      // 5 kB every 100 ms: 50 kB/s, a slow 3G link, against a floor of 1 kB/s per 1 s window.
      let at = 0;
      const timer = setInterval(() => {
        req.write(body.subarray(at, at + 5_000));
        at += 5_000;
        if (at >= body.length) {
          clearInterval(timer);
          req.end();
        }
      }, 100);
    });
    expect(Date.now() - started).toBeGreaterThan(2_000);
    expect(answer.status).toBe(302);
    expect(imagesOf(skuOf(answer.location))).toHaveLength(2);
  });

  it("folds the certificate blocks until one is used", async () => {
    const empty = await page("/ban-hang/san-pham/moi");
    // The certificate blocks are the <details> whose summary is a fold of the listing form.
    const blocks = (html: string) =>
      html.match(/<details[^>]*><summary class="cursor-pointer rounded-lg/g) ?? [];
    expect(blocks(empty)).toHaveLength(5);
    expect(blocks(empty).filter((tag) => / open/.test(tag))).toEqual([]);
    // VietGAP ticked on a form that comes back: only its block is open.
    const failed = await post(
      "/ban-hang/san-pham/moi",
      newListingForm("", { "certifications[0].held": "on" }),
    );
    expect(failed.status).toBe(400);
    expect(blocks(failed.html).filter((tag) => / open/.test(tag))).toHaveLength(1);
    expect(failed.html).toMatch(/<details[^>]* open[^>]*><summary[^>]*>VietGAP</);
  });
});

describe("the import page", () => {
  it("offers the templates and the category codes, and takes a template filled with a category name", async () => {
    const html = await page("/ban-hang/nhap-du-lieu");
    expect(html).toContain('href="/ban-hang/nhap-du-lieu/mau/san-pham.xlsx"');
    expect(html).toContain('href="/ban-hang/nhap-du-lieu/mau/san-pham.csv"');
    expect(html).toMatch(/<td[^>]*>ho-tieu<\/td><td[^>]*>Hồ tiêu<\/td>/);

    const csv = await fetch(`${server.url}/ban-hang/nhap-du-lieu/mau/san-pham.csv`, {
      headers: { Cookie: cookie },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toBe(
      'attachment; filename="mau-nhap-san-pham.csv"',
    );
    const download = await fetch(`${server.url}/ban-hang/nhap-du-lieu/mau/san-pham.xlsx`, {
      headers: { Cookie: cookie },
    });
    expect(download.headers.get("content-type")).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await download.arrayBuffer());
    const sheet = workbook.worksheets[0];
    const headings = (sheet?.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
    expect(headings.slice(0, 4)).toEqual([
      "Mã sản phẩm",
      "Mã nhà sản xuất",
      "Tên sản phẩm",
      "Danh mục",
    ]);
    const row = Object.fromEntries(headings.map((h) => [h, ""]));
    Object.assign(row, {
      "Mã sản phẩm": "TQ-MAU-1",
      "Mã nhà sản xuất": "SX001",
      "Tên sản phẩm": "Tiêu nhập từ tệp mẫu",
      "Danh mục": "HO TIEU",
      "Giá (đồng)": "99000",
      "Đơn vị tính": "gói",
    });
    sheet?.addRow(headings.map((h) => row[h] ?? ""));
    const filled = new Uint8Array(await workbook.xlsx.writeBuffer());
    const upload = new FormData();
    upload.append("intent", "check");
    upload.append("products", new File([filled], "mau.xlsx"));
    const checked = await post("/ban-hang/nhap-du-lieu", upload);
    expect(checked.status).toBe(302);
    let report = "";
    for (let i = 0; i < 60 && !report.includes("Tất cả các dòng đều hợp lệ."); i += 1) {
      await new Promise((r) => setTimeout(r, 250));
      report = await page(checked.location);
    }
    expect(report).toContain("Tất cả các dòng đều hợp lệ.");
    expect(report).toContain("Sản phẩm: 1 thêm mới, 0 cập nhật.");
  });
});

describe("the bank account on the producer's profile", () => {
  it("is chosen from the list by the owner; a member reads it and is refused with 403", async () => {
    const html = await page("/ban-hang/ho-so");
    expect(html).toMatch(/<select[^>]*name="bankBin"/);
    expect(html).toContain("Vietcombank — Ngân hàng TMCP Ngoại Thương Việt Nam");

    const saved = await post(
      "/ban-hang/ho-so",
      new URLSearchParams({
        producer: "SX001",
        intent: "bank",
        bankBin: "970418",
        bankAccountNumber: "1234567890",
        bankAccountName: "Hoang Thi Ho Tieu",
      }),
    );
    expect(saved.status).toBe(302);
    expect(saved.location).toContain("thong-bao=bankSaved");
    const reader = db();
    expect(
      reader
        .prepare(
          "SELECT bank_bin, bank_account_number, bank_account_name FROM producers WHERE code = 'SX001'",
        )
        .get(),
    ).toEqual({
      bank_bin: "970418",
      bank_account_number: "1234567890",
      bank_account_name: "HOANG THI HO TIEU",
    });
    expect(
      reader
        .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'producer.bank_changed'")
        .get(),
    ).toEqual({ n: 1 });
    expect(
      reader
        .prepare(
          "SELECT count(*) AS n FROM notifications WHERE message_key = 'listingtools.notice.bankChanged'",
        )
        .get(),
    ).toEqual({ n: 1 });
    reader.close();

    // The demo buyer becomes a member (not an owner) of the cooperative.
    const writer = new Database(server.databasePath);
    writer
      .prepare(
        `INSERT INTO producer_memberships (user_id, producer_id, role)
         SELECT u.id, p.id, 'member' FROM users u, producers p
         WHERE u.email = 'nguoimua@cungcau.demo' AND p.code = 'SX001'`,
      )
      .run();
    writer.close();
    const member = await demoSessionCookie(server.url, "buyer");
    const readOnly = await page("/ban-hang/ho-so", member);
    expect(readOnly).not.toMatch(/name="bankBin"/);
    expect(readOnly).toContain("Chỉ chủ cơ sở được thay đổi tài khoản nhận tiền.");
    const before = databaseFingerprint(server.databasePath);
    const refused = await post(
      "/ban-hang/ho-so",
      new URLSearchParams({
        producer: "SX001",
        intent: "bank",
        bankBin: "970436",
        bankAccountNumber: "999999999",
        bankAccountName: "KE LA",
      }),
      member,
    );
    expect(refused.status).toBe(403);
    expect(changedTables(before, databaseFingerprint(server.databasePath), ["sessions"])).toEqual(
      [],
    );
  });
});
