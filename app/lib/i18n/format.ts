import { VIETNAM_TIME_ZONE } from "~/lib/dates";
import { INTL_LOCALE, type Locale } from "./locales";

const dateFormatters: Record<Locale, Intl.DateTimeFormat> = {
  vi: new Intl.DateTimeFormat(INTL_LOCALE.vi, {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    timeZone: VIETNAM_TIME_ZONE,
  }),
  en: new Intl.DateTimeFormat(INTL_LOCALE.en, {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: VIETNAM_TIME_ZONE,
  }),
};

const dateTimeFormatters: Record<Locale, Intl.DateTimeFormat> = {
  vi: new Intl.DateTimeFormat(INTL_LOCALE.vi, {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: VIETNAM_TIME_ZONE,
  }),
  en: new Intl.DateTimeFormat(INTL_LOCALE.en, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: VIETNAM_TIME_ZONE,
  }),
};

const numberFormatters: Record<Locale, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat(INTL_LOCALE.vi),
  en: new Intl.NumberFormat(INTL_LOCALE.en),
};

/**
 * A calendar day ("2027-01-04") or a moment as a date in Việt Nam: "04/01/2027" (vi),
 * "4 Jan 2027" (en). A calendar day is read as noon UTC so no time zone moves it.
 */
export function formatDate(value: string | Date | number, locale: Locale): string {
  const moment =
    typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Date(`${value}T12:00:00Z`)
      : new Date(value);
  if (Number.isNaN(moment.getTime())) return String(value);
  return dateFormatters[locale].format(moment);
}

/** A moment with its time in Việt Nam: "14:05 04/01/2027" (vi), "4 Jan 2027, 14:05" (en). */
export function formatDateTime(value: Date | number | string, locale: Locale): string {
  const moment = new Date(value);
  if (Number.isNaN(moment.getTime())) return String(value);
  return dateTimeFormatters[locale].format(moment);
}

/** 1200 → "1.200" (vi) or "1,200" (en). */
export function formatNumber(value: number, locale: Locale): string {
  return numberFormatters[locale].format(value);
}
