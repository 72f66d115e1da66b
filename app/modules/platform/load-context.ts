import type { AppLoadContext as RemixAppLoadContext } from "@remix-run/node";
import { DomainError } from "~/lib/errors";
import type { MessageKey, MessageParams } from "~/lib/i18n/translate";

/**
 * Why the server refused a request before Remix read it (server/remix-adapter.ts): a body
 * too large, too slow or of the wrong type, a method the route does not take. Plain data,
 * not a DomainError: the server process and the server build each have their own copy of
 * that class, and `instanceof` would fail across them.
 */
export interface RequestRefusal {
  status: number;
  code: string;
  messageKey: MessageKey;
  params?: MessageParams;
}

/**
 * What server/index.ts passes to every Remix loader and action as `context`:
 * `clientIp` is the socket address, or the proxy's X-Forwarded-For hop when TRUST_PROXY=1.
 * Loaders read it as `context.clientIp` (typed through the augmentation below).
 * `refusal` is set only for a refused request, which the catch-all route renders as the
 * site's error page.
 */
declare module "@remix-run/node" {
  interface AppLoadContext {
    clientIp: string;
    refusal?: RequestRefusal;
  }
}

export type AppLoadContext = RemixAppLoadContext;

/** A refusal as a domain error, so it is rendered like every other one. */
export function refusalError(refusal: RequestRefusal): DomainError {
  return new DomainError(refusal.status, refusal.code, refusal.messageKey, refusal.params);
}
