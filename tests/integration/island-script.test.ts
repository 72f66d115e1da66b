import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UNIT_OPTIONS } from "~/lib/units";
import { t } from "~/lib/i18n";
import { startServer, type StartedServer } from "../helpers/server";

/**
 * Issue 17, browser side (docs/decisions/035, "Hydrating less"): a page sent without React runs
 * the island (app/islands/enhance.ts) instead. Against the real production server and its
 * build: the page names the island's module and the modules it imports, with the document's
 * nonce, and they are served; the elements it enhances carry their words in the page's
 * language; a page that hydrates carries no island.
 */

let server: StartedServer;
let productPath: string;

beforeAll(async () => {
  server = await startServer();
  const sqlite = new Database(server.databasePath, { readonly: true });
  try {
    const slug = sqlite
      .prepare(
        "select slug from listings where status = 'published' and stock >= min_order_qty order by id limit 1",
      )
      .pluck()
      .get() as string;
    productPath = `/san-pham/${slug}`;
  } finally {
    sqlite.close();
  }
});

afterAll(async () => {
  await server?.stop();
});

async function page(path: string, lang?: "en") {
  const response = await fetch(server.url + path, {
    headers: lang ? { Cookie: `lang=${lang}` } : {},
  });
  expect(response.status).toBe(200);
  const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
  return { html: await response.text(), nonce };
}

/** The JSON of an attribute as the browser reads it (React escapes `"` and `&`). */
function dataOf(html: string, pattern: RegExp): Record<string, unknown> {
  const attribute = pattern.exec(html)?.[1];
  expect(attribute, String(pattern)).toBeDefined();
  return JSON.parse(attribute!.replace(/&quot;/g, '"').replace(/&amp;/g, "&")) as Record<
    string,
    unknown
  >;
}

describe("the island of pages sent without React", () => {
  it("comes in a page rendered whole (doctype first, no NUL byte), also a missing product's", async () => {
    const missing = "/san-pham/khong-co-san-pham-nay";
    for (const path of ["/", productPath, missing]) {
      const response = await fetch(server.url + path);
      expect(response.status, path).toBe(path === missing ? 404 : 200);
      const bytes = Buffer.from(await response.arrayBuffer());
      const html = bytes.toString("utf8");
      expect(html.startsWith("<!DOCTYPE html><html"), path).toBe(true);
      // RemixServer's empty Suspense boundary (its data hand-over, not rendered here) ends it.
      expect(html, path).toMatch(/<\/body><\/html>(<!--\$--><!--\/\$-->)?$/);
      expect(bytes.includes(0), path).toBe(false);
      expect(html, path).toMatch(/<script type="module"[^>]* src="\/assets\/island-/);
      if (path === missing) expect(html).toContain(t("vi", "error.404.title"));
    }
  });

  it("is the only script of a page to read, with the page's nonce, and it is served", async () => {
    for (const path of ["/", "/tim-kiem?q=ca+phe", productPath, "/nha-san-xuat/SX001"]) {
      const { html, nonce } = await page(path);
      expect(nonce, path).toBeTruthy();
      const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((match) => match[1] ?? "");
      const modules = scripts.filter((attributes) => !attributes.includes("application/ld+json"));
      expect(modules, path).toEqual([
        expect.stringMatching(/type="module" src="\/assets\/island-[\w-]+\.js"/),
      ]);
      expect(modules[0], path).toContain(`nonce="${nonce}"`);
      const src = /src="([^"]+)"/.exec(modules[0]!)?.[1] ?? "";
      const preloads = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map(
        (match) => match[1] ?? "",
      );
      expect(preloads.length, path).toBeGreaterThan(0);
      let bytes = 0;
      for (const href of [src, ...preloads]) {
        const asset = await fetch(server.url + href);
        expect(asset.status, href).toBe(200);
        expect(asset.headers.get("content-type"), href).toMatch(/javascript/);
        bytes += (await asset.text()).length;
      }
      // Against the framework's 260 KB and a catalog chunk.
      expect(bytes, path).toBeLessThan(10_000);
    }
  });

  it("finds its words on the elements it enhances, in the page's language", async () => {
    for (const locale of ["vi", "en"] as const) {
      const { html } = await page(productPath, locale === "en" ? "en" : undefined);
      const suggest = dataOf(html, /<form[^>]* data-suggest="([^"]*)"/);
      expect(suggest.label).toBe(t(locale, "search.suggestionsLabel"));
      expect(suggest.seeAll).toBe(t(locale, "search.suggestionsSeeAll", { query: "{query}" }));
      expect(suggest.count).toBe(t(locale, "search.suggestionsCount", { count: "{count}" }));
      expect(suggest.price).toBe(
        t(locale, "product.pricePerUnit", { price: "{price}", unit: "{unit}" }),
      );
      expect(Object.keys(suggest.units as object)).toEqual([...UNIT_OPTIONS]);
      expect((suggest.units as Record<string, string>)["túi"]).toBe(t(locale, "unit.túi"));

      const total = dataOf(html, /<output[^>]* data-line-total="([^"]*)"/);
      expect(total.total).toBe(
        t(locale, "journey.buy.lineTotal", { quantity: "{quantity}", total: "{total}" }),
      );
      expect(typeof total.priceVnd).toBe("number");
      expect(total.one).toBeTruthy();
      expect(total.other).toBeTruthy();

      expect(html).toMatch(/<button type="button" hidden="" [^>]*data-copy-url="http/);
      expect(html).toContain(`data-copied="${t(locale, "journey.share.copied")}"`);
    }
  });

  it("is not on a page that hydrates", async () => {
    const { html } = await page("/yeu-cau-mua/YC001");
    expect(html).toContain("window.__remixContext");
    expect(html).not.toMatch(/\/assets\/island-/);
    expect(html).not.toContain("data-suggest=");
  });
});
