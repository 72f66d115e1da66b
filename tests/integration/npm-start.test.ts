import { parse } from "csv-parse/sync";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "~db/seed/demo-accounts";
import { projectRoot, startServer, type StartedServer } from "../helpers/server";

/**
 * Acceptance: the README's `npm start` on a temporary DATABASE_PATH and PORT migrates, seeds
 * the demo, builds when needed (the first run may take a couple of minutes), serves, and
 * prints the demo accounts; `/` then lists the demo categories and products.
 */

interface CategoryRow {
  code: string;
  name_vi: string;
  parent_code: string;
}
interface ProductRow {
  sku: string;
  title: string;
}

function readCsv<T>(file: string): T[] {
  return parse(readFileSync(join(projectRoot, "db", "seed", file), "utf8"), {
    columns: true,
    skip_empty_lines: true,
  }) as T[];
}

/** The visible text of an HTML page, roughly: tags dropped, the common entities decoded. */
function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;|&#160;/g, " ")
    .normalize("NFC");
}

async function waitForOutput(server: StartedServer, needle: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!server.output().includes(needle) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("npm start", () => {
  let server: StartedServer;

  beforeAll(async () => {
    // No APP_MODE: demo is the default, which is what a newcomer gets. NODE_ENV=development
    // in the caller's shell must not matter: `npm start` always runs production.
    server = await startServer({
      viaNpm: true,
      env: { APP_MODE: undefined, NODE_ENV: "development" },
      timeoutMs: 300_000,
    });
  }, 320_000);

  afterAll(async () => {
    await server?.stop();
  }, 30_000);

  it("answers /healthz with JSON naming the database", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/json/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(JSON.stringify(body)).toMatch(/database|db/i);
  });

  it("lists the demo categories and products on /", async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    const text = textOf(await response.text());

    const topLevel = readCsv<CategoryRow>("categories.csv").filter((row) => !row.parent_code);
    const shownCategories = topLevel.filter((row) => text.includes(row.name_vi));
    expect(shownCategories.map((row) => row.name_vi)).toContain("Cà phê & trà");
    expect(shownCategories.length).toBeGreaterThanOrEqual(Math.min(8, topLevel.length));

    const products = readCsv<ProductRow>("products.csv");
    const shownProducts = products.filter((row) => text.includes(row.title));
    expect(shownProducts.length).toBeGreaterThanOrEqual(4);
  });

  it("prints every demo account with its password", async () => {
    const last = DEMO_ACCOUNTS[DEMO_ACCOUNTS.length - 1];
    if (last) await waitForOutput(server, last.password);
    const output = server.output();
    for (const account of DEMO_ACCOUNTS) {
      expect(output).toContain(account.phone);
      expect(output).toContain(account.password);
    }
  });

  it("uses the temporary database, not ./data/app.db", () => {
    expect(server.output()).toContain(server.databasePath);
  });

  it("runs production Remix even when the shell says NODE_ENV=development: no stack traces", async () => {
    // Error answers a visitor can ask for: an unknown QR code (the resource route's 404), a
    // data request naming no such route, a malformed percent-escape in an API path.
    for (const path of ["/p/KHONG-CO", "/?_data=khong-co", "/api/v1/products/%FF"]) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      const body = await response.text();
      expect(body, path).not.toMatch(/\bstack\b/i);
      expect(body, path).not.toMatch(/^\s*at \S/m); // a stack frame line
      expect(body, path).not.toMatch(/\\n\s+at /); // …or one inside a JSON string
      expect(body, path).not.toContain(projectRoot);
      expect(body, path).not.toContain("node_modules");
    }
    // A document's error page too: the production build renders no development overlay.
    const page = await fetch(`${server.url}/yeu-cau-mua/khong-co`);
    expect(page.status).toBe(404);
    const html = await page.text();
    expect(html).not.toContain(projectRoot);
    expect(html).not.toMatch(/\\n\s+at /);
  });
});
