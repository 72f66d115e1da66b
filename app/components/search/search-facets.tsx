import { Link } from "~/components/link";
import type { ReactNode } from "react";
import { formatNumber, isMessageKey, useLocale, useT } from "~/lib/i18n";
import { formatVnd } from "~/lib/money";
import { searchHref } from "~/modules/search/page-params";
import { PRICE_RANGES } from "~/modules/search/price-ranges";
import type { SearchFacets, SearchQuery } from "~/modules/search/types";

export interface FacetCategory {
  code: string;
  nameVi: string;
  nameEn: string;
  parentCode: string | null;
}

/** Commune values shown before "more". */
const COMMUNES_SHOWN = 8;

/** A category's name in the page's language. */
export function useCategoryName(categories: readonly FacetCategory[]) {
  const locale = useLocale();
  return (code: string) => {
    const category = categories.find((c) => c.code === code);
    if (!category) return code;
    return locale === "en" ? category.nameEn : category.nameVi;
  };
}

/** A certification kind's label ("hữu cơ" → "Hữu cơ" / "Organic"). */
export function useCertificationLabel() {
  const t = useT();
  return (kind: string) => {
    const key = `certification.${kind}`;
    return isMessageKey(key) ? t(key) : kind;
  };
}

/** A price range's label ("50.001 ₫ – 100.000 ₫"). */
export function usePriceLabel() {
  const t = useT();
  const locale = useLocale();
  // Ranges start one đồng above a round amount (50.001): people read "from 50.000".
  const lower = (min: number) => formatVnd(min % 1000 === 1 ? min - 1 : min, locale);
  return (min: number | null, max: number | null) => {
    if (min === null) return t("search.priceUpTo", { max: formatVnd(max ?? 0, locale) });
    if (max === null) return t("search.priceFrom", { min: lower(min) });
    return t("search.priceBetween", { min: lower(min), max: formatVnd(max, locale) });
  };
}

/**
 * The facets of a result as plain links (they work without JavaScript): each value with
 * its count narrows the result; a selected value links back to the result without it.
 */
