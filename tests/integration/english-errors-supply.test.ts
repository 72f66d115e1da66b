import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "~/lib/i18n/translate";
import { DEMO_ACCOUNTS } from "~db/seed/demo-accounts";
import { decodeEntities, vietnameseIn } from "../helpers/english";
import { startServer, type StartedServer } from "../helpers/server";
import { listingFormFields } from "../helpers/supply";

/**
 * Acceptance (issue 9): with the interface in English, every domain error of the listing
 * forms (create and edit with bad values, a title already used, a refused photo, a step the
 * listing's state does not allow, an import with a bad file or a bad row) shows in English
 * on the page, and no sentence of the Vietnamese catalog appears anywhere in it. Against the
 * real server, signed in as the demo producer, as a browser without JavaScript would post.
 */

let server: StartedServer;
const cookies = new Map<string, string>();

function remember(response: Response): void {
  for (const header of response.headers.getSetCookie()) {
    const [pair = ""] = header.split(";");
    const eq = pair.indexOf("=");
    if (eq > 0) cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}

async function request(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("Cookie", [...cookies].map(([name, value]) => `${name}=${value}`).join("; "));
  if (init.method === "POST") headers.set("Origin", server.url);
  const response = await fetch(`${server.url}${path}`, { ...init, headers, redirect: "manual" });
  remember(response);
  return response;
}

function post(path: string, body: Record<string, string> | FormData): Promise<Response> {
  return request(path, {
    method: "POST",
    body: body instanceof FormData ? body : new URLSearchParams(body),
  });
}

/** The page as a reader sees its characters (entities decoded). */
async function pageText(response: Response): Promise<string> {
  return decodeEntities(await response.text());
}

/** The page shows `english` and nothing of the Vietnamese catalog. */
async function expectEnglish(response: Response, english: string[], status?: number) {
  const text = await pageText(response);
  if (status !== undefined) expect(response.status).toBe(status);
  for (const message of english) expect(text).toContain(message);
  expect(vietnameseIn(text)).toEqual([]);
}

function sqlite<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(server.databasePath, { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const producer = DEMO_ACCOUNTS.find((account) => account.key === "producer");
let published: { sku: string; title: string };
let categoryId = 0;

const validListing = () =>
  listingFormFields({
    producer: producer?.producer?.producerCode ?? "",
    title: "Tiêu sọ trắng thử nghiệm",
    categoryId,
  });

beforeAll(async () => {
  server = await startServer();
  if (!producer) throw new Error("no demo producer account");
  const login = await post("/dang-nhap", {
    identifier: producer.email,
    password: producer.password,
  });
  expect(login.status).toBe(302);
  const switched = await post("/ngon-ngu", { lang: "en", redirectTo: "/ban-hang" });
  expect(switched.status).toBe(302);
  expect(cookies.get("lang")).toBe("en");
  const found = sqlite((db) =>
    db
      .prepare<[string], { sku: string; title: string; categoryId: number }>(
        `SELECT l.sku, l.title, l.category_id AS categoryId FROM listings l
         JOIN producers p ON p.id = l.producer_id
         WHERE p.code = ? AND l.status = 'published' ORDER BY l.id LIMIT 1`,
      )
      .get(producer.producer?.producerCode ?? ""),
  );
  if (!found) throw new Error("the demo producer has no published listing");
  published = { sku: found.sku, title: found.title };
  categoryId = found.categoryId;
}, 300_000);

afterAll(async () => {
  await server?.stop();
}, 60_000);

describe("listing forms in English", () => {
  it("a new listing with bad values", async () => {
    const page = await post("/ban-hang/san-pham/moi", {
      ...validListing(),
      title: "",
      categoryId: "",
      priceVnd: "mười nghìn",
      intent: "draft",
    });
    await expectEnglish(
      page,
      [
        t("en", "form.errorSummary"),
        t("en", "listing.error.title"),
        t("en", "listing.error.category"),
        t("en", "listing.error.price"),
      ],
      400,
    );
  });

  it("a new listing with a title the shop already has", async () => {
    const page = await post("/ban-hang/san-pham/moi", {
      ...validListing(),
      title: published.title,
      intent: "draft",
    });
    await expectEnglish(page, [t("en", "listing.error.titleTaken", { sku: published.sku })], 400);
  });

  it("an edit with bad values", async () => {
    const page = await post(`/ban-hang/san-pham/${published.sku}`, {
      ...validListing(),
      title: published.title,
      minOrderQty: "0",
      stock: "-3",
      ocopStars: "4",
      intent: "save",
    });
    await expectEnglish(
      page,
      [
        t("en", "listing.error.minOrder"),
        t("en", "listing.error.stock"),
        t("en", "listing.error.ocopCertificate"),
      ],
      400,
    );
  });

  it("a refused photo", async () => {
    const form = new FormData();
    form.set("intent", "image-upload");
    form.set("image", new Blob(["not a photo at all"], { type: "image/jpeg" }), "anh.jpg");
    const page = await post(`/ban-hang/san-pham/${published.sku}`, form);
    await expectEnglish(page, [t("en", "images.refused.notImage")], 400);
  });

  it("steps the listing's state does not allow", async () => {
    const restore = await post(`/ban-hang/san-pham/${published.sku}`, { intent: "restore" });
    await expectEnglish(restore, [t("en", "listing.error.notArchived")], 409);
    const submit = await post(`/ban-hang/san-pham/${published.sku}`, { intent: "submit" });
    await expectEnglish(submit, [t("en", "listing.error.notSubmittable")], 409);
  });

  it("an import with a file in the wrong encoding, or none", async () => {
    const header = "sku,producer_code,title,category,price_vnd,unit";
    const utf16 = new Blob([new Uint8Array([0xff, 0xfe]), Buffer.from(header, "utf16le")]);
    const form = new FormData();
    form.set("intent", "check");
    form.set("products", utf16, "san-pham.csv");
    await expectEnglish(
      await post("/ban-hang/nhap-du-lieu", form),
      [t("en", "import.error.encoding")],
      400,
    );
    const empty = new FormData();
    empty.set("intent", "check");
    await expectEnglish(
      await post("/ban-hang/nhap-du-lieu", empty),
      [t("en", "import.noFile")],
      400,
    );
  });

  it("an import with a bad row", async () => {
    const code = producer?.producer?.producerCode ?? "";
    const csv = [
      "sku,producer_code,title,category,price_vnd,unit",
      `EN001,${code},Tiêu thử tiếng Anh,ho-tieu,mười nghìn,kg`,
      `EN002,${code},,ho-tieu,50000,thùng`,
    ].join("\n");
    const form = new FormData();
    form.set("intent", "check");
    form.set("products", new Blob([csv], { type: "text/csv" }), "san-pham.csv");
    const started = await post("/ban-hang/nhap-du-lieu", form);
    expect(started.status).toBe(302);
    const location = started.headers.get("Location") ?? "";
    expect(location).toMatch(/\?lan=/);
    let page = await request(location);
    for (let i = 0; i < 50; i += 1) {
      const text = await page.clone().text();
      if (!text.includes(t("en", "import.refresh"))) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
      page = await request(location);
    }
    await expectEnglish(page, [
      t("en", "import.row.price"),
      t("en", "import.row.titleMissing"),
      t("en", "import.row.unitInvalid", { units: "kg" }).split(":")[0] ?? "",
    ]);
  });
});
