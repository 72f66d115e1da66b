import type { Locale } from "./locales";
import type { MessageScope } from "./public-pages";
import type { MessageKey } from "./vi";

/**
 * The browser's stand-in for bundled-catalogs.ts: no language up front. The page's language
 * is loaded on its own (loadMessages in translate.ts) before the page hydrates.
 */
export const bundledCatalogs: Partial<Record<Locale, Record<MessageKey, string>>> = {};

/**
 * Separate chunks in the browser build: a page downloads its own language only, and a public
 * page only the messages its code names (public-vi.ts, filled by the build).
 */
export const catalogLoaders: Record<
  Locale,
  Record<MessageScope, () => Promise<Partial<Record<MessageKey, string>>>>
> = {
  vi: {
    public: () => import("./public-vi").then((module) => module.messages),
    all: () => import("./vi").then((module) => module.vi),
  },
  en: {
    public: () => import("./public-en").then((module) => module.messages),
    all: () => import("./en").then((module) => module.en),
  },
};
