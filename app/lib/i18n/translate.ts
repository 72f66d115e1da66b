import { bundledCatalogs, catalogLoaders } from "./bundled-catalogs";
import type { Locale } from "./locales";
import type { MessageScope } from "./public-pages";
import type { MessageKey } from "./vi";

export type { MessageKey };

/** Values for a message's `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;

/** One language's messages: all of them, or in the browser perhaps only a public page's. */
type Catalog = Partial<Record<MessageKey, string>>;

/**
 * The languages whose messages are here: all of them on the server; in the browser only the
 * page's language (for a public page only the keys its code names, public-pages.ts), then any
 * other the visitor switches to (loadMessages).
 */
const catalogs: Partial<Record<Locale, Catalog>> = { ...bundledCatalogs };

/** Languages of which only the public pages' messages are here so far. */
const partial = new Set<Locale>();

const loading = new Map<string, Promise<void>>();

/** Whether `locale`'s messages for `scope` are loaded (always, on the server). */
export function hasMessages(locale: Locale, scope: MessageScope = "all"): boolean {
  return catalogs[locale] !== undefined && (scope === "public" || !partial.has(locale));
}

/** Loads `locale`'s messages for `scope` (once); resolves at once when they are here. */
export function loadMessages(locale: Locale, scope: MessageScope = "all"): Promise<void> {
  if (hasMessages(locale, scope)) return Promise.resolve();
  const id = `${locale}:${scope}`;
  let pending = loading.get(id);
  if (!pending) {
    pending = catalogLoaders[locale][scope]().then(
      (catalog) => {
        if (scope === "all") partial.delete(locale);
        else if (catalogs[locale] === undefined) partial.add(locale);
        else return; // the whole language arrived first
        catalogs[locale] = catalog;
      },
      (error: unknown) => {
        loading.delete(id); // a lost request is tried again by the next caller
        throw error;
      },
    );
    loading.set(id, pending);
  }
  return pending;
}

function catalogOf(locale: Locale): Catalog {
  const catalog = catalogs[locale];
  if (!catalog) throw new Error(`the ${locale} messages are not loaded (loadMessages)`);
  return catalog;
}

/**
 * The message, or — when only a public page's messages are here and this key is not among them
 * (a key a loader sent, say) — a thrown promise for the whole language: inside a render React
 * waits for it (Suspense) and renders again. Outside a render it is an error, so event handlers
 * on public pages use keys their code names, which is what public-messages.ts collects.
 */
function messageOf(locale: Locale, key: MessageKey): string {
  const message = catalogOf(locale)[key];
  if (message !== undefined) return message;
  if (partial.has(locale)) throw loadMessages(locale, "all");
  return key;
}

/** Whether `key` names a message (e.g. a validation error carried as a key). */
export function isMessageKey(key: string): key is MessageKey {
  // Every catalog has the same keys (en.ts is typed against vi.ts); any loaded one will do.
  // (In the browser on a public page, only the keys that page's code names answer yes.)
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
  const message = messageOf(locale, key);
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
