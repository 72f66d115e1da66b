import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import type { ReactNode } from "react";
import { EmptyState } from "~/components/empty-state";
import { CampaignGrid } from "~/components/campaigns/public-card";
import { ProductGrid } from "~/components/product-card";
import { PurchaseRequestCard } from "~/components/purchase-request-card";
import { formatNumber, useLocale, useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { getActor } from "~/modules/auth/session.server";
import { homeSectionsWithBadges } from "~/modules/campaigns/badges.server";
import { listRunningCampaigns } from "~/modules/campaigns/public.server";
import { getHomeSections } from "~/modules/catalog/home-sections.server";
import { listCategoriesWithCounts } from "~/modules/catalog/queries.server";
import { listOpenPurchaseRequests } from "~/modules/demand/purchase-requests.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export { NO_HYDRATION as handle } from "~/lib/hydration";

export const meta: MetaFunction = titledPage("home.title");

/**
 * The home page, products first so a phone shows them in its first screen: OCOP products,
 * new products, a signed-in buyer's own province's; then categories and open purchase
 * requests. Public: anyone may read it; the actor only picks the province section.
 */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await getActor(request);
  const db = getDb();
  return {
    sections: homeSectionsWithBadges(
      db,
      getHomeSections(db, {
        buyerUserId: actor.kind === "user" && actor.isBuyer ? actor.userId : null,
      }),
    ),
    campaigns: listRunningCampaigns(db, { limit: 3 }),
    categories: listCategoriesWithCounts(db).filter((category) => category.parentId === null),
    requests: listOpenPurchaseRequests(db, { perPage: 4 }).items,
  };
});

export default function Home() {
  const { sections, categories, requests, campaigns } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="space-y-8 sm:space-y-12">
      <section
        aria-labelledby="hero-title"
        className="rounded-2xl bg-gradient-to-br from-brand-700 to-brand-800 px-4 py-4 text-white sm:px-10 sm:py-12"
      >
        <h1 id="hero-title" className="max-w-2xl text-lg leading-tight font-extrabold sm:text-4xl">
          {t("home.heroTitle")}
        </h1>
        {/* The pitch waits for wider screens: on a phone the products come first. */}
        <p className="mt-3 hidden max-w-2xl text-brand-50 sm:block sm:text-lg">
          {t("home.heroBody")}
        </p>
        <div className="mt-3 flex flex-wrap gap-2 text-sm sm:mt-6 sm:gap-3 sm:text-base">
          <Link
            to="/dang-ky/nha-san-xuat"
            className="rounded-lg bg-white px-3 py-2 font-semibold text-brand-800 hover:bg-brand-50 sm:px-4 sm:py-2.5"
          >
            {t("home.ctaSell")}
          </Link>
          <Link
            to="/yeu-cau-mua/moi"
            className="rounded-lg border border-white/70 px-3 py-2 font-semibold text-white hover:bg-white/10 sm:px-4 sm:py-2.5"
          >
            {t("home.ctaRequest")}
          </Link>
        </div>
      </section>

      {campaigns.length > 0 ? (
        <section aria-labelledby="campaigns-title">
          <SectionHeading id="campaigns-title" title={t("campaignpage.home.title")}>
            <Link to="/chien-dich" className={SEE_ALL_LINK}>
              {t("campaignpage.home.all")}
            </Link>
          </SectionHeading>
          <CampaignGrid campaigns={campaigns} headingLevel={3} />
        </section>
      ) : null}

      {sections.ocop.length > 0 ? (
        <section aria-labelledby="ocop-title">
          <SectionHeading id="ocop-title" title={t("journey.home.ocopTitle")}>
            <Link to="/tim-kiem?ocop=3" className={SEE_ALL_LINK}>
              {t("journey.home.ocopAll")}
            </Link>
          </SectionHeading>
          <ProductGrid products={sections.ocop} emptyTitle={t("home.newestEmpty")} />
        </section>
      ) : null}

      <section aria-labelledby="newest-title">
        <SectionHeading id="newest-title" title={t("home.newestTitle")}>
          <Link to="/tim-kiem" className={SEE_ALL_LINK}>
            {t("home.newestAll")}
          </Link>
        </SectionHeading>
        <ProductGrid products={sections.newest} emptyTitle={t("home.newestEmpty")} />
      </section>

      {sections.province ? (
        <section aria-labelledby="province-title">
          <SectionHeading
            id="province-title"
            title={t("journey.home.provinceTitle", { province: sections.province.name })}
          />
          <ProductGrid products={sections.province.products} emptyTitle={t("home.newestEmpty")} />
        </section>
      ) : null}

      <section aria-labelledby="categories-title">
        <h2 id="categories-title" className="text-xl font-bold text-stone-900">
          {t("home.categoriesTitle")}
        </h2>
        <ul className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
          {categories.map((category) => (
            <li key={category.code}>
              <Link
                to={`/tim-kiem?danh-muc=${encodeURIComponent(category.code)}`}
                className="flex h-full flex-col justify-between rounded-xl border border-stone-200 bg-white p-3 hover:border-brand-600 hover:bg-brand-50"
              >
                <span className="font-semibold text-stone-900">
                  {locale === "en" ? category.nameEn : category.nameVi}
                </span>
                <span className="mt-1 text-sm text-stone-600">
                  {t("category.productCount", {
                    count: formatNumber(category.listingCount, locale),
                  })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="requests-title">
        <SectionHeading id="requests-title" title={t("home.requestsTitle")}>
          <Link to="/yeu-cau-mua" className={SEE_ALL_LINK}>
            {t("home.requestsAll")}
          </Link>
        </SectionHeading>
        {requests.length > 0 ? (
          <ul className="mt-4 grid gap-3 sm:grid-cols-2">
            {requests.map((request) => (
              <li key={request.code}>
                <PurchaseRequestCard request={request} />
              </li>
            ))}
          </ul>
        ) : (
          <div className="mt-4">
            <EmptyState
              title={t("home.requestsEmpty")}
              headingLevel={3}
              action={{ href: "/yeu-cau-mua/moi", label: t("home.ctaRequest") }}
            />
          </div>
        )}
      </section>
    </div>
  );
}

const SEE_ALL_LINK = "font-semibold text-brand-800 underline-offset-2 hover:underline";

/** A home page section's title with its "see all" link beside it. */
function SectionHeading({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children?: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-2">
      <h2 id={id} className="text-xl font-bold text-stone-900">
        {title}
      </h2>
      {children}
    </div>
  );
}
