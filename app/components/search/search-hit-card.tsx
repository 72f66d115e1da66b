import { Link } from "~/components/link";
import { ProductFacts, ProductPhoto } from "../product-card";

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
  /** The average of its visible reviews and their count; null before any. */
  rating?: { average: number; count: number } | null;
  /** The running campaign it is in (issue 16); absent or null when none. */
  campaign?: { slug: string; title: string } | null;
}

/**
 * One result: a small photo beside the title, price per unit, producer and commune. The
 * photo is at most 8rem wide, so `sizes` lets a phone (even at 3× density) take the 320 px
 * variant; photos below the first rows load lazily.
 */
export function SearchHitCard({ hit, eager }: { hit: SearchHitCardData; eager: boolean }) {
  return (
    <article className="relative flex h-full gap-3 rounded-xl border border-stone-200 bg-white p-2 shadow-sm focus-within:ring-2 focus-within:ring-brand-700 hover:shadow-md">
      <div className="aspect-square w-24 shrink-0 overflow-hidden rounded-lg bg-brand-50 sm:w-32">
        <ProductPhoto
          image={hit.image}
          width={320}
          height={320}
          sizes="(min-width: 640px) 8rem, 6rem"
          eager={eager}
          placeholderClassName="h-10 w-10"
        />
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
        <ProductFacts
          priceVnd={hit.priceVnd}
          unit={hit.unit}
          producerName={hit.producer.name}
          commune={hit.commune}
          ocopStars={hit.ocopStars}
          stock={hit.stock}
          rating={hit.rating}
          campaign={hit.campaign}
          truncate
        />
      </div>
    </article>
  );
}
