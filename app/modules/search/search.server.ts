import type { Db } from "~db/client.server";
import { getEnv } from "~/modules/platform/env.server";
import { logger } from "~/modules/platform/logger.server";
import { docValuesFor } from "./doc-values.server";
import { FtsEngine, searchFts } from "./fts-engine.server";
import { MeiliEngine } from "./meili-engine.server";
import {
  lastOutboxId,
  pendingOutboxCount,
  settleOutboxUpTo,
  startSearchIndexer,
  type SearchIndexer,
} from "./sync.server";
import type { ProgressFn, SearchQuery, SearchResult } from "./types";

/**
 * The entry points the rest of the app uses: `searchListings` (the search page, the API
 * and the benchmark all call it), the indexer started by the server, and the reindex
 * command. Meilisearch is used when MEILI_HOST is set and it answers; otherwise, and
 * while it is unreachable, the embedded FTS5 engine answers.
 */

const log = logger.child({ module: "search" });
const externalEngines = new WeakMap<object, MeiliEngine | null>();

/** The configured Meilisearch engine for this database, or null without MEILI_HOST. */
export function externalEngineFor(db: Db): MeiliEngine | null {
  if (externalEngines.has(db.$client)) return externalEngines.get(db.$client) ?? null;
  const env = getEnv();
  const engine = env.MEILI_HOST
    ? new MeiliEngine(db, { host: env.MEILI_HOST, apiKey: env.MEILI_API_KEY })
    : null;
  externalEngines.set(db.$client, engine);
  return engine;
}

/** Replaces the external engine of a database (tests; null turns it off). */
export function setExternalEngine(db: Db, engine: MeiliEngine | null): void {
  externalEngines.set(db.$client, engine);
}

/** Searches the catalog: Meilisearch when configured and up, else the embedded index. */
export async function searchListings(db: Db, query: SearchQuery): Promise<SearchResult> {
  const external = externalEngineFor(db);
  if (external?.isAvailable()) {
    try {
      return await external.search(query);
    } catch (error) {
      external.markUnavailable();
      log.warn({ err: error }, "Meilisearch unreachable: answering from the embedded index");
    }
  }
  return searchFts(db, query);
}

/** What /healthz says about search: the engine answering now and the changes not yet delivered. */
export interface SearchStatus {
  /** The engine searches go to now (Meilisearch only when configured and reachable). */
  answering: "fts" | "meilisearch";
  meilisearch: { configured: boolean; available: boolean };
  /** Outbox rows not yet delivered to Meilisearch (or, without it, not yet settled). */
  pendingOutbox: number;
}

export function searchStatus(db: Db): SearchStatus {
  const external = externalEngineFor(db);
  const available = external?.isAvailable() ?? false;
  return {
    answering: available ? "meilisearch" : "fts",
    meilisearch: { configured: external !== null, available },
    pendingOutbox: pendingOutboxCount(db),
  };
}

/**
 * Loads what the embedded engine keeps in memory (doc values, vocabulary) so the first
 * search does not pay for it: about a second per 20,000 listings. Call once at start-up.
 */
export function warmSearch(db: Db): void {
  const values = docValuesFor(db);
  values.titlePostings();
  values.wordPostings();
  values.matchingPostings();
  values.titlePairs();
}

/**
 * Starts feeding the outbox to Meilisearch (or, without it, settling the outbox rows
 * nobody needs). Call once per server process after migrations; `stop()` at shutdown.
 */
export function startSearchIndexerFromEnv(db: Db, intervalMs?: number): SearchIndexer {
  const external = externalEngineFor(db);
  return startSearchIndexer(db, external, {
    intervalMs,
    onError(error) {
      external?.markUnavailable();
      log.warn({ err: error }, "search outbox: Meilisearch unreachable, changes kept for later");
    },
    onRecovered() {
      external?.markAvailable();
      log.info("search outbox: Meilisearch reachable again, pending changes delivered");
    },
  });
}

/**
 * Rebuilds one engine from the catalog. For Meilisearch the outbox rows written before
 * the rebuild started are settled afterwards: the rebuild already carried their changes.
 */
export async function reindexSearch(
  db: Db,
  engineName: "fts" | "meili",
  progress?: ProgressFn,
): Promise<{ indexed: number; engine: string }> {
  if (engineName === "fts") {
    const result = await new FtsEngine(db).rebuild(progress);
    return { ...result, engine: "fts" };
  }
  const external = externalEngineFor(db);
  if (!external) throw new Error("MEILI_HOST is not set: there is no Meilisearch to rebuild");
  const upTo = lastOutboxId(db);
  const result = await external.rebuild(progress);
  settleOutboxUpTo(db, upTo);
  external.markAvailable();
  return { ...result, engine: "meilisearch" };
}

/**
 * Categories close to a query that found nothing: the categories of what matches any of
 * its words, most matches first (for the search page's "no results" block).
 */
export async function relatedCategories(
  db: Db,
  query: SearchQuery,
  limit = 4,
): Promise<{ code: string; count: number }[]> {
  const loose = await searchListings(db, {
    ...query,
    matchMode: "any",
    category: null,
    page: 1,
    perPage: 1,
  });
  return Object.entries(loose.facets.category)
    .slice(0, limit)
    .map(([code, count]) => ({ code, count }));
}
