/**
 * Strings in a page's inline scripts (Remix's loader data) shaped like message keys:
 * "requests.status.open" and the like. A loader may send a key as data; a public page's
 * messages hold only the keys the code names, so entry.client.tsx loads the whole language
 * before hydrating when one of these is not among them (decision 035). A false alarm only
 * costs that download.
 */
export function keyLikeStrings(scriptTexts: Iterable<string>): string[] {
  const found = new Set<string>();
  for (const text of scriptTexts) {
    for (const match of text.matchAll(/\\?"([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_-]+)+)\\?"/g)) {
      if (match[1]) found.add(match[1]);
    }
  }
  return [...found];
}
