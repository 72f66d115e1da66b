import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import type {
  Request as ExpressRequest,
  RequestHandler,
  Response as ExpressResponse,
} from "express";
import { LANG_COOKIE, parseCookieHeader } from "~/modules/platform/cookies.server";
import { randomBase64 } from "~/modules/platform/random.server";
import { DEFAULT_LOCALE, isLocale } from "~/lib/i18n/locales";
import { compressParts, splicedGzip, type CompressedParts } from "./gzip-splice";

/**
 * The shared page cache: public pages rendered for an anonymous visitor are kept in memory and
 * served again to the next anonymous visitor asking for the same URL in the same language.
 * docs/decisions/033-page-cache.md says why it is safe; in short:
 * - only GET and HEAD of public pages, from a visitor without any cookie but `lang`, are looked
 *   up or stored: a session, a cart, a flash message or any other cookie means a fresh render;
 * - only a 200 HTML answer without Set-Cookie is stored, with its CSP nonce cut out: every copy
 *   served gets a new nonce in the header and in the page;
 * - a stored page is dropped when the database's page-cache generation moved (triggers bump it
 *   on any change to what public pages show, whichever process made it) or after the
 *   time-to-live, which bounds what the clock alone changes;
 * - memory is bounded by bytes, least recently used out first;
 * - the parts between nonces are also kept gzipped, so a browser asking for gzip gets a copy
 *   spliced from them instead of one compressed again (server/gzip-splice.ts).
 */

/** Public pages that look the same to every anonymous visitor. */
const PUBLIC_PAGES = [
  /^\/$/,
  /^\/tim-kiem$/,
  /^\/san-pham\/[^/]+$/,
  /^\/nha-san-xuat\/[^/]+$/,
  /^\/yeu-cau-mua$/,
  /^\/yeu-cau-mua\/[^/.]+$/,
  /^\/chien-dich$/,
  /^\/chien-dich\/[^/.]+$/,
];

/** How long a stored page may be served: what only the clock changes shows within this. */
export const PAGE_CACHE_TTL_MS = 60_000;

/** Headers never stored with a page: set anew for each copy, or never shared at all. */
const NOT_STORED = new Set([
  "set-cookie",
  "content-length",
  "content-security-policy",
  "cache-control",
  "etag",
  "date",
  "vary",
  "x-request-id",
]);

const NONCE_IN_POLICY = /'nonce-([A-Za-z0-9+/=]+)'/;

interface StoredPage {
  /** The body cut at every occurrence of the nonce; a copy joins them with a new one. */
  bodyParts: Buffer[];
  /** The same parts gzipped once; null when the page asked not to be transformed. */
  gzipParts: CompressedParts | null;
  /** The Content-Security-Policy cut at the nonce. */
  policyParts: string[];
  headers: [string, string][];
  etag: string;
  bytes: number;
  storedAt: number;
  generation: number;
}

export interface PageCacheOptions {
  maxBytes: number;
  ttlMs?: number;
  /** The database's page-cache generation now (see db/schema/platform.ts). */
  readGeneration: () => number;
  now?: () => number;
}

/** A lookup that found nothing usable: the key and generation to store the render under. */
export interface PageCacheMiss {
  kind: "miss";
  key: string;
  generation: number;
}

/** What a lookup found: a page to serve, or where to store the render. */
export type PageLookup = { kind: "hit"; page: StoredPage } | PageCacheMiss;

export interface PageCacheStats {
  pages: number;
  bytes: number;
  hits: number;
  misses: number;
  stores: number;
}

