import { randomUUID } from "node:crypto";
import { and, eq, gte } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "~/lib/i18n/translate";
import { createApiToken } from "~/modules/auth/api-tokens.server";
import { openDatabase, type Db } from "~db/client.server";
import { DEMO_ACCOUNTS } from "~db/seed/demo-accounts";
import { listings, producers, purchaseRequests, users } from "~db/schema";
import { changedTables, databaseFingerprint } from "../helpers/db-snapshot";
import { decodeEntities } from "../helpers/english";
import { startServer, type StartedServer } from "../helpers/server";
import { listingFormFields } from "../helpers/supply";

/**
 * Acceptance (issue 10, finding 8 and Deliver 5): against the real server, a decimal typed
 * in a whole-number field ("1,5" in a cart, a stock, a price; 1.5 in the orders API) and a
 * NUL in a text field (a purchase request's title, a checkout name, an API shipping name) are
 * refused with a 4xx and the field's message, in Vietnamese (and English with `lang=en`),
 * and no table changes. Thousands separators keep working: "1.500" is one thousand five
 * hundred, "150.000" đồng is one hundred fifty thousand.
 */

let server: StartedServer;
let db: Db;
let apiToken = "";
let onSale = { id: 0, sku: "", minOrderQty: 1 };
let producerListing = { sku: "", title: "", categoryId: 0 };

/** A browser without JavaScript: its own cookies, same-origin posts, no redirects followed. */
class Browser {
  private readonly cookies = new Map<string, string>();

  constructor(initial: Record<string, string> = {}) {
    for (const [name, value] of Object.entries(initial)) this.cookies.set(name, value);
  }

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

  post(path: string, fields: Record<string, string> | FormData): Promise<Response> {
    const body = fields instanceof FormData ? fields : new URLSearchParams(fields);
    return this.request(path, { method: "POST", body });
  }

  async signIn(key: "buyer" | "producer"): Promise<void> {
    const account = DEMO_ACCOUNTS.find((a) => a.key === key);
    if (!account) throw new Error(`no demo ${key}`);
    const login = await this.post("/dang-nhap", {
      identifier: account.email,
      password: account.password,
    });
    expect(login.status).toBe(302);
  }
}

const buyer = new Browser();
const producer = new Browser();

/**
 * Runs `refused`, expects it to change no table, and returns its answer. `ignore`: the
 * bookkeeping of who asked (an API token's last use), which is not the refused request's doing.
 */
async function withoutChange(
  refused: () => Promise<Response>,
  ignore: string[] = [],
): Promise<Response> {
  const before = databaseFingerprint(server.databasePath);
  const response = await refused();
  // Reading the body first: the server has finished with the request when it is sent.
  const body = await response.text();
  expect(changedTables(before, databaseFingerprint(server.databasePath), ignore)).toEqual([]);
  return new Response(body, { status: response.status, headers: response.headers });
}

/** The answer is a 4xx whose page (or JSON) shows `message`. */
async function expectRefused(response: Response, message: string): Promise<void> {
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(decodeEntities(await response.text())).toContain(message);
}

const vi = (key: Parameters<typeof t>[1]) => t("vi", key);

beforeAll(async () => {
  server = await startServer();
  db = openDatabase(server.databasePath);
  const apiUser = db
    .insert(users)
    .values({
      email: `api-${randomUUID().slice(0, 8)}@test.local`,
      passwordHash: "not-a-login-account",
      displayName: "Bếp ăn thử",
    })
    .returning()
    .get();
  apiToken = createApiToken(db, apiUser.id, "test").token;
  const found = db
    .select({ id: listings.id, sku: listings.sku, minOrderQty: listings.minOrderQty })
    .from(listings)
    .innerJoin(producers, eq(producers.id, listings.producerId))
    .where(
      and(
        eq(listings.status, "published"),
        eq(producers.verificationStatus, "verified"),
        gte(listings.stock, listings.minOrderQty),
      ),
    )
    .limit(1)
    .get();
  if (!found) throw new Error("the demo catalog has no product on sale");
  onSale = found;
  const producerCode = DEMO_ACCOUNTS.find((a) => a.key === "producer")?.producer?.producerCode;
  const own = db
    .select({ sku: listings.sku, title: listings.title, categoryId: listings.categoryId })
    .from(listings)
    .innerJoin(producers, eq(producers.id, listings.producerId))
    .where(and(eq(producers.code, producerCode ?? ""), eq(listings.status, "published")))
    .limit(1)
    .get();
  if (!own) throw new Error("the demo producer has no published listing");
  producerListing = own;
  await buyer.signIn("buyer");
  await producer.signIn("producer");
}, 300_000);

