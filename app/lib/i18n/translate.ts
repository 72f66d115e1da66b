import { bundledCatalogs, catalogLoaders } from "./bundled-catalogs";
import type { Locale } from "./locales";
import type { MessageKey } from "./vi";

export type { MessageKey };

/** Values for a message's `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;

/**
 * The languages whose messages are here: all of them on the server; in the browser only the
 * page's language, then any other the visitor switches to (loadMessages).
 */
const catalogs: Partial<Record<Locale, Record<MessageKey, string>>> = { ...bundledCatalogs };

const loading = new Map<Locale, Promise<void>>();

/** Whether `locale`'s messages are loaded (always, on the server). */
export function hasMessages(locale: Locale): boolean {
  return catalogs[locale] !== undefined;
}

/** Loads `locale`'s messages (once); resolves at once when they are here. */
export function loadMessages(locale: Locale): Promise<void> {
  if (hasMessages(locale)) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    pending = catalogLoaders[locale]().then((catalog) => {
      catalogs[locale] = catalog;
    });
    loading.set(locale, pending);
  }
  return pending;
}

function catalogOf(locale: Locale): Record<MessageKey, string> {
  const catalog = catalogs[locale];
  if (!catalog) throw new Error(`the ${locale} messages are not loaded (loadMessages)`);
  return catalog;
}

/** Whether `key` names a message (e.g. a validation error carried as a key). */
export function isMessageKey(key: string): key is MessageKey {
  // Every catalog has the same keys (en.ts is typed against vi.ts); any loaded one will do.
  const catalog = catalogs.vi ?? catalogs.en;
  return catalog !== undefined && Object.hasOwn(catalog, key);
}

/** The `{name}` placeholders of a message, sorted. */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? "").sort();
}

/**
 * The message `key` in `locale` with its `{name}` placeholders filled in. A placeholder
 * without a value stays visible rather than silently disappearing.
 */
export function t(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const message = catalogOf(locale)[key];
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
