import { prepared, type Db } from "~db/client.server";
import { vietnamToday } from "~/lib/dates";
import { NotFound } from "~/lib/errors";
import { VISIBLE_LISTING_SQL } from "~/modules/catalog/visibility.server";
import { docValuesFor } from "~/modules/search/doc-values.server";
import { searchListings } from "~/modules/search/search.server";
import type { QueryGroup } from "~/modules/search/query-plan";
import { searchQuery, MAX_PER_PAGE } from "~/modules/search/types";
import { foldWord } from "~/modules/search/words";
import { producerPlace, requestPlace } from "./matching-places";
import {
  categoryWords,
  relevanceOf,
  requestClauses,
  type RequestWords,
} from "./matching-relevance.server";
import {
  rankMatch,
  type CandidateListing,
  isUnder,
  type CategoryNode,
  type MatchReason,
} from "./matching-rank";

/**
 * The producers and listings that can supply a purchase request, best first
 * (docs/decisions/017-request-matching.md). Candidates come from the search module in
 * `any` mode on the request's words (its title, then the description's sentences about the
 * title's goods), once over the whole catalog and once within the request's category,
 * without facet counts; each is scored on its text relevance (matching-relevance), then
 * ranked on category, stock, minimum order, unit, distance, OCOP and certifications
 * (matching-rank). Stock, minimum order and unit only lower a match; a listing below
 * MIN_RELEVANCE is no match at all.
 */

/** Below this text relevance (0…1) a listing is not a match, whatever else it has. */
export const MIN_RELEVANCE = 0.26;
/** A word in more than this share of the listings is not searched for, unless it is the head. */
const SEARCHED_SHARE = 0.05;
/** A producer appears with at most this many listings, so one catalogue cannot fill the list. */
export const MAX_LISTINGS_PER_PRODUCER = 3;

export interface RequestToMatch {
  title: string;
  /** The buyer's own words about it: its clauses that repeat a title's word count too. */
  description: string;
  categoryId: number | null;
  quantity: number;
  unit: string;
  /** Official codes of the delivery province ("44") and commune ("19333"); null on old rows. */
  provinceCode: string | null;
  communeCode: string | null;
  /** The place as people read it: where an old row without codes is read from. */
  deliveryLocation: string;
}

export interface RequestMatch {
  producer: { id: number; code: string; name: string };
  listing: { id: number; sku: string; title: string } | null;
  score: number;
  reasons: MatchReason[];
}

export interface MatchOptions {
  limit?: number;
  /** The day certificates are checked against; today by default. */
  now?: Date;
}

type ListingRow = Omit<CandidateListing, "certifications"> & {
  producer_code: string;
  producer_name: string;
  producer_commune: string;
  producer_address: string;
};

/** The ranked matches of a request (by id, or already read); [] when nothing is relevant enough. */
export async function matchesForRequest(
  db: Db,
  request: number | RequestToMatch,
  options: MatchOptions = {},
): Promise<RequestMatch[]> {
  const wanted = typeof request === "number" ? loadRequest(db, request) : request;
  const limit = options.limit ?? 20;
  const today = vietnamToday(options.now);
  const values = docValuesFor(db);
  const words = requestClauses(values, wanted.title, wanted.description);
  if (words.length === 0 || limit <= 0) return [];

  const categories = loadCategories(db);
  const categoryNames = categoryWords(db, values);
  const relevant = new Map<number, number>();
  const consider = (ids: Iterable<number>) => {
    for (const id of ids) {
      if (relevant.has(id)) continue;
      const relevance = relevanceOf(values, words, categoryNames, id);
      if (relevance.namesTheGoods && relevance.score >= MIN_RELEVANCE) {
        relevant.set(id, relevance.score);
      }
    }
  };
  // One search on the request's words: the title's, then those of the description's
  // sentences about the title's goods, which name what the title may only hint at
  // ("thực phẩm khô" → "cá khô, tôm khô"). Only the hits' ids are read: no facet counts.
  const search = {
    q: searchWords(words),
    matchMode: "any" as const,
    perPage: MAX_PER_PAGE,
    today,
    facets: false,
  };
  const everywhere = await searchListings(db, searchQuery(search));
  consider(everywhere.hits.map((hit) => hit.id));
  // A broad request finds much outside its category: then the search is run again within
  // it, unless the first brought enough from there or found everything at once (within
  // the category the search finds a subset of what it found everywhere).
  const category = wanted.categoryId === null ? undefined : categories.get(wanted.categoryId);
  if (category && everywhere.total > everywhere.hits.length) {
    const inCategory = [...relevant.keys()].filter((id) =>
      isUnder(categories, values.categoryId[id] ?? -1, category.id),
    ).length;
    if (inCategory < limit) {
      const within = await searchListings(db, searchQuery({ ...search, category: category.code }));
      consider(within.hits.map((hit) => hit.id));
    }
  }
  if (relevant.size === 0) return [];

  const rows = loadListings(db, [...relevant.keys()], today);
  const certifications = loadCertifications(db, [...relevant.keys()], today);
  const place = requestPlace(wanted);
  const ranked = rows.map((row) => {
    const ranking = rankMatch({
      relevance: relevant.get(row.id) ?? 0,
      listing: { ...row, certifications: certifications.get(row.id) ?? [] },
      request: wanted,
      categories,
      today,
      requestPlace: place,
      producerPlace: producerPlace(row.producer_commune, row.producer_address),
    });
    return {
      producer: { id: row.producer_id, code: row.producer_code, name: row.producer_name },
      listing: { id: row.id, sku: row.sku, title: row.title },
      ...ranking,
    };
  });
  ranked.sort((a, b) => b.score - a.score || (a.listing.id ?? 0) - (b.listing.id ?? 0));

  const perProducer = new Map<number, number>();
  const matches: RequestMatch[] = [];
  for (const match of ranked) {
    const shown = perProducer.get(match.producer.id) ?? 0;
    if (shown >= MAX_LISTINGS_PER_PRODUCER) continue;
    perProducer.set(match.producer.id, shown + 1);
    matches.push(match);
    if (matches.length >= limit) break;
  }
  return matches;
}

