import { DEFAULT_LOCALE, isLocale, type Locale } from "./locales";
import { t, type MessageKey } from "./translate";

/** The interface language from a meta function's `matches` (the root loader decides it). */
export function localeFromMatches(matches: readonly { id: string; data: unknown }[]): Locale {
  const data = matches.find((match) => match.id === "root")?.data;
  const locale = typeof data === "object" && data !== null && "locale" in data ? data.locale : null;
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

/** Title and description tags for a page: "<page> – Cung Cầu". */
export function pageMeta(locale: Locale, page: string, description?: string) {
  return [
    { title: t(locale, "meta.pageTitle", { page }) },
    { name: "description", content: description ?? t(locale, "site.description") },
  ];
}

/** The meta function of a page whose title is one catalog message: `meta = titledPage("home.title")`. */
export function titledPage(titleKey: MessageKey) {
  return ({ matches }: { matches: readonly { id: string; data: unknown }[] }) => {
    const locale = localeFromMatches(matches);
    return pageMeta(locale, t(locale, titleKey));
  };
}

/**
 * The meta function of a page about one record (a producer, a request, an offer): its title
 * and description from the loader's data, or the 404 title when the loader refused.
 */
export function recordPageMeta<Data>(
  describe: (data: Data, locale: Locale) => { title: string; description?: string },
) {
  return ({
    data,
    matches,
  }: {
    data: Data | undefined;
    matches: readonly { id: string; data: unknown }[];
  }) => {
    const locale = localeFromMatches(matches);
    if (!data) return pageMeta(locale, t(locale, "error.404.title"));
    const { title, description } = describe(data, locale);
    return pageMeta(locale, title, description);
  };
}
