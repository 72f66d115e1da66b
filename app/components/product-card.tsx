import { Link } from "~/components/link";
import { imageSrcSet, imageUrlFor } from "~/lib/images";
import { useLocale, useT } from "~/lib/i18n";
import { unitLabel } from "~/lib/i18n/labels";
import { formatVnd } from "~/lib/money";
import { CampaignBadge } from "./campaigns/campaign-badge";
import { EmptyState } from "./empty-state";
import { ProducePlaceholder } from "./icons";
import { OcopBadge } from "./ocop-badge";
import { RatingSummary } from "./product-reviews";

/** What a product card needs (catalog ProductCard without the server-only parts). */
export interface ProductCardData {
  sku: string;
  slug: string;
  title: string;
  priceVnd: number;
  unit: string;
  stock: number;
  ocopStars: number;
  producerName: string;
  commune: string;
  coverKey: string | null;
  coverWidth: number | null;
  /** The average of its visible reviews and their count; absent or null before any. */
  rating?: { average: number; count: number } | null;
  /** The running campaign it is in (issue 16): a badge linking to it; absent or null when none. */
  campaign?: { slug: string; title: string } | null;
}

/** Products as a grid of cards, or `emptyTitle` when there are none. */
export function ProductGrid({
  products,
  emptyTitle,
}: {
  products: ProductCardData[];
  emptyTitle: string;
}) {
  if (products.length === 0) {
    return (
      <div className="mt-4">
        <EmptyState title={emptyTitle} headingLevel={3} />
      </div>
    );
  }
  return (
    <ul className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
      {products.map((product) => (
        <li key={product.sku}>
          <ProductCard product={product} />
        </li>
      ))}
    </ul>
  );
}

/** A product in a grid: photo, title, price per unit, producer and commune, OCOP stars. */
export function ProductCard({
  product,
  headingLevel = 3,
}: {
  product: ProductCardData;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="relative flex h-full flex-col overflow-hidden rounded-xl border border-stone-200 bg-white shadow-sm focus-within:ring-2 focus-within:ring-brand-700 hover:shadow-md">
      <div className="aspect-[4/3] bg-brand-50">
        <ProductPhoto
          image={
            product.coverKey && product.coverWidth
              ? { key: product.coverKey, width: product.coverWidth }
              : null
          }
          width={640}
          height={480}
          sizes="(min-width: 1024px) 25vw, (min-width: 640px) 33vw, 50vw"
          placeholderClassName="h-14 w-14"
        />
      </div>
      <div className="flex flex-1 flex-col gap-1 p-3">
        <Heading className="text-base leading-snug font-semibold">
          <Link
            to={`/san-pham/${product.slug}`}
            className="text-stone-900 after:absolute after:inset-0 hover:text-brand-800"
          >
            {product.title}
          </Link>
        </Heading>
        <ProductFacts
          priceVnd={product.priceVnd}
          unit={product.unit}
          producerName={product.producerName}
          commune={product.commune}
          ocopStars={product.ocopStars}
          stock={product.stock}
          rating={product.rating}
          campaign={product.campaign}
        />
      </div>
    </article>
  );
}

/**
 * A card's photo (the `width` variant, with a srcset for sharper screens), or a drawn
 * placeholder for a listing without photos.
 */
export function ProductPhoto({
  image,
  width,
  height,
  sizes,
  eager = false,
  placeholderClassName,
}: {
  image: { key: string; width: number } | null;
  width: number;
  height: number;
  sizes: string;
  eager?: boolean;
  placeholderClassName: string;
}) {
  if (!image) {
    return (
      <div className="flex h-full items-center justify-center text-brand-600/40">
        <ProducePlaceholder className={placeholderClassName} />
      </div>
    );
  }
  return (
    <img
      src={imageUrlFor(image.key, image.width, width)}
      srcSet={imageSrcSet(image.key, image.width)}
      sizes={sizes}
      alt=""
      loading={eager ? "eager" : "lazy"}
      decoding="async"
      width={width}
      height={height}
      className="h-full w-full object-cover"
    />
  );
}

/**
 * What every product card says under its title, in the grid and in search results: price
 * per unit, its rating, producer, commune, OCOP stars and "out of stock". `truncate` keeps the producer
 * and commune on one line each (the narrow result rows).
 */
export function ProductFacts({
  priceVnd,
  unit,
  producerName,
  commune,
  ocopStars,
  stock,
  rating,
  campaign,
  truncate = false,
}: {
  priceVnd: number;
  unit: string;
  producerName: string;
  commune: string;
  ocopStars: number;
  stock: number;
  rating?: { average: number; count: number } | null;
  campaign?: { slug: string; title: string } | null;
  truncate?: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const oneLine = truncate ? "truncate " : "";
  return (
    <>
      <p className="font-bold text-accent-700">
        {t("product.pricePerUnit", {
          price: formatVnd(priceVnd, locale),
          unit: unitLabel(locale, unit),
        })}
      </p>
      <RatingSummary rating={rating} />
      <p className={`${oneLine}text-sm text-stone-700`}>{producerName}</p>
      <p className={`${oneLine}text-sm text-stone-600`}>{commune}</p>
      <div className="mt-auto flex flex-wrap items-center gap-2 pt-1">
        <OcopBadge stars={ocopStars} />
        {stock === 0 ? (
          <span className="text-xs font-medium text-stone-600">{t("product.outOfStock")}</span>
        ) : null}
        <CampaignBadge campaign={campaign} />
      </div>
    </>
  );
}
