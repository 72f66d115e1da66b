/**
 * Where a form may send the visitor next (`next` after logging in, `redirectTo` of the
 * language switch, a notification's link): a path on this site only, written as ASCII.
 * A `Location` header holds bytes, so "/tìm-kiếm" must travel percent-encoded as UTF-8
 * ("/t%C3%ACm-ki%E1%BA%BFm"): raw, it crashed the answer after the session was made.
 */

/** A stand-in origin to resolve the target against: only a path that stays on it passes. */
const SAME_ORIGIN = "http://same-origin.invalid";

/** Proxies refuse very long headers; a longer target is not a page of ours anyway. */
const MAX_ENCODED_LENGTH = 2048;

/**
 * C0 and C1 controls and DEL: a CR/LF could split the header, and browsers drop tabs and
 * newlines from URLs, so "/\t/host" would become "//host".
 */
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

/** Everything RFC 3986 does not allow unescaped in a path or query ("%" is checked apart). */
const NOT_URI_CHARACTER = /[^A-Za-z0-9\-._~!$&'()*+,;=:@/?%]/g;

function escapeRest(part: string): string {
  return part
    .replace(NOT_URI_CHARACTER, (character) => encodeURIComponent(character))
    .replace(/%(?![0-9A-Fa-f]{2})/g, "%25");
}

/** "//host" and "/\host" are other sites to a browser, also once percent-decoded. */
function leavesTheSite(path: string): boolean {
  return path.startsWith("//") || path.startsWith("/\\");
}

/**
 * The target as a percent-encoded path on this site ("/…" with its query and fragment), or
 * `fallback` for anything that could lead elsewhere or is not a readable path: another
 * scheme or host, "//host", "/\host", an encoded slash that decodes to one, control
 * characters, percent-escapes that are not UTF-8, or more than 2,048 characters.
 */
export function safeRedirectPath(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || target.length > MAX_ENCODED_LENGTH) return fallback;
  if (!target.startsWith("/") || target.includes("\\") || hasControlCharacter(target)) {
    return fallback;
  }
  let url: URL;
  try {
    url = new URL(target, SAME_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== SAME_ORIGIN) return fallback;
  // The parser encodes non-ASCII as UTF-8 but leaves some ASCII ("|", "[", a stray "%").
  const pathname = escapeRest(url.pathname);
  const search = escapeRest(url.search);
  const fragment = url.hash === "" ? "" : `#${escapeRest(url.hash.slice(1))}`;
  const path = `${pathname}${search}${fragment}`;
  if (path.length > MAX_ENCODED_LENGTH) return fallback;
  let decodedPathname: string;
  try {
    decodedPathname = decodeURIComponent(pathname);
    decodeURIComponent(path);
  } catch {
    return fallback; // percent-escapes that are not UTF-8, e.g. a lone "%C3"
  }
  // Dot segments can collapse into "//" ("/..//host" parses to the path "//host"), and an
  // encoded "/%2F/host" is one decoding away from it.
  if (leavesTheSite(pathname) || leavesTheSite(decodedPathname)) return fallback;
  return path;
}
