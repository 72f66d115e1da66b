import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import type { Server } from "node:http";
import { join } from "node:path";
import type { Duplex } from "node:stream";
import { pathToFileURL } from "node:url";
import type { Env } from "~/modules/platform/env.server";
import type { AppLoadContext } from "~/modules/platform/load-context";
import { markServerRunning } from "~/modules/platform/backups.server";
import { logger } from "~/modules/platform/logger.server";
import { directAnswersOf, directOrdersApi, ORDERS_API_PATH } from "./api-fast-path";
import { CLIENT_BUILD, SERVER_BUILD } from "./build";
import {
  clientIp,
  defaultSecurityHeaders,
  errorPage,
  refuseCrossOrigin,
  requestId,
  requestLog,
  strictTransportSecurity,
  topLevelFiles,
} from "./middleware";
import { generationReader, PageCache, servePageCacheHits } from "./page-cache";
import { createRemixHandler } from "./remix-adapter";
import { stopWalCheckpointer } from "./wal-checkpointer";

/**
 * The production HTTP server: a small express app in front of the Remix build. It exists for
 * what Remix alone does not give: the client IP (rate limits, audit log) as load context,
 * the cross-origin refusal in front of every route, limits on every request before Remix
 * reads it (server/remix-adapter.ts), security headers on non-document responses (HSTS on
 * HTTPS), long caching of fingerprinted assets, compression and request logs.
 * docs/decisions/005-server-and-start.md explains the choice.
 */

/** The longest a request may take to arrive in full (Node's own default is 5 minutes). */
const UPLOAD_REQUEST_TIMEOUT_MS = 20 * 60_000;

/** Loads build/server/index.js, produced by `remix vite:build`. */
export async function loadServerBuild(): Promise<ServerBuild> {
  const build: unknown = await import(pathToFileURL(SERVER_BUILD).href);
  return build as ServerBuild;
}

/** The express app serving `build`; no socket is opened (tests can mount it). */
export function createApp(build: ServerBuild, env: Env): express.Express {
  const app = express();
  app.disable("x-powered-by");
  // Behind a reverse proxy, req.ip and req.protocol come from X-Forwarded-*; never otherwise,
  // or any client could choose the address its login failures are counted under.
  app.set("trust proxy", env.TRUST_PROXY ? 1 : false);

  app.use(requestId());
  app.use(requestLog(logger));
  app.use(strictTransportSecurity());
  app.use(defaultSecurityHeaders());
  // Anonymous visitors' public pages are shared from memory (docs/decisions/033-page-cache.md);
  // a stored copy is served here, ahead of the rest of the chain, which it does not need.
  const readGeneration = env.PAGE_CACHE === "on" ? generationReader(env.DATABASE_PATH) : null;
  const pageCache = readGeneration
    ? new PageCache({ maxBytes: env.PAGE_CACHE_MAX_MB * 1024 * 1024, readGeneration })
    : null;
  if (pageCache) app.use(servePageCacheHits(pageCache));
  // Not for the orders API's answers: small JSON that the middleware leaves alone anyway (below
  // its 1 kB threshold), but only after wrapping the response; skipping it took the CPU per
  // order from 0.63–0.8 to 0.5–0.65 ms (docs/decisions/036-speed-orders.md).
  const compress = compression();
  app.use((req, res, next) =>
    req.method === "POST" && req.path === ORDERS_API_PATH ? next() : compress(req, res, next),
  );

  // Fingerprinted by Vite: a changed file gets a new name, so cache for a year.
  app.use(
    "/assets",
    express.static(join(CLIENT_BUILD, "assets"), { immutable: true, maxAge: "1y", index: false }),
    (_req, res) => res.status(404).type("text/plain; charset=utf-8").send("Không tìm thấy."),
  );
  // favicon, robots.txt and the like keep their names: cache briefly.
  app.use(topLevelFiles(CLIENT_BUILD, { maxAge: "1h" }));

  app.use(refuseCrossOrigin(env.PUBLIC_URL));

  const getLoadContext = (req: express.Request): AppLoadContext => ({ clientIp: clientIp(req) });
  // The business API's hot path skips Remix's generic routing (server/api-fast-path.ts).
  app.post(ORDERS_API_PATH, directOrdersApi(directAnswersOf(build).placeOrders));
  // Every other request: limits on methods, content types and bodies, then Remix
  // (server/remix-adapter.ts, docs/decisions/016-request-limits.md).
  app.all(
    "*",
    createRemixHandler({
      build,
      mode: env.NODE_ENV,
      getLoadContext,
      pageCache,
      pace: {
        windowMs: env.BODY_TIMEOUT_WINDOW_MS,
        minBytesPerSecond: env.BODY_MIN_BYTES_PER_SECOND,
      },
    }),
  );
  app.use(errorPage(logger));
  return app;
}

export interface RunningServer {
  server: Server;
  /** Where it listens, e.g. http://localhost:3000. */
  url: string;
  /** Stops accepting connections and waits (at most 10 s) for open requests to finish. */
  close(): Promise<void>;
}

/** Listens on HOST:PORT with the given build. */
export async function startServer(env: Env, build?: ServerBuild): Promise<RunningServer> {
  const app = createApp(build ?? (await loadServerBuild()), env);
  const server = await new Promise<Server>((resolveListen, reject) => {
    const listening = app.listen(env.PORT, env.HOST, () => resolveListen(listening));
    listening.once("error", reject);
  });
  // Node stops any request after 5 minutes; an upload of 32 MiB over a slow mobile link takes
  // longer. Slow bodies are refused by pace instead (BODY_MIN_BYTES_PER_SECOND), so this is
  // only the last resort.
  server.requestTimeout = UPLOAD_REQUEST_TIMEOUT_MS;
  // CONNECT asks for a tunnel and never reaches express: Node would close the socket without
  // a word. It names a host, not a page, so the answer is a bare 405.
  server.on("connect", (_req, socket: Duplex) => {
    socket.end(
      "HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD, POST\r\n" +
        "Content-Length: 0\r\nConnection: close\r\n\r\n",
    );
  });
  // `db:restore` refuses while this mark names a live process (docs/operations.md).
  const unmark =
    env.DATABASE_PATH === ":memory:" ? () => undefined : markServerRunning(env.DATABASE_PATH);
  const shownHost = env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST;
  const url = `http://${shownHost.includes(":") ? `[${shownHost}]` : shownHost}:${env.PORT}`;

  async function close(): Promise<void> {
    const forced = setTimeout(() => server.closeAllConnections(), 10_000);
    forced.unref();
    await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
    clearTimeout(forced);
    await stopWalCheckpointer();
    unmark();
  }

  return { server, url, close };
}