export function SearchFacetsPanel({
  query,
  facets,
  priceRanges,
  categories,
}: {
  query: SearchQuery;
  facets: SearchFacets;
  priceRanges: number[] | null;
  categories: readonly FacetCategory[];
}) {
  const t = useT();
  const categoryName = useCategoryName(categories);
  const certificationLabel = useCertificationLabel();
  const priceLabel = usePriceLabel();

  // Categories: the top level, and below the selected one (or its parent) its subcategories.
  const selected = categories.find((c) => c.code === query.category) ?? null;
  const openParent = selected ? (selected.parentCode ?? selected.code) : null;
  const tops = categories.filter(
    (c) => c.parentCode === null && ((facets.category[c.code] ?? 0) > 0 || c.code === openParent),
  );
  const childrenOf = (code: string) =>
    categories.filter(
      (c) =>
        c.parentCode === code && ((facets.category[c.code] ?? 0) > 0 || c.code === query.category),
    );

  const communes = Object.entries(facets.commune);
  const ocop = [3, 4, 5]
    .map((stars) => ({
      stars,
      count: Object.entries(facets.ocop_stars)
        .filter(([value]) => Number(value) >= stars)
        .reduce((sum, [, count]) => sum + count, 0),
    }))
    .filter(({ stars, count }) => count > 0 || query.ocopMin === stars);
  const certifications = Object.entries(facets.certification);
  const prices = PRICE_RANGES.map((range, index) => ({
    ...range,
    count: priceRanges?.[index] ?? null,
    isSelected: query.priceMin === range.min && query.priceMax === range.max,
  })).filter((range) => range.count === null || range.count > 0 || range.isSelected);

  const communeLink = ([name, count]: [string, number]) => (
    <FacetLink
      key={name}
      label={name}
      count={count}
      isSelected={query.commune === name}
      href={searchHref(query, { commune: query.commune === name ? null : name })}
    />
  );

  return (
    <div className="space-y-5">
      {tops.length > 0 ? (
        <FacetGroup title={t("search.facetCategory")}>
          {tops.map((top) => (
            <li key={top.code}>
              <FacetLink
                label={categoryName(top.code)}
                count={facets.category[top.code] ?? 0}
                isSelected={query.category === top.code}
                href={searchHref(query, {
                  category: query.category === top.code ? null : top.code,
                })}
                bare
              />
              {top.code === openParent && childrenOf(top.code).length > 0 ? (
                <ul className="mt-1 ml-4 space-y-1 border-l border-stone-200 pl-3">
                  {childrenOf(top.code).map((child) => (
                    <FacetLink
                      key={child.code}
                      label={categoryName(child.code)}
                      count={facets.category[child.code] ?? 0}
                      isSelected={query.category === child.code}
                      href={searchHref(query, {
                        category: query.category === child.code ? top.code : child.code,
                      })}
                    />
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </FacetGroup>
      ) : null}

      {prices.length > 0 ? (
        <FacetGroup title={t("search.facetPrice")}>
          {prices.map((range) => (
            <FacetLink
              key={`${range.min}-${range.max}`}
              label={priceLabel(range.min, range.max)}
              count={range.count}
              isSelected={range.isSelected}
              href={searchHref(
                query,
                range.isSelected
                  ? { priceMin: null, priceMax: null }
                  : { priceMin: range.min, priceMax: range.max },
              )}
            />
          ))}
        </FacetGroup>
      ) : null}

      {ocop.length > 0 ? (
        <FacetGroup title={t("search.facetOcop")}>
          {ocop.map(({ stars, count }) => (
            <FacetLink
              key={stars}
              label={stars === 5 ? t("search.ocopFive") : t("search.ocopAtLeast", { stars })}
              count={count}
              isSelected={query.ocopMin === stars}
              href={searchHref(query, { ocopMin: query.ocopMin === stars ? null : stars })}
            />
          ))}
        </FacetGroup>
      ) : null}

      {certifications.length > 0 ? (
        <FacetGroup title={t("search.facetCertification")}>
          {certifications.map(([kind, count]) => (
            <FacetLink
              key={kind}
              label={certificationLabel(kind)}
              count={count}
              isSelected={query.certification === kind}
              href={searchHref(query, {
                certification: query.certification === kind ? null : kind,
              })}
            />
          ))}
        </FacetGroup>
      ) : null}

      {communes.length > 0 ? (
        <FacetGroup title={t("search.facetCommune")}>
          {communes.slice(0, COMMUNES_SHOWN).map(communeLink)}
          {communes.length > COMMUNES_SHOWN ? (
            <li>
              <details>
                <summary className="cursor-pointer py-1 text-sm font-medium text-brand-800">
                  {t("search.moreValues", { count: communes.length - COMMUNES_SHOWN })}
                </summary>
                <ul className="mt-1 space-y-1">
                  {communes.slice(COMMUNES_SHOWN).map(communeLink)}
                </ul>
              </details>
            </li>
          ) : null}
        </FacetGroup>
      ) : null}
    </div>
  );
}

function FacetGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <h3 className="text-sm font-semibold tracking-wide text-stone-900 uppercase">{title}</h3>
      <ul className="mt-2 space-y-1">{children}</ul>
    </section>
  );
}

function FacetLink({
  label,
  count,
  isSelected,
  href,
  bare = false,
}: {
  label: string;
  count: number | null;
  isSelected: boolean;
  href: string;
  /** Render the link alone (the caller provides the list item). */
  bare?: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const link = (
    <Link
      to={href}
      preventScrollReset
      aria-current={isSelected ? "true" : undefined}
      className={`inline-flex min-h-8 items-baseline gap-1.5 rounded py-1 break-words hover:text-brand-800 hover:underline ${
        isSelected ? "font-semibold text-brand-800" : "text-stone-800"
      }`}
    >
      {isSelected ? <span aria-hidden>✓</span> : null}
      <span>{label}</span>
      {count !== null ? (
        <span className="text-sm text-stone-600">({formatNumber(count, locale)})</span>
      ) : null}
      {isSelected ? <span className="sr-only">{t("search.selectedHint")}</span> : null}
    </Link>
  );
  return bare ? link : <li>{link}</li>;
}
