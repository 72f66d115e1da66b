import { en } from "./en";
import type { Locale } from "./locales";
import { vi, type MessageKey } from "./vi";

export type { MessageKey };

/** Values for a message's `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;

export const messages: Record<Locale, Record<MessageKey, string>> = { vi, en };

/** Whether `key` names a message (e.g. a validation error carried as a key). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(vi, key);
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
  const message = messages[locale][key];
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
