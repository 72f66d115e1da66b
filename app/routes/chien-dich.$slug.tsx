import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { AddToCartForm } from "~/components/add-to-cart-form";
import { CampaignFacts } from "~/components/campaigns/public-card";
import { CampaignProgress } from "~/components/campaigns/public-progress";
import { EmptyState } from "~/components/empty-state";
import { ProductCard } from "~/components/product-card";
import { ShareLinks } from "~/components/share-links";
import { ResponsiveImage } from "~/components/supply/responsive-image";
import { NotFound } from "~/lib/errors";
import { formatDate, t, useLocale, useT } from "~/lib/i18n";
import { formatQuantity } from "~/lib/i18n/labels";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import { ogImageMeta } from "~/lib/open-graph";
import { getCampaignPage } from "~/modules/campaigns/public.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";
import { publicOrigin } from "~/modules/search/api.server";

/** The page's absolute address (`origin` is PUBLIC_URL without its trailing slash). */
function campaignUrl(origin: string, slug: string): string {
  return `${origin}/chien-dich/${encodeURIComponent(slug)}`;
}

/** The story's first words, on one line, for descriptions and link previews. */
function storyExcerpt(story: string, length: number): string {
  return story.replace(/\s+/g, " ").trim().slice(0, length);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = localeFromMatches(matches);
  if (!data) return pageMeta(locale, t(locale, "error.404.title"));
  const { campaign, origin } = data;
  const url = campaignUrl(origin, campaign.slug);
  const description = storyExcerpt(campaign.story, 200) || t(locale, "campaignpage.list.intro");
  const cover = campaign.cover;
  // Zalo, Messenger and Facebook read Open Graph to preview a shared link.
  return [
    ...pageMeta(locale, campaign.title, description.slice(0, 160)),
    { tagName: "link", rel: "canonical", href: url },
    { property: "og:site_name", content: t(locale, "site.name") },
    { property: "og:locale", content: locale === "en" ? "en_US" : "vi_VN" },
    { property: "og:type", content: "website" },
    {
      property: "og:title",
      content: t(locale, "campaignpage.shareTitle", { title: campaign.title }),
    },
    { property: "og:description", content: description },
    { property: "og:url", content: url },
    ...(cover ? ogImageMeta(origin, cover, campaign.title) : []),
    { name: "twitter:card", content: cover ? "summary_large_image" : "summary" },
    { name: "twitter:title", content: campaign.title },
    { name: "twitter:description", content: description },
  ];
};

/** A campaign's public page; a draft or an unknown slug is not found. */
export const loader = handle(async ({ params, request }: LoaderFunctionArgs) => {
  const page = getCampaignPage(getDb(), params.slug ?? "");
  if (!page) throw new NotFound("campaignpage.notFound");
  // Absolute links for Open Graph, sharing and the QR code: PUBLIC_URL (required in production).
  return { ...page, origin: publicOrigin(request) };
});

const LINK = "font-semibold text-brand-800 underline underline-offset-2";

