import express from "express";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestScope, type Logger } from "~/modules/platform/logger.server";
import { requestId, requestLog } from "../../server/middleware";

/** Request ids (X-Request-Id in and out) on the real middleware of the production server. */
describe("request ids", () => {
  const lines: Record<string, unknown>[] = [];
  const fakeLogger = {
    info: (entry: Record<string, unknown>) => lines.push(entry),
    debug: (entry: Record<string, unknown>) => lines.push(entry),
    error: (entry: Record<string, unknown>) => lines.push(entry),
  } as unknown as Logger;
  let base = "";
  let close: () => void = () => undefined;

  beforeAll(async () => {
    const app = express();
    app.use(requestId());
    app.use(requestLog(fakeLogger));
    // What a loader sees, after an await: the id of its own request.
    app.get("/scope", async (_req, res) => {
      await new Promise((resolveLater) => setTimeout(resolveLater, 5));
      res.json({ seen: requestScope.getStore()?.requestId ?? null });
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolveListen) => server.once("listening", resolveListen));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  it("keeps the proxy's X-Request-Id, answers with it, and logs it", async () => {
    const response = await fetch(`${base}/scope`, { headers: { "X-Request-Id": "edge-42.a_b" } });
    expect(response.headers.get("X-Request-Id")).toBe("edge-42.a_b");
    expect(await response.json()).toEqual({ seen: "edge-42.a_b" });
    await new Promise((resolveLater) => setTimeout(resolveLater, 20));
    expect(lines.at(-1)).toMatchObject({ path: "/scope", status: 200, reqId: "edge-42.a_b" });
  });

  it("makes a new id for each request without one, or with one that is not an id", async () => {
    const ids = new Set<string>();
    for (const given of [undefined, undefined, "bad id with spaces", "x".repeat(200)]) {
      const response = await fetch(`${base}/scope`, {
        headers: given ? { "X-Request-Id": given } : {},
      });
      const id = response.headers.get("X-Request-Id")!;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(await response.json()).toEqual({ seen: id });
      ids.add(id);
    }
    expect(ids.size).toBe(4);
    // Outside a request there is no id.
    expect(requestScope.getStore()).toBeUndefined();
  });
});
