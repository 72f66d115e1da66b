import Database from "better-sqlite3";
import { request } from "node:http";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoSessionCookie } from "../helpers/demo-login";
import { startServer, type StartedServer } from "../helpers/server";
import { listingFormFields } from "../helpers/supply";

/**
 * Acceptance (issue 17, the shared page cache): against two real server processes on one
 * database, anonymous public pages are served from memory with a fresh nonce per copy, ETag and
 * 304; a visitor with a session is never stored nor served a stored page; and a producer's price
 * change and an approved title edit made through the other process show on the next anonymous
 * view. docs/decisions/033-page-cache.md.
 */

let server: StartedServer;
let other: StartedServer;
let db: Database.Database;

interface Listing {
  id: number;
  sku: string;
  slug: string;
  title: string;
  description: string;
  categoryId: number;
  priceVnd: number;
  unit: string;
  minOrderQty: number;
  stock: number;
  season: string | null;
  tags: string;
}

beforeAll(async () => {
  server = await startServer();
  // A second process on the same database file, as when two servers share one disk.
  other = await startServer({
    env: {
      DATABASE_PATH: server.databasePath,
      UPLOADS_DIR: join(dirname(server.databasePath), "uploads"),
    },
  });
  db = new Database(server.databasePath, { readonly: true });
}, 300_000);

afterAll(async () => {
  db?.close();
  await other?.stop();
  await server?.stop();
});

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers, redirect: "manual" });
  return { response, body: await response.text() };
}

function nonceOfPolicy(response: Response): string {
  const policy = response.headers.get("content-security-policy") ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  if (!nonce) throw new Error(`no nonce in ${policy}`);
  return nonce;
}

/** Headers that differ by copy, by request or by connection are left out. */
const HEADERS_OF_ONE_COPY = new Set([
  "content-security-policy",
  "content-length",
  "date",
  "x-page-cache",
  "x-request-id",
  "keep-alive",
  "connection",
]);

function comparableHeaders(response: Response): [string, string][] {
  return [...response.headers].filter(([name]) => !HEADERS_OF_ONE_COPY.has(name));
}

function noncesInPage(body: string): string[] {
  return [...body.matchAll(/nonce="([^"]+)"/g)].map((match) => match[1] ?? "");
}

/** A published listing of the demo producer SX001 with no OCOP star and no open edit. */
function plainListing(): Listing {
  const listing = db
    .prepare<[], Listing>(
      `SELECT l.id, l.sku, l.slug, l.title, l.description, l.category_id AS categoryId,
              l.price_vnd AS priceVnd, l.unit, l.min_order_qty AS minOrderQty, l.stock,
              l.season, l.tags
         FROM listings l JOIN producers p ON p.id = l.producer_id
        WHERE p.code = 'SX001' AND l.status = 'published' AND l.ocop_stars = 0
          AND NOT EXISTS (SELECT 1 FROM listing_certifications c WHERE c.listing_id = l.id)
          AND NOT EXISTS (SELECT 1 FROM listing_revisions r WHERE r.listing_id = l.id)
        ORDER BY l.id LIMIT 1`,
    )
    .get();
  if (!listing) throw new Error("the demo seed has no plain published listing of SX001");
  return listing;
}

