import express from "express";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "~/modules/auth/api-tokens.server";
import { answerOrdersApi } from "~/modules/orders/api.server";
import { setDbForTests } from "~/modules/platform/db.server";
import { action as placeOrdersAction } from "~/routes/api.v1.orders";
import { orders } from "~db/schema";
import { directOrdersApi } from "../../server/api-fast-path";
import { freshDb, type Db } from "../helpers/db";
import { makeMarket } from "../helpers/market";

/**
 * server/api-fast-path.ts: POST /api/v1/orders answered without Remix, with the same module
 * function as the Remix route and the same answers (the orders concurrency tests run it in
 * the real server).
 */

const ORDER = JSON.stringify({
  items: [{ sku: "SP0001", qty: 1 }],
  shipping: {
    name: "Bếp ăn Đông Hà",
    phone: "0900000204",
    province: "Quảng Trị",
    commune: "phường Đông Hà",
    address: "5 Hùng Vương",
  },
  payment_method: "cod",
});

describe("the direct route to the orders API", () => {
  let db: Db;
  let token: string;
  let server: Server;
  let url: string;
  let lastError: unknown = null;

  beforeAll(async () => {
    db = freshDb();
    setDbForTests(db);
    const market = makeMarket(db);
    token = createApiToken(db, market.buyer.id, "ERP").token;
    const app = express();
    app.post(
      "/api/v1/orders",
      directOrdersApi((request) => answerOrdersApi(db, request)),
    );
    app.post(
      "/fails",
      directOrdersApi(() => Promise.reject(new Error("boom"))),
    );
    app.use(
      (
        error: unknown,
        _req: express.Request,
        res: express.Response,
        _next: express.NextFunction,
      ) => {
        lastError = error;
        res.status(500).send("error page");
      },
    );
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
  });

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${url}${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers },
      body,
    });

  it("places the order and passes status, headers and body through", async () => {
    const headers = { Authorization: `Bearer ${token}`, "Idempotency-Key": "fast-1" };
    const first = await post("/api/v1/orders", ORDER, headers);
    expect(first.status).toBe(201);
    expect(first.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(first.headers.get("cache-control")).toBe("no-store");
    const body = (await first.json()) as { orders: { id: number; total_vnd: number }[] };
    expect(body.orders).toHaveLength(1);
    const again = await post("/api/v1/orders", ORDER, headers);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(body);
    expect(db.select().from(orders).all()).toHaveLength(1);
  });

  it("answers 401 without a token, with the challenge header", async () => {
    const answer = await post("/api/v1/orders", ORDER, { "Idempotency-Key": "fast-2" });
    expect(answer.status).toBe(401);
    expect(answer.headers.get("www-authenticate")).toContain("Bearer");
  });

  it("refuses a body over 1 MB with 413 and places nothing", async () => {
    const huge = JSON.stringify({ padding: "x".repeat(1024 * 1024 + 10) });
    const answer = await post("/api/v1/orders", huge, {
      Authorization: `Bearer ${token}`,
      "Idempotency-Key": "fast-3",
    });
    expect(answer.status).toBe(413);
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe("too_large");
    expect(db.select().from(orders).all()).toHaveLength(1);
  });

  it("hands errors to the error page", async () => {
    const failed = await post("/fails", "{}");
    expect(failed.status).toBe(500);
    expect(await failed.text()).toBe("error page");
    expect(lastError).toEqual(new Error("boom"));
  });

  it("answers as the Remix route does, in the reader's language", async () => {
    const headers = {
      Authorization: `Bearer ${token}`,
      "Idempotency-Key": "fast-4",
      "Content-Type": "application/json",
      Cookie: "lang=en",
    };
    // A byte order mark is dropped as Request.text() drops it; the unknown field is refused.
    const body = `\uFEFF${JSON.stringify({ ...JSON.parse(ORDER), extra: 1 })}`;
    const direct = await post("/api/v1/orders", body, headers);
    const throughRemix = await placeOrdersAction({
      request: new Request("http://localhost/api/v1/orders", { method: "POST", headers, body }),
      params: {},
      context: { clientIp: "127.0.0.1" },
    });
    expect(direct.status).toBe(400);
    expect(throughRemix.status).toBe(400);
    const directBody = (await direct.json()) as { error: { code: string; message: string } };
    expect(directBody).toEqual(await throughRemix.json());
    expect(directBody.error.code).toBe("invalid_request");
    expect(directBody.error.message).toBe("Some fields of the request are not valid.");
    expect(direct.headers.get("cache-control")).toBe("no-store");
    expect(throughRemix.headers.get("cache-control")).toBe("no-store");
    expect(db.select().from(orders).all()).toHaveLength(1);
  });
});
