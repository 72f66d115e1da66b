import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UNIT_OPTIONS } from "~/lib/units";
import { t } from "~/lib/i18n";
import { startServer, type StartedServer } from "../helpers/server";

/**
 * Issue 17, browser side (docs/decisions/035, "Hydrating less"): a page sent without React runs
 * the island of the header's suggestions instead. Against the real production server and its
 * build: the page names the island's module and the modules it imports, with the document's
 * nonce, they are served, the search form carries the island's words in the page's language,
 * and a page that hydrates carries neither.
 */

let server: StartedServer;

beforeAll(async () => {
  server = await startServer();
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

function suggestTextsOf(html: string): Record<string, unknown> {
  const attribute = /<form[^>]* data-suggest="([^"]*)"/.exec(html)?.[1];
  expect(attribute).toBeDefined();
  return JSON.parse(attribute!.replace(/&quot;/g, '"').replace(/&amp;/g, "&")) as Record<
    string,
    unknown
  >;
}

describe("the island of the header's suggestions", () => {
  it("is the only script of a page to read, with the page's nonce, and it is served", async () => {
    for (const path of ["/", "/tim-kiem?q=ca+phe", "/nha-san-xuat/SX001", "/yeu-cau-mua"]) {
      const { html, nonce } = await page(path);
      expect(nonce, path).toBeTruthy();
      const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((match) => match[1] ?? "");
      const modules = scripts.filter((attributes) => !attributes.includes("application/ld+json"));
      expect(modules, path).toEqual([
        expect.stringMatching(/type="module" src="\/assets\/header-suggest-[\w-]+\.js"/),
      ]);
      expect(modules[0], path).toContain(`nonce="${nonce}"`);
      const src = /src="([^"]+)"/.exec(modules[0]!)?.[1] ?? "";
      const preloads = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map(
        (match) => match[1] ?? "",
      );
      expect(preloads.length, path).toBeGreaterThan(0);
      for (const href of [src, ...preloads]) {
        const asset = await fetch(server.url + href);
        expect(asset.status, href).toBe(200);
        expect(asset.headers.get("content-type"), href).toMatch(/javascript/);
        expect((await asset.text()).length, href).toBeLessThan(8_000);
      }
    }
  });

  it("reads its words from the search form, in the page's language", async () => {
    for (const locale of ["vi", "en"] as const) {
      const { html } = await page("/", locale === "en" ? "en" : undefined);
      const texts = suggestTextsOf(html);
      expect(texts.label).toBe(t(locale, "search.suggestionsLabel"));
      expect(texts.seeAll).toBe(t(locale, "search.suggestionsSeeAll", { query: "{query}" }));
      expect(texts.count).toBe(t(locale, "search.suggestionsCount", { count: "{count}" }));
      expect(texts.price).toBe(
        t(locale, "product.pricePerUnit", { price: "{price}", unit: "{unit}" }),
      );
      expect(Object.keys(texts.units as object)).toEqual([...UNIT_OPTIONS]);
      expect((texts.units as Record<string, string>)["túi"]).toBe(t(locale, "unit.túi"));
    }
  });

  it("is not on a page that hydrates", async () => {
    const sqlite = new Database(server.databasePath, { readonly: true });
    const slug = sqlite
      .prepare("select slug from listings where status = 'published' order by id limit 1")
      .pluck()
      .get() as string;
    sqlite.close();
    const { html } = await page(`/san-pham/${slug}`);
    expect(html).toContain("window.__remixContext");
    expect(html).not.toContain("header-suggest");
    expect(html).not.toContain("data-suggest=");
  });
});
