import { Form, useNavigate } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useLocale, useT } from "~/lib/i18n";
import { unitLabel } from "~/lib/i18n/labels";
import { formatVnd } from "~/lib/money";

/** A suggestion, from the public API's hits. */
interface Suggestion {
  sku: string;
  slug: string;
  title: string;
  priceVnd: number;
  unit: string;
}

const DEBOUNCE_MS = 200;
const MIN_LENGTH = 2;
const SUGGESTIONS = 6;

function toSuggestions(body: unknown): Suggestion[] {
  if (typeof body !== "object" || body === null || !("hits" in body)) return [];
  const hits = (body as { hits: unknown }).hits;
  if (!Array.isArray(hits)) return [];
  return hits.flatMap((hit: Record<string, unknown>) =>
    typeof hit.sku === "string" &&
    typeof hit.slug === "string" &&
    typeof hit.title === "string" &&
    typeof hit.price_vnd === "number" &&
    typeof hit.unit === "string"
      ? [
          {
            sku: hit.sku,
            slug: hit.slug,
            title: hit.title,
            priceVnd: hit.price_vnd,
            unit: hit.unit,
          },
        ]
      : [],
  );
}

/**
 * The search form of /tim-kiem: a plain GET form (works without JavaScript). With
 * JavaScript the text box becomes a combobox: while the buyer types, the first products
 * (GET /api/v1/products, the same search) are suggested in a listbox; arrow keys move
 * through them, Enter opens the chosen product (or searches when none is chosen), Escape
 * closes the list.
 */
export function SearchBox({ q, sort }: { q: string; sort: string | null }) {
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const id = useId();
  const inputId = `${id}-q`;
  const listId = `${id}-suggestions`;
  const [isHydrated, setHydrated] = useState(false);
  const [text, setText] = useState(q);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [isOpen, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const request = useRef<AbortController | null>(null);

  useEffect(() => setHydrated(true), []);
  // A new page (another query) shows its own text and closes the list.
  useEffect(() => {
    setText(q);
    setOpen(false);
    setActive(-1);
  }, [q]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      request.current?.abort();
    },
    [],
  );

  function suggest(value: string) {
    if (timer.current) clearTimeout(timer.current);
    request.current?.abort();
    if (value.trim().length < MIN_LENGTH) {
      setSuggestions([]);
      setOpen(false);
      return;
    }
    timer.current = setTimeout(() => {
      const controller = new AbortController();
      request.current = controller;
      const params = new URLSearchParams({ q: value, per_page: String(SUGGESTIONS) });
      fetch(`/api/v1/products?${params.toString()}`, {
        signal: controller.signal,
        headers: { Accept: "application/json" },
      })
        .then((response) => (response.ok ? response.json() : null))
        .then((body: unknown) => {
          if (controller.signal.aborted) return;
          const found = toSuggestions(body);
          setSuggestions(found);
          setActive(-1);
          setOpen(found.length > 0);
        })
        .catch(() => {
          // Aborted or offline: suggestions are a convenience, the form still works.
        });
    }, DEBOUNCE_MS);
  }

  function choose(suggestion: Suggestion) {
    setOpen(false);
    navigate(`/san-pham/${suggestion.slug}`);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      if (suggestions.length === 0) return;
      event.preventDefault();
      setOpen(true);
      setActive((current) => (current + 1) % suggestions.length);
    } else if (event.key === "ArrowUp") {
      if (suggestions.length === 0) return;
      event.preventDefault();
      setOpen(true);
      setActive((current) => (current <= 0 ? suggestions.length - 1 : current - 1));
    } else if (event.key === "Escape") {
      if (isOpen) event.preventDefault();
      setOpen(false);
      setActive(-1);
    } else if (event.key === "Enter") {
      const chosen = isOpen ? suggestions[active] : undefined;
      if (chosen) {
        event.preventDefault();
        choose(chosen);
      }
    }
  }

  const optionId = (index: number) => `${listId}-${index}`;
  const expanded = isHydrated && isOpen && suggestions.length > 0;
  return (
    <Form
      method="get"
      action="/tim-kiem"
      role="search"
      className="relative flex flex-col gap-2 rounded-xl border border-stone-200 bg-white p-3 sm:flex-row sm:items-end"
    >
      <div className="relative min-w-0 flex-1">
        <label htmlFor={inputId} className="block text-sm font-medium text-stone-800">
          {t("search.queryLabel")}
        </label>
        <input
          id={inputId}
          type="search"
          name="q"
          value={text}
          maxLength={200}
          autoComplete="off"
          placeholder={t("search.queryPlaceholder")}
          className="mt-1 w-full rounded-lg border border-stone-300 px-3 py-2"
          onChange={(event) => {
            setText(event.target.value);
            suggest(event.target.value);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => setOpen(suggestions.length > 0)}
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
        {isHydrated ? (
          <ul
            id={listId}
            role="listbox"
            aria-label={t("search.suggestionsLabel")}
            hidden={!expanded}
            className="absolute inset-x-0 top-full z-20 mt-1 max-h-80 overflow-y-auto rounded-lg border border-stone-300 bg-white py-1 shadow-lg"
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
                  choose(suggestion);
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
          </ul>
        ) : null}
        {isHydrated ? (
          <p className="sr-only" aria-live="polite">
            {expanded ? t("search.suggestionsCount", { count: suggestions.length }) : ""}
          </p>
        ) : null}
      </div>
      {sort ? <input type="hidden" name="sap-xep" value={sort} /> : null}
      <button
        type="submit"
        className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
      >
        {t("search.submit")}
      </button>
    </Form>
  );
}
