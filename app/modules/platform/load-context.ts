import type { AppLoadContext as RemixAppLoadContext } from "@remix-run/node";

/**
 * What server/index.ts passes to every Remix loader and action as `context`:
 * `clientIp` is the socket address, or the proxy's X-Forwarded-For hop when TRUST_PROXY=1.
 * Loaders read it as `context.clientIp` (typed through the augmentation below).
 */
declare module "@remix-run/node" {
  interface AppLoadContext {
    clientIp: string;
  }
}

export type AppLoadContext = RemixAppLoadContext;
