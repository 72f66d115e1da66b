/**
 * The interface languages: `t(locale, key, params)` anywhere, `useT()` in components.
 * vi.ts is the source of truth; en.ts has exactly its keys.
 */
export { DEFAULT_LOCALE, INTL_LOCALE, isLocale, SUPPORTED_LOCALES, type Locale } from "./locales";
export { formatDate, formatDateTime, formatNumber } from "./format";
export {
  isMessageKey,
  hasMessages,
  loadMessages,
  placeholdersOf,
  t,
  type MessageKey,
  type MessageParams,
} from "./translate";
export { useLocale, useT } from "./use-t";
