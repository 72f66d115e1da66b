import type { ActionFunction, ServerBuild } from "@remix-run/node";
import type { RequestHandler } from "express";
import type { AppLoadContext } from "~/modules/platform/load-context";

/** The largest JSON body the business API accepts (100 lines of an order fit in a few kB). */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * `POST /api/v1/orders` straight to its route module's action, skipping Remix's generic
 * request handling. Matching a URL against the ~60 routes of the app (twice per request) and
 * wrapping the body in web streams cost about as much CPU as placing the order itself; the
 * business API is the hot path of the orders benchmark. The action is the same code the
 * Remix handler would call (app/routes/api.v1.orders.ts); only the plumbing differs: the
 * body is read into memory (bounded) and the answer, always a small JSON body, is sent as is.
 * Anything else (other methods, other paths) goes on to Remix.
 */
export function directApiAction(
  action: ActionFunction,
  getLoadContext: (req: Parameters<RequestHandler>[0]) => AppLoadContext,
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
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (Array.isArray(value)) for (const v of value) headers.append(name, v);
        else if (value !== undefined) headers.set(name, value);
      }
      const host = req.get("host") ?? "localhost";
      const request = new Request(`${req.protocol}://${host}${req.originalUrl}`, {
        method: req.method,
        headers,
        body: Buffer.concat(chunks, size),
      });
      const send = async (answer: unknown) => {
        if (!(answer instanceof Response))
          throw new Error("the API action did not answer a Response");
        res.status(answer.status);
        for (const [name, value] of answer.headers) res.append(name, value);
        res.end(Buffer.from(await answer.arrayBuffer()));
      };
      Promise.resolve()
        .then(() => action({ request, params: {}, context: getLoadContext(req) }))
        // A thrown Response is an answer too, as in Remix.
        .then(send, (thrown: unknown) =>
          thrown instanceof Response ? send(thrown) : Promise.reject(thrown),
        )
        .catch(next);
    });
  };
}

/** The action of a route in the server build; fails at start-up when it is missing. */
export function routeAction(build: ServerBuild, routeId: string): ActionFunction {
  const action = build.routes[routeId]?.module.action;
  if (!action) throw new Error(`the server build has no action for ${routeId}`);
  return action;
}
