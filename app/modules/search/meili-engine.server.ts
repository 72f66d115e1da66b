import { Meilisearch, type Index, type Settings, type Task } from "meilisearch";
import type { Db } from "~db/client.server";
import { dayNumber, vietnamToday } from "~/lib/dates";
import { loadSearchDocumentsAfter, countListings } from "./documents.server";
import { CERT_KINDS, certificationIndex } from "./certifications";
import { loadHits } from "./hits.server";
import { searchableCategoryNames } from "./category-names";
import { docValuesFor } from "./doc-values.server";
import { resolveIntent } from "./intent.server";
import { buildQueryPlan, correctedText, meiliQueryText, withTypoCorrections } from "./query-plan";
import { spellingFor } from "./spelling.server";
import { vocabularyOfIndex } from "./vocabulary.server";
import { meiliSynonyms } from "./synonyms";
import { ONE_TYPO_FROM, TWO_TYPOS_FROM } from "./typos";
import {
  emptyFacets,
  type ProgressFn,
  type SearchDocument,
  type SearchEngine,
  type SearchFacets,
  type SearchQuery,
  type SearchResult,
} from "./types";
import { foldedWords, indexText } from "./words";

/**
 * The Meilisearch engine, through the official client. Documents carry each text twice,
 * as written and folded (so "dau" finds "Đậu" whatever Meilisearch's own normalization
 * does with đ); settings are applied by code and every task is awaited, so a document
 * batch is never sent before the settings it depends on, and the outbox only marks a
 * change as delivered once Meilisearch has really applied it.
 */

export interface MeiliConfig {
  host: string;
  apiKey?: string;
  indexUid?: string;
  /** Per HTTP request, ms. */
  timeoutMs?: number;
  /** How long to wait for a task, ms. */
  taskTimeoutMs?: number;
}

const REBUILD_BATCH = 1000;
const FACETS = ["category_codes", "commune", "ocop_stars", "certifications"];

/** The index settings, all of them set by code (nothing is configured by hand). */
export function meiliSettings(): Settings {
  return {
    searchableAttributes: [
      "title",
      "title_folded",
      "tags",
      "tags_folded",
      "category_names",
      "category_folded",
      "producer_name",
      "producer_folded",
      "commune",
      "commune_folded",
      "description",
      "description_folded",
    ],
    filterableAttributes: [
      "sku",
      "category_codes",
      "commune",
      "commune_folded",
      "commune_short",
      "ocop_stars",
      "ocop_expires_day",
      "certifications",
      "price_vnd",
      "in_stock",
      "campaigns",
    ],
    sortableAttributes: ["in_stock", "price_vnd", "published_at"],
    // "sort" first: every query sorts by in_stock:desc, so out-of-stock goods come last.
    rankingRules: ["sort", "words", "typo", "proximity", "attribute", "exactness"],
    synonyms: meiliSynonyms(),
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: ONE_TYPO_FROM, twoTypos: TWO_TYPOS_FROM },
    },
    faceting: { maxValuesPerFacet: 200 },
    pagination: { maxTotalHits: 100_000 },
  };
}

/** A search document as sent to Meilisearch. */
export function toMeiliDocument(doc: SearchDocument, today = vietnamToday()) {
  const todayNumber = dayNumber(today);
  const ocopExpires = doc.ocopExpiresOn ? dayNumber(doc.ocopExpiresOn) : 0;
  const communeFolded = foldedWords(doc.commune).join(" ");
  return {
    id: doc.id,
    sku: doc.sku,
    title: doc.title,
    title_folded: indexText(doc.title),
    tags: doc.tags,
    tags_folded: indexText(...doc.tags),
    // Umbrella parents ("Cà phê & trà") left out, as the embedded engine does (category-names.ts).
    category_names: searchableCategoryNames(doc.categoryNames),
    category_folded: indexText(...searchableCategoryNames(doc.categoryNames)),
    category_codes: doc.categoryCodes,
    producer_name: doc.producerName,
    producer_folded: indexText(doc.producerName),
    commune: doc.commune,
    commune_folded: communeFolded,
    commune_short: communeFolded.replace(/^(xa|phuong|thi tran) /, ""),
    description: doc.description,
    description_folded: indexText(doc.description),
    price_vnd: doc.priceVnd,
    stock: doc.stock,
    in_stock: doc.stock > 0 ? 1 : 0,
    // Validity as of indexing; the daily expiry job re-indexes a listing whose certificate lapses.
    ocop_stars: doc.ocopStars > 0 && ocopExpires >= todayNumber ? doc.ocopStars : 0,
    ocop_expires_day: ocopExpires,
    certifications: doc.certifications
      .filter((c) => c.expiresOn === null || dayNumber(c.expiresOn) >= todayNumber)
      .map((c) => c.kind),
    published_at: Math.floor(doc.publishedAt / 1000),
    // Running campaigns as of indexing; the daily campaign job re-indexes when one starts or ends.
    campaigns: doc.campaigns,
  };
}