export default function CampaignPage() {
  const { campaign, producers, listings, partners, origin } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const url = campaignUrl(origin, campaign.slug);
  const qrPath = `/chien-dich/${campaign.slug}/ma-qr.svg`;
  const paragraphs = campaign.story.split(/\n\s*\n/).filter((part) => part.trim() !== "");
  const canBuy = campaign.phase === "running";
  return (
    <article className="space-y-8">
      <header className="space-y-3">
        {campaign.cover ? (
          <ResponsiveImage
            image={campaign.cover}
            alt={campaign.cover.alt}
            sizes="(min-width: 1024px) 960px, 100vw"
            eager
            className="aspect-[16/9] w-full rounded-2xl"
          />
        ) : null}
        <h1 className="text-2xl leading-tight font-bold text-stone-900 sm:text-3xl">
          {campaign.title}
        </h1>
        <CampaignFacts campaign={campaign} />
        <p className="text-sm text-stone-700">
          {t("campaignpage.heldBy", { unit: campaign.orgUnitName })}
        </p>
        {campaign.phase === "ended" ? (
          <p
            role="status"
            className="rounded-lg bg-stone-100 px-4 py-3 font-semibold text-stone-900"
          >
            {t("campaignpage.phase.ended")}. {t("campaignpage.ended.notice")}
          </p>
        ) : null}
        {campaign.phase === "upcoming" ? (
          <p role="status" className="rounded-lg bg-amber-50 px-4 py-3 text-amber-900">
            {t("campaignpage.upcoming.notice", { date: formatDate(campaign.startsOn, locale) })}
          </p>
        ) : null}
        <section
          aria-labelledby="progress-title"
          className="rounded-xl border border-stone-200 bg-white p-4"
        >
          <h2 id="progress-title" className="sr-only">
            {t("campaignpage.progress.label")}
          </h2>
          <CampaignProgress campaign={campaign} />
        </section>
      </header>

      <section aria-labelledby="story-title">
        <h2 id="story-title" className="text-lg font-semibold">
          {t("campaignpage.story")}
        </h2>
        {/* Plain text: React escapes it, so "<b>" shows as written; blank lines part paragraphs. */}
        {paragraphs.map((paragraph, index) => (
          <p key={index} className="mt-2 max-w-prose whitespace-pre-line text-stone-800">
            {paragraph.trim()}
          </p>
        ))}
      </section>

      <section aria-labelledby="listings-title">
        <h2 id="listings-title" className="text-xl font-bold text-stone-900">
          {t("campaignpage.listings.title")}
        </h2>
        {canBuy && listings.length > 0 ? (
          <p className="mt-1">
            <Link
              to={`/tim-kiem?chien-dich=${encodeURIComponent(campaign.slug)}`}
              className="text-sm font-semibold text-brand-800 underline"
            >
              {t("campaignpage.listings.search")}
            </Link>
          </p>
        ) : null}
        {listings.length > 0 ? (
          <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {listings.map((listing) => (
              <li key={listing.sku} className="flex flex-col">
                <ProductCard product={listing} />
                {canBuy ? (
                  <AddToCartForm
                    listingId={listing.id}
                    minOrderQty={listing.minOrderQty}
                    stock={listing.stock}
                    priceVnd={listing.priceVnd}
                    unit={listing.unit}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <div className="mt-4">
            <EmptyState title={t("campaignpage.listings.empty")} headingLevel={3} />
          </div>
        )}
      </section>

      <section aria-labelledby="producers-title">
        <h2 id="producers-title" className="text-xl font-bold text-stone-900">
          {t("campaignpage.producers.title")}
        </h2>
        {producers.length > 0 ? (
          <ul className="mt-3 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
            {producers.map((producer) => (
              <li key={producer.code} className="p-3">
                <Link to={`/nha-san-xuat/${producer.code}`} className={LINK}>
                  {producer.name}
                </Link>
                <p className="text-sm text-stone-700">
                  {[producer.commune, producer.province].filter(Boolean).join(", ")}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-stone-700">{t("campaignpage.producers.empty")}</p>
        )}
      </section>

      <section aria-labelledby="partners-title">
        <h2 id="partners-title" className="text-xl font-bold text-stone-900">
          {t("campaignpage.partners.title")}
        </h2>
        {partners.length > 0 ? (
          <ul className="mt-3 space-y-3">
            {partners.map((partner) => (
              <li key={partner.id} className="rounded-xl border border-stone-200 bg-white p-3">
                <p className="font-semibold text-stone-900">{partner.name}</p>
                {partner.pledges.length > 0 ? (
                  <ul className="mt-1 list-disc pl-5 text-sm text-stone-800">
                    {partner.pledges.map((pledge) => (
                      <li key={pledge.id}>
                        {t("campaignpage.pledge.line", {
                          quantity: formatQuantity(locale, pledge.quantity, pledge.unit),
                          goods: pledge.goods,
                          date: formatDate(pledge.byDate, locale),
                        })}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-stone-700">{t("campaignpage.partners.empty")}</p>
        )}
        {campaign.phase !== "ended" ? (
          <div className="mt-3">
            <p className="text-sm text-stone-700">{t("campaignpage.pledge.hint")}</p>
            <Link
              to={`/chien-dich/${campaign.slug}/cam-ket`}
              className="mt-2 inline-flex min-h-11 items-center rounded-lg border border-brand-700 bg-white px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50"
            >
              {t("campaignpage.pledge.cta")}
            </Link>
          </div>
        ) : null}
      </section>

      <ShareLinks url={url} />

      <section aria-labelledby="qr-title">
        <h2 id="qr-title" className="text-sm font-semibold text-stone-800">
          {t("campaignpage.qr.title")}
        </h2>
        <a href={qrPath} className="mt-2 block w-40">
          <img
            src={qrPath}
            alt={t("campaignpage.qr.alt", { title: campaign.title })}
            width={160}
            height={160}
            loading="lazy"
            className="rounded-lg border border-stone-200 bg-white"
          />
        </a>
        <a
          href={`${qrPath}?tai=1`}
          download
          className={`mt-2 inline-flex min-h-11 items-center ${LINK}`}
        >
          {t("campaignpage.qr.download")}
        </a>
      </section>
    </article>
  );
}
