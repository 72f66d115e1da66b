import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { useEffect, useRef } from "react";
import { EmptyState } from "~/components/empty-state";
import { Pagination } from "~/components/pagination";
import {
  SearchFacetsPanel,
  useCategoryName,
  useCertificationLabel,
  usePriceLabel,
} from "~/components/search/search-facets";
import { SearchHitCard } from "~/components/search/search-hit-card";
import { formatNumber, t, useLocale, useT } from "~/lib/i18n";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import { withCampaignBadges } from "~/modules/campaigns/badges.server";
import { withRatings } from "~/modules/orders/reviews.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";
import { CERT_KINDS, certificationIndex } from "~/modules/search/certifications";
import { activeFilterCount, parsePageParams, searchHref } from "~/modules/search/page-params";
import { searchPage } from "~/modules/search/page.server";
import {
  NO_FILTERS,
  SEARCH_SORTS,
  type SearchQuery,
  type SearchSort,
} from "~/modules/search/types";

// Every filter, sort and page is a link: the results are a page to read (decision 035).
export { NO_HYDRATION as handle } from "~/lib/hydration";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = localeFromMatches(matches);
  const q = data?.query.q ?? "";
  return [
    ...pageMeta(locale, q ? t(locale, "search.resultsFor", { q }) : t(locale, "search.title")),
    // Result pages are endless combinations: let crawlers follow them, not index them.
    { name: "robots", content: "noindex, follow" },
  ];
};

/**
 * Search: the same search as the public API (`searchListings`), with facets, sorting and
 * pages as links, so all of it works without JavaScript. The words are typed in the
 * header's box (the page's only search box), which shows them here.
 */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const query = parsePageParams(new URL(request.url).searchParams, (kind) => {
    const index = certificationIndex(kind);
    return index < 0 ? null : (CERT_KINDS[index] ?? null);
  });
  const db = getDb();
  const { result, categories, related, campaign } = await searchPage(db, query);
  return {
    query,
    total: result.total,
    hits: withCampaignBadges(db, withRatings(db, result.hits)),
    facets: result.facets,
    priceRanges: result.priceRanges ?? null,
    categories,
    related,
    correctedQuery: result.correctedQuery ?? null,
    campaign,
  };
});

const SORT_LABEL = {
  relevance: "search.sortRelevance",
  price_asc: "search.sortPriceAsc",
  price_desc: "search.sortPriceDesc",
  newest: "search.sortNewest",
} as const satisfies Record<SearchSort, string>;

/** Hits whose photo loads at once (the first rows on a phone); the rest load lazily. */
const EAGER_IMAGES = 4;

