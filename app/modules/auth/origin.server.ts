import { DomainError } from "~/lib/errors";
import { getEnv } from "~/modules/platform/env.server";
import { apiError, localeOfRequest } from "~/modules/platform/http.server";

/**
 * Cross-site request forgery defence: a state-changing request (POST, PUT, PATCH, DELETE) must
 * come from one of our own pages. Browsers send `Origin` on every such request (and
 * `Referer` on most); a forger's page cannot choose either. The rules, in order:
 *
 * 1. GET, HEAD, OPTIONS and TRACE change nothing and always pass.
 * 2. With an `Origin` header: it must be the request's own origin or PUBLIC_URL's origin
 *    (behind a proxy the request URL may name the internal address). `Origin: null`
 *    (sandboxed frames, some redirects) is refused.
 * 3. Without `Origin` but with `Referer`: the referring page's origin must match the same way.
 * 4. With neither: a browser would have sent `Sec-Fetch-Site`; when it says `cross-site` or
 *    `same-site` (a sibling subdomain) the request is refused. When it is absent (curl,
 *    scripts, old browsers that also omit Origin) or says `same-origin`/`none` (typed in the
 *    address bar, a bookmark), the request passes: such clients carry no victim's cookie.
 *
 * The express server applies this to every request (server/middleware.ts) and the auth
 * routes call `assertSameOrigin` again, so their actions are safe when called directly.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS", "TRACE"]);

/** The refusal of a cross-site write: 403 with the code `cross_origin`. */
export function crossOriginError(): DomainError {
  return new DomainError(403, "cross_origin", "auth.error.crossOrigin");
}

function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const { origin } = new URL(url);
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/** Whether the method only reads: such a request passes whatever its origin. */
export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/** Whether a request with this method and these headers may change state here. */
export function isSameOrigin(
  method: string,
  headers: Headers,
  ownOrigin: string,
  publicUrl?: string | null,
): boolean {
  if (isSafeMethod(method)) return true;
  const allowed = new Set(
    [originOf(ownOrigin), originOf(publicUrl)].filter((o): o is string => o !== null),
  );
  const origin = headers.get("Origin");
  if (origin !== null) {
    const claimed = originOf(origin);
    return claimed !== null && allowed.has(claimed);
  }
  const referer = headers.get("Referer");
  if (referer !== null && referer !== "") {
    const claimed = originOf(referer);
    return claimed !== null && allowed.has(claimed);
  }
  const fetchSite = headers.get("Sec-Fetch-Site");
  return fetchSite === null || fetchSite === "same-origin" || fetchSite === "none";
}

/** Throws a 403 response unless the request may change state here (see `isSameOrigin`). */
export function assertSameOrigin(request: Request): void {
  const ownOrigin = new URL(request.url).origin;
  if (isSameOrigin(request.method, request.headers, ownOrigin, getEnv().PUBLIC_URL)) return;
  const refusal = apiError(crossOriginError(), localeOfRequest(request));
  refusal.headers.set("Cache-Control", "no-store");
  throw refusal;
}
