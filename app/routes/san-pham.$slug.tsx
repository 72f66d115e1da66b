import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { DetailList, DetailRow } from "~/components/detail-list";
import { Link, useLoaderData } from "@remix-run/react";
import { ProducePlaceholder } from "~/components/icons";
import { JsonLd } from "~/components/json-ld";
import { OcopBadge } from "~/components/ocop-badge";
import { NotFound } from "~/lib/errors";
import { formatDate, formatNumber, isMessageKey, t, useLocale, useT } from "~/lib/i18n";
import { unitLabel } from "~/lib/i18n/labels";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import { imageSrcSet, imageUrlFor } from "~/lib/images";
import { formatVnd } from "~/lib/money";
import { getPublishedListingBySlug } from "~/modules/catalog/queries.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = localeFromMatches(matches);
  if (!data) return pageMeta(locale, t(locale, "error.404.title"));
  const { listing } = data;
  return [
    ...pageMeta(locale, listing.title, listing.description.slice(0, 160)),
    { property: "og:title", content: listing.title },
    { property: "og:type", content: "product" },
  ];
};

/** A product page; an old slug answers with a permanent redirect to the current one. */
export const loader = handle(async ({ params }: LoaderFunctionArgs) => {
  const found = getPublishedListingBySlug(getDb(), params.slug ?? "");
  if (!found) throw new NotFound("Không tìm thấy sản phẩm này. Có thể sản phẩm đã ngừng bán.");
  if (found.kind === "moved") throw redirect(`/san-pham/${found.slug}`, 301);
  return { listing: found.listing };
});

export default function ProductPage() {
  const { listing } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const unit = unitLabel(locale, listing.unit);
  const cover = listing.images[0];
  return (
    <article className="grid gap-6 lg:grid-cols-2">
      <JsonLd
        data={{
          "@context": "https://schema.org",
          "@type": "Product",
          name: listing.title,
          sku: listing.sku,
          description: listing.description,
          brand: { "@type": "Organization", name: listing.producerName },
          offers: {
            "@type": "Offer",
            priceCurrency: "VND",
            price: listing.priceVnd,
            availability:
              listing.stock > 0 ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
          },
        }}
      />
      <div>
        <div className="aspect-[4/3] overflow-hidden rounded-2xl bg-brand-50">
          {cover ? (
            <img
              src={imageUrlFor(cover.storageKey, cover.width, 1024)}
              srcSet={imageSrcSet(cover.storageKey, cover.width)}
              sizes="(min-width: 1024px) 50vw, 100vw"
              alt={cover.alt || listing.title}
              width={cover.width}
              height={cover.height}
              className="h-full w-full object-cover"
            />
          ) : (
            <div className="flex h-full items-center justify-center text-brand-600/40">
              <ProducePlaceholder className="h-24 w-24" />
            </div>
          )}
        </div>
      </div>
      <div>
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
        <p className="mt-3 text-2xl font-bold text-accent-700">
          {t("product.pricePerUnit", { price: formatVnd(listing.priceVnd, locale), unit })}
        </p>
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <OcopBadge stars={listing.ocop ? listing.ocop.stars : 0} size="md" />
          <span
            className={`rounded-full px-2.5 py-1 text-sm font-medium ${listing.stock > 0 ? "bg-brand-100 text-brand-800" : "bg-stone-200 text-stone-800"}`}
          >
            {listing.stock > 0
              ? t("product.inStock", { qty: formatNumber(listing.stock, locale), unit })
              : t("product.outOfStock")}
          </span>
        </div>

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
            <DetailRow label={t("product.commune")}>{listing.commune}</DetailRow>
            <DetailRow label={t("product.minOrder")}>
              {t("product.quantityUnit", { qty: formatNumber(listing.minOrderQty, locale), unit })}
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
        <p className="mt-4">
          <Link
            to={`/nha-san-xuat/${listing.producerCode}`}
            className="font-semibold text-brand-800 underline underline-offset-2"
          >
            {t("product.moreFromProducer", { name: listing.producerName })}
          </Link>
        </p>
      </section>
    </article>
  );
}
