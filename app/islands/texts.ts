import { DEFAULT_LOCALE, isLocale, type Locale } from "~/lib/i18n/locales";

/**
 * The words an island shows come from the server, in the page's language, on the element they
 * belong to (a data attribute holding JSON); `{name}` marks what the island fills in.
 */

/** A text with its `{name}` marks filled in; a mark without a value stays as it is. */
export function fillIn(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? (values[name] ?? whole) : whole,
  );
}

/**
 * The JSON object of a data attribute, when every field `check` names has its type; otherwise
 * null, and the island leaves the element as the server sent it.
 */
export function readData<T extends Record<string, unknown>>(
  json: string | undefined,
  check: { [K in keyof T]: "string" | "number" | "object" },
): T | null {
  try {
    const data: unknown = JSON.parse(json ?? "");
    if (typeof data !== "object" || data === null) return null;
    const fields = data as Record<string, unknown>;
    for (const [name, type] of Object.entries(check)) {
      const value = fields[name];
      if (typeof value !== type || value === null) return null;
    }
    return data as T;
  } catch {
    return null;
  }
}

/** The page's language, as `<html lang>` names it. */
export function pageLocale(): Locale {
  const { lang } = document.documentElement;
  return isLocale(lang) ? lang : DEFAULT_LOCALE;
}
