import type { Locale } from "./locales";
import type { MessageScope } from "./public-pages";

/** Where the browser build put a language's message chunks, e.g. "/assets/public-vi-Dj….js". */
export type CatalogChunks = Partial<Record<Locale, Partial<Record<MessageScope, string>>>>;

/**
 * Filled in by the server build from the browser build's output (scripts/build/public-messages.ts):
 * the page names its catalog chunk in a modulepreload link, so the browser fetches it beside
 * the framework instead of after running it. Empty in development and in tests: no preload.
 * Only this constant is replaced, so the module holds nothing else.
 */
export const catalogChunks: CatalogChunks = {};
