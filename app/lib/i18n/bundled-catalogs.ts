import { en } from "./en";
import type { Locale } from "./locales";
import type { MessageScope } from "./public-pages";
import { vi, type MessageKey } from "./vi";

/**
 * Every language's messages, there from the start: for the server, the scripts and the tests.
 * The browser build replaces this module with bundled-catalogs.browser.ts (vite.config.ts), so a
 * page ships only its own language's strings, loaded by app/entry.client.tsx before hydrating.
 */
export const bundledCatalogs: Partial<Record<Locale, Record<MessageKey, string>>> = { vi, en };

/** Here every language is bundled already; the browser's version fetches chunks. */
export const catalogLoaders: Record<
  Locale,
  Record<MessageScope, () => Promise<Partial<Record<MessageKey, string>>>>
> = {
  vi: { public: () => Promise.resolve(vi), all: () => Promise.resolve(vi) },
  en: { public: () => Promise.resolve(en), all: () => Promise.resolve(en) },
};
