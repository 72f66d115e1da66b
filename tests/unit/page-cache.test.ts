import type { Request as ExpressRequest } from "express";
import { describe, expect, it } from "vitest";
import { PAGE_CACHE_TTL_MS, PageCache, type PageLookup } from "../../server/page-cache";

/** The page cache's own rules: which requests it may answer, time-to-live, generation, LRU. */

function request(
  path: string,
  options: { method?: string; cookie?: string; authorization?: string } = {},
) {
  const headers: Record<string, string | undefined> = {
    host: "cho.example",
    cookie: options.cookie,
    authorization: options.authorization,
  };
  return {
    method: options.method ?? "GET",
    path: path.split("?")[0],
    originalUrl: path,
    protocol: "https",
    get: (name: string) => headers[name.toLowerCase()],
  } as unknown as ExpressRequest;
}

function htmlHeaders(nonce = "Tm9uY2U="): Headers {
  return new Headers({
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": `script-src 'nonce-${nonce}' 'strict-dynamic'`,
  });
}

function pageOf(bytes: number, nonce = "Tm9uY2U="): Buffer {
  return Buffer.from(`<script nonce="${nonce}"></script>`.padEnd(bytes, "x"));
}

function cacheWith(options: { maxBytes?: number } = {}) {
  const state = { generation: 1, now: 0 };
  const cache = new PageCache({
    maxBytes: options.maxBytes ?? 1_000_000,
    readGeneration: () => state.generation,
    now: () => state.now,
  });
  const miss = (key: string) => {
    const found = cache.lookup(key);
    if (found.kind !== "miss") throw new Error(`${key} was a hit`);
    return found;
  };
  return { cache, state, miss };
}

describe("which requests the page cache may answer", () => {
  const { cache } = cacheWith();

  it("public pages of anonymous visitors, by language and full address", () => {
    expect(cache.keyOf(request("/"))).toBe("vi https://cho.example/");
    expect(cache.keyOf(request("/tim-kiem?q=ca%20phe", { cookie: "lang=en" }))).toBe(
      "en https://cho.example/tim-kiem?q=ca%20phe",
    );
    expect(cache.keyOf(request("/san-pham/ho-tieu", { method: "HEAD" }))).not.toBeNull();
    for (const path of ["/nha-san-xuat/SX001", "/yeu-cau-mua", "/chien-dich/lu-2026"]) {
      expect(cache.keyOf(request(path)), path).not.toBeNull();
    }
  });

  it("nothing personal, nothing written, nothing private", () => {
    const refused = [
      request("/san-pham/ho-tieu", { cookie: "cc_session=abc" }),
      request("/san-pham/ho-tieu", { cookie: "lang=vi; cc_cart=abc" }),
      request("/tim-kiem", { authorization: "Bearer x" }),
      request("/san-pham/ho-tieu", { method: "POST" }),
      request("/gio-hang"),
      request("/tai-khoan"),
      request("/quan-ly"),
      request("/ban-hang/san-pham/SP0001"),
      request("/yeu-cau-mua/moi.data"),
      request("/api/v1/products"),
    ];
    for (const candidate of refused) {
      expect(cache.keyOf(candidate), candidate.originalUrl).toBeNull();
    }
  });
});

describe("what the page cache keeps, and for how long", () => {
  it("keeps a 200 HTML page without cookies, cut at its nonce", () => {
    const { cache, miss } = cacheWith();
    expect(cache.store(miss("a"), 200, htmlHeaders(), pageOf(100))).not.toBeNull();
    expect(cache.lookup("a").kind).toBe("hit");

    const withCookie = htmlHeaders();
    withCookie.append("Set-Cookie", "cc_cart=1");
    expect(cache.store(miss("b"), 200, withCookie, pageOf(100))).toBeNull();
    expect(cache.store(miss("c"), 404, htmlHeaders(), pageOf(100))).toBeNull();
    const json = new Headers({ "Content-Type": "application/json" });
    expect(cache.store(miss("d"), 200, json, Buffer.from("{}"))).toBeNull();
    expect(cache.stats().pages).toBe(1);
  });

  it("serves a page for its time-to-live, then renders it again", () => {
    const { cache, state, miss } = cacheWith();
    cache.store(miss("a"), 200, htmlHeaders(), pageOf(100));
    state.now = PAGE_CACHE_TTL_MS;
    expect(cache.lookup("a").kind).toBe("hit");
    state.now = PAGE_CACHE_TTL_MS + 1;
    expect(cache.lookup("a").kind).toBe("miss");
  });

  it("drops everything when the database's generation moves, and never keeps a stale render", () => {
    const { cache, state, miss } = cacheWith();
    cache.store(miss("a"), 200, htmlHeaders(), pageOf(100));
    const renderedBefore: PageLookup = miss("b");
    state.generation = 2;
    expect(cache.lookup("a").kind).toBe("miss");
    // "b" was rendered from the old data: it may be sent once, but is not kept.
    if (renderedBefore.kind !== "miss") throw new Error("expected a miss");
    expect(cache.store(renderedBefore, 200, htmlHeaders(), pageOf(100))).not.toBeNull();
    expect(cache.lookup("b").kind).toBe("miss");
    expect(cache.stats().pages).toBe(0);
  });

  it("stays within its bytes, the least recently used page out first", () => {
    const { cache, miss } = cacheWith({ maxBytes: 10_000 });
    for (const key of ["a", "b", "c"]) cache.store(miss(key), 200, htmlHeaders(), pageOf(1_500));
    expect(cache.lookup("a").kind).toBe("hit");
    cache.store(miss("d"), 200, htmlHeaders(), pageOf(1_500));
    cache.store(miss("e"), 200, htmlHeaders(), pageOf(1_500));
    expect(cache.stats().bytes).toBeLessThanOrEqual(10_000);
    expect(cache.lookup("a").kind).toBe("hit");
    expect(cache.lookup("b").kind).toBe("miss");
    // A page bigger than a quarter of the whole is sent but not kept.
    expect(cache.store(miss("big"), 200, htmlHeaders(), pageOf(2_500))).not.toBeNull();
    expect(cache.lookup("big").kind).toBe("miss");
  });
});