export class MeiliEngineError extends Error {}

export class MeiliEngine implements SearchEngine {
  readonly name = "meilisearch" as const;
  private readonly client: Meilisearch;
  private readonly index: Index;
  private readonly taskTimeoutMs: number;
  private downUntil = 0;

  constructor(
    private readonly db: Db,
    config: MeiliConfig,
  ) {
    this.client = new Meilisearch({
      host: config.host,
      apiKey: config.apiKey,
      timeout: config.timeoutMs ?? 2_000,
    });
    this.index = this.client.index(config.indexUid ?? "listings");
    this.taskTimeoutMs = config.taskTimeoutMs ?? 30_000;
  }

  /** False for a while after a failure: search answers from the embedded engine meanwhile. */
  isAvailable(now = Date.now()): boolean {
    return now >= this.downUntil;
  }
  markUnavailable(forMs = 30_000, now = Date.now()): void {
    this.downUntil = now + forMs;
  }
  markAvailable(): void {
    this.downUntil = 0;
  }

  async applySettings(): Promise<void> {
    const created = await this.client
      .createIndex(this.index.uid, { primaryKey: "id" })
      .waitTask({ timeout: this.taskTimeoutMs });
    if (created.status !== "succeeded" && created.error?.code !== "index_already_exists") {
      throw taskError(created);
    }
    await this.wait(this.index.updateSettings(meiliSettings()));
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    if (docs.length === 0) return;
    const today = vietnamToday();
    await this.wait(
      this.index.addDocuments(
        docs.map((doc) => toMeiliDocument(doc, today)),
        { primaryKey: "id" },
      ),
    );
  }

  async remove(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.wait(this.index.deleteDocuments(ids));
  }

  /** Settings first, then an empty index, then the catalog in batches, each awaited. */
  async rebuild(progress?: ProgressFn): Promise<{ indexed: number }> {
    await this.applySettings();
    await this.wait(this.index.deleteAllDocuments());
    const total = countListings(this.db);
    let afterId = 0;
    let done = 0;
    let indexed = 0;
    progress?.(0, total);
    for (;;) {
      const batch = loadSearchDocumentsAfter(this.db, afterId, REBUILD_BATCH);
      if (batch.lastId === null) break;
      await this.upsert(batch.docs);
      afterId = batch.lastId;
      done += batch.docs.length + batch.hiddenIds.length;
      indexed += batch.docs.length;
      progress?.(Math.min(done, total), total);
    }
    return { indexed };
  }

  /**
   * Product codes and OCOP words become filters (intent.server.ts), and words typed without
   * their spaces or misspelled are corrected with the embedded index's vocabulary ("caphe"
   * → "cà phê"), as the embedded engine does, so both tell the buyer the same "did you mean".
   */
  async search(typedQuery: SearchQuery): Promise<SearchResult> {
    const started = performance.now();
    const { query, pinnedSkus, taken } = resolveIntent(this.db, typedQuery);
    const today = query.today ?? vietnamToday();
    const filter = meiliFilter(query, dayNumber(today));
    const corrected = this.corrected(query);
    const text = meiliQueryText(corrected ?? query.q, query.matchMode);
    const result = (total: number, ids: number[], facets: SearchFacets): SearchResult => ({
      total,
      page: query.page,
      perPage: query.perPage,
      hits: loadHits(this.db, ids, today),
      facets,
      engine: "meilisearch",
      tookMs: Math.round((performance.now() - started) * 10) / 10,
      ...(corrected === null ? {} : { correctedQuery: [corrected, ...taken].join(" ") }),
    });
    if (filter === null || text === null) return result(0, [], emptyFacets());
    const pinnedFilter =
      pinnedSkus.length > 0 ? `sku IN [${pinnedSkus.map(quoted).join(", ")}]` : null;
    // Only a code typed: its listing, if the filters keep it.
    if (pinnedFilter !== null && text === "") filter.push(pinnedFilter);
    const pinned =
      pinnedFilter !== null && text !== "" && query.page === 1
        ? await this.pinnedIds([...filter, pinnedFilter], pinnedSkus.length)
        : [];
    const sort = ["in_stock:desc"];
    if (query.sort === "price_asc") sort.push("price_vnd:asc");
    if (query.sort === "price_desc") sort.push("price_vnd:desc");
    if (query.sort === "newest" || (query.sort === "relevance" && text === "")) {
      sort.push("published_at:desc");
    }
    const response = await this.index.search(text, {
      filter,
      facets: query.facets === false ? [] : FACETS,
      sort,
      page: query.page,
      hitsPerPage: query.perPage,
      attributesToRetrieve: ["id"],
      matchingStrategy: query.matchMode === "all" ? "all" : "frequency",
    });
    const found = response.hits.map((hit) => Number(hit.id));
    const ids = [...pinned, ...found.filter((id) => !pinned.includes(id))].slice(0, query.perPage);
    const extra = pinned.filter((id) => !found.includes(id)).length;
    return result(response.totalHits + extra, ids, toFacets(response.facetDistribution ?? {}));
  }

