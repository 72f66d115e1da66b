import type { Locale } from "~/lib/i18n/locales";

/**
 * Money is an integer number of đồng everywhere; this is the one place it becomes text.
 * One Intl.NumberFormat per locale, built once: creating one per call is measurably slow.
 */
const formatters: Record<Locale, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat("vi-VN", {
    style: "currency",
    currency: "VND",
    maximumFractionDigits: 0,
  }),
  en: new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "VND",
    currencyDisplay: "symbol",
    maximumFractionDigits: 0,
  }),
};

/** 120000 → "120.000 ₫" (vi) or "₫120,000" (en); −0 → "0 ₫". Throws on anything but whole đồng. */
export function formatVnd(amount: number, locale: Locale = "vi"): string {
  if (!Number.isSafeInteger(amount)) {
    throw new TypeError(`formatVnd expects a whole number of đồng, got ${amount}`);
  }
  // −0 (e.g. `-commission` when there is none) is 0: never "-0 ₫".
  return formatters[locale].format(amount === 0 ? 0 : amount);
}
