import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProductGrid } from "~/components/product-card";
import { ResponsiveImage } from "~/components/supply/responsive-image";
import { NotFound } from "~/lib/errors";
import { formatNumber, useLocale, useT } from "~/lib/i18n";
import { ProducerPhone } from "~/components/producer-phone";
import { recordPageMeta } from "~/lib/i18n/meta";
import { withCampaignBadges } from "~/modules/campaigns/badges.server";
import { getProducerPage } from "~/modules/listings/public.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

// A page to read: no scripts in its document (docs/decisions/035).
export { NO_HYDRATION as handle } from "~/lib/hydration";

export const meta: MetaFunction<typeof loader> = recordPageMeta(({ producer }) => ({
  title: producer.name,
  description: producer.story.slice(0, 160) || undefined,
}));

/** A verified producer's public page: who they are and what they sell. */
export const loader = handle(async ({ params }: LoaderFunctionArgs) => {
  const db = getDb();
  const page = getProducerPage(db, params.code ?? "");
  if (!page) throw new NotFound("catalog.errors.producerNotFound");
  return { ...page, listings: withCampaignBadges(db, page.listings) };
});

export default function PublicProducerPage() {
  const { producer, listings, photos } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const count = (n: number) => formatNumber(n, locale);
  return (
    <div className="space-y-8">
      <header>
        <p className="text-sm font-semibold text-accent-700">
          {t(`producerKind.${producer.kind}`)}
        </p>
        <h1 className="mt-1 text-2xl font-bold text-stone-900 sm:text-3xl">{producer.name}</h1>
        <p className="mt-1 text-stone-700">{producer.commune}</p>
      </header>

      <div className="grid gap-6 md:grid-cols-3">
        <section aria-labelledby="story-title" className="md:col-span-2">
          <h2 id="story-title" className="text-lg font-semibold">
            {t("producer.story")}
          </h2>
          <p className="mt-2 max-w-prose whitespace-pre-line text-stone-800">{producer.story}</p>
          {photos.length > 0 ? (
            <ul
              className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3"
              aria-label={t("producer.photos")}
            >
              {photos.map((photo, index) => (
                <li key={photo.storageKey}>
                  <ResponsiveImage
                    image={photo}
                    alt={photo.alt || producer.name}
                    sizes="(min-width: 768px) 20vw, 50vw"
                    eager={index === 0}
                    className="aspect-[4/3] rounded-xl"
                  />
                </li>
              ))}
            </ul>
          ) : null}
        </section>
        <dl className="h-fit divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white text-sm">
          <div className="px-3 py-2">
            <dt className="text-stone-600">{t("producer.address")}</dt>
            <dd className="text-stone-900">{producer.address}</dd>
          </div>
          {producer.phone ? (
            <div className="px-3 py-2">
              <dt className="text-stone-600">{t("producer.phone")}</dt>
              <dd className="mt-1">
                <ProducerPhone phone={producer.phone} name={producer.name} />
              </dd>
            </div>
          ) : null}
          {producer.foundedYear ? (
            <div className="px-3 py-2">
              <dt className="text-stone-600">{t("producer.founded")}</dt>
              <dd className="text-stone-900">{producer.foundedYear}</dd>
            </div>
          ) : null}
          <div className="px-3 py-2">
            <dt className="text-stone-600">{t("producer.members")}</dt>
            <dd className="text-stone-900">
              <ul>
                <li>{t("producer.membersTotal", { count: count(producer.membersTotal) })}</li>
                <li>{t("producer.membersWomen", { count: count(producer.membersWomen) })}</li>
                {producer.membersEthnicMinority > 0 ? (
                  <li>
                    {t("producer.membersEthnicMinority", {
                      count: count(producer.membersEthnicMinority),
                    })}
                  </li>
                ) : null}
                {producer.membersPoorHousehold > 0 ? (
                  <li>
                    {t("producer.membersPoorHousehold", {
                      count: count(producer.membersPoorHousehold),
                    })}
                  </li>
                ) : null}
              </ul>
            </dd>
          </div>
        </dl>
      </div>

      <section aria-labelledby="listings-title">
        <h2 id="listings-title" className="text-xl font-bold text-stone-900">
          {t("producer.listingsTitle")}
        </h2>
        <ProductGrid products={listings} emptyTitle={t("producer.noListings")} />
      </section>
    </div>
  );
}
