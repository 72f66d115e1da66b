import { isLocale, type Locale } from "~/lib/i18n/locales";
import { getEnv, type Env } from "./env.server";

/**
 * Whether cookies get the `Secure` attribute: in live mode, which is served over HTTPS. The
 * demo (the default) also runs over plain http on a laptop or a LAN, where a browser would
 * drop a Secure cookie and nobody could log in; `npm start` always runs NODE_ENV=production,
 * so the switch is the mode, not NODE_ENV.
 */
export function areCookiesSecure(env: Pick<Env, "APP_MODE"> = getEnv()): boolean {
  return env.APP_MODE === "live";
}

/** The cookie that remembers a visitor's interface language. */
export const LANG_COOKIE = "lang";

/** Cookie pairs of a `Cookie` header; the first value wins for a repeated name. */
export function parseCookieHeader(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    if (!name || cookies.has(name)) continue;
    try {
      cookies.set(name, decodeURIComponent(raw));
    } catch {
      cookies.set(name, raw);
    }
  }
  return cookies;
}

/** The `lang` cookie's locale, when it holds a supported one. */
export function readLangCookie(request: Request): Locale | null {
  const lang = parseCookieHeader(request.headers.get("Cookie")).get(LANG_COOKIE);
  return isLocale(lang) ? lang : null;
}
