import type { ServerBuild } from "@remix-run/node";
import type { RequestHandler } from "express";
import type { DirectAnswers } from "~/entry.server";
import type { EncodedApiAnswer, OrdersApiRequest } from "~/modules/orders/api.server";
import { langCookieOf } from "./middleware";

/** Where the business API takes orders. */
export const ORDERS_API_PATH = "/api/v1/orders";

/** The largest JSON body the business API accepts (100 lines of an order fit in a few kB). */
const MAX_BODY_BYTES = 1024 * 1024;

// Decodes as `Request.text()` does for the Remix route: UTF-8, a leading BOM dropped.
const utf8 = new TextDecoder();

/**
 * `POST /api/v1/orders` without Remix, the hot path of the orders benchmark: matching the URL
 * against every route, then a web `Request` with a streamed body and a web `Response` to copy
 * back cost about as much CPU as placing the order (docs/decisions/036-speed-orders.md). The
 * answer comes from the same module function as the Remix route's (`answerOrdersApi`); only
 * the plumbing differs: the body is read into memory (bounded) and the answer, a small JSON
 * text, is written as is. Anything else (other methods, other paths) goes on to Remix.
 */
export function directOrdersApi(
  answer: (request: OrdersApiRequest) => Promise<EncodedApiAnswer>,
): RequestHandler {
  return (req, res, next) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("error", next);
    req.on("end", () => {
      if (tooLarge) {
        res
          .status(413)
          .set("Cache-Control", "no-store")
          .json({
            error: { code: "too_large", message: "Nội dung yêu cầu quá lớn.", details: null },
          });
        return;
      }
      answer({
        authorization: req.get("authorization") ?? null,
        idempotencyKey: req.get("idempotency-key") ?? null,
        locale: langCookieOf(req),
        body: utf8.decode(Buffer.concat(chunks, size)),
      }).then((encoded) => {
        res.writeHead(encoded.status, encoded.headers);
        res.end(encoded.body);
      }, next);
    });
  };
}

/**
 * The answers the app gives without Remix, from the server build (app/entry.server.tsx): the
 * server reaches the app's modules only through the build, so they share its database handle.
 * Fails at start-up when the build has none.
 */
export function directAnswersOf(build: ServerBuild): DirectAnswers {
  const entry: object = build.entry.module;
  if (!("directAnswers" in entry)) throw new Error("the server build exports no directAnswers");
  return entry.directAnswers as DirectAnswers;
}
