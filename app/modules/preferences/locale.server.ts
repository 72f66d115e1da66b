import { eq } from "drizzle-orm";
import type { Locale } from "~/lib/i18n/locales";
import type { Actor } from "~/modules/auth/actor";
import { areCookiesSecure, LANG_COOKIE } from "~/modules/platform/cookies.server";
import type { Db } from "~db/client.server";
import { users } from "~db/schema";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** The Set-Cookie value remembering `locale` for a year. */
export function localeCookie(locale: Locale): string {
  const secure = areCookiesSecure() ? "; Secure" : "";
  return `${LANG_COOKIE}=${locale}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; HttpOnly; SameSite=Lax${secure}`;
}

/**
 * Switches the interface language: returns the cookie to set and, for a signed-in user,
 * stores the choice on the account so it follows them to other devices.
 */
export function switchLocale(db: Db, actor: Actor, locale: Locale): string {
  if (actor.kind === "user") {
    db.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, actor.userId)).run();
  }
  return localeCookie(locale);
}
