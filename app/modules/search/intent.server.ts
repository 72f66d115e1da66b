import { prepared, type Db } from "~db/client.server";
import { readIntent } from "./intent";
import type { SearchQuery } from "./types";

/**
 * Turns the product codes and OCOP words of a query (intent.ts) into what the engines act
 * on: the listings whose code was typed (shown first) and an OCOP filter. A code-shaped
 * word that is no product's code stays a word.
 */

export interface ResolvedQuery {
  /** The query with codes and OCOP words taken out of `q` and OCOP turned into a filter. */
  query: SearchQuery;
  /** Listings whose code was typed, in the order typed (visibility not yet checked). */
  pinnedIds: number[];
  pinnedSkus: string[];
  /** The words taken out of `q`, as typed: added back to a corrected query. */
  taken: string[];
}

export function resolveIntent(db: Db, query: SearchQuery): ResolvedQuery {
  const intent = readIntent(query.q);
  if (intent.codes.length === 0 && intent.ocopStars === null) {
    return { query, pinnedIds: [], pinnedSkus: [], taken: [] };
  }
  const found = intent.codes.length
    ? prepared<{ id: number; sku: string }>(
        db,
        "SELECT id, sku FROM listings WHERE sku IN (SELECT value FROM json_each(?))",
      ).all(JSON.stringify(intent.codes))
    : [];
  const idOf = new Map(found.map((row) => [row.sku, row.id]));
  const pinnedSkus = intent.codes.filter((code) => idOf.has(code));
  const unknownCodes = intent.codes.filter((code) => !idOf.has(code));
  const stars = intent.ocopStars;
  return {
    query: {
      ...query,
      q: [intent.text, ...unknownCodes].filter(Boolean).join(" "),
      ...(stars === null
        ? {}
        : stars === 0
          ? { ocopMin: Math.max(query.ocopMin ?? 0, 1) }
          : { ocopExactly: stars }),
    },
    pinnedIds: pinnedSkus.map((sku) => idOf.get(sku) ?? 0),
    pinnedSkus,
    taken: [...pinnedSkus, ...intent.ocopWords],
  };
}
