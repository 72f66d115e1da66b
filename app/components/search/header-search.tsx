import { Form, useNavigate } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useLocale, useT } from "~/lib/i18n";
import { unitLabel } from "~/lib/i18n/labels";
import { formatVnd } from "~/lib/money";
import { UNIT_OPTIONS } from "~/lib/units";
import { SearchIcon } from "../icons";
import {
  SUGGEST_DEBOUNCE_MS,
  SUGGEST_MIN_LENGTH,
  suggestionsUrl,
  toSuggestionList,
  type SuggestionList,
  type SuggestTexts,
} from "./suggestion-list";

/**
 * The site's one search box, in the header of every page (and the box of /tim-kiem, which
 * keeps the words typed). Without JavaScript it is a plain GET form to /tim-kiem. With it,
 * the text box becomes a combobox (WAI-ARIA 1.2 pattern): while the buyer types, products
 * are suggested (GET /tim-kiem/goi-y, debounced) in a listbox; arrow keys move through
 * them, Enter opens the chosen one (or searches when none is chosen), Escape closes the list.
 * A page sent without React (`withoutReact`) gets the same list from a small script instead
 * (app/islands/header-suggest.ts), which reads its words from the form's `data-suggest`.
 */

export function HeaderSearch({ query, withoutReact }: { query: string; withoutReact?: boolean }) {
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const id = useId();
  const listId = `${id}-goi-y`;
  const [isHydrated, setHydrated] = useState(false);
  const [text, setText] = useState(query);
  const [list, setList] = useState<SuggestionList | null>(null);
  const [isOpen, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const request = useRef<AbortController | null>(null);

  useEffect(() => setHydrated(true), []);
  // Another page (or other words on /tim-kiem) shows its own words and closes the list.
  useEffect(() => {
    setText(query);
    setOpen(false);
    setActive(-1);
  }, [query]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      request.current?.abort();
    },
    [],
  );

  // The options: the products, then "all results" (the search page for the words).
  const suggestions = list?.suggestions ?? [];
  const optionCount = suggestions.length > 0 ? suggestions.length + 1 : 0;
  const expanded = isHydrated && isOpen && optionCount > 0;
  const optionId = (index: number) => `${listId}-${index}`;

  function suggest(value: string) {
    if (timer.current) clearTimeout(timer.current);
    request.current?.abort();
    const url = suggestionsUrl(value);
    if (!url) {
      setList(null);
      setOpen(false);
      return;
    }
    timer.current = setTimeout(() => {
      const controller = new AbortController();
      request.current = controller;
      fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } })
        .then((response) => (response.ok ? response.json() : null))
        .then((body: unknown) => {
          if (controller.signal.aborted) return;
          const found = toSuggestionList(body);
          setList(found);
          setActive(-1);
          setOpen((found?.suggestions.length ?? 0) > 0);
        })
        .catch(() => {
          // Aborted or offline: suggestions are a convenience, the form still works.
        });
    }, SUGGEST_DEBOUNCE_MS);
  }

  function choose(index: number) {
    const target = suggestions[index]?.path ?? list?.searchPath;
    setOpen(false);
    setActive(-1);
    if (target) navigate(target);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (optionCount === 0) return;
      event.preventDefault();
      setOpen(true);
      setActive((current) =>
        event.key === "ArrowDown"
          ? (current + 1) % optionCount
          : current <= 0
            ? optionCount - 1
            : current - 1,
      );
    } else if (event.key === "Escape") {
      if (expanded) event.preventDefault();
      setOpen(false);
      setActive(-1);
    } else if (event.key === "Enter" && expanded && active >= 0) {
      event.preventDefault();
      choose(active);
    }
  }

  return (
    <Form
      method="get"
      action="/tim-kiem"
      role="search"
      className="relative flex gap-2"
      data-suggest={withoutReact ? JSON.stringify(suggestTexts(t, locale)) : undefined}
    >
      <label htmlFor="site-search" className="sr-only">
        {t("header.searchLabel")}
      </label>
      <input
        id="site-search"
        type="search"
        name="q"
        value={text}
        placeholder={t("header.searchPlaceholder")}
        autoComplete="off"
        enterKeyHint="search"
        maxLength={200}
        className="min-w-0 flex-1 rounded-lg border border-stone-300 bg-stone-50 px-3 py-2.5 text-base placeholder:text-stone-500 focus:border-brand-700 focus:bg-white"
        onChange={(event) => {
          setText(event.target.value);
          suggest(event.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => setOpen(suggestions.length > 0 && text.trim().length >= SUGGEST_MIN_LENGTH)}
        {...(isHydrated
          ? {
              role: "combobox",
              "aria-autocomplete": "list" as const,
              "aria-expanded": expanded,
              "aria-controls": listId,
              "aria-activedescendant": expanded && active >= 0 ? optionId(active) : undefined,
            }
          : {})}
      />
      <button
        type="submit"
        className="inline-flex items-center gap-1 rounded-lg bg-brand-700 px-3 py-2.5 font-semibold text-white hover:bg-brand-800"
      >
        <SearchIcon />
        <span className="sr-only sm:not-sr-only">{t("header.searchSubmit")}</span>
      </button>
      {isHydrated ? (
        <ul
          id={listId}
          role="listbox"
          aria-label={t("search.suggestionsLabel")}
          hidden={!expanded}
          className="absolute inset-x-0 top-full z-30 mt-1 max-h-[70vh] overflow-y-auto rounded-lg border border-stone-300 bg-white py-1 shadow-lg"
        >
          {suggestions.map((suggestion, index) => (
            <li
              key={suggestion.sku}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className={`cursor-pointer px-3 py-2 ${
                index === active ? "bg-brand-100 text-brand-900" : "text-stone-900"
              }`}
              // mousedown, not click: the text box must not lose focus (and close the list) first.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(index);
              }}
              onMouseEnter={() => setActive(index)}
            >
              <span className="block font-medium break-words">{suggestion.title}</span>
              <span className="block text-sm text-stone-700">
                {t("product.pricePerUnit", {
                  price: formatVnd(suggestion.priceVnd, locale),
                  unit: unitLabel(locale, suggestion.unit),
                })}
              </span>
            </li>
          ))}
          {suggestions.length > 0 ? (
            <li
              id={optionId(suggestions.length)}
              role="option"
              aria-selected={active === suggestions.length}
              className={`cursor-pointer border-t border-stone-100 px-3 py-2.5 font-medium text-brand-800 ${
                active === suggestions.length ? "bg-brand-100" : ""
              }`}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(suggestions.length);
              }}
              onMouseEnter={() => setActive(suggestions.length)}
            >
              {t("search.suggestionsSeeAll", { query: text.trim() })}
            </li>
          ) : null}
        </ul>
      ) : null}
      {isHydrated ? (
        <p className="sr-only" aria-live="polite">
          {expanded ? t("search.suggestionsCount", { count: suggestions.length }) : ""}
        </p>
      ) : null}
    </Form>
  );
}

/** The island's words in the page's language; `{…}` marks what it fills in. */
function suggestTexts(
  t: ReturnType<typeof useT>,
  locale: ReturnType<typeof useLocale>,
): SuggestTexts {
  return {
    label: t("search.suggestionsLabel"),
    count: t("search.suggestionsCount", { count: "{count}" }),
    seeAll: t("search.suggestionsSeeAll", { query: "{query}" }),
    price: t("product.pricePerUnit", { price: "{price}", unit: "{unit}" }),
    units: Object.fromEntries(UNIT_OPTIONS.map((unit) => [unit, unitLabel(locale, unit)])),
  };
}
