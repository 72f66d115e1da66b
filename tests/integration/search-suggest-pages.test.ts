import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "~/lib/i18n";
import { decodeEntities } from "../helpers/english";
import { startServer, type StartedServer } from "../helpers/server";

/**
 * Search that forgives, as the real server answers it (no JavaScript): the suggestions
 * endpoint of the header's box (JSON, bad input a 400 in the reader's language), and the
 * search page with one search box and its "did you mean" link.
 */
describe("suggestions endpoint and search page", () => {
  let server: StartedServer;
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, { headers });

  beforeAll(async () => {
    server = await startServer();
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("suggests products for what is typed, run-together words included", async () => {
    const response = await get("/tim-kiem/goi-y?q=caphe");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = (await response.json()) as {
      suggestions: { sku: string; title: string; path: string; priceVnd: number }[];
      correctedQuery: string | null;
      searchPath: string;
    };
    expect(body.suggestions.length).toBeGreaterThan(0);
    expect(body.suggestions.length).toBeLessThanOrEqual(6);
    for (const suggestion of body.suggestions) {
      expect(suggestion.title).toMatch(/^Cà phê/);
      expect(suggestion.path).toMatch(/^\/san-pham\//);
      expect(Number.isInteger(suggestion.priceVnd)).toBe(true);
    }
    expect(body.correctedQuery).toBe("cà phê");
    expect(body.searchPath).toBe("/tim-kiem?q=caphe");

    const byCode = (await (await get("/tim-kiem/goi-y?q=SP0001")).json()) as typeof body;
    expect(byCode.suggestions.map((s) => s.sku)).toEqual(["SP0001"]);
  });

  it("answers bad input with a 400 JSON error naming q, never a 500, in the reader's language", async () => {
    const long = "a".repeat(101);
    for (const query of ["", "?q=", "?q=a", `?q=${long}`, "?q=ab%00cd", "?q=%20%20%09"]) {
      const response = await get(`/tim-kiem/goi-y${query}`);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { error: { code: string; details: unknown } };
      expect(body.error).toMatchObject({ code: "invalid", details: { parameter: "q" } });
    }
    // Broken percent-encoding is read leniently (as the replacement character): no 5xx.
    expect((await get("/tim-kiem/goi-y?q=%E0%A4%A")).status).toBeLessThan(500);
    const vi = (await (await get("/tim-kiem/goi-y?q=a")).json()) as { error: { message: string } };
    expect(vi.error.message).toBe(
      t("vi", "search.errors.suggestQueryTooShort", { parameter: "q", min: 2 }),
    );
    const en = await get("/tim-kiem/goi-y?q=", { Cookie: "lang=en" });
    expect(((await en.json()) as { error: { message: string } }).error.message).toBe(
      t("en", "search.errors.suggestQueryRequired", { parameter: "q" }),
    );
  });

  it("shows one search box on the search page, holding the words, and a 'did you mean' link", async () => {
    const response = await get("/tim-kiem?q=nuocmam&sap-xep=gia-tang");
    expect(response.status).toBe(200);
    const html = decodeEntities(await response.text());
    expect(html.match(/role="search"/g)).toHaveLength(1);
    expect(html.match(/name="q"/g)).toHaveLength(1);
    expect(html).toMatch(/<input[^>]*id="site-search"[^>]*value="nuocmam"/);
    const didYouMean = t("vi", "search.didYouMean", { query: "nước mắm" });
    expect(html).toContain(didYouMean);
    const link = /<a[^>]*href="([^"]*)"[^>]*>([^<]*)<\/a>/g;
    const target = [...html.matchAll(link)].find((match) => match[2] === didYouMean)?.[1] ?? "";
    const params = new URL(target, server.url).searchParams;
    expect(params.get("q")).toBe("nước mắm");
    expect(params.get("sap-xep")).toBe("gia-tang");

    const known = decodeEntities(
      await (await get("/tim-kiem?q=n%C6%B0%E1%BB%9Bc%20m%E1%BA%AFm")).text(),
    );
    expect(known).not.toContain(t("vi", "search.didYouMean", { query: "nước mắm" }));
  });
});
