import { prepared, type Db } from "~db/client.server";
import { searchCampaign } from "./campaign-filter.server";
import { relatedCategories, searchListings } from "./search.server";
import { NO_FILTERS, type SearchQuery, type SearchResult } from "./types";

/**
 * What the search page (/tim-kiem) shows: the same search as the public API, the names of
 * the categories its facets and links mention, and, when nothing matched, the categories
 * close to the query (the categories of what matches any of its words).
 */

export interface SearchPageCategory {
  code: string;
  nameVi: string;
  nameEn: string;
  parentCode: string | null;
}

export interface SearchPageData {
  result: SearchResult;
  /** Every category, parents before their children (the site's order). */
  categories: SearchPageCategory[];
  /** Close categories with their match counts; only when nothing matched a query. */
  related: { code: string; count: number }[];
  /** The campaign the search is filtered by (its label on the page), when it exists. */
  campaign: { slug: string; title: string } | null;
}

export async function searchPage(db: Db, query: SearchQuery): Promise<SearchPageData> {
  const result = await searchListings(db, query);
  const categories = prepared<SearchPageCategory>(
    db,
    `SELECT c.code AS code, c.name_vi AS nameVi, c.name_en AS nameEn, p.code AS parentCode
     FROM categories c LEFT JOIN categories p ON p.id = c.parent_id
     ORDER BY c.position, c.id`,
  ).all();
  const related =
    result.total === 0 && query.q.trim() !== ""
      ? await relatedCategories(db, { ...query, ...NO_FILTERS })
      : [];
  const campaign = query.campaign ? searchCampaign(db, query.campaign) : null;
  return { result, categories, related, campaign };
}
