import { en } from "./en";
import type { Locale } from "./locales";
import { vi, type MessageKey } from "./vi";

/**
 * Every language's messages, there from the start: for the server, the scripts and the tests.
 * The browser build replaces this module with bundled-catalogs.browser.ts (vite.config.ts), so a
 * page ships only its own language's strings, loaded by app/entry.client.tsx before hydrating.
 */
export const bundledCatalogs: Partial<Record<Locale, Record<MessageKey, string>>> = { vi, en };

/** Here every language is bundled already; the browser's version fetches one chunk each. */
export const catalogLoaders: Record<Locale, () => Promise<Record<MessageKey, string>>> = {
  vi: () => Promise.resolve(vi),
  en: () => Promise.resolve(en),
};
