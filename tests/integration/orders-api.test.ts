import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  authenticateApiToken,
  createApiToken,
  revokeApiToken,
} from "~/modules/auth/api-tokens.server";
import { createOrdersFromApi, getOrderForApi } from "~/modules/orders/api.server";
import { openApiDocument } from "~/routes/api.v1.openapi[.]json";
import { apiTokens, listings, orders, users } from "~db/schema";
import { freshDb } from "../helpers/db";
import { makeMarket } from "../helpers/market";

const body = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    items: [
      { sku: "SP0001", qty: 2 },
      { sku: "SP0003", qty: 1 },
    ],
    shipping: {
      name: "Nhà hàng Gió Lào",
      phone: "0900 000 204",
      province: "quang-tri",
      commune: "phường Đông Hà",
      address: "5 Hùng Vương",
    },
    delivery: { SXA: "delivery" },
    payment_method: "cod",
    ...overrides,
  });

type Answer = { status: number; body: unknown };
const errorOf = (answer: Answer) =>
  (answer.body as { error: { code: string; details: Record<string, unknown> } }).error;

describe("JSON API for business buyers", () => {
  it("201 with one order per producer, amounts from the database", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const answer = createOrdersFromApi(db, m.buyer.id, "k-1", body());
    expect(answer.status).toBe(201);
    const result = answer.body as { orders: Record<string, unknown>[] };
    expect(result.orders).toMatchObject([
      {
        producer: { code: "SXA" },
        status: "pending_payment",
        total_vnd: 270000,
        delivery_fee_vnd: 30000,
        lines: [{ sku: "SP0001", qty: 2, unit_price_vnd: 120000, line_total_vnd: 240000 }],
      },
      { producer: { code: "SXB" }, total_vnd: 300000, delivery_method: "pickup" },
    ]);
    const stored = db.select().from(orders).all();
    expect(stored[0]).toMatchObject({ shipProvince: "Quảng Trị", shipPhone: "0900000204" });
  });

  it("same key + same body → the first answer; different body → 422", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const first = createOrdersFromApi(db, m.buyer.id, "k-2", body());
    const again = createOrdersFromApi(db, m.buyer.id, "k-2", body());
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(db.select().from(orders).all()).toHaveLength(2);
    const other = createOrdersFromApi(
      db,
      m.buyer.id,
      "k-2",
      body({ payment_method: "bank_transfer" }),
    );
    expect(other.status).toBe(422);
    // Keys are per caller: another buyer may use the same key.
    expect(createOrdersFromApi(db, m.otherBuyer.id, "k-2", body()).status).toBe(201);
  });

  it("400 naming each bad field", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const answer = createOrdersFromApi(
      db,
      m.buyer.id,
      null,
      JSON.stringify({
        items: [{ sku: "SP0001", qty: 0 }, { qty: 1 }],
        shipping: { name: "A", phone: "12345", province: "Quảng Bình", commune: "xã X" },
        delivery: { SXA: "drone" },
        payment_method: "card",
        extra: true,
      }),
    );
    expect(answer.status).toBe(400);
    const fields = errorOf(answer).details.fields as Record<string, string>;
    expect(Object.keys(fields).sort()).toEqual(
      [
        "Idempotency-Key",
        "body",
        "delivery.SXA",
        "items.0.qty",
        "items.1.sku",
        "payment_method",
        "shipping.address",
        "shipping.name",
        "shipping.phone",
        "shipping.province",
      ].sort(),
    );
    expect(createOrdersFromApi(db, m.buyer.id, "k", "{not json").status).toBe(400);
    expect(db.select().from(orders).all()).toHaveLength(0);
  });

  it("400 naming each sku below its minimum and each not on sale", () => {
    const db = freshDb();
    const m = makeMarket(db);
    db.update(listings).set({ status: "draft" }).where(eq(listings.id, m.squid.id)).run();
    const answer = createOrdersFromApi(
      db,
      m.buyer.id,
      "k-3",
      body({
        items: [
          { sku: "SP0002", qty: 1 },
          { sku: "SP0003", qty: 1 },
          { sku: "SP9999", qty: 1 },
        ],
        delivery: {},
      }),
    );
    expect(answer.status).toBe(400);
    expect(errorOf(answer).details).toMatchObject({
      not_on_sale: ["SP0003", "SP9999"],
      below_min_order: [{ sku: "SP0002", min_order_qty: 5 }],
    });
  });

  it("409 naming the skus short of stock", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const answer = createOrdersFromApi(
      db,
      m.buyer.id,
      "k-4",
      body({
        items: [
          { sku: "SP0001", qty: 11 },
          { sku: "SP0003", qty: 5 },
        ],
      }),
    );
    expect(answer.status).toBe(409);
    expect(errorOf(answer)).toMatchObject({
      code: "out_of_stock",
      details: { skus: ["SP0001", "SP0003"] },
    });
  });

  it("GET shows the caller's own orders only", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const created = createOrdersFromApi(db, m.buyer.id, "k-5", body());
    const id = (created.body as { orders: { id: number }[] }).orders[0]!.id;
    const mine = getOrderForApi(db, m.buyer.id, id);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      order: { id, total_vnd: 270000, status: "pending_payment" },
    });
    expect(getOrderForApi(db, m.otherBuyer.id, id).status).toBe(404);
    expect(getOrderForApi(db, m.buyer.id, 99999).status).toBe(404);
  });
});

