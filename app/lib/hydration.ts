/**
 * Pages that read and never need a script: every action on them is a link or a plain form, and
 * none has a widget (docs/decisions/035, "Hydrating less"). Their documents are sent without
 * Remix's scripts, so a phone downloads and runs no JavaScript for them. A route says so with
 * `export { NO_HYDRATION as handle } from "~/lib/hydration";`.
 */
export const NO_HYDRATION = { hydrate: false } as const;

/**
 * Whether a document with these matched routes carries the scripts. Only the server's render
 * leaves them out: once the app runs in the browser (a client navigation onto such a page), the
 * scripts stay, so React never removes what it already has.
 */
export function documentHydrates(matches: readonly { handle?: unknown }[]): boolean {
  if (typeof document !== "undefined") return true;
  return !matches.some(
    (match) =>
      typeof match.handle === "object" &&
      match.handle !== null &&
      (match.handle as { hydrate?: unknown }).hydrate === false,
  );
}
