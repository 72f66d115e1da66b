import { Transform } from "node:stream";
import {
  createReadableStreamFromReadable,
  type AppLoadContext,
  type EntryContext,
  type HandleDataRequestFunction,
} from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { documentHydrates } from "~/lib/hydration";
import { NonceProvider } from "~/components/nonce-provider";
import { answerOrdersApi, type OrdersApiRequest } from "~/modules/orders/api.server";
import { getDb } from "~/modules/platform/db.server";
import { logger } from "~/modules/platform/logger.server";
import { dropNulBytes } from "~/modules/platform/nul-bytes.server";
import { randomBase64 } from "~/modules/platform/random.server";
import { applySecurityHeaders } from "~/modules/platform/security-headers.server";
import { startBackgroundJobs } from "../server/background-jobs";
import { startWalCheckpointer } from "../server/wal-checkpointer";

/**
 * What the server answers without Remix (server/api-fast-path.ts). The server reaches the
 * app's modules only through this build, so these share its database handle and state.
 */
export const directAnswers = {
  placeOrders: (request: OrdersApiRequest) => answerOrdersApi(getDb(), request),
};
export type DirectAnswers = typeof directAnswers;

/** How long a streamed response may wait for slow data before React gives up on it. */
export const streamTimeout = 5_000;

const isDevelopment = process.env.NODE_ENV === "development";

// The server build is loaded once per process (scripts/start.ts, the dev server): the
// periodic jobs start with it, on the same database handle the routes use.
startBackgroundJobs();
// WAL checkpoints in a worker thread, not inside whichever request crosses the threshold.
startWalCheckpointer(getDb());

/**
 * React 18.3's streaming renderer encodes into a 2 KB buffer and, when a multi-byte character
 * (most Vietnamese letters) would straddle its end, flushes the unwritten tail as NUL bytes
 * (facebook/react#31134; the fix, facebook/react#26228, ships only with React 19). A NUL
 * inside an attribute shows as "�". No HTML of ours holds a NUL (input hygiene refuses it)
 * and 0x00 never occurs inside a UTF-8 sequence, so every 0x00 byte is dropped.
 */
function withoutNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, dropNulBytes(chunk));
    },
  });
}

/**
 * Renders every document. A fresh nonce per request goes into the CSP header and onto every
 * script the app renders (docs/decisions/002-content-security-policy.md). A page sent without
 * React is rendered in one piece. For a hydrated page, bots (and no-JavaScript crawlers) get
 * the whole page at once; browsers get the shell as soon as it is ready and the rest streamed.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  _loadContext: AppLoadContext,
) {
  const nonce = randomBase64(16);
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  applySecurityHeaders(responseHeaders, { nonce, isDevelopment });
  // A document varies with the session and language cookies: never share it between people.
  if (!responseHeaders.has("Cache-Control")) responseHeaders.set("Cache-Control", "no-store");

  // A page sent without React (decision 035) has nothing to stream: no <Scripts>, so no
  // loader data to hand over, and no Suspense boundary waiting for data. Rendered to one
  // string it costs a third less CPU than through the stream (decision 034, stop 37) and
  // comes out byte for byte the same, without the NUL padding described above.
  const hydrates = documentHydrates(
    remixContext.staticHandlerContext.matches.map((match) => ({
      handle: remixContext.routeModules[match.route.id]?.handle,
    })),
  );
  if (!hydrates) {
    const html = renderToString(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceProvider>,
    );
    responseHeaders.set("Content-Type", "text/html; charset=utf-8");
    // Encoded here, in one native step: given a string, the Response first scans all of it
    // for lone surrogates, then encodes it through TextEncoder (75 µs more for 100 KB of
    // Vietnamese HTML, measured alone). The bytes are the same.
    return new Response(Buffer.from(`<!DOCTYPE html>${html}`, "utf8"), {
      headers: responseHeaders,
      status: responseStatusCode,
    });
  }

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const ready = () => {
      shellRendered = true;
      const body = withoutNulBytes();
      responseHeaders.set("Content-Type", "text/html; charset=utf-8");
      resolve(
        new Response(createReadableStreamFromReadable(body), {
          headers: responseHeaders,
          status: responseStatusCode,
        }),
      );
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onShellReady: waitForAll ? undefined : ready,
        onAllReady: waitForAll ? ready : undefined,
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors before the shell is ready reject above and Remix logs them.
          if (shellRendered) logger.error({ err: error, url: request.url }, "render error");
        },
      },
    );
    // Give React a moment past the stream timeout to flush rejected boundaries.
    setTimeout(abort, streamTimeout + 1_000);
  });
}

/** Data requests (client navigations, fetchers) get the same headers, without a nonce. */
export const handleDataRequest: HandleDataRequestFunction = (response) => {
  applySecurityHeaders(response.headers, { isDevelopment });
  return response;
};
