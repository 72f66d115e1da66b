import { useRouteLoaderData } from "@remix-run/react";
import { useCallback } from "react";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./locales";
import { t, type MessageKey, type MessageParams } from "./translate";

/** The interface language chosen by the root loader (Vietnamese when it is not available). */
export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale?: unknown }>("root");
  return isLocale(data?.locale) ? data.locale : DEFAULT_LOCALE;
}

/** `const tr = useT(); tr("header.cart")` — translate in the current interface language. */
export function useT(): (key: MessageKey, params?: MessageParams) => string {
  const locale = useLocale();
  return useCallback((key, params) => t(locale, key, params), [locale]);
}
