import { stripControls } from "~/lib/text";
import type { SearchQuery, SearchSort } from "./types";

/**
 * The search page's URL (/tim-kiem): Vietnamese parameter names, since people share these
 * links. Reading is lenient (a bad value is ignored: it is a page, not the API) and every
 * link the page makes (facets, sort, pages) comes from `searchHref`, so a facet link keeps
 * the other filters and goes back to the first page. Pure: used by the loader and the page.
 */

export const PAGE_PARAM = {
  q: "q",
  category: "danh-muc",
  commune: "xa",
  ocopMin: "ocop",
  certification: "chung-nhan",
  priceMin: "gia-tu",
  priceMax: "gia-den",
  campaign: "chien-dich",
  sort: "sap-xep",
  page: "trang",
} as const;

export const PAGE_SIZE = 20;

/** Sort orders as they appear in the URL (relevance is the default: no parameter). */
export const SORT_PARAM: Record<SearchSort, string | null> = {
  relevance: null,
  price_asc: "gia-tang",
  price_desc: "gia-giam",
  newest: "moi-nhat",
};

function sortOf(value: string | null): SearchSort {
  const found = (Object.keys(SORT_PARAM) as SearchSort[]).find((s) => SORT_PARAM[s] === value);
  return found ?? "relevance";
}

function wholeNumber(value: string | null, min: number, max: number): number | null {
  if (value === null || !/^\d{1,13}$/.test(value.trim())) return null;
  const n = Number(value.trim());
  return n >= min && n <= max ? n : null;
}

// Lenient like the rest of the page: control characters and line breaks become spaces.
function text(value: string | null, maxLength: number): string | null {
  const cleaned = stripControls(value ?? "");
  return cleaned === "" ? null : cleaned.slice(0, maxLength);
}

/** A campaign's slug as the URL gives it, or null when it cannot be one. */
function campaignSlug(value: string | null): string | null {
  const slug = value?.trim() ?? "";
  return /^[a-z0-9-]{3,80}$/.test(slug) ? slug : null;
}

/** The query of a search page URL; `certificationKind` gives a kind's exact name, or null. */
export function parsePageParams(
  params: URLSearchParams,
  certificationKind: (kind: string) => string | null,
): SearchQuery {
  const category = text(params.get(PAGE_PARAM.category), 60);
  const certification = text(params.get(PAGE_PARAM.certification), 40);
  let priceMin = wholeNumber(params.get(PAGE_PARAM.priceMin), 0, 1e12);
  let priceMax = wholeNumber(params.get(PAGE_PARAM.priceMax), 0, 1e12);
  if (priceMin !== null && priceMax !== null && priceMin > priceMax) {
    [priceMin, priceMax] = [priceMax, priceMin];
  }
  return {
    q: text(params.get(PAGE_PARAM.q), 200) ?? "",
    matchMode: "all",
    category: category !== null && /^[a-z0-9-]{1,60}$/.test(category) ? category : null,
    commune: text(params.get(PAGE_PARAM.commune), 100),
    ocopMin: wholeNumber(params.get(PAGE_PARAM.ocopMin), 1, 5),
    certification: certification === null ? null : certificationKind(certification),
    priceMin,
    priceMax,
    campaign: campaignSlug(params.get(PAGE_PARAM.campaign)),
    sort: sortOf(params.get(PAGE_PARAM.sort)),
    page: wholeNumber(params.get(PAGE_PARAM.page), 1, 10_000) ?? 1,
    perPage: PAGE_SIZE,
  };
}

/** The URL parameters of a query (defaults left out), in a stable order. */
export function pageParamsOf(query: SearchQuery): URLSearchParams {
  const params = new URLSearchParams();
  const set = (name: string, value: string | number | null) => {
    if (value !== null && value !== "") params.set(name, String(value));
  };
  set(PAGE_PARAM.q, query.q);
  set(PAGE_PARAM.category, query.category);
  set(PAGE_PARAM.commune, query.commune);
  set(PAGE_PARAM.ocopMin, query.ocopMin);
  set(PAGE_PARAM.certification, query.certification);
  set(PAGE_PARAM.priceMin, query.priceMin);
  set(PAGE_PARAM.priceMax, query.priceMax);
  set(PAGE_PARAM.campaign, query.campaign ?? null);
  set(PAGE_PARAM.sort, SORT_PARAM[query.sort]);
  if (query.page > 1) set(PAGE_PARAM.page, query.page);
  return params;
}

/** A link to the search page with some of the query changed; back to page 1 unless `page` is given. */
export function searchHref(query: SearchQuery, changes: Partial<SearchQuery>): string {
  const params = pageParamsOf({ ...query, page: 1, ...changes });
  const search = params.toString();
  return search ? `/tim-kiem?${search}` : "/tim-kiem";
}

/** How many filters (not the words, sort or page) are set. */
export function activeFilterCount(query: SearchQuery): number {
  return [
    query.category,
    query.commune,
    query.ocopMin,
    query.certification,
    query.priceMin ?? query.priceMax,
    query.campaign ?? null,
  ].filter((value) => value !== null).length;
}
