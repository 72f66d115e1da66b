import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { AddToCartForm } from "~/components/add-to-cart-form";
import { CampaignBadge } from "~/components/campaigns/campaign-badge";
import { ProducerPhone } from "~/components/producer-phone";
import { DetailList, DetailRow } from "~/components/detail-list";
import { JsonLd } from "~/components/json-ld";
import { OcopBadge } from "~/components/ocop-badge";
import { ProductReviews, RatingSummary } from "~/components/product-reviews";
import { ShareLinks } from "~/components/share-links";
import { GALLERY_SIZES, ProductGallery } from "~/components/supply/product-gallery";
import { ResponsiveImage } from "~/components/supply/responsive-image";
import { NotFound } from "~/lib/errors";
import { formatDate, formatNumber, isMessageKey, t, useLocale, useT } from "~/lib/i18n";
import { formatQuantity, unitLabel } from "~/lib/i18n/labels";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import { imageUrlFor, preloadImageDescriptor } from "~/lib/images";
import { ogImageMeta } from "~/lib/open-graph";
import { formatVnd } from "~/lib/money";
import { campaignBadges } from "~/modules/campaigns/badges.server";
import { getProductPage } from "~/modules/listings/public.server";
import { getListingReviews } from "~/modules/orders/reviews.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";
import { publicOrigin } from "~/modules/search/api.server";

// Its two widgets, the line total and "copy link", come from the island (decision 035).
export { NO_HYDRATION as handle } from "~/lib/hydration";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = localeFromMatches(matches);
  if (!data) return pageMeta(locale, t(locale, "error.404.title"));
  const { listing, gallery, origin } = data;
  const url = `${origin}/san-pham/${listing.slug}`;
  const description = listing.description.slice(0, 200);
  const cover = gallery[0];
  // Chat apps (Zalo, Messenger, Facebook) read Open Graph to preview a shared link.
  return [
    ...pageMeta(locale, listing.title, description.slice(0, 160)),
    { tagName: "link", rel: "canonical", href: url },
    // The first photo is the page's largest paint: fetched first, at the width it is drawn.
    ...(cover ? [preloadImageDescriptor(cover, GALLERY_SIZES)] : []),
    { property: "og:site_name", content: t(locale, "site.name") },
    { property: "og:locale", content: locale === "en" ? "en_US" : "vi_VN" },
    { property: "og:type", content: "product" },
    {
      property: "og:title",
      content: t(locale, "product.shareTitle", {
        title: listing.title,
        producer: listing.producerName,
      }),
    },
    { property: "og:description", content: description },
    { property: "og:url", content: url },
    ...(cover ? ogImageMeta(origin, cover, listing.title) : []),
    { property: "product:price:amount", content: String(listing.priceVnd) },
    { property: "product:price:currency", content: "VND" },
    { name: "twitter:card", content: cover ? "summary_large_image" : "summary" },
  ];
};

/** A product page; an old slug answers with a permanent redirect to the current one. */
export const loader = handle(async ({ params, request }: LoaderFunctionArgs) => {
  const db = getDb();
  const found = getProductPage(db, params.slug ?? "");
  if (!found) throw new NotFound("catalog.errors.productGone");
  if (found.kind === "moved") throw redirect(`/san-pham/${found.slug}`, 301);
  // Absolute links for Open Graph and JSON-LD: PUBLIC_URL (required in production).
  return {
    ...found,
    reviews: getListingReviews(db, found.listing.id),
    campaign: campaignBadges(db, [found.listing.id]).get(found.listing.id) ?? null,
    origin: publicOrigin(request),
  };
});

