/**
 * The pages most visitors arrive on, public and light: the browser loads only the messages
 * their code names (a small chunk built by scripts/build/public-messages.ts) instead of the
 * whole language (docs/decisions/035). Any other page loads the whole language first.
 * Route ids as Remix names them; the root is always there.
 */
export const PUBLIC_MESSAGE_ROUTES: ReadonlySet<string> = new Set([
  "root",
  "routes/_index",
  "routes/tim-kiem",
  "routes/san-pham.$slug",
  "routes/nha-san-xuat.$code",
  "routes/yeu-cau-mua._index",
  "routes/yeu-cau-mua.$code",
  "routes/chien-dich._index",
  "routes/chien-dich.$slug",
  "routes/$",
]);

/** How much of a language a page needs in the browser. */
export type MessageScope = "public" | "all";

/** "public" when every route of the page is one of PUBLIC_MESSAGE_ROUTES. */
export function messageScopeOf(routeIds: readonly string[]): MessageScope {
  return routeIds.every((id) => PUBLIC_MESSAGE_ROUTES.has(id)) ? "public" : "all";
}
