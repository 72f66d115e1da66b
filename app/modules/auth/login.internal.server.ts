import { eq } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { users, type Locale } from "~db/schema";
import type { LoginIdentifier } from "~/lib/contact";
import { VIETNAM_TIME_ZONE } from "~/lib/dates";
import { INTL_LOCALE, t } from "~/lib/i18n";
import { membershipsOf } from "./memberships.server";
import { verifyAgainstDummy, verifyPassword } from "./passwords.server";
import {
  clearAccountFailures,
  loginBlock,
  recordLoginFailure,
  type LoginBlock,
} from "./rate-limit.server";

export type AuthenticateResult =
  | { ok: true; userId: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "disabled" }
  | { ok: false; reason: "rateLimited"; block: LoginBlock };

/** The rate-limit key of what was typed, e.g. "phone:+84912345678". */
const accountKey = (identifier: LoginIdentifier) => `${identifier.kind}:${identifier.value}`;

/**
 * Checks a login. Refuses without looking at the password while the account or the address
 * has too many recent failures; otherwise a wrong password (or an unknown account, which
 * takes the same time and gives the same answer) counts one failure against both.
 */
export async function authenticate(
  db: Db,
  identifier: LoginIdentifier,
  password: string,
  ip: string,
  now = new Date(),
): Promise<AuthenticateResult> {
  const key = accountKey(identifier);
  const block = loginBlock(db, key, ip, now);
  if (block) return { ok: false, reason: "rateLimited", block };

  const user = db
    .select({ id: users.id, passwordHash: users.passwordHash, isDisabled: users.isDisabled })
    .from(users)
    .where(
      identifier.kind === "phone"
        ? eq(users.phone, identifier.value)
        : eq(users.email, identifier.value),
    )
    .get();
  const matches = user
    ? await verifyPassword(user.passwordHash, password)
    : await verifyAgainstDummy(password);
  if (!user || !matches) {
    recordLoginFailure(db, key, ip, now);
    return { ok: false, reason: "invalid" };
  }
  // Only someone who knows the password learns that the account is disabled.
  if (user.isDisabled) return { ok: false, reason: "disabled" };
  clearAccountFailures(db, [key]);
  return { ok: true, userId: user.id };
}

const timeFormats = new Map<Locale, Intl.DateTimeFormat>();

/** "10:42" in Vietnam's time zone, where the Union and almost all users are. */
function clockTime(locale: Locale, at: Date): string {
  let format = timeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
      timeZone: VIETNAM_TIME_ZONE,
    });
    timeFormats.set(locale, format);
  }
  return format.format(at);
}

/**
 * "Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau 14 phút (lúc 10:42)." in the locale.
 */
export function rateLimitMessage(locale: Locale, block: LoginBlock, now = new Date()): string {
  const minutes = Math.max(1, Math.ceil((block.retryAt.getTime() - now.getTime()) / 60_000));
  return t(locale, "auth.error.rateLimited", { minutes, time: clockTime(locale, block.retryAt) });
}

/** Where a user goes after logging in without a `next`: their workspace, by role. */
export function homeOf(db: Db, userId: number): string {
  const { producers, staff } = membershipsOf(db, userId);
  if (staff.length > 0) return "/quan-ly";
  return producers.length > 0 ? "/ban-hang" : "/";
}
