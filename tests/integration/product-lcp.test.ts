import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type StartedServer } from "../helpers/server";

/**
 * Issue 17, browser side: the product page's first photo is its largest paint, so the page
 * preloads it from <head> at high priority with the widths and sizes the <img> itself uses, and
 * the <img> carries its dimensions (no layout shift while it loads).
 */

let server: StartedServer;

beforeAll(async () => {
  server = await startServer();
}, 300_000);

afterAll(async () => {
  await server?.stop();
});

function attributesOf(tag: string): Map<string, string> {
  return new Map(
    [...tag.matchAll(/([a-zA-Z-]+)="([^"]*)"/g)].map((match) => [
      (match[1] ?? "").toLowerCase(),
      (match[2] ?? "").replaceAll("&amp;", "&"),
    ]),
  );
}

describe("the product page's main image", () => {
  it("is preloaded from <head> at high priority, as the gallery draws it", async () => {
    const sqlite = new Database(server.databasePath, { readonly: true });
    const slug = sqlite
      .prepare<[], { slug: string }>(
        `SELECT l.slug FROM listings l
          WHERE l.status = 'published'
            AND EXISTS (SELECT 1 FROM listing_images i WHERE i.listing_id = l.id)
          ORDER BY l.id LIMIT 1`,
      )
      .get()?.slug;
    sqlite.close();
    expect(slug).toBeDefined();

    const html = await (await fetch(`${server.url}/san-pham/${slug}`)).text();
    const head = html.slice(0, html.indexOf("</head>"));
    const preloads = [...head.matchAll(/<link[^>]*rel="preload"[^>]*>/g)].map((m) => m[0]);
    const imagePreloads = preloads.map(attributesOf).filter((link) => link.get("as") === "image");
    expect(imagePreloads).toHaveLength(1);
    const preload = imagePreloads[0]!;
    expect(preload.get("fetchpriority")).toBe("high");
    // Before the stylesheet: the photo's request starts as early as the CSS's.
    expect(head.indexOf('rel="preload"')).toBeLessThan(head.indexOf('rel="stylesheet"'));

    // The first <img> in the body with that srcset is the one the preload fetches.
    const body = html.slice(html.indexOf("<body"));
    const images = [...body.matchAll(/<img[^>]*>/g)].map((m) => attributesOf(m[0]));
    const main = images.find((img) => img.get("srcset") === preload.get("imagesrcset"));
    expect(main).toBeDefined();
    expect(main?.get("sizes")).toBe(preload.get("imagesizes"));
    expect(main?.get("loading")).toBe("eager");
    expect(main?.get("fetchpriority")).toBe("high");
    expect(Number(main?.get("width"))).toBeGreaterThan(0);
    expect(Number(main?.get("height"))).toBeGreaterThan(0);
  });
});
