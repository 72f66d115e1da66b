import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
  useSearchParams,
} from "@remix-run/react";
import { useContext, type ReactNode } from "react";
import { AssistBanner } from "~/components/assist-banner";
import { JsonLd } from "~/components/json-ld";
import { DocumentHydratesContext, Link } from "~/components/link";
import { useNonce } from "~/components/nonce-provider";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import { vietnamToday } from "~/lib/dates";
import { DEFAULT_LOCALE, hasMessages, loadMessages, t, useT } from "~/lib/i18n";
import { documentHydrates } from "~/lib/hydration";
import { catalogChunks } from "~/lib/i18n/catalog-chunks.server";
import { islandScript } from "~/lib/island-script";
import { messageScopeOf } from "~/lib/i18n/public-pages";
import { isStaff, isProducerMember } from "~/modules/auth/actor";
import { heldPermissions } from "~/modules/auth/permissions.server";
import { getActor } from "~/modules/auth/session.server";
import { listTopCategories } from "~/modules/catalog/queries.server";
import { countUnreadNotifications } from "~/modules/notifications/unread.server";
import { cartCountFor } from "~/modules/orders/cart-cookie.server";
import { getDb } from "~/modules/platform/db.server";
import { getEnv } from "~/modules/platform/env.server";
import { handle, keepRetryAfter } from "~/modules/platform/http.server";
import "./tailwind.css";

export const links: LinksFunction = () => [
  { rel: "icon", href: "/favicon.ico", sizes: "32x32" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  const locale = data?.locale ?? DEFAULT_LOCALE;
  const errorTitle = error
    ? t(locale, `error.${knownStatus(isRouteErrorResponse(error) ? error.status : 500)}.title`)
    : null;
  return [
    {
      title: errorTitle
        ? t(locale, "meta.pageTitle", { page: errorTitle })
        : t(locale, "site.name"),
    },
    { name: "description", content: t(locale, "site.description") },
  ];
};

/** What every page's shell needs: who is asking, their language, cart and bell counts. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await getActor(request);
  const db = getDb();
  const env = getEnv();
  return {
    locale: actor.locale,
    actor:
      actor.kind === "user"
        ? {
            displayName: actor.displayName,
            isBuyer: actor.isBuyer,
            isProducer: isProducerMember(actor),
            isStaff: isStaff(actor),
            // What the staff menu shows: only pages the role can open (components/supply/workspace-nav).
            staffPermissions: heldPermissions(actor),
          }
        : null,
    // Assisted mode: the banner on every page says for whom she acts (components/assist-banner).
    assisting:
      actor.kind === "user" && actor.assisting
        ? { producerName: actor.assisting.producerName, producerCode: actor.assisting.producerCode }
        : null,
    categories: listTopCategories(db),
    cartCount: cartCountFor(db, request, actor),
    unreadCount: actor.kind === "user" ? countUnreadNotifications(db, actor.userId) : 0,
    isDemo: env.APP_MODE === "demo",
    origin: env.PUBLIC_URL?.replace(/\/+$/, "") ?? new URL(request.url).origin,
    year: Number(vietnamToday().slice(0, 4)),
    // The page's message chunk is named in a modulepreload link (Layout, decision 035).
    catalogChunks: catalogChunks[actor.locale] ?? {},
  };
});

/** A 429 shown by the root error page keeps its Retry-After (docs/decisions/004). */
export const headers = keepRetryAfter;

export type RootLoaderData = Awaited<ReturnType<typeof loader>>;

/** The document around every page and every error page. */
export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  const locale = data?.locale ?? DEFAULT_LOCALE;
  // In the browser only the page's language is loaded (entry.client.tsx), and on a public page
  // only the messages its code names. When a navigation brings another language (the switch, a
  // log-in with a saved language) or a page needing the whole of it, the page waits for it:
  // React keeps showing the old page during the navigation's transition until it is here.
  const matches = useMatches();
  const scope = messageScopeOf(matches.map((match) => match.id));
  const hydrates = documentHydrates(matches);
  const catalogChunk = hydrates ? data?.catalogChunks[scope] : undefined;
  if (!hasMessages(locale, scope)) throw loadMessages(locale, scope);
  return (
    <html lang={locale} data-messages={scope}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#166534" />
        <Meta />
        <Links />
        {catalogChunk ? (
          <link rel="modulepreload" href={catalogChunk} nonce={nonce || undefined} />
        ) : null}
        {!hydrates && data
          ? islandScript.imports.map((href) => (
              <link key={href} rel="modulepreload" href={href} nonce={nonce || undefined} />
            ))
          : null}
      </head>
      <body className="flex min-h-screen flex-col">
        <DocumentHydratesContext.Provider value={hydrates}>
          {children}
        </DocumentHydratesContext.Provider>
        {hydrates ? <ScrollRestoration nonce={nonce || undefined} /> : null}
        {hydrates ? <Scripts nonce={nonce || undefined} /> : null}
        {!hydrates && data ? (
          <script type="module" src={islandScript.src} nonce={nonce || undefined} />
        ) : null}
      </body>
    </html>
  );
}