  /** The query with run-together and misspelled words corrected, or null when none was. */
  private corrected(query: SearchQuery): string | null {
    let plan = buildQueryPlan(query.q, query.matchMode);
    if (plan.groups.length === 0) return null;
    const values = docValuesFor(this.db);
    plan = withTypoCorrections(plan, vocabularyOfIndex(values));
    return correctedText(plan.groups, spellingFor(values));
  }

  /** Ids of the listings whose codes were typed that the filters keep. */
  private async pinnedIds(filter: string[], count: number): Promise<number[]> {
    const response = await this.index.search("", {
      filter,
      hitsPerPage: count,
      page: 1,
      attributesToRetrieve: ["id"],
    });
    return response.hits.map((hit) => Number(hit.id));
  }

  private async wait(enqueued: ReturnType<Index["deleteAllDocuments"]>): Promise<Task> {
    const task = await enqueued.waitTask({ timeout: this.taskTimeoutMs });
    if (task.status !== "succeeded") throw taskError(task);
    return task;
  }
}

function taskError(task: Task): MeiliEngineError {
  return new MeiliEngineError(
    `Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? "no details"}`,
  );
}

/** A filter value in Meilisearch's syntax: double quotes, with `"` and `\` escaped. */
function quoted(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** The query's filters as Meilisearch filter expressions (ANDed); null: nothing can match. */
export function meiliFilter(query: SearchQuery, today: number): string[] | null {
  const filters: string[] = [];
  if (query.category !== null) filters.push(`category_codes = ${quoted(query.category)}`);
  if (query.commune !== null) {
    const folded = quoted(foldedWords(query.commune).join(" "));
    filters.push(
      `(commune = ${quoted(query.commune)} OR commune_folded = ${folded} OR commune_short = ${folded})`,
    );
  }
  if (query.ocopMin !== null && query.ocopMin > 0) {
    filters.push(`ocop_stars >= ${query.ocopMin}`, `ocop_expires_day >= ${today}`);
  }
  if (query.ocopExactly) {
    filters.push(`ocop_stars = ${query.ocopExactly}`, `ocop_expires_day >= ${today}`);
  }
  if (query.certification !== null) {
    const kind = CERT_KINDS[certificationIndex(query.certification)];
    if (kind === undefined) return null;
    filters.push(`certifications = ${quoted(kind)}`);
  }
  if (query.priceMin !== null) filters.push(`price_vnd >= ${query.priceMin}`);
  if (query.priceMax !== null) filters.push(`price_vnd <= ${query.priceMax}`);
  if (query.campaign) filters.push(`campaigns = ${quoted(query.campaign)}`);
  return filters;
}

function toFacets(distribution: Record<string, Record<string, number>>): SearchFacets {
  const facets = emptyFacets();
  facets.category = { ...distribution.category_codes };
  facets.commune = { ...distribution.commune };
  for (const [stars, count] of Object.entries(distribution.ocop_stars ?? {})) {
    if (stars !== "0" && count > 0) facets.ocop_stars[stars] = count;
  }
  facets.certification = { ...distribution.certifications };
  return facets;
}
