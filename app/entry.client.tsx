import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { DEFAULT_LOCALE, isLocale, loadMessages } from "~/lib/i18n";

// Pages work without JavaScript; hydration only adds pending states and faster navigation.
// The page's language is loaded first: the browser build carries no strings of its own
// (vite.config.ts), so a Vietnamese page never downloads the English ones, and back; a public
// page (root.tsx says so in data-messages) loads only the messages its code names.
const { lang, dataset } = document.documentElement;
const scope = dataset.messages === "public" ? "public" : "all";
void loadMessages(isLocale(lang) ? lang : DEFAULT_LOCALE, scope).then(() => {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
});