function SkipLink() {
  const t = useT();
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-lg focus:bg-white focus:px-4 focus:py-2 focus:font-semibold focus:text-brand-800 focus:shadow"
    >
      {t("site.skipToContent")}
    </a>
  );
}

/** Header, main and footer; the error page uses it too when the root data is there. */
function Shell({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const hydrates = useContext(DocumentHydratesContext);
  return (
    <>
      <SkipLink />
      {data?.assisting ? <AssistBanner producerName={data.assisting.producerName} /> : null}
      {data ? (
        <SiteHeader
          user={data.actor}
          categories={data.categories}
          cartCount={data.cartCount}
          unreadCount={data.unreadCount}
          query={location.pathname === "/tim-kiem" ? (searchParams.get("q") ?? "") : ""}
          searchWithoutReact={!hydrates}
        />
      ) : (
        <MinimalHeader />
      )}
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-3 py-6 sm:px-4">
        {children}
      </main>
      <SiteFooter year={data?.year ?? new Date().getFullYear()} isDemo={data?.isDemo ?? false} />
    </>
  );
}

function MinimalHeader() {
  const t = useT();
  return (
    <header className="border-b border-stone-200 bg-white print:hidden">
      <div className="mx-auto max-w-6xl px-4 py-3">
        <Link to="/" className="text-xl font-extrabold text-brand-800">
          {t("site.name")}
        </Link>
      </div>
    </header>
  );
}

export default function App() {
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <Shell>
      {data ? (
        <JsonLd
          data={{
            "@context": "https://schema.org",
            "@type": "WebSite",
            name: "Cung Cầu",
            url: `${data.origin}/`,
            inLanguage: data.locale,
            potentialAction: {
              "@type": "SearchAction",
              target: `${data.origin}/tim-kiem?q={search_term_string}`,
              "query-input": "required name=search_term_string",
            },
          }}
        />
      ) : null}
      <Outlet />
    </Shell>
  );
}

const KNOWN_STATUSES = [400, 401, 403, 404, 405, 408, 413, 415, 429, 500] as const;
type KnownStatus = (typeof KNOWN_STATUSES)[number];

function knownStatus(status: number): KnownStatus {
  if ((KNOWN_STATUSES as readonly number[]).includes(status)) return status as KnownStatus;
  return status >= 400 && status < 500 ? 400 : 500;
}

/** A domain error's own Vietnamese message (see app/modules/platform/http.server.ts). */
/** A domain error's own sentence, when the error page is in the language it was written in. */
function domainMessage(data: unknown, locale: string): string | null {
  if (typeof data !== "object" || data === null || !("error" in data)) return null;
  const error = data.error;
  if (typeof error !== "object" || error === null || !("message" in error)) return null;
  const writtenIn = "locale" in error ? error.locale : DEFAULT_LOCALE;
  return typeof error.message === "string" && writtenIn === locale ? error.message : null;
}

/** A domain error's code (`phone_unconfirmed`…), to offer the right way out. */
function errorCodeOf(data: unknown): string | null {
  if (typeof data !== "object" || data === null || !("error" in data)) return null;
  const error = data.error;
  if (typeof error !== "object" || error === null || !("code" in error)) return null;
  return typeof error.code === "string" ? error.code : null;
}

/** The friendly error page: what happened, in the visitor's language, and a way out. */
export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  const location = useLocation();
  const tr = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const shown = knownStatus(status);
  const locale = data?.locale ?? DEFAULT_LOCALE;
  // Domain errors carry a precise sentence in the reader's language; fall back to the
  // generic text when there is none, or when it is in another language than the page.
  const detail =
    isRouteErrorResponse(error) && status < 500 ? domainMessage(error.data, locale) : null;
  const next = encodeURIComponent(`${location.pathname}${location.search}`);
  const title = tr(`error.${shown}.title`);
  return (
    <Shell>
      <section className="mx-auto max-w-xl py-10 text-center" aria-labelledby="error-title">
        <p className="text-sm font-semibold text-accent-700">
          {tr("error.statusCode", { status })}
        </p>
        <h1 id="error-title" className="mt-2 text-2xl font-bold text-stone-900">
          {title}
        </h1>
        <p className="mt-3 text-stone-700">{detail ?? tr(`error.${shown}.body`)}</p>
        <div className="mt-6 flex flex-wrap justify-center gap-3">
          <Link
            to="/"
            className="rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800"
          >
            {tr("error.homeLink")}
          </Link>
          {errorCodeOf(isRouteErrorResponse(error) ? error.data : null) === "phone_unconfirmed" ? (
            <Link
              to={`/xac-nhan-so-dien-thoai?next=${next}`}
              className="rounded-lg border border-stone-300 bg-white px-4 py-2.5 font-semibold text-brand-800 hover:bg-brand-50"
            >
              {tr("recovery.error.confirmLink")}
            </Link>
          ) : null}
          {shown === 401 ? (
            <Link
              to={`/dang-nhap?next=${next}`}
              className="rounded-lg border border-stone-300 bg-white px-4 py-2.5 font-semibold text-brand-800 hover:bg-brand-50"
            >
              {tr("error.loginLink")}
            </Link>
          ) : null}
        </div>
      </section>
    </Shell>
  );
}