/**
 * What the search is asked: the request's words, the title's then the description's, each
 * once, without those in more than SEARCHED_SHARE of the listings — they would bring a large
 * share of the catalog for the search to order, and weigh almost nothing here — unless they
 * are the head, which a match must name.
 */
function searchWords(clauses: readonly RequestWords[]): string {
  const words = new Set<string>();
  for (const clause of clauses) {
    clause.groups.forEach((group, g) => {
      if (clause.head[g] || (clause.shares[g] ?? 0) <= SEARCHED_SHARE) words.add(asTyped(group));
    });
  }
  return [...words].join(" ");
}

/** A group's words with the marks they were typed with, so the search ranks those first. */
function asTyped(group: QueryGroup): string {
  let next = 0;
  return group.typed.words
    .map((word) => {
      const marked = group.marked[next];
      if (marked !== undefined && foldWord(marked) === word) {
        next++;
        return marked;
      }
      return word;
    })
    .join(" ");
}

function loadRequest(db: Db, id: number): RequestToMatch {
  const row = prepared<{
    title: string;
    description: string;
    category_id: number | null;
    quantity: number;
    unit: string;
    province_code: string | null;
    commune_code: string | null;
    delivery_location: string;
  }>(
    db,
    `SELECT title, description, category_id, quantity, unit, province_code, commune_code, delivery_location
     FROM purchase_requests WHERE id = ?`,
  ).get(id);
  if (!row) throw new NotFound("demand.errors.requestNotFound");
  return {
    title: row.title,
    description: row.description,
    categoryId: row.category_id,
    quantity: row.quantity,
    unit: row.unit,
    provinceCode: row.province_code,
    communeCode: row.commune_code,
    deliveryLocation: row.delivery_location,
  };
}

function loadListings(db: Db, ids: number[], today: string): ListingRow[] {
  // CROSS JOIN keeps this order: the ids first, then one lookup each (the planner would
  // otherwise walk every listing and test it against the list: a third of a match's time).
  return prepared<ListingRow>(
    db,
    `SELECT l.id, l.sku, l.title, l.unit, l.stock, l.min_order_qty, l.category_id,
            CASE WHEN l.ocop_badge_hidden = 0 AND l.ocop_expires_on >= ? THEN l.ocop_stars ELSE 0 END
              AS ocop_stars,
            p.id AS producer_id, p.code AS producer_code, p.name AS producer_name,
            p.commune AS producer_commune, p.address AS producer_address
     FROM json_each(?) AS wanted CROSS JOIN listings l ON l.id = wanted.value
     JOIN producers p ON p.id = l.producer_id
     WHERE ${VISIBLE_LISTING_SQL}`,
  ).all(today, JSON.stringify(ids));
}

/** Listing id → the certification kinds valid on `today`. */
function loadCertifications(db: Db, ids: number[], today: string): Map<number, string[]> {
  const rows = prepared<{ listing_id: number; kind: string }>(
    db,
    `SELECT listing_id, kind FROM listing_certifications
     WHERE listing_id IN (SELECT value FROM json_each(?))
       AND (expires_on IS NULL OR expires_on >= ?)
     ORDER BY listing_id, kind`,
  ).all(JSON.stringify(ids), today);
  const byListing = new Map<number, string[]>();
  for (const row of rows)
    byListing.set(row.listing_id, [...(byListing.get(row.listing_id) ?? []), row.kind]);
  return byListing;
}

function loadCategories(db: Db): Map<number, CategoryNode> {
  const rows = prepared<CategoryNode>(
    db,
    "SELECT id, code, parent_id AS parentId, name_vi AS name FROM categories",
  ).all();
  return new Map(rows.map((row) => [row.id, row]));
}
