import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { EmptyState } from "~/components/empty-state";
import { Pagination } from "~/components/pagination";
import { ProductCard } from "~/components/product-card";
import { formatNumber, t, useLocale, useT } from "~/lib/i18n";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import { basicSearch, listCategoriesWithCounts } from "~/modules/catalog/queries.server";
import { getDb } from "~/modules/platform/db.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = localeFromMatches(matches);
  const q = data?.q ?? "";
  return [
    ...pageMeta(locale, q ? t(locale, "search.resultsFor", { q }) : t(locale, "search.title")),
    // Result pages are endless combinations: let crawlers follow them, not index them.
    { name: "robots", content: "noindex, follow" },
  ];
};

const SearchParams = z.object({
  q: z
    .string()
    .transform((value) => value.normalize("NFC").trim().slice(0, 200))
    .catch(""),
  "danh-muc": z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .optional()
    .catch(undefined),
  trang: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/** Search: words in the title (tones and đ folded) within a category and its subcategories. */
export function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const params = SearchParams.parse({
    q: url.searchParams.get("q") ?? "",
    "danh-muc": url.searchParams.get("danh-muc") || undefined,
    trang: url.searchParams.get("trang") ?? 1,
  });
  const db = getDb();
  const result = basicSearch(db, {
    q: params.q,
    categoryCode: params["danh-muc"],
    page: params.trang,
  });
  const categories = listCategoriesWithCounts(db);
  // Parents first, each followed by its subcategories, for the category select.
  const options = categories
    .filter((category) => category.parentId === null)
    .flatMap((parent) => [
      { code: parent.code, nameVi: parent.nameVi, nameEn: parent.nameEn, depth: 0 },
      ...categories
        .filter((child) => child.parentId === parent.id)
        .map((child) => ({
          code: child.code,
          nameVi: child.nameVi,
          nameEn: child.nameEn,
          depth: 1,
        })),
    ]);
  return { q: params.q, categoryCode: result.category?.code ?? "", result, options };
}

export default function SearchPage() {
  const { q, categoryCode, result, options } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const categoryName = result.category
    ? locale === "en"
      ? result.category.nameEn
      : result.category.nameVi
    : null;
  const heading = q ? t("search.resultsFor", { q }) : (categoryName ?? t("search.title"));
  return (
    <div>
      <h1 className="text-2xl font-bold text-stone-900">{heading}</h1>
      <Form
        method="get"
        action="/tim-kiem"
        className="mt-4 grid gap-3 rounded-xl border border-stone-200 bg-white p-3 sm:grid-cols-[1fr_16rem_auto] sm:items-end"
      >
        <div>
          <label htmlFor="search-q" className="block text-sm font-medium text-stone-800">
            {t("search.queryLabel")}
          </label>
          <input
            id="search-q"
            type="search"
            name="q"
            defaultValue={q}
            maxLength={200}
            className="mt-1 w-full rounded-lg border border-stone-300 px-3 py-2"
          />
        </div>
        <div>
          <label htmlFor="search-category" className="block text-sm font-medium text-stone-800">
            {t("search.categoryLabel")}
          </label>
          <select
            id="search-category"
            name="danh-muc"
            defaultValue={categoryCode}
            className="mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2"
          >
            <option value="">{t("search.allCategories")}</option>
            {options.map((option) => (
              <option key={option.code} value={option.code}>
                {option.depth > 0 ? "— " : ""}
                {locale === "en" ? option.nameEn : option.nameVi}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
        >
          {t("search.submit")}
        </button>
      </Form>

      <p className="mt-4 text-sm text-stone-700" role="status">
        {t("search.resultCount", { count: formatNumber(result.total, locale) })}
      </p>
      {result.items.length > 0 ? (
        <>
          <ul className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
            {result.items.map((product) => (
              <li key={product.sku}>
                <ProductCard product={product} headingLevel={2} />
              </li>
            ))}
          </ul>
          <Pagination page={result.page} pageCount={result.pageCount} />
        </>
      ) : (
        <div className="mt-3">
          <EmptyState
            title={t("search.emptyTitle")}
            body={t("search.emptyBody")}
            action={{
              href: `/yeu-cau-mua/moi?${new URLSearchParams({
                ...(q ? { q } : {}),
                ...(categoryCode ? { "danh-muc": categoryCode } : {}),
              }).toString()}`,
              label: t("search.emptyAction"),
            }}
          />
        </div>
      )}
    </div>
  );
}