export class PageCache {
  private readonly pages = new Map<string, StoredPage>();
  private bytes = 0;
  private generation = Number.NaN;
  private readonly counts = { hits: 0, misses: 0, stores: 0 };
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(private readonly options: PageCacheOptions) {
    this.ttlMs = options.ttlMs ?? PAGE_CACHE_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  /** The cache key of a request that may be served from or stored in the cache, else null. */
  keyOf(req: ExpressRequest): string | null {
    const method = req.method.toUpperCase();
    if (method !== "GET" && method !== "HEAD") return null;
    if (!PUBLIC_PAGES.some((page) => page.test(req.path))) return null;
    if (req.get("authorization")) return null;
    const cookies = parseCookieHeader(req.get("cookie") ?? null);
    for (const name of cookies.keys()) if (name !== LANG_COOKIE) return null;
    const lang = cookies.get(LANG_COOKIE);
    const locale = isLocale(lang) ? lang : DEFAULT_LOCALE;
    // The host is part of the key: without PUBLIC_URL, absolute links are made from it.
    return `${locale} ${req.protocol}://${req.get("host") ?? ""}${req.originalUrl}`;
  }

  lookup(key: string): PageLookup {
    const generation = this.options.readGeneration();
    if (generation !== this.generation) {
      // Something public changed: nothing stored before can be trusted.
      this.clear();
      this.generation = generation;
    }
    const page = this.pages.get(key);
    if (page && this.now() - page.storedAt <= this.ttlMs) {
      // Least recently used first: a hit moves the page to the end.
      this.pages.delete(key);
      this.pages.set(key, page);
      this.counts.hits += 1;
      return { kind: "hit", page };
    }
    if (page) this.remove(key, page);
    this.counts.misses += 1;
    return { kind: "miss", key, generation };
  }

  /**
   * Keeps a rendered answer when it is fit to share, and returns it as stored (null when it is
   * not): a 200 HTML page with a nonce in its policy and no cookie set.
   */
  store(lookup: PageCacheMiss, status: number, headers: Headers, body: Buffer): StoredPage | null {
    if (!mayStore(status, headers)) return null;
    const nonce = NONCE_IN_POLICY.exec(headers.get("content-security-policy") ?? "")?.[1];
    if (!nonce) return null;

    const bodyParts = splitBuffer(body, Buffer.from(nonce));
    const policyParts = (headers.get("content-security-policy") ?? "").split(nonce);
    const kept: [string, string][] = [];
    headers.forEach((value, name) => {
      if (!NOT_STORED.has(name.toLowerCase())) kept.push([name, value]);
    });
    const etagSource = createHash("sha256");
    for (const part of bodyParts) etagSource.update(part).update("\0");
    const noTransform = /\bno-transform\b/i.test(headers.get("cache-control") ?? "");
    const gzipParts = noTransform ? null : compressParts(bodyParts, Buffer.byteLength(nonce));
    const gzipBytes = gzipParts?.deflated.reduce((sum, part) => sum + part.length, 0) ?? 0;
    const page: StoredPage = {
      bodyParts,
      gzipParts,
      policyParts,
      headers: kept,
      // A weak tag: the plain and the gzipped copy are the same page (RFC 9110, 8.8.1).
      etag: `W/"${etagSource.digest("base64url").slice(0, 27)}"`,
      bytes: body.length + gzipBytes + lookup.key.length + 512,
      storedAt: this.now(),
      generation: lookup.generation,
    };
    // Rendered under a generation that has moved on since: serve it once, never again.
    if (lookup.generation !== this.generation || page.bytes > this.options.maxBytes / 4) {
      return page;
    }
    const previous = this.pages.get(lookup.key);
    if (previous) this.remove(lookup.key, previous);
    this.pages.set(lookup.key, page);
    this.bytes += page.bytes;
    this.counts.stores += 1;
    for (const [key, oldest] of this.pages) {
      if (this.bytes <= this.options.maxBytes) break;
      this.remove(key, oldest);
    }
    return page;
  }

  stats(): PageCacheStats {
    return { pages: this.pages.size, bytes: this.bytes, ...this.counts };
  }

  clear(): void {
    this.pages.clear();
    this.bytes = 0;
  }

  private remove(key: string, page: StoredPage): void {
    this.pages.delete(key);
    this.bytes -= page.bytes;
  }
}

/** Whether an answer may be shared at all: a 200 HTML page that sets no cookie. */
export function mayStore(status: number, headers: Headers): boolean {
  return (
    status === 200 &&
    !headers.has("set-cookie") &&
    /^text\/html\b/i.test(headers.get("content-type") ?? "")
  );
}

function splitBuffer(body: Buffer, separator: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let start = 0;
  for (let at = body.indexOf(separator); at >= 0; at = body.indexOf(separator, start)) {
    parts.push(body.subarray(start, at));
    start = at + separator.length;
  }
  parts.push(body.subarray(start));
  return parts;
}

/** Whether the browser's copy (If-None-Match) is the page we would send. */
function browserHasIt(req: ExpressRequest, etag: string): boolean {
  const given = req.get("if-none-match");
  if (!given) return false;
  return given
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .includes(etag.replace(/^W\//, ""));
}

/** The miss each looked-up request got, for the render to be stored under (see below). */
const missesByRequest = new WeakMap<ExpressRequest, PageCacheMiss>();

/**
 * Serves stored pages first, before compression, the cross-origin check and Remix's request
 * limits run: a stored page is a GET or HEAD of a public page that was rendered in full, so
 * none of them has anything to say about it, and skipping them is most of what a hit costs
 * (docs/decisions/033-page-cache.md). A miss is kept for `pageCacheMissOf`: the render that
 * follows is stored under the generation read here, before it started.
 */
export function servePageCacheHits(cache: PageCache): RequestHandler {
  return (req, res, next) => {
    const key = cache.keyOf(req);
    if (key === null) return next();
    const found = cache.lookup(key);
    if (found.kind === "hit") {
      sendStoredPage(req, res, found.page, "hit");
      return;
    }
    missesByRequest.set(req, found);
    next();
  };
}

/** The page-cache miss `servePageCacheHits` saw for this request, if any. */
export function pageCacheMissOf(req: ExpressRequest): PageCacheMiss | undefined {
  return missesByRequest.get(req);
}

/**
 * Sends a stored page: a new nonce in the policy and in the page, `no-cache` with the ETag so
 * the browser asks again every time, and `304` without a body (and without a policy: the
 * browser keeps the one that came with its copy, whose nonce its copy carries).
 */
export function sendStoredPage(
  req: ExpressRequest,
  res: ExpressResponse,
  page: StoredPage,
  served: "hit" | "stored",
): void {
  res.setHeader("X-Page-Cache", served);
  res.setHeader("Cache-Control", "no-cache");
  // Whether the copy is gzipped depends on Accept-Encoding (server/gzip-splice.ts).
  res.setHeader("Vary", "Cookie, Accept-Encoding");
  res.setHeader("ETag", page.etag);
  if (browserHasIt(req, page.etag)) {
    res.status(304).end();
    return;
  }
  const nonce = randomBase64(16);
  const nonceBytes = Buffer.from(nonce);
  // The stored parts were primed for a nonce of the stored one's length (gzip-splice.ts).
  const gzipParts = page.gzipParts?.nonceLength === nonceBytes.length ? page.gzipParts : null;
  const chunks =
    gzipParts && wantsGzip(req) ? splicedGzip(gzipParts, page.bodyParts, nonceBytes) : null;
  let length = 0;
  if (chunks) for (const chunk of chunks) length += chunk.length;
  else {
    length = nonceBytes.length * (page.bodyParts.length - 1);
    for (const part of page.bodyParts) length += part.length;
  }
  res.status(200);
  for (const [name, value] of page.headers) res.append(name, value);
  res.setHeader("Content-Security-Policy", page.policyParts.join(nonce));
  // Set before the headers go out: the compression middleware then leaves the copy alone.
  if (chunks) res.setHeader("Content-Encoding", "gzip");
  res.setHeader("Content-Length", String(length));
  if (req.method.toUpperCase() === "HEAD") {
    res.end();
    return;
  }
  // The stored parts go out as they are, with the nonce between them, corked so that they
  // leave in one write: no copy of the whole page per request (it showed as allocation and
  // garbage collection in the profile of cached pages).
  res.cork();
  if (chunks) for (const chunk of chunks) res.write(chunk);
  else {
    page.bodyParts.forEach((part, index) => {
      if (index > 0) res.write(nonceBytes);
      res.write(part);
    });
  }
  res.uncork();
  res.end();
}

/**
 * Whether the browser asked for gzip (and did not refuse it): as the compression middleware
 * decides, no Accept-Encoding header means no compression.
 */
function wantsGzip(req: ExpressRequest): boolean {
  if (req.headers["accept-encoding"] === undefined) return false;
  return req.acceptsEncodings("gzip", "identity") === "gzip";
}

/**
 * The page-cache generation of the database file at `path`, read through a handle of its own
 * (the Remix build has its own); null when the cache cannot work there (":memory:", or a
 * database without the table).
 */
export function generationReader(path: string): (() => number) | null {
  if (path === ":memory:") return null;
  try {
    const sqlite = new Database(path, { fileMustExist: true });
    sqlite.pragma("busy_timeout = 5000");
    const statement = sqlite.prepare<[], { generation: number }>(
      "SELECT generation FROM page_cache_generation WHERE id = 1",
    );
    return () => statement.get()?.generation ?? Number.NaN;
  } catch {
    return null;
  }
}
