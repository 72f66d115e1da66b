import { describe, expect, it } from "vitest";
import {
  applySecurityHeaders,
  contentSecurityPolicy,
  securityHeaders,
} from "~/modules/platform/security-headers.server";

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values.join(" ")];
    }),
  );
}

describe("content security policy", () => {
  it("allows only nonced scripts (and what they load) on a document", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc123==" }));
    expect(csp.get("script-src")).toBe("'nonce-abc123==' 'strict-dynamic'");
    expect(csp.get("script-src")).not.toContain("unsafe-inline");
    expect(csp.get("default-src")).toBe("'self'");
    expect(csp.get("style-src")).toBe("'self'");
    expect(csp.get("img-src")).toBe("'self' data: blob:");
    expect(csp.get("connect-src")).toBe("'self'");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.get("base-uri")).toBe("'self'");
    expect(csp.get("form-action")).toBe("'self'");
    expect(csp.get("object-src")).toBe("'none'");
  });

  it("runs no script at all on a response without a nonce", () => {
    expect(directives(contentSecurityPolicy()).get("script-src")).toBe("'none'");
  });

  it("lets Vite's dev server use its websocket and style tags only in development", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "n", isDevelopment: true }));
    expect(csp.get("connect-src")).toContain("ws:");
    expect(csp.get("style-src")).toContain("'unsafe-inline'");
    expect(csp.get("script-src")).not.toContain("unsafe-inline");
  });
});

describe("security headers", () => {
  it("sets the headers every response needs", () => {
    const headers = securityHeaders({ nonce: "n" });
    expect(headers).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
    });
    expect(headers["Permissions-Policy"]).toContain("camera=()");
  });

  it("keeps headers a route chose itself", () => {
    const headers = new Headers({ "Referrer-Policy": "no-referrer" });
    applySecurityHeaders(headers);
    expect(headers.get("Referrer-Policy")).toBe("no-referrer");
    expect(headers.get("X-Content-Type-Options")).toBe("nosniff");
  });
});
