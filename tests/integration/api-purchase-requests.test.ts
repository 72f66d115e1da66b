import { randomUUID } from "node:crypto";
import { and, eq, gte, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { vietnamToday } from "~/lib/dates";
import { createApiToken } from "~/modules/auth/api-tokens.server";
import { openDatabase, type Db } from "~db/client.server";
import { buyerProfiles, producers, purchaseRequests, requestMatches, users } from "~db/schema";
import { changedTables, databaseFingerprint } from "../helpers/db-snapshot";
import { startServer, type StartedServer } from "../helpers/server";

/**
 * The purchase-request API (issue 11, item 6) against the real server on a fresh demo
 * database: the public list, one request, its matches in the reader's language, and posting
 * with the orders API's token — every status code, and no table changed by a refused POST.
 */

const HIT_FIELDS = [
  "category",
  "code",
  "commune",
  "needed_by",
  "offers",
  "province",
  "quantity",
  "recurrence",
  "target_price_vnd",
  "title",
  "unit",
];

const validBody = (overrides: Record<string, unknown> = {}) => ({
  title: "Cần mua 80 kg gạo sạch cho bếp ăn",
  description: "Giao mỗi tháng, đóng bao 10 kg.",
  category: "gao",
  quantity: 80,
  unit: "kg",
  target_price_vnd: 32000,
  province: "Quảng Trị",
  commune: "Phường Đông Hà",
  needed_by: "2099-06-30",
  recurrence: "monthly",
  ...overrides,
});

describe("purchase-request API (real server)", () => {
  let server: StartedServer;
  let db: Db;
  let buyerToken: string;
  const fingerprint = () => databaseFingerprint(server.databasePath);

  /** A user with a token (and a buyer profile unless told otherwise), straight in the database. */
  function apiUser(options: { buyer: boolean }): string {
    const suffix = randomUUID().slice(0, 8);
    const user = db
      .insert(users)
      .values({
        email: `api-yc-${suffix}@test.local`,
        passwordHash: "not-a-login-account",
        displayName: `Bếp ăn ${suffix}`,
      })
      .returning({ id: users.id })
      .get();
    if (options.buyer) {
      db.insert(buyerProfiles)
        .values({ userId: user.id, kind: "school", companyName: `Trường ${suffix}` })
        .run();
    }
    return createApiToken(db, user.id, "test").token;
  }

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, { headers });
  const post = (body: unknown, token: string | null, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/v1/purchase-requests`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    server = await startServer();
    db = openDatabase(server.databasePath);
    buyerToken = apiUser({ buyer: true });
  }, 300_000);

  afterAll(async () => {
    db?.$client.close();
    await server?.stop();
  }, 30_000);

  describe("GET /api/v1/purchase-requests", () => {
    it("lists the open, visible requests whose date has not passed, public fields only", async () => {
      const response = await get("/api/v1/purchase-requests?status=open");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("application/json");
      const body = (await response.json()) as {
        total: number;
        page: number;
        per_page: number;
        hits: Record<string, unknown>[];
      };
      const expected =
        db
          .select({ n: sql<number>`count(*)` })
          .from(purchaseRequests)
          .where(
            and(
              eq(purchaseRequests.status, "open"),
              eq(purchaseRequests.isHidden, false),
              gte(purchaseRequests.neededBy, vietnamToday()),
            ),
          )
          .get()?.n ?? 0;
      expect(expected).toBeGreaterThan(0);
      expect(body).toMatchObject({ total: expected, page: 1, per_page: 20 });
      expect(body.hits.length).toBe(Math.min(20, expected));
      for (const hit of body.hits) {
        expect(Object.keys(hit).sort()).toEqual(HIT_FIELDS);
        expect(typeof hit.offers).toBe("number");
      }
      const page2 = (await (await get("/api/v1/purchase-requests?page=2&per_page=5")).json()) as {
        page: number;
        per_page: number;
        hits: { code: string }[];
      };
      expect(page2).toMatchObject({ page: 2, per_page: 5 });
      expect(page2.hits.map((h) => h.code)).toEqual(body.hits.slice(5, 10).map((h) => h.code));
    });

    it("400 naming a bad parameter", async () => {
      for (const [query, parameter] of [
        ["status=closed", "status"],
        ["page=abc", "page"],
        ["per_page=500", "per_page"],
      ]) {
        const response = await get(`/api/v1/purchase-requests?${query}`);
        expect(response.status, query).toBe(400);
        const body = (await response.json()) as { error: { details: { parameter: string } } };
        expect(body.error.details.parameter).toBe(parameter);
      }
    });
  });

  describe("POST /api/v1/purchase-requests", () => {
    it("201 with the code and page; the request is public at once, by name or by code", async () => {
      const response = await post(validBody(), buyerToken);
      expect(response.status).toBe(201);
      const created = (await response.json()) as { code: string; url: string };
      expect(created.code).toMatch(/^YC\d{3,}$/);
      expect(created.url).toBe(`${server.url}/yeu-cau-mua/${created.code}`);
      expect(response.headers.get("location")).toBe(created.url);

      const detail = await get(`/api/v1/purchase-requests/${created.code}`);
      expect(detail.status).toBe(200);
      const request = (await detail.json()) as Record<string, unknown>;
      expect(request).toMatchObject({
        code: created.code,
        title: "Cần mua 80 kg gạo sạch cho bếp ăn",
        category: "gao",
        quantity: 80,
        unit: "kg",
        target_price_vnd: 32000,
        province: "Tỉnh Quảng Trị",
        commune: "Phường Đông Hà",
        needed_by: "2099-06-30",
        recurrence: "monthly",
        offers: 0,
        status: "open",
        url: created.url,
      });
      // Never the buyer.
      expect(JSON.stringify(request)).not.toMatch(/Bếp ăn|Trường|buyer/);
      const stored = db
        .select()
        .from(purchaseRequests)
        .where(eq(purchaseRequests.code, created.code))
        .get();
      expect(stored).toMatchObject({ provinceCode: "44", communeCode: "19333" });
      expect(stored?.matchedAt).not.toBeNull();

      const byCodes = await post(
        validBody({
          province: "44",
          commune: "19333",
          target_price_vnd: null,
          recurrence: undefined,
        }),
        buyerToken,
      );
      expect(byCodes.status).toBe(201);
      const second = (await byCodes.json()) as { code: string };
      const again = (await (await get(`/api/v1/purchase-requests/${second.code}`)).json()) as {
        target_price_vnd: number | null;
        recurrence: string;
        commune: string;
      };
      expect(again).toMatchObject({
        target_price_vnd: null,
        recurrence: "none",
        commune: "Phường Đông Hà",
      });
    });

    it("401 without a valid token, changing nothing", async () => {
      const before = fingerprint();
      for (const token of [null, "cc_not-a-real-token", `cc_${"x".repeat(43)}`]) {
        const response = await post(validBody(), token);
        expect(response.status).toBe(401);
        expect(response.headers.get("www-authenticate")).toContain("Bearer");
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
          "unauthorized",
        );
      }
      expect(changedTables(before, fingerprint())).toEqual([]);
    });

    it("400 naming each bad field, in the reader's language, changing nothing", async () => {
      // The token was used by the 201 above: its last-use stamp is fresh and will not move.
      const before = fingerprint();
      const response = await post(
        {
          title: "Gạo",
          category: "Gạo ngon",
          quantity: 1.5,
          unit: "tấn",
          target_price_vnd: -1,
          province: "Quảng Trị",
          commune: "Phường Không Có",
          needed_by: "2020-01-01",
          recurrence: "daily",
          buyer_phone: "0900000000",
        },
        buyerToken,
        { "Accept-Language": "en" },
      );
      expect(response.status).toBe(400);
      const error = (
        (await response.json()) as {
          error: { code: string; message: string; details: { fields: Record<string, string> } };
        }
      ).error;
      expect(error.code).toBe("invalid_request");
      expect(Object.keys(error.details.fields).sort()).toEqual(
        [
          "buyer_phone",
          "category",
          "commune",
          "needed_by",
          "quantity",
          "recurrence",
          "target_price_vnd",
          "title",
          "unit",
        ].sort(),
      );
      expect(error.details.fields.quantity).toBe(
        "quantity must be a whole number from 1 to 1000000000.",
      );

      const missing = await post({}, buyerToken);
      expect(missing.status).toBe(400);
      const fields = ((await missing.json()) as { error: { details: { fields: object } } }).error
        .details.fields;
      expect(Object.keys(fields).sort()).toEqual(
        ["category", "commune", "needed_by", "province", "quantity", "title", "unit"].sort(),
      );
      const unknownCategory = await post(validBody({ category: "khong-co" }), buyerToken);
      expect(unknownCategory.status).toBe(400);
      expect(
        Object.keys(
          ((await unknownCategory.json()) as { error: { details: { fields: object } } }).error
            .details.fields,
        ),
      ).toEqual(["category"]);
      const notJson = await post("{title:", buyerToken);
      expect(notJson.status).toBe(400);
      expect(((await notJson.json()) as { error: { code: string } }).error.code).toBe(
        "invalid_json",
      );
      expect(changedTables(before, fingerprint())).toEqual([]);
    });

    it("403 for a token whose owner is not a buyer", async () => {
      const token = apiUser({ buyer: false });
      await post({}, token); // the token's first use stamps it; the refusal below must not write
      const before = fingerprint();
      const response = await post(validBody(), token);
      expect(response.status).toBe(403);
      expect(changedTables(before, fingerprint())).toEqual([]);
    });

    it("429 past five new requests a day, with Retry-After, changing nothing", async () => {
      const token = apiUser({ buyer: true });
      for (let i = 0; i < 5; i += 1) {
        expect((await post(validBody({ title: `Cần mua gạo lần ${i + 1}` }), token)).status).toBe(
          201,
        );
      }
      const before = fingerprint();
      const response = await post(validBody(), token);
      expect(response.status).toBe(429);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        "too_many_requests",
      );
      expect(changedTables(before, fingerprint())).toEqual([]);
    });

    it("405 for other methods", async () => {
      const response = await fetch(`${server.url}/api/v1/purchase-requests`, { method: "PUT" });
      expect(response.status).toBe(405);
    });
  });

  describe("GET /api/v1/purchase-requests/{code} and /matches", () => {
    it("renders the stored reasons in the reader's language", async () => {
      const created = (await (await post(validBody(), buyerToken)).json()) as { code: string };
      const request = db
        .select({ id: purchaseRequests.id })
        .from(purchaseRequests)
        .where(eq(purchaseRequests.code, created.code))
        .get();
      const producer = db
        .select({ id: producers.id, code: producers.code, name: producers.name })
        .from(producers)
        .limit(1)
        .get();
      if (!request || !producer) throw new Error("no request or producer");
      db.delete(requestMatches).where(eq(requestMatches.purchaseRequestId, request.id)).run();
      db.insert(requestMatches)
        .values({
          purchaseRequestId: request.id,
          producerId: producer.id,
          rank: 1,
          score: 0.75,
          reasons: [
            { key: "demand.match.sameCommune" },
            { key: "demand.match.stockEnough", params: { stock: 60, quantity: 30, unit: "kg" } },
          ],
        })
        .run();
      const path = `/api/v1/purchase-requests/${created.code}/matches`;
      const vi = (await (await get(path)).json()) as { matches: unknown[] };
      expect(vi.matches).toEqual([
        {
          producer: { code: producer.code, name: producer.name },
          listing: null,
          score: 0.75,
          reasons: ["cùng xã", "còn 60 kg, cần 30 kg"],
        },
      ]);
      const enResponse = await get(path, { "Accept-Language": "en-GB,en;q=0.9,vi;q=0.5" });
      expect(enResponse.headers.get("vary")).toContain("Accept-Language");
      const en = (await enResponse.json()) as { matches: { reasons: string[] }[] };
      expect(en.matches[0]?.reasons[0]).not.toBe("cùng xã");
      expect(en.matches[0]?.reasons).toHaveLength(2);
    });

    it("404 for a hidden request, an unknown code, and their matches", async () => {
      const created = (await (await post(validBody(), buyerToken)).json()) as { code: string };
      expect((await get(`/api/v1/purchase-requests/${created.code}/matches`)).status).toBe(200);
      db.update(purchaseRequests)
        .set({ isHidden: true, hiddenAt: new Date() })
        .where(eq(purchaseRequests.code, created.code))
        .run();
      for (const path of [
        `/api/v1/purchase-requests/${created.code}`,
        `/api/v1/purchase-requests/${created.code}/matches`,
        "/api/v1/purchase-requests/YC99999",
        "/api/v1/purchase-requests/YC99999/matches",
      ]) {
        const response = await get(path);
        expect(response.status, path).toBe(404);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
          "not_found",
        );
      }
      const list = (await (await get("/api/v1/purchase-requests?per_page=50")).json()) as {
        hits: { code: string }[];
      };
      expect(list.hits.map((hit) => hit.code)).not.toContain(created.code);
    });
  });

  it("describes all four operations in the OpenAPI document", async () => {
    const doc = (await (await get("/api/v1/openapi.json")).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    };
    const requests = doc.paths["/api/v1/purchase-requests"];
    expect(Object.keys(requests?.get?.responses ?? {})).toEqual(["200", "400"]);
    expect(Object.keys(requests?.post?.responses ?? {})).toEqual([
      "201",
      "400",
      "401",
      "403",
      "429",
    ]);
    expect(
      Object.keys(doc.paths["/api/v1/purchase-requests/{code}"]?.get?.responses ?? {}),
    ).toEqual(["200", "404"]);
    expect(
      Object.keys(doc.paths["/api/v1/purchase-requests/{code}/matches"]?.get?.responses ?? {}),
    ).toEqual(["200", "404"]);
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)];
    for (const [, name] of refs) expect(Object.keys(doc.components.schemas)).toContain(name);
    const input = doc.components.schemas.PurchaseRequestInput as { properties: object };
    expect(Object.keys(input.properties).sort()).toEqual(Object.keys(validBody()).sort());
  });
});
