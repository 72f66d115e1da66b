import express from "express";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientIp, defaultSecurityHeaders, refuseCrossOrigin } from "../../server/middleware";

/**
 * The express middleware of server/index.ts around a stand-in for Remix: a route that sets
 * its own CSP (as documents do) and one that sets none (as data and API responses).
 */
function appWith(trustProxy: boolean) {
  const app = express();
  app.set("trust proxy", trustProxy ? 1 : false);
  app.use(defaultSecurityHeaders());
  app.use(refuseCrossOrigin("https://cungcau.example.vn"));
  app.get("/document", (_req, res) => {
    res.append("Content-Security-Policy", "script-src 'nonce-abc'");
    res.send("<!doctype html>");
  });
  app.all("/echo", (req, res) => res.json({ ip: clientIp(req), method: req.method }));
  return app;
}

async function listen(app: express.Express): Promise<{ server: Server; url: string }> {
  return new Promise((resolveListen) => {
    const server = app.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolveListen({ server, url: `http://127.0.0.1:${port}` });
    });
  });
}

describe("server middleware", () => {
  let direct: { server: Server; url: string };
  let proxied: { server: Server; url: string };

  beforeAll(async () => {
    direct = await listen(appWith(false));
    proxied = await listen(appWith(true));
  });
  afterAll(() => {
    direct.server.close();
    proxied.server.close();
  });

  it("adds security headers where the response set none, never twice", async () => {
    const data = await fetch(`${direct.url}/echo`);
    expect(data.headers.get("x-content-type-options")).toBe("nosniff");
    expect(data.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(data.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    const document = await fetch(`${direct.url}/document`);
    expect(document.headers.get("content-security-policy")).toBe("script-src 'nonce-abc'");
    expect(document.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("refuses a POST from another origin with a Vietnamese message", async () => {
    const forged = await fetch(`${direct.url}/echo`, {
      method: "POST",
      headers: { Origin: "https://evil.example" },
    });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain("trang web khác");
    const forgedApi = await fetch(`${direct.url}/echo`, {
      method: "POST",
      headers: { Origin: "https://evil.example", Accept: "application/json" },
    });
    expect(forgedApi.status).toBe(403);
    expect(await forgedApi.json()).toMatchObject({ error: { code: "cross_origin" } });
  });

  it("lets same-origin, PUBLIC_URL-origin, bearer-token and safe requests through", async () => {
    const own = await fetch(`${direct.url}/echo`, {
      method: "POST",
      headers: { Origin: direct.url },
    });
    expect(own.status).toBe(200);
    const publicUrl = await fetch(`${direct.url}/echo`, {
      method: "POST",
      headers: { Origin: "https://cungcau.example.vn" },
    });
    expect(publicUrl.status).toBe(200);
    const api = await fetch(`${direct.url}/echo`, {
      method: "POST",
      headers: { Origin: "https://partner.example", Authorization: "Bearer cc_token" },
    });
    expect(api.status).toBe(200);
    const get = await fetch(`${direct.url}/echo`, { headers: { Origin: "https://evil.example" } });
    expect(get.status).toBe(200);
  });

  it("takes the client IP from X-Forwarded-For only when TRUST_PROXY=1", async () => {
    const headers = { "X-Forwarded-For": "203.0.113.9" };
    const spoofed = await (await fetch(`${direct.url}/echo`, { headers })).json();
    expect(spoofed.ip).toBe("127.0.0.1");
    const behindProxy = await (await fetch(`${proxied.url}/echo`, { headers })).json();
    expect(behindProxy.ip).toBe("203.0.113.9");
  });
});
