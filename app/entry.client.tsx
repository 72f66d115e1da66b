import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { DEFAULT_LOCALE, isLocale, isMessageKey, loadMessages } from "~/lib/i18n";
import { keyLikeStrings } from "~/lib/i18n/page-data-keys";

// Pages work without JavaScript; hydration only adds pending states and faster navigation.
// The page's language is loaded first: the browser build carries no strings of its own
// (vite.config.ts), so a Vietnamese page never downloads the English ones, and back; a public
// page (root.tsx says so in data-messages) loads only the messages its code names.
const { lang, dataset } = document.documentElement;
const locale = isLocale(lang) ? lang : DEFAULT_LOCALE;

async function loadPageMessages(): Promise<void> {
  if (dataset.messages !== "public") return loadMessages(locale, "all");
  await loadMessages(locale, "public");
  // A key sent as data (not named in the code the build read) would make hydration wait.
  const inline = document.querySelectorAll("script:not([src])");
  const dataKeys = keyLikeStrings(Array.from(inline, (script) => script.textContent ?? ""));
  if (dataKeys.some((key) => !isMessageKey(key))) await loadMessages(locale, "all");
}

void loadPageMessages().then(() => {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
});
