import type { Locale } from "~db/schema";

export type { Locale };

/** The languages of the interface; Vietnamese first, it is the default. */
export const SUPPORTED_LOCALES = ["vi", "en"] as const satisfies readonly Locale[];

export const DEFAULT_LOCALE: Locale = "vi";

/** BCP 47 tags for Intl formatters and <html lang>. */
export const INTL_LOCALE: Record<Locale, string> = { vi: "vi-VN", en: "en-GB" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}
