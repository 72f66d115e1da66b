import {
  createRequestHandler,
  writeReadableStreamToWritable,
  type ServerBuild,
} from "@remix-run/node";
import type {
  Request as ExpressRequest,
  Response as ExpressResponse,
  RequestHandler,
} from "express";
import { errorBody } from "~/modules/platform/http.server";
import {
  refusalError,
  type AppLoadContext,
  type RequestRefusal,
} from "~/modules/platform/load-context";
import { langCookieOf } from "./middleware";
import {
  mayStore,
  pageCacheMissOf,
  sendStoredPage,
  type PageCache,
  type PageCacheMiss,
} from "./page-cache";
import { watchBody, type BodyLimits } from "./request-body";
import {
  acceptsMethod,
  API_MAX_BYTES,
  bodyRefusal,
  FORM_MAX_BYTES,
  FORM_MAX_FIELDS,
  isFormBody,
  mediaType,
  methodRefusal,
  routeRulesOf,
  UNSUPPORTED_MEDIA_TYPE,
  UPLOAD_MAX_BYTES,
} from "./request-limits";

/**
 * Our own Remix request handler for express, in place of @remix-run/express's: that one hands
 * Remix the raw request stream, so any form could be as large as the client liked and every
 * odd method or content type reached code that answered 500. This one decides, before Remix
 * runs, whether the request is acceptable at all (docs/decisions/016-request-limits.md):
 * the method (405 with `Allow`), the content type of a form (415), the size and field count
 * of the body (413) and its pace (408). Form bodies are read into memory (64 KiB at most) and
 * handed over whole; uploads are streamed through the same counters. A refused page request
 * is answered with the site's error page, rendered by Remix for the refusal alone.
 */

/** The pace a body must keep: each window must bring `minBytesPerSecond` × its length. */
export interface BodyPace {
  windowMs: number;
  minBytesPerSecond: number;
}

export interface RemixAdapterOptions {
  build: ServerBuild;
  mode: string;
  getLoadContext: (req: ExpressRequest) => AppLoadContext;
  pace: BodyPace;
  /**
   * The shared page cache for anonymous visitors, which renders are stored in (its hits are
   * served before this handler, `servePageCacheHits`); absent when switched off.
   */
  pageCache?: PageCache | null;
}

/**
 * Refused page requests are rendered as a GET of this path: it reaches only the root and the
 * catch-all route (app/routes/$.tsx), which throws the refusal from the load context, so no
 * page's loader runs (or redirects) for a request that was not accepted.
 */
const REFUSAL_PATH = "/__refused";

/**
 * After a refusal the client may still be sending; its bytes are read and dropped up to this
 * much (or this long) so it can read our answer before the connection closes, instead of
 * seeing a reset.
 */
const LINGER_MAX_BYTES = 1024 * 1024;
const LINGER_MAX_MS = 2_000;

/** The request's URL as the client used it (host and protocol honour `trust proxy`). */
function requestUrl(req: ExpressRequest): URL {
  // req.hostname drops the port: take it from X-Forwarded-Host or Host, as @remix-run/express does.
  const portOf = (host: string | undefined) => Number.parseInt(host?.split(":")[1] ?? "", 10);
  const forwardedPort = portOf(req.get("X-Forwarded-Host"));
  const hostPort = portOf(req.get("host"));
  const port = Number.isSafeInteger(forwardedPort)
    ? forwardedPort
    : Number.isSafeInteger(hostPort)
      ? hostPort
      : null;
  return new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
}

function requestHeaders(req: ExpressRequest, withBody: boolean): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (!withBody && /^(content-|transfer-encoding$)/i.test(name)) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

