import { Link } from "@remix-run/react";
import { imageSrcSet, imageUrlFor } from "~/lib/images";
import { useLocale, useT } from "~/lib/i18n";
import { unitLabel } from "~/lib/i18n/labels";
import { formatVnd } from "~/lib/money";
import { ProducePlaceholder } from "../icons";
import { OcopBadge } from "../ocop-badge";

/** What a search result row shows (a SearchHit without the server-only parts). */
export interface SearchHitCardData {
  sku: string;
  title: string;
  priceVnd: number;
  unit: string;
  stock: number;
  ocopStars: number;
  commune: string;
  producer: { code: string; name: string };
  image: { key: string; width: number } | null;
  path: string;
}

/**
 * One result: a small photo beside the title, price per unit, producer and commune. The
 * photo is at most 8rem wide, so `sizes` lets a phone (even at 3× density) take the 320 px
 * variant; photos below the first rows load lazily.
 */
export function SearchHitCard({ hit, eager }: { hit: SearchHitCardData; eager: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <article className="relative flex h-full gap-3 rounded-xl border border-stone-200 bg-white p-2 shadow-sm focus-within:ring-2 focus-within:ring-brand-700 hover:shadow-md">
      <div className="aspect-square w-24 shrink-0 overflow-hidden rounded-lg bg-brand-50 sm:w-32">
        {hit.image ? (
          <img
            src={imageUrlFor(hit.image.key, hit.image.width, 320)}
            srcSet={imageSrcSet(hit.image.key, hit.image.width)}
            sizes="(min-width: 640px) 8rem, 6rem"
            alt=""
            loading={eager ? "eager" : "lazy"}
            decoding="async"
            width={320}
            height={320}
            className="h-full w-full object-cover"
          />
        ) : (
          <div className="flex h-full items-center justify-center text-brand-600/40">
            <ProducePlaceholder className="h-10 w-10" />
          </div>
        )}
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-0.5">
        <h2 className="text-base leading-snug font-semibold break-words">
          <Link
            to={hit.path}
            className="text-stone-900 after:absolute after:inset-0 hover:text-brand-800"
          >
            {hit.title}
          </Link>
        </h2>
        <p className="font-bold text-accent-700">
          {t("product.pricePerUnit", {
            price: formatVnd(hit.priceVnd, locale),
            unit: unitLabel(locale, hit.unit),
          })}
        </p>
        <p className="truncate text-sm text-stone-700">{hit.producer.name}</p>
        <p className="truncate text-sm text-stone-600">{hit.commune}</p>
        <div className="mt-auto flex flex-wrap items-center gap-2 pt-1">
          <OcopBadge stars={hit.ocopStars} />
          {hit.stock === 0 ? (
            <span className="text-xs font-medium text-stone-600">{t("product.outOfStock")}</span>
          ) : null}
        </div>
      </div>
    </article>
  );
}