export default function ProductPage() {
  const { listing, gallery, producerStory, producerPhoto, reviews, origin, campaign } =
    useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const unit = unitLabel(locale, listing.unit);
  const url = `${origin}/san-pham/${listing.slug}`;
  return (
    <article className="grid gap-6 lg:grid-cols-2">
      <JsonLd
        data={{
          "@context": "https://schema.org",
          "@type": "Product",
          name: listing.title,
          sku: listing.sku,
          url,
          description: listing.description,
          category: locale === "en" ? listing.categoryNameEn : listing.categoryNameVi,
          ...(gallery.length > 0 && {
            image: gallery.map(
              (image) => `${origin}${imageUrlFor(image.storageKey, image.width, 1024)}`,
            ),
          }),
          brand: { "@type": "Organization", name: listing.producerName },
          ...(listing.ocop && {
            award: t("product.ocopBadgeLabel", { stars: listing.ocop.stars }),
          }),
          ...(reviews.count > 0 &&
            reviews.average !== null && {
              aggregateRating: {
                "@type": "AggregateRating",
                ratingValue: Math.round(reviews.average * 10) / 10,
                reviewCount: reviews.count,
                bestRating: 5,
                worstRating: 1,
              },
            }),
          offers: {
            "@type": "Offer",
            url,
            priceCurrency: "VND",
            price: listing.priceVnd,
            eligibleQuantity: {
              "@type": "QuantitativeValue",
              minValue: listing.minOrderQty,
              unitText: unit,
            },
            availability:
              listing.stock > 0 ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
            seller: { "@type": "Organization", name: listing.producerName },
          },
        }}
      />
      <div className="min-w-0">
        <ProductGallery images={gallery} title={listing.title} />
      </div>
      {/* min-w-0: a long campaign badge truncates instead of widening the column. */}
      <div className="min-w-0">
        <p className="text-sm text-stone-600">
          <Link
            to={`/tim-kiem?danh-muc=${encodeURIComponent(listing.categoryCode)}`}
            className="underline-offset-2 hover:underline"
          >
            {locale === "en" ? listing.categoryNameEn : listing.categoryNameVi}
          </Link>
        </p>
        <h1 className="mt-1 text-2xl leading-tight font-bold text-stone-900 sm:text-3xl">
          {listing.title}
        </h1>
        <RatingSummary
          className="mt-1"
          rating={
            reviews.average === null ? null : { average: reviews.average, count: reviews.count }
          }
          href="#reviews-heading"
        />
        <p className="mt-3 text-2xl font-bold text-accent-700">
          {t("product.pricePerUnit", { price: formatVnd(listing.priceVnd, locale), unit })}
        </p>
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <OcopBadge stars={listing.ocop ? listing.ocop.stars : 0} size="md" />
          <CampaignBadge campaign={campaign} className="text-sm" />
          <span
            className={`rounded-full px-2.5 py-1 text-sm font-medium ${listing.stock > 0 ? "bg-brand-100 text-brand-800" : "bg-stone-200 text-stone-800"}`}
          >
            {listing.stock > 0
              ? t("product.inStock", {
                  qty: formatNumber(listing.stock, locale),
                  unit: unitLabel(locale, listing.unit, listing.stock),
                })
              : t("product.outOfStock")}
          </span>
        </div>
        <AddToCartForm
          listingId={listing.id}
          minOrderQty={listing.minOrderQty}
          stock={listing.stock}
          priceVnd={listing.priceVnd}
          unit={listing.unit}
        />
        <ShareLinks url={url} />
        <p className="mt-3">
          <a
            href={`/san-pham/${encodeURIComponent(listing.sku)}/qr.svg`}
            className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline underline-offset-2"
          >
            {t("journey.share.qr")}
          </a>
        </p>

        <h2 className="mt-6 text-lg font-semibold">{t("product.details")}</h2>
        <div className="mt-2">
          <DetailList>
            <DetailRow label={t("product.producer")}>
              <Link
                to={`/nha-san-xuat/${listing.producerCode}`}
                className="font-medium text-brand-800 underline underline-offset-2"
              >
                {listing.producerName}
              </Link>
            </DetailRow>
            {listing.producerPhone ? (
              <DetailRow label={t("producer.phone")}>
                <ProducerPhone phone={listing.producerPhone} name={listing.producerName} />
              </DetailRow>
            ) : null}
            <DetailRow label={t("product.commune")}>{listing.commune}</DetailRow>
            <DetailRow label={t("product.minOrder")}>
              {formatQuantity(locale, listing.minOrderQty, listing.unit)}
            </DetailRow>
            <DetailRow label={t("product.season")}>{listing.season}</DetailRow>
            <DetailRow label={t("product.sku")}>{listing.sku}</DetailRow>
          </DetailList>
        </div>

        <h2 className="mt-6 text-lg font-semibold">{t("product.certifications")}</h2>
        {listing.ocop || listing.certifications.length > 0 ? (
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-stone-800">
            {listing.ocop ? (
              <li>
                {t("product.ocopCertificate", {
                  number: listing.ocop.certificateNo,
                  date: formatDate(listing.ocop.expiresOn, locale),
                })}
              </li>
            ) : null}
            {listing.certifications.map((certification) => {
              const key = `certification.${certification.kind}`;
              const name = isMessageKey(key) ? t(key) : certification.kind;
              return (
                <li key={certification.kind}>
                  {certification.expiresOn
                    ? t("product.certificationUntil", {
                        name,
                        date: formatDate(certification.expiresOn, locale),
                      })
                    : name}
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-stone-700">{t("product.noCertifications")}</p>
        )}
      </div>

      <section className="lg:col-span-2" aria-labelledby="description-title">
        <h2 id="description-title" className="text-lg font-semibold">
          {t("product.description")}
        </h2>
        <p className="mt-2 max-w-prose whitespace-pre-line text-stone-800">{listing.description}</p>
      </section>

      {producerStory || producerPhoto ? (
        <section
          className="rounded-2xl border border-stone-200 bg-white p-4 lg:col-span-2"
          aria-labelledby="producer-story-title"
        >
          <h2 id="producer-story-title" className="text-lg font-semibold">
            {t("product.producerStory")}
          </h2>
          <div className="mt-3 flex flex-col gap-4 sm:flex-row">
            {producerPhoto ? (
              <ResponsiveImage
                image={producerPhoto}
                sizes="(min-width: 640px) 240px, 100vw"
                className="aspect-[4/3] w-full shrink-0 rounded-xl sm:w-60"
              />
            ) : null}
            <div>
              <p className="font-semibold">{listing.producerName}</p>
              <p className="text-sm text-stone-600">{listing.commune}</p>
              <p className="mt-2 max-w-prose whitespace-pre-line text-stone-800">{producerStory}</p>
            </div>
          </div>
        </section>
      ) : null}
      <div className="lg:col-span-2">
        <ProductReviews data={reviews} />
      </div>
      <p className="lg:col-span-2">
        <Link
          to={`/nha-san-xuat/${listing.producerCode}`}
          className="font-semibold text-brand-800 underline underline-offset-2"
        >
          {t("product.moreFromProducer", { name: listing.producerName })}
        </Link>
      </p>
    </article>
  );
}
