/**
 * The search module's contract: one query shape, one result shape and one engine
 * interface, implemented by the embedded SQLite FTS5 engine (the default) and by
 * Meilisearch (when MEILI_HOST is set). Pure types, safe to import anywhere.
 */

export const SEARCH_SORTS = ["relevance", "price_asc", "price_desc", "newest"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const MATCH_MODES = ["all", "any"] as const;
/** `all`: every word must match (what buyers type); `any`: at least one word, stop words removed. */
export type MatchMode = (typeof MATCH_MODES)[number];

export const MAX_PER_PAGE = 100;

export interface SearchQuery {
  /** What the buyer typed; any text, never interpreted as query syntax. */
  q: string;
  matchMode: MatchMode;
  /** A category code; its subcategories are included. */
  category: string | null;
  /** A commune name as in the facets ("xã Khe Sanh"); marks and case are ignored. */
  commune: string | null;
  /** Minimum OCOP stars of a valid (unexpired, not hidden) certificate. */
  ocopMin: number | null;
  /**
   * Exactly these OCOP stars (valid certificate): set by the engines when the words say
   * "ocop 4 sao" (intent.ts), not a filter of the page or the API.
   */
  ocopExactly?: number | null;
  /** A certification kind ("VietGAP", "hữu cơ", "HACCP", "chỉ dẫn địa lý"). */
  certification: string | null;
  priceMin: number | null;
  priceMax: number | null;
  /** A campaign's slug: only listings in that campaign while it runs (issue 16). */
  campaign?: string | null;
  sort: SearchSort;
  /** 1-based. */
  page: number;
  /** 1…MAX_PER_PAGE. */
  perPage: number;
  /** The day OCOP and other certificates are checked against (YYYY-MM-DD); today in Việt Nam by default. */
  today?: string;
  /**
   * Whether to count facets and price ranges (default true). A caller that reads only the
   * hits (the purchase-request matcher) sets false and gets empty counts, for less work.
   */
  facets?: boolean;
}

export type EngineName = "fts" | "meilisearch";

/** One product in a result list, with what the search page and the public API show. */
export interface SearchHit {
  id: number;
  sku: string;
  slug: string;
  title: string;
  priceVnd: number;
  unit: string;
  stock: number;
  /** Stars of a valid OCOP certificate; 0 when none, expired or hidden. */
  ocopStars: number;
  categoryCode: string;
  categoryName: string;
  commune: string;
  producer: { code: string; name: string };
  /** Site-relative URL of the cover image (640 px variant), or null without photos. */
  imagePath: string | null;
  /** The cover image's storage key and original width (for `srcset`), or null without photos. */
  image: { key: string; width: number } | null;
  /** Site-relative URL of the product page. */
  path: string;
}

/** Facet value → number of matching products. */
export interface SearchFacets {
  /** Category code → count; a product counts for its category and every parent. */
  category: Record<string, number>;
  commune: Record<string, number>;
  /** "3" | "4" | "5" → count, valid certificates only. */
  ocop_stars: Record<string, number>;
  certification: Record<string, number>;
}

export interface SearchResult {
  total: number;
  page: number;
  perPage: number;
  hits: SearchHit[];
  facets: SearchFacets;
  /**
   * Matches per price range (PRICE_RANGES order), counted on the filtered result like the
   * facets; absent when the engine does not count them (Meilisearch).
   */
  priceRanges?: number[];
  engine: EngineName;
  tookMs: number;
  /**
   * The query with its corrections ("caphe" → "cà phê"), when a typed word was unknown to
   * the index and a correction was searched for too: the page's "did you mean" link.
   */
  correctedQuery?: string;
}

/** A listing as both engines index it, built from the catalog by documents.server.ts. */
export interface SearchDocument {
  id: number;
  sku: string;
  slug: string;
  title: string;
  description: string;
  tags: string[];
  categoryId: number;
  /** Codes from the top-level category down to the listing's own. */
  categoryCodes: string[];
  /** Vietnamese and English names of the category and its parents. */
  categoryNames: string[];
  producerCode: string;
  producerName: string;
  commune: string;
  priceVnd: number;
  unit: string;
  stock: number;
  /** 0 when the listing has no OCOP certificate or its badge is hidden. */
  ocopStars: number;
  ocopExpiresOn: string | null;
  certifications: { kind: string; expiresOn: string | null }[];
  /** Milliseconds since the epoch. */
  publishedAt: number;
  /** Slugs of the running campaigns the listing is in, as of indexing (campaign-filter.server.ts). */
  campaigns: string[];
}

export type ProgressFn = (done: number, total: number) => void;

/** What every engine implements; the rest of the app only calls search.server.ts. */
export interface SearchEngine {
  readonly name: EngineName;
  search(query: SearchQuery): Promise<SearchResult>;
  /** Adds or replaces documents. */
  upsert(docs: SearchDocument[]): Promise<void>;
  /** Removes listings from the index (unknown ids are ignored). */
  remove(ids: number[]): Promise<void>;
  /** Rebuilds the whole index from the catalog. */
  rebuild(progress?: ProgressFn): Promise<{ indexed: number }>;
  /** Applies the engine's settings (attributes, synonyms, typo rules, ranking rules). */
  applySettings(): Promise<void>;
}

export function emptyFacets(): SearchFacets {
  return { category: {}, commune: {}, ocop_stars: {}, certification: {} };
}

/** Every filter of a query unset: "clear the filters" and queries without filters. */
export const NO_FILTERS = {
  category: null,
  commune: null,
  ocopMin: null,
  certification: null,
  priceMin: null,
  priceMax: null,
  campaign: null,
} as const satisfies Partial<SearchQuery>;

/** The defaults of a query, for callers that set only a few fields. */
export function searchQuery(fields: Partial<SearchQuery> = {}): SearchQuery {
  return {
    q: "",
    matchMode: "all",
    ...NO_FILTERS,
    sort: "relevance",
    page: 1,
    perPage: 20,
    ...fields,
  };
}