export default function SearchPage() {
  const { query, total, hits, facets, priceRanges, categories, related, correctedQuery, campaign } =
    useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const isLoading = navigation.state === "loading" && navigation.location.pathname === "/tim-kiem";
  const categoryName = useCategoryName(categories);
  const certificationLabel = useCertificationLabel();
  const priceLabel = usePriceLabel();
  const resultsHeading = useResultsInView();

  const heading = query.q
    ? t("search.resultsFor", { q: query.q })
    : query.category
      ? categoryName(query.category)
      : t("search.title");
  const pageCount = Math.max(1, Math.ceil(total / query.perPage));
  const filterCount = activeFilterCount(query);
  const active = activeFilters(query, {
    category: categoryName,
    certification: certificationLabel,
    price: priceLabel,
    ocop: (stars) => (stars === 5 ? t("search.ocopFive") : t("search.ocopAtLeast", { stars })),
    campaign: (slug) => t("pledges.search.chip", { campaign: campaign?.title ?? slug }),
  });
  const requestCategory = query.category ?? related[0]?.code ?? null;
  const requestHref = `/yeu-cau-mua/moi?${new URLSearchParams({
    ...(query.q ? { q: query.q } : {}),
    ...(requestCategory ? { "danh-muc": requestCategory } : {}),
  }).toString()}`;

  return (
    <div className="min-w-0">
      <h1
        id="ket-qua"
        ref={resultsHeading}
        tabIndex={-1}
        className="scroll-mt-2 text-2xl font-bold break-words text-stone-900 focus:outline-none"
      >
        {heading}
      </h1>
      {correctedQuery ? (
        <p className="mt-2 text-stone-800">
          <Link
            to={searchHref(query, { q: correctedQuery })}
            className="font-medium text-brand-800 underline underline-offset-2"
          >
            {t("search.didYouMean", { query: correctedQuery })}
          </Link>
        </p>
      ) : null}

      <div className="mt-4 flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <p id="so-ket-qua" className="text-sm text-stone-700" role="status">
          {isLoading
            ? t("search.loading")
            : t("search.resultCount", { count: formatNumber(total, locale) })}
        </p>
        {total > 0 ? (
          <a
            href="#bo-loc"
            className="text-sm font-medium text-brand-800 underline underline-offset-2 lg:hidden"
          >
            {t("search.jumpToFilters", { count: filterCount })}
          </a>
        ) : null}
      </div>

      {total > 0 ? (
        <nav aria-label={t("search.sortLabel")} className="mt-2">
          <ul className="flex flex-wrap gap-2">
            {SEARCH_SORTS.map((sort) => (
              <li key={sort}>
                <Link
                  to={searchHref(query, { sort })}
                  preventScrollReset
                  aria-current={query.sort === sort ? "true" : undefined}
                  className={`inline-block rounded-full border px-3 py-1.5 text-sm ${
                    query.sort === sort
                      ? "border-brand-700 bg-brand-700 font-semibold text-white"
                      : "border-stone-300 bg-white text-stone-800 hover:bg-brand-50"
                  }`}
                >
                  {t(SORT_LABEL[sort])}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      {active.length > 0 ? (
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <p className="text-sm text-stone-700">{t("search.activeFilters")}</p>
          <ul className="flex flex-wrap gap-2">
            {active.map((filter) => (
              <li key={filter.key}>
                <Link
                  to={searchHref(query, filter.remove)}
                  className="inline-flex items-center gap-1 rounded-full bg-brand-50 px-3 py-1 text-sm text-brand-900 ring-1 ring-brand-200 hover:bg-brand-100"
                >
                  <span className="sr-only">
                    {t("search.removeFilter", { label: filter.label })}
                  </span>
                  <span aria-hidden>{filter.label} ×</span>
                </Link>
              </li>
            ))}
          </ul>
          <Link
            to={searchHref(query, NO_FILTERS)}
            className="text-sm font-medium text-brand-800 underline underline-offset-2"
          >
            {t("search.clearFilters")}
          </Link>
        </div>
      ) : null}

      <div className="mt-4 grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[15rem_minmax(0,1fr)]">
        <div
          aria-busy={isLoading}
          className={`min-w-0 lg:order-2 ${isLoading ? "opacity-60 transition-opacity" : ""}`}
        >
          {hits.length > 0 ? (
            <>
              <ul className="grid grid-cols-[minmax(0,1fr)] gap-3 sm:grid-cols-2">
                {hits.map((hit, index) => (
                  <li key={hit.sku} className="min-w-0">
                    <SearchHitCard hit={hit} eager={index < EAGER_IMAGES} />
                  </li>
                ))}
              </ul>
              <Pagination page={Math.min(query.page, pageCount)} pageCount={pageCount} />
            </>
          ) : (
            <div className="space-y-4">
              <EmptyState
                title={t("search.emptyTitle")}
                body={filterCount > 0 ? t("search.emptyFilteredBody") : t("search.emptyBody")}
                action={{ href: requestHref, label: t("search.emptyAction") }}
              />
              {related.length > 0 ? (
                <section className="rounded-xl border border-stone-200 bg-white p-4">
                  <h2 className="font-semibold text-stone-900">{t("search.relatedTitle")}</h2>
                  <ul className="mt-2 flex flex-wrap gap-2">
                    {related.map(({ code, count }) => (
                      <li key={code}>
                        <Link
                          to={searchHref(
                            { ...query, q: "", commune: null, ocopMin: null },
                            {
                              category: code,
                              certification: null,
                              priceMin: null,
                              priceMax: null,
                            },
                          )}
                          className="inline-flex gap-1 rounded-full border border-stone-300 px-3 py-1.5 text-sm text-brand-800 hover:bg-brand-50"
                        >
                          <span>{categoryName(code)}</span>
                          <span className="text-stone-600">({formatNumber(count, locale)})</span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
            </div>
          )}
        </div>

        {total > 0 ? (
          <aside
            id="bo-loc"
            aria-labelledby="bo-loc-tieu-de"
            className="min-w-0 rounded-xl border border-stone-200 bg-white p-4 lg:order-1 lg:self-start"
          >
            <h2 id="bo-loc-tieu-de" className="text-lg font-semibold text-stone-900">
              {t("search.filters")}
            </h2>
            <div className="mt-3">
              <SearchFacetsPanel
                query={query}
                facets={facets}
                priceRanges={priceRanges}
                categories={categories}
              />
            </div>
            <a
              href="#ket-qua"
              className="mt-4 inline-block text-sm font-medium text-brand-800 underline underline-offset-2 lg:hidden"
            >
              {t("search.backToResults")}
            </a>
          </aside>
        ) : null}
      </div>
    </div>
  );
}

/**
 * After the search changes in place (a filter, the sort or a page, with JavaScript), the
 * results heading gets the focus, so the reader, often at the bottom of the filter panel on
 * a phone, sees the results and a screen reader says where she is. Not on the first load.
 */
function useResultsInView() {
  const heading = useRef<HTMLHeadingElement>(null);
  const { search } = useLocation();
  const shown = useRef(search);
  useEffect(() => {
    if (shown.current === search) return;
    shown.current = search;
    heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView({ block: "start" });
  }, [search]);
  return heading;
}

/** The filters set on a query, each with its label and the change that removes it. */
function activeFilters(
  query: SearchQuery,
  label: {
    category: (code: string) => string;
    certification: (kind: string) => string;
    price: (min: number | null, max: number | null) => string;
    ocop: (stars: number) => string;
    campaign: (slug: string) => string;
  },
): { key: string; label: string; remove: Partial<SearchQuery> }[] {
  const filters: { key: string; label: string; remove: Partial<SearchQuery> }[] = [];
  if (query.category) {
    filters.push({
      key: "category",
      label: label.category(query.category),
      remove: { category: null },
    });
  }
  if (query.commune) {
    filters.push({ key: "commune", label: query.commune, remove: { commune: null } });
  }
  if (query.ocopMin !== null) {
    filters.push({ key: "ocop", label: label.ocop(query.ocopMin), remove: { ocopMin: null } });
  }
  if (query.certification) {
    filters.push({
      key: "certification",
      label: label.certification(query.certification),
      remove: { certification: null },
    });
  }
  if (query.priceMin !== null || query.priceMax !== null) {
    filters.push({
      key: "price",
      label: label.price(query.priceMin, query.priceMax),
      remove: { priceMin: null, priceMax: null },
    });
  }
  if (query.campaign) {
    filters.push({
      key: "campaign",
      label: label.campaign(query.campaign),
      remove: { campaign: null },
    });
  }
  return filters;
}