afterAll(async () => {
  db?.$client.close();
  await server?.stop();
}, 60_000);

describe("a decimal in a whole-number field is refused, never read as another number", () => {
  it("a cart quantity of 1,5 (and 1.5)", async () => {
    for (const qty of ["1,5", "1.5"]) {
      const response = await withoutChange(() =>
        buyer.post("/gio-hang", { intent: "add", listingId: String(onSale.id), qty }),
      );
      await expectRefused(response, vi("errors.input.decimal"));
    }
  });

  it("in English for a visitor with lang=en", async () => {
    const visitor = new Browser({ lang: "en" });
    const response = await withoutChange(() =>
      visitor.post("/gio-hang", { intent: "add", listingId: String(onSale.id), qty: "1,5" }),
    );
    await expectRefused(response, t("en", "errors.input.decimal"));
  });

  const listingForm = (overrides: Record<string, string>) =>
    listingFormFields({
      title: producerListing.title,
      categoryId: producerListing.categoryId,
      priceVnd: "95.000",
      ...overrides,
    });

  it("a listing's stock of 1,5, as the demo producer", async () => {
    const response = await withoutChange(() =>
      producer.post(
        `/ban-hang/san-pham/${producerListing.sku}`,
        listingForm({ stock: "1,5", intent: "save" }),
      ),
    );
    expect(response.status).toBe(400);
    await expectRefused(response, vi("errors.input.decimal"));
  });

  it("a new listing's price of 1,5 đồng", async () => {
    const response = await withoutChange(() =>
      producer.post(
        "/ban-hang/san-pham/moi",
        listingForm({ title: "Tiêu sọ thử nghiệm", priceVnd: "1,5", intent: "draft" }),
      ),
    );
    expect(response.status).toBe(400);
    await expectRefused(response, vi("errors.input.decimal"));
  });

  it("an orders-API line with qty 1.5", async () => {
    const response = await withoutChange(
      () => postApiOrder({ items: [{ sku: onSale.sku, qty: 1.5 }] }),
      ["api_tokens"],
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { details: { fields: object } } };
    expect(body.error.details.fields).toMatchObject({ "items.0.qty": vi("apiOrder.error.qty") });
  });
});

describe("a control character in a text field is refused with a message", () => {
  const requestForm = (overrides: Record<string, string>) => ({
    title: "Cần mua gạo\u0000 hữu cơ",
    description: "",
    categoryCode: "gao",
    quantity: "500",
    unit: "kg",
    targetPriceVnd: "",
    provinceCode: "44",
    communeCode: "19333",
    neededBy: "2999-12-31",
    recurrence: "none",
    ...overrides,
  });

  it("a purchase request with a NUL in its title", async () => {
    const response = await withoutChange(() => buyer.post("/yeu-cau-mua/moi", requestForm({})));
    expect(response.status).toBe(400);
    await expectRefused(response, vi("errors.input.control"));
  });

  it("a checkout name with a NUL", async () => {
    const added = await buyer.post("/gio-hang", {
      intent: "add",
      listingId: String(onSale.id),
      qty: String(onSale.minOrderQty),
    });
    expect(added.status).toBe(303);
    const price = db
      .select({ price: listings.priceVnd })
      .from(listings)
      .where(eq(listings.id, onSale.id))
      .get()?.price;
    const response = await withoutChange(() =>
      buyer.post("/thanh-toan", {
        idempotencyKey: randomUUID(),
        name: "Phạm Văn\u0000 Mua",
        phone: "0912 345 678",
        province: "Quảng Trị",
        commune: "phường Đông Hà",
        address: "12 Lê Duẩn, khu phố 3",
        note: "",
        paymentMethod: "cod",
        [`price.${onSale.sku}`]: String(price),
      }),
    );
    expect(response.status).toBe(400);
    await expectRefused(response, vi("errors.input.control"));
  });

  it("an orders-API shipping name with \\u0000", async () => {
    const response = await withoutChange(
      () => postApiOrder({ shipping: { ...SHIPPING, name: "Bếp ăn\u0000 trường" } }),
      ["api_tokens"],
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { details: { fields: object } } };
    expect(body.error.details.fields).toMatchObject({
      "shipping.name": vi("errors.input.control"),
    });
  });
});