describe("the shared page cache", () => {
  it("serves a public page again with a new nonce in the policy and the page each time", async () => {
    const path = `${server.url}/san-pham/${plainListing().slug}?lan=nonce`;
    const first = await get(path);
    const second = await get(path);
    expect(first.response.status).toBe(200);
    expect(first.response.headers.get("x-page-cache")).toBe("stored");
    expect(second.response.headers.get("x-page-cache")).toBe("hit");

    const firstNonce = nonceOfPolicy(first.response);
    const secondNonce = nonceOfPolicy(second.response);
    expect(secondNonce).not.toBe(firstNonce);
    // Every script of each copy carries that copy's nonce, and nothing else differs.
    expect(new Set(noncesInPage(first.body))).toEqual(new Set([firstNonce]));
    expect(new Set(noncesInPage(second.body))).toEqual(new Set([secondNonce]));
    expect(second.body.replaceAll(secondNonce, "N")).toBe(first.body.replaceAll(firstNonce, "N"));

    // A hit is served ahead of the rest of the server's chain (server/index.ts): it still
    // carries every header the stored copy went out with, security headers included.
    expect(comparableHeaders(second.response)).toEqual(comparableHeaders(first.response));
    expect(second.response.headers.get("x-content-type-options")).toBe("nosniff");

    for (const { response } of [first, second]) {
      expect(response.headers.get("cache-control")).toBe("no-cache");
      expect(response.headers.get("etag")).toMatch(/^W\/".+"$/);
      expect(response.headers.get("set-cookie")).toBeNull();
    }
  });

  it("sends a stored page gzipped from parts compressed once, with the copy's own nonce, to a browser asking for gzip", async () => {
    const path = `${server.url}/san-pham/${plainListing().slug}?lan=gzip`;
    const plain = await get(path, { "accept-encoding": "identity" });
    const copies = [
      await get(path, { "accept-encoding": "gzip, deflate, br" }),
      await get(path, { "accept-encoding": "gzip" }),
    ];
    expect(plain.response.headers.get("x-page-cache")).toBe("stored");
    expect(plain.response.headers.get("content-encoding")).toBeNull();
    const plainNonce = nonceOfPolicy(plain.response);
    const nonces = new Set([plainNonce]);
    for (const { response, body } of copies) {
      expect(response.headers.get("x-page-cache")).toBe("hit");
      // gzip, not brotli, although both were offered: gzip is what can be spliced.
      expect(response.headers.get("content-encoding")).toBe("gzip");
      expect(response.headers.get("vary")).toMatch(/Accept-Encoding/i);
      // fetch decoded it (and a bad CRC or length would have failed the read): the same page,
      // every script carrying this copy's nonce.
      const nonce = nonceOfPolicy(response);
      nonces.add(nonce);
      expect(new Set(noncesInPage(body))).toEqual(new Set([nonce]));
      expect(body.replaceAll(nonce, "N")).toBe(plain.body.replaceAll(plainNonce, "N"));
    }
    expect(nonces.size).toBe(3);
    // Without Accept-Encoding the copy is sent as it is.
    const bare = await new Promise<{ encoding: string | undefined; bytes: number }>(
      (resolve, reject) => {
        request(path, (response) => {
          let bytes = 0;
          response.on("data", (chunk: Buffer) => (bytes += chunk.length));
          response.on("end", () =>
            resolve({ encoding: response.headers["content-encoding"], bytes }),
          );
        })
          .on("error", reject)
          .end();
      },
    );
    expect(bare.encoding).toBeUndefined();
    expect(bare.bytes).toBe(Buffer.byteLength(plain.body));
  });

  it("answers 304 without a body or a policy when the browser has the page", async () => {
    const path = `${server.url}/tim-kiem?q=ti%C3%AAu&lan=etag`;
    const { response } = await get(path);
    const etag = response.headers.get("etag") ?? "";
    expect(etag).not.toBe("");
    const again = await get(path, { "If-None-Match": etag });
    expect(again.response.status).toBe(304);
    expect(again.body).toBe("");
    // The browser keeps the policy that came with its copy: that copy's nonce.
    expect(again.response.headers.get("content-security-policy")).toBeNull();

    // The English page is another page with another tag.
    const english = await get(path, { Cookie: "lang=en", "If-None-Match": etag });
    expect(english.response.status).toBe(200);
    expect(english.response.headers.get("etag")).not.toBe(etag);
    expect(english.body).toContain('lang="en"');
  });

  it("never stores nor serves a stored page to a visitor with a session or another cookie", async () => {
    const buyer = await demoSessionCookie(server.url, "buyer");
    const path = `${server.url}/san-pham/${plainListing().slug}?lan=session`;
    const signedIn = await get(path, { Cookie: buyer });
    expect(signedIn.response.status).toBe(200);
    expect(signedIn.response.headers.get("x-page-cache")).toBeNull();
    expect(signedIn.response.headers.get("cache-control")).toBe("no-store");
    expect(signedIn.body).toContain("dang-xuat");

    // The signed-in render was not kept: the first anonymous visitor gets a render of its own.
    const anonymous = await get(path);
    expect(anonymous.response.headers.get("x-page-cache")).toBe("stored");
    expect(anonymous.body).not.toContain("dang-xuat");

    // A stored page exists now; a visitor with a session still gets a fresh render, and so does
    // one with any cookie but the language (here a guest's cart).
    const again = await get(path, { Cookie: buyer });
    expect(again.response.headers.get("x-page-cache")).toBeNull();
    expect(again.body).toContain("dang-xuat");
    const withCart = await get(path, { Cookie: "lang=vi; cc_cart=abc" });
    expect(withCart.response.headers.get("x-page-cache")).toBeNull();
  });

  it("shows a price changed and a title edit approved through another process on the next view", async () => {
    const listing = plainListing();
    const page = `${server.url}/san-pham/${listing.slug}`;
    const before = await get(page);
    expect((await get(page)).response.headers.get("x-page-cache")).toBe("hit");
    expect(before.body).toContain(listing.title);

    // The producer saves a new price (applies at once) and a new title (goes to moderation),
    // through the other server process.
    const producer = await demoSessionCookie(other.url, "producer");
    const newTitle = `${listing.title} (vụ mới)`;
    const form = new FormData();
    const fields = listingFormFields({
      title: newTitle,
      categoryId: listing.categoryId,
      description: listing.description,
      priceVnd: 98_765,
      unit: listing.unit,
      minOrderQty: listing.minOrderQty,
      stock: listing.stock,
      season: listing.season ?? "",
      tags: (JSON.parse(listing.tags) as string[]).join(", "),
      intent: "save",
    });
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    const saved = await fetch(`${other.url}/ban-hang/san-pham/${listing.sku}`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: producer, Origin: other.url },
      body: form,
    });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toContain("savedRevision");

    const priced = await get(page);
    expect(priced.response.headers.get("x-page-cache")).toBe("stored");
    expect(priced.body).toContain("98.765");
    expect(priced.body).not.toContain(newTitle);

    // A moderator of the province approves the edit, again through the other process.
    const revision = db
      .prepare<[number], { id: number }>(
        "SELECT id FROM listing_revisions WHERE listing_id = ? ORDER BY id DESC LIMIT 1",
      )
      .get(listing.id);
    const moderator = await demoSessionCookie(other.url, "province-staff");
    const approved = await fetch(`${other.url}/quan-ly/kiem-duyet/ban-sua/${revision?.id}`, {
      method: "POST",
      redirect: "manual",
      headers: {
        Cookie: moderator,
        Origin: other.url,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ intent: "approve" }),
    });
    expect(approved.status).toBe(302);

    // The slug follows the title; the old address leads there, and the new page shows it.
    const moved = await get(page);
    const location = moved.response.headers.get("location");
    const current = location ? new URL(location, server.url).href : page;
    const retitled = await get(current);
    expect(retitled.response.status).toBe(200);
    expect(retitled.body).toContain(newTitle);
    expect(retitled.body).toContain("98.765");
  });
});

describe("the files at the top of the build", () => {
  it("are served with a short cache, and other addresses go to the pages without a disk lookup", async () => {
    for (const name of ["/favicon.ico", "/favicon.svg"]) {
      const { response } = await get(`${server.url}${name}`);
      expect(response.status, name).toBe(200);
      expect(response.headers.get("cache-control"), name).toBe("public, max-age=3600");
    }
    const missing = await get(`${server.url}/favicon.png`);
    expect(missing.response.status).toBe(404);
    expect(missing.response.headers.get("content-type")).toContain("text/html");
  });
});
