import type { Locale } from "./locales";
import type { MessageKey } from "./vi";

/**
 * The browser's stand-in for bundled-catalogs.ts: no language up front. The page's language
 * is loaded on its own (loadMessages in translate.ts) before the page hydrates.
 */
export const bundledCatalogs: Partial<Record<Locale, Record<MessageKey, string>>> = {};

/** Separate chunks in the browser build: a page downloads its own language only. */
export const catalogLoaders: Record<Locale, () => Promise<Record<MessageKey, string>>> = {
  vi: () => import("./vi").then((module) => module.vi),
  en: () => import("./en").then((module) => module.en),
};