describe("API tokens and the OpenAPI document", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("authenticates each request but writes the last use at most once a minute", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const { id, token } = createApiToken(db, m.buyer.id, "ERP");
    const lastUsed = () =>
      db.select().from(apiTokens).where(eq(apiTokens.id, id)).get()?.lastUsedAt?.getTime();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-01T08:00:00Z"));
    expect(authenticateApiToken(db, `Bearer ${token}`)).toEqual({
      tokenId: id,
      userId: m.buyer.id,
    });
    const first = lastUsed();
    expect(first).toBe(Date.parse("2026-12-01T08:00:00Z"));
    vi.setSystemTime(new Date("2026-12-01T08:00:59Z"));
    expect(authenticateApiToken(db, token)?.userId).toBe(m.buyer.id);
    expect(lastUsed()).toBe(first);
    vi.setSystemTime(new Date("2026-12-01T08:01:00Z"));
    expect(authenticateApiToken(db, token)?.userId).toBe(m.buyer.id);
    expect(lastUsed()).toBe(Date.parse("2026-12-01T08:01:00Z"));

    db.update(users).set({ isDisabled: true }).where(eq(users.id, m.buyer.id)).run();
    expect(authenticateApiToken(db, token)).toBeNull();
    db.update(users).set({ isDisabled: false }).where(eq(users.id, m.buyer.id)).run();
    expect(revokeApiToken(db, m.buyer.id, id)).toBe(true);
    expect(authenticateApiToken(db, token)).toBeNull();
    expect(authenticateApiToken(db, "Bearer cc_short")).toBeNull();
  });

  it("documents POST /api/v1/orders and GET /api/v1/orders/{id} with bearer auth", () => {
    const doc = openApiDocument("http://cho.test");
    const post = doc.paths["/api/v1/orders"].post;
    expect(post.security).toEqual([{ bearerToken: [] }]);
    expect(post.parameters.map((p) => [p.name, p.in, p.required])).toEqual([
      ["Idempotency-Key", "header", true],
    ]);
    expect(Object.keys(post.responses)).toEqual(["201", "400", "401", "409", "422"]);
    expect(Object.keys(doc.paths["/api/v1/orders/{id}"].get.responses)).toEqual([
      "200",
      "401",
      "404",
    ]);
    expect(doc.components.securitySchemes.bearerToken).toMatchObject({ scheme: "bearer" });
    // Every reference points at a schema that exists.
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)];
    expect(refs.length).toBeGreaterThan(5);
    for (const [, name] of refs) expect(Object.keys(doc.components.schemas)).toContain(name);
    // The documented request fields are those the API accepts.
    expect(Object.keys(doc.components.schemas.OrderRequest.properties).sort()).toEqual(
      ["delivery", "items", "note", "payment_method", "shipping"].sort(),
    );
  });
});
