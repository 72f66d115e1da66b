import express, {
  type ErrorRequestHandler,
  type Request,
  type RequestHandler,
  type Response,
} from "express";
import type { ServeStaticOptions } from "serve-static";
import { randomUUID } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import type { IncomingHttpHeaders } from "node:http";
import { DEFAULT_LOCALE, isLocale, type Locale } from "~/lib/i18n/locales";
import { crossOriginError, isSafeMethod, isSameOrigin } from "~/modules/auth/origin.server";
import { LANG_COOKIE, parseCookieHeader } from "~/modules/platform/cookies.server";
import { errorBody } from "~/modules/platform/http.server";
import { requestScope, type Logger } from "~/modules/platform/logger.server";
import {
  securityHeaders,
  STRICT_TRANSPORT_SECURITY,
} from "~/modules/platform/security-headers.server";

/** The client's address: the socket peer, or the proxy's X-Forwarded-For when trusted. */
export function clientIp(req: Request): string {
  const ip = req.ip ?? req.socket.remoteAddress ?? "unknown";
  // IPv4 clients of a dual-stack socket appear as ::ffff:1.2.3.4.
  return ip.startsWith("::ffff:") ? ip.slice(7) : ip;
}

function toFetchHeaders(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

/** The reader's language from the `lang` cookie, as platform/http reads it for Remix. */
export function langCookieOf(req: Request): Locale {
  const lang = parseCookieHeader(req.get("cookie") ?? null).get(LANG_COOKIE);
  return isLocale(lang) ? lang : DEFAULT_LOCALE;
}

/**
 * Refuses state-changing requests (POST, PUT, PATCH, DELETE) whose Origin or Referer is not
 * this site: the first line against cross-site request forgery, in front of every route
 * (the auth module checks again inside actions). API calls authenticated with a bearer token
 * carry no cookie a forger could ride on, and a browser cannot add that header cross-origin
 * without a CORS preflight we never grant, so they pass.
 */
export function refuseCrossOrigin(publicUrl: string | undefined): RequestHandler {
  return (req, res, next) => {
    // Reads pass at once: no copy of the headers for the check below (most requests are GETs).
    if (isSafeMethod(req.method)) return next();
    if (/^Bearer\s/i.test(req.get("authorization") ?? "")) return next();
    const ownOrigin = `${req.protocol}://${req.get("host") ?? "localhost"}`;
    if (isSameOrigin(req.method, toFetchHeaders(req.headers), ownOrigin, publicUrl)) return next();
    res.status(403).set("Cache-Control", "no-store");
    const refusal = crossOriginError();
    const locale = langCookieOf(req);
    const wantsJson = req.path.startsWith("/api/") || req.accepts(["html", "json"]) === "json";
    if (wantsJson) res.json(errorBody(refusal, locale));
    else res.type("text/plain; charset=utf-8").send(refusal.messageIn(locale));
  };
}

/**
 * Adds the security headers to every response that did not set its own: static files,
 * data requests, the API, /healthz. Documents get theirs (with the CSP nonce) from
 * app/entry.server.tsx, which this never overrides. Applied when the headers are sent,
 * because Remix appends its headers and an early value would be duplicated.
 */
export function defaultSecurityHeaders(): RequestHandler {
  const defaults = Object.entries(securityHeaders());
  return (_req, res, next) => {
    const writeHead = res.writeHead;
    res.writeHead = function patchedWriteHead(
      this: Response,
      ...args: Parameters<typeof writeHead>
    ) {
      for (const [name, value] of defaults) {
        // A 304's headers replace the stored copy's: a policy without the copy's nonce would
        // stop its scripts (the page cache's 304s, server/page-cache.ts).
        if (this.statusCode === 304 && name.toLowerCase() === "content-security-policy") continue;
        if (!this.hasHeader(name)) this.setHeader(name, value);
      }
      return writeHead.apply(this, args);
    } as typeof res.writeHead;
    next();
  };
}

/**
 * HSTS on every answer to a request that arrived over HTTPS: directly, or through the
 * trusted proxy's X-Forwarded-Proto (express's `req.secure` reads it only with TRUST_PROXY=1).
 * Never over plain http, where a browser ignores it, and never because a client said so.
 */
export function strictTransportSecurity(): RequestHandler {
  return (req, res, next) => {
    if (req.secure) res.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    next();
  };
}

/** A request id a client or proxy may pass on: short, and nothing a log reader could trip on. */
const GIVEN_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Gives each request an id: the X-Request-Id the proxy (or client) sent when it looks like one,
 * else a new UUID. It is sent back in X-Request-Id and carried by every log line written while
 * the request is served (logger.server.ts `requestScope`).
 */
export function requestId(): RequestHandler {
  return (req, res, next) => {
    const given = req.get("x-request-id");
    const id = given !== undefined && GIVEN_REQUEST_ID.test(given) ? given : randomUUID();
    res.locals.requestId = id;
    res.setHeader("X-Request-Id", id);
    requestScope.run({ requestId: id }, next);
  };
}

/** One log line per request: method, path, status, duration, client address, request id. */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const entry = {
        method: req.method,
        path: req.originalUrl,
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
        ip: clientIp(req),
        reqId: typeof res.locals.requestId === "string" ? res.locals.requestId : undefined,
      };
      // Fingerprinted assets are noise at info level.
      if (req.path.startsWith("/assets/")) logger.debug(entry, "request");
      else if (res.statusCode >= 500) logger.error(entry, "request");
      else logger.info(entry, "request");
    });
    next();
  };
}

/** Last resort for errors outside Remix (which renders its own error pages). */
export function errorPage(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    logger.error({ err: error, path: req.originalUrl }, "unhandled server error");
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res
      .status(500)
      .set("Cache-Control", "no-store")
      .type("text/plain; charset=utf-8")
      .send("Đã có lỗi ở máy chủ. Vui lòng thử lại sau ít phút.");
  };
}

/**
 * Serves the files at the top of `dir` (favicon and the like, never the fingerprinted assets,
 * which have their own route) and lets every other request through without touching the disk:
 * express.static alone asks the file system about every page address first, a `stat` per
 * request that was 6 % of a cached page's server time. The build does not change while the
 * server runs, so the list is read once.
 */
export function topLevelFiles(dir: string, options: ServeStaticOptions): RequestHandler {
  const names = new Set(
    existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => `/${entry.name}`)
      : [],
  );
  const serve = express.static(dir, { ...options, index: false });
  return (req, res, next) => {
    if (names.has(req.path)) serve(req, res, next);
    else next();
  };
}
