import {
  SUGGEST_DEBOUNCE_MS,
  SUGGEST_MIN_LENGTH,
  suggestionsUrl,
  toSuggestionList,
  type SuggestionList,
  type SuggestTexts,
} from "~/components/search/suggestion-list";
import { formatVnd } from "~/lib/money";
import { fillIn, pageLocale, readData } from "./texts";

/**
 * The header's search suggestions on a page sent without React (docs/decisions/035, "Hydrating
 * less"): the same combobox as components/search/header-search.tsx (WAI-ARIA 1.2 pattern) in a
 * few kilobytes of plain DOM code, so a page that only shows things keeps its suggestions
 * without the framework's 85 KB and its hydration (enhance.ts runs it). The server writes the
 * words it shows on the form (`data-suggest`). Without it, or without JavaScript, the box is a
 * plain GET form to /tim-kiem.
 */

const OPTION_CLASS = "cursor-pointer px-3 py-2 text-stone-900";
const SEE_ALL_CLASS =
  "cursor-pointer border-t border-stone-100 px-3 py-2.5 font-medium text-brand-800";
const LIST_CLASS =
  "absolute inset-x-0 top-full z-30 mt-1 max-h-[70vh] overflow-y-auto rounded-lg border border-stone-300 bg-white py-1 shadow-lg";

function enhance(form: HTMLFormElement, input: HTMLInputElement, texts: SuggestTexts): void {
  const locale = pageLocale();
  const listId = `${input.id}-goi-y`;
  const list = document.createElement("ul");
  list.id = listId;
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", texts.label);
  list.className = LIST_CLASS;
  list.hidden = true;
  const status = document.createElement("p");
  status.className = "sr-only";
  status.setAttribute("aria-live", "polite");
  form.append(list, status);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listId);

  let found: SuggestionList | null = null;
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let request: AbortController | undefined;

  const options = () => Array.from(list.children) as HTMLLIElement[];

  function setActive(index: number): void {
    active = index;
    options().forEach((option, at) => {
      const isActive = at === index;
      option.setAttribute("aria-selected", String(isActive));
      option.classList.toggle("bg-brand-100", isActive);
    });
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", `${listId}-${index}`);
      options()[index]?.scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function show(wanted: boolean): void {
    const count = found?.suggestions.length ?? 0;
    const expanded = wanted && count > 0;
    list.hidden = !expanded;
    input.setAttribute("aria-expanded", String(expanded));
    status.textContent = expanded ? fillIn(texts.count, { count: String(count) }) : "";
    if (!expanded) setActive(-1);
  }

  function choose(index: number): void {
    const target = found?.suggestions[index]?.path ?? found?.searchPath;
    show(false);
    if (target) window.location.assign(target);
  }

  function option(index: number, className: string, content: Node[]): HTMLLIElement {
    const item = document.createElement("li");
    item.id = `${listId}-${index}`;
    item.setAttribute("role", "option");
    item.setAttribute("aria-selected", "false");
    item.className = className;
    item.append(...content);
    // mousedown, not click: the text box must not lose focus (and close the list) first.
    item.addEventListener("mousedown", (event) => {
      event.preventDefault();
      choose(index);
    });
    item.addEventListener("mouseenter", () => setActive(index));
    return item;
  }

  function line(text: string, className: string): HTMLSpanElement {
    const span = document.createElement("span");
    span.className = className;
    span.textContent = text;
    return span;
  }

  function render(words: string): void {
    const suggestions = found?.suggestions ?? [];
    const items = suggestions.map((suggestion, index) =>
      option(index, OPTION_CLASS, [
        line(suggestion.title, "block font-medium break-words"),
        line(
          fillIn(texts.price, {
            price: formatVnd(suggestion.priceVnd, locale),
            unit: texts.units[suggestion.unit] ?? suggestion.unit,
          }),
          "block text-sm text-stone-700",
        ),
      ]),
    );
    if (suggestions.length > 0) {
      const seeAll = document.createTextNode(fillIn(texts.seeAll, { query: words }));
      items.push(option(suggestions.length, SEE_ALL_CLASS, [seeAll]));
    }
    list.replaceChildren(...items);
    // New options: none is chosen, and the box must not point at an old one's id.
    setActive(-1);
  }

  function suggest(): void {
    clearTimeout(timer);
    request?.abort();
    const url = suggestionsUrl(input.value);
    if (!url) {
      found = null;
      show(false);
      return;
    }
    timer = setTimeout(() => {
      const controller = new AbortController();
      request = controller;
      fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } })
        .then((response) => (response.ok ? response.json() : null))
        .then((body: unknown) => {
          if (controller.signal.aborted) return;
          found = toSuggestionList(body);
          render(input.value.trim());
          show(true);
        })
        .catch(() => {
          // Aborted or offline: suggestions are a convenience, the form still works.
        });
    }, SUGGEST_DEBOUNCE_MS);
  }

  input.addEventListener("input", suggest);
  input.addEventListener("blur", () => show(false));
  input.addEventListener("focus", () => {
    show(input.value.trim().length >= SUGGEST_MIN_LENGTH);
  });
  input.addEventListener("keydown", (event) => {
    const count = options().length;
    const expanded = input.getAttribute("aria-expanded") === "true";
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (count === 0) return;
      event.preventDefault();
      show(true);
      setActive(
        event.key === "ArrowDown" ? (active + 1) % count : active <= 0 ? count - 1 : active - 1,
      );
    } else if (event.key === "Escape") {
      if (expanded) event.preventDefault();
      show(false);
    } else if (event.key === "Enter" && expanded && active >= 0) {
      event.preventDefault();
      choose(active);
    }
  });
  // Back to this page from the browser's cache: the list it left open is stale.
  window.addEventListener("pageshow", () => show(false));
}

/** Turns the header's search box into the combobox, when the page has one with its words. */
export function enhanceHeaderSearch(): void {
  const form = document.querySelector<HTMLFormElement>("form[data-suggest]");
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const texts = readData<SuggestTexts & Record<string, unknown>>(form?.dataset.suggest, {
    label: "string",
    count: "string",
    seeAll: "string",
    price: "string",
    units: "object",
  });
  if (form && input && texts) enhance(form, input, texts);
}