describe("the import says the same of a cell", () => {
  it("a file with a NUL is refused whole (it reads as UTF-16 without a mark)", async () => {
    const code = DEMO_ACCOUNTS.find((a) => a.key === "producer")?.producer?.producerCode ?? "";
    const csv = [
      "sku,producer_code,title,category,price_vnd,unit",
      `HY000,${code},Tiêu\u0000 thử,ho-tieu,50000,kg`,
    ].join("\n");
    const form = new FormData();
    form.set("intent", "check");
    form.set("products", new Blob([csv], { type: "text/csv" }), "san-pham.csv");
    const response = await withoutChange(() => producer.post("/ban-hang/nhap-du-lieu", form));
    expect(response.status).toBe(400);
    await expectRefused(response, vi("import.error.encoding"));
  });

  it("a stock of 1,5 and a title with a bidi override are problems of their row; nothing is written", async () => {
    const code = DEMO_ACCOUNTS.find((a) => a.key === "producer")?.producer?.producerCode ?? "";
    const csv = [
      "sku,producer_code,title,category,price_vnd,unit,stock",
      `HY001,${code},Tiêu thử nghiệm,ho-tieu,50.000,kg,"1,5"`,
      `HY002,${code},Tiêu\u202e thử,ho-tieu,"50,000",kg,"1,500"`,
    ].join("\n");
    const form = new FormData();
    form.set("intent", "check");
    form.set("products", new Blob([csv], { type: "text/csv" }), "san-pham.csv");
    const listingsBefore = databaseFingerprint(server.databasePath).listings;
    const started = await producer.post("/ban-hang/nhap-du-lieu", form);
    expect(started.status).toBe(302);
    const location = started.headers.get("Location") ?? "";
    let text = "";
    for (let i = 0; i < 50; i += 1) {
      text = decodeEntities(await (await producer.request(location)).text());
      if (!text.includes(vi("import.refresh"))) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(text).toContain(vi("errors.input.decimal"));
    expect(text).toContain(vi("errors.input.control"));
    expect(databaseFingerprint(server.databasePath).listings).toBe(listingsBefore);
  });
});

describe("thousands separators keep working", () => {
  it("a purchase request of 1.500 kg at 150.000 đồng is stored as 1500 and 150000", async () => {
    const response = await buyer.post("/yeu-cau-mua/moi", {
      title: "Cần mua gạo hữu cơ",
      description: "Giao hai đợt.\r\nĐợt đầu trước Tết.",
      categoryCode: "gao",
      quantity: "1.500",
      unit: "kg",
      targetPriceVnd: "150.000",
      provinceCode: "44",
      communeCode: "19333",
      neededBy: "2999-12-31",
      recurrence: "none",
    });
    expect(response.status).toBe(302);
    const stored = db
      .select()
      .from(purchaseRequests)
      .where(eq(purchaseRequests.title, "Cần mua gạo hữu cơ"))
      .get();
    expect(stored).toMatchObject({
      quantity: 1500,
      targetPriceVnd: 150000,
      description: "Giao hai đợt.\nĐợt đầu trước Tết.",
    });
  });
});

const SHIPPING = {
  name: "Bếp ăn trường Tiểu học Đông Hà",
  phone: "0900000218",
  province: "Quảng Trị",
  commune: "phường Đông Hà",
  address: "12 Lê Lợi, khu phố 1",
};

/** An orders-API order of one of `onSale`, with parts of the body replaced. */
function postApiOrder(overrides: Record<string, unknown>): Promise<Response> {
  return fetch(`${server.url}/api/v1/orders`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${apiToken}`,
      "Content-Type": "application/json",
      "Idempotency-Key": randomUUID(),
    },
    body: JSON.stringify({
      items: [{ sku: onSale.sku, qty: 1 }],
      shipping: SHIPPING,
      payment_method: "cod",
      ...overrides,
    }),
  });
}
