import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { DEFAULT_LOCALE, isLocale, loadMessages } from "~/lib/i18n";

// Pages work without JavaScript; hydration only adds pending states and faster navigation.
// The page's language is loaded first: the browser build carries no strings of its own
// (vite.config.ts), so a Vietnamese page never downloads the English ones, and back.
const lang = document.documentElement.lang;
void loadMessages(isLocale(lang) ? lang : DEFAULT_LOCALE).then(() => {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
});