/** Copies a Remix answer onto the express response (as @remix-run/express does). */
async function sendResponse(res: ExpressResponse, response: Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (response.headers.get("Content-Type")?.match(/text\/event-stream/i)) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

/** Builds the express handler serving `build` through Remix with the request limits. */
export function createRemixHandler(options: RemixAdapterOptions): RequestHandler {
  const handleRequest = createRequestHandler(options.build, options.mode);
  const rulesOf = routeRulesOf(options.build);

  return (req, res, next) => {
    const url = requestUrl(req);
    const rules = rulesOf(url);
    const method = req.method.toUpperCase();
    const abort = new AbortController();
    let finished = false;
    res.on("finish", () => (finished = true));
    // Stop loaders and actions once nobody can receive their answer.
    res.on("close", () => finished || abort.abort());
    // Set once an answer is chosen: Remix's, or a refusal's.
    let answering: "remix" | "refusal" | null = null;

    const run = (body: BodyInit | null, cacheMiss?: PageCacheMiss) => {
      const request = new Request(url.href, {
        method,
        headers: requestHeaders(req, body !== null),
        signal: abort.signal,
        ...(body === null ? {} : { body, duplex: "half" }),
      });
      handleRequest(request, options.getLoadContext(req))
        .then((response) => {
          if (answering === "refusal") return;
          answering = "remix";
          if (cacheMiss && options.pageCache && mayStore(response.status, response.headers)) {
            return storeThenSend(options.pageCache, cacheMiss, response);
          }
          return sendResponse(res, response);
        })
        .catch(next);
    };

    /**
     * Answers `refusal` in the shape of the route: JSON for the API, the site's error page for
     * everything else. When part of the body is still coming, the answer is written whole,
     * the rest of the body is dropped for a bounded time, then the connection closes.
     */
    const refuse = (
      refusal: RequestRefusal,
      headers: Record<string, string>,
      bodyPending: () => boolean,
    ) => {
      if (answering === "remix") {
        // Remix already answered without reading everything: just stop listening.
        if (finished) req.socket.destroy();
        else res.once("finish", () => req.socket.destroy());
        return;
      }
      answering = "refusal";
      abort.abort();
      // Nothing more is read while the answer is made: the client waits instead of us.
      req.pause();
      // A body refused, or one not read at all, leaves the connection in an unknown state.
      const closeAfter = refusal.status === 413 || refusal.status === 408 || bodyPending();
      renderRefusal(refusal)
        .then(async (response) => {
          const body = Buffer.from(await response.arrayBuffer());
          res.status(refusal.status);
          for (const [name, value] of response.headers.entries()) res.append(name, value);
          for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
          // no-transform: compression would hold the body back until the connection ends.
          res.setHeader("Cache-Control", "no-store, no-transform");
          res.setHeader("Content-Length", String(body.length));
          if (closeAfter) res.setHeader("Connection", "close");
          if (!bodyPending()) {
            res.end(body);
            return;
          }
          res.write(body);
          lingerThenEnd();
        })
        .catch(next);
    };

    /** Reads a shareable page whole, keeps it, and sends it as any later copy is sent. */
    const storeThenSend = async (cache: PageCache, miss: PageCacheMiss, response: Response) => {
      const body = Buffer.from(await response.arrayBuffer());
      const page = cache.store(miss, response.status, response.headers, body);
      if (page) {
        sendStoredPage(req, res, page, "stored");
        return;
      }
      res.status(response.status);
      for (const [name, value] of response.headers.entries()) res.append(name, value);
      res.end(body);
    };

    const renderRefusal = async (refusal: RequestRefusal): Promise<Response> => {
      if (rules.kind === "api") {
        const body = errorBody(refusalError(refusal), langCookieOf(req));
        return Response.json(body, { status: refusal.status });
      }
      const path = url.pathname.endsWith(".data") ? `${REFUSAL_PATH}.data` : REFUSAL_PATH;
      const request = new Request(new URL(path, url).href, {
        headers: requestHeaders(req, false),
      });
      return handleRequest(request, { ...options.getLoadContext(req), refusal });
    };

    const lingerThenEnd = () => {
      let dropped = 0;
      const end = () => {
        clearTimeout(timer);
        req.off("data", count);
        req.off("end", end);
        req.off("close", end);
        if (!res.writableEnded) res.end();
      };
      const count = (chunk: Buffer) => {
        dropped += chunk.length;
        if (dropped > LINGER_MAX_BYTES) end();
      };
      const timer = setTimeout(end, LINGER_MAX_MS);
      req.on("data", count);
      req.once("end", end);
      req.once("close", end);
      req.resume();
    };

    if (method === "OPTIONS") {
      res.status(204).set("Allow", rules.allow.join(", ")).end();
      return;
    }
    const allowHeader = { Allow: rules.allow.join(", ") };
    if (!acceptsMethod(rules, method)) {
      refuse(methodRefusal(method), allowHeader, () => !req.complete);
      return;
    }
    if (method === "GET" || method === "HEAD") {
      // Hits were served before this handler (servePageCacheHits in server/index.ts).
      run(null, method === "GET" && options.pageCache ? pageCacheMissOf(req) : undefined);
      return;
    }

    const contentType = req.get("content-type") ?? "";
    if (rules.kind !== "api" && !isFormBody(contentType)) {
      refuse(UNSUPPORTED_MEDIA_TYPE, {}, () => !req.complete);
      return;
    }

    const isUpload = rules.kind === "upload" && mediaType(contentType) === "multipart/form-data";
    const limits: BodyLimits = {
      maxBytes: rules.kind === "api" ? API_MAX_BYTES : isUpload ? UPLOAD_MAX_BYTES : FORM_MAX_BYTES,
      maxFields: rules.kind === "api" ? null : FORM_MAX_FIELDS,
      contentType,
      windowMs: options.pace.windowMs,
      minBytesPerSecond: options.pace.minBytesPerSecond,
    };

    // A declared length over the limit is refused before a byte is read or Remix runs.
    if (Number(req.get("content-length")) > limits.maxBytes) {
      refuse(bodyRefusal("tooLarge", limits.maxFields), {}, () => !req.complete);
      return;
    }

    if (!isUpload) {
      // Forms and API bodies are small: read whole, then hand Remix a finished body.
      const chunks: Buffer[] = [];
      const watcher = watchBody(req, limits, {
        onChunk: (chunk) => chunks.push(chunk),
        onEnd: () => run(Buffer.concat(chunks)),
        onRefusal: (reason) => {
          chunks.length = 0;
          refuse(bodyRefusal(reason, limits.maxFields), {}, () => !watcher.ended());
        },
        onAbort: () => (chunks.length = 0),
      });
      return;
    }

    // Uploads stream into the multipart parser, with back-pressure, through the same counters.
    let stream: ReadableStreamDefaultController<Uint8Array> | undefined;
    const body = new ReadableStream<Uint8Array>(
      {
        start: (controller) => void (stream = controller),
        pull: () => void req.resume(),
        cancel: () => watcher.discard(),
      },
      new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }),
    );
    const watcher = watchBody(req, limits, {
      onChunk: (chunk) => {
        stream?.enqueue(chunk);
        if ((stream?.desiredSize ?? 0) <= 0) req.pause();
      },
      onEnd: () => stream?.close(),
      onRefusal: (reason) => {
        stream?.error(new Error(`upload refused: ${reason}`));
        refuse(bodyRefusal(reason, limits.maxFields), {}, () => !watcher.ended());
      },
      onAbort: () => stream?.error(new Error("the client went away")),
    });
    // An action that answers without reading the whole upload (a refusal before the form is
    // parsed) leaves the rest to be dropped; past the linger bound the connection is closed.
    res.once("finish", () => {
      if (answering !== "remix" || watcher.ended()) return;
      watcher.discard();
      let dropped = 0;
      req.on("data", (chunk: Buffer) => {
        dropped += chunk.length;
        if (dropped > LINGER_MAX_BYTES) req.socket.destroy();
      });
    });
    run(body);
  };
}
