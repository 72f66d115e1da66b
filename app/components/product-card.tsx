import { Link } from "@remix-run/react";
import { imageSrcSet, imageUrlFor } from "~/lib/images";
import { useLocale, useT } from "~/lib/i18n";
import { unitLabel } from "~/lib/i18n/labels";
import { formatVnd } from "~/lib/money";
import { ProducePlaceholder } from "./icons";
import { OcopBadge } from "./ocop-badge";

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
}

/** A product in a grid: photo, title, price per unit, producer and commune, OCOP stars. */
export function ProductCard({
  product,
  headingLevel = 3,
}: {
  product: ProductCardData;
  headingLevel?: 2 | 3;
}) {
  const t = useT();
  const locale = useLocale();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const unit = unitLabel(locale, product.unit);
  return (
    <article className="relative flex h-full flex-col overflow-hidden rounded-xl border border-stone-200 bg-white shadow-sm focus-within:ring-2 focus-within:ring-brand-700 hover:shadow-md">
      <div className="aspect-[4/3] bg-brand-50">
        {product.coverKey && product.coverWidth ? (
          <img
            src={imageUrlFor(product.coverKey, product.coverWidth, 640)}
            srcSet={imageSrcSet(product.coverKey, product.coverWidth)}
            sizes="(min-width: 1024px) 25vw, (min-width: 640px) 33vw, 50vw"
            alt=""
            loading="lazy"
            decoding="async"
            width={640}
            height={480}
            className="h-full w-full object-cover"
          />
        ) : (
          <div className="flex h-full items-center justify-center text-brand-600/40">
            <ProducePlaceholder className="h-14 w-14" />
          </div>
        )}
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
        <p className="font-bold text-accent-700">
          {t("product.pricePerUnit", { price: formatVnd(product.priceVnd, locale), unit })}
        </p>
        <p className="text-sm text-stone-700">{product.producerName}</p>
        <p className="text-sm text-stone-600">{product.commune}</p>
        <div className="mt-auto flex flex-wrap items-center gap-2 pt-1">
          <OcopBadge stars={product.ocopStars} />
          {product.stock === 0 ? (
            <span className="text-xs font-medium text-stone-600">{t("product.outOfStock")}</span>
          ) : null}
        </div>
      </div>
    </article>
  );
}
