import { formatDate, useLocale, useT } from "~/lib/i18n";

export interface ProductReviewsData {
  average: number | null;
  count: number;
  reviews: {
    id: number;
    rating: number;
    comment: string;
    authorName: string;
    createdAt: Date | string;
  }[];
}

/** Stars as text for screen readers and as glyphs for the eye. */
export function Stars({ rating }: { rating: number }) {
  const t = useT();
  return (
    <span className="text-amber-600" role="img" aria-label={t("reviews.stars", { rating })}>
      {"★".repeat(rating)}
      <span className="text-stone-300">{"★".repeat(5 - rating)}</span>
    </span>
  );
}

/**
 * The reviews block of a product page: the average and the visible reviews (data from
 * `getListingReviews` in app/modules/orders/reviews.server.ts).
 */
export function ProductReviews({ data }: { data: ProductReviewsData }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="reviews-heading" className="mt-8">
      <h2 id="reviews-heading" className="text-lg font-semibold">
        {t("reviews.title")}
      </h2>
      {data.count === 0 || data.average === null ? (
        <p className="mt-2 text-stone-700">{t("reviews.none")}</p>
      ) : (
        <>
          <p className="mt-2 text-stone-800">
            {t("reviews.average", { average: data.average.toFixed(1), count: data.count })}
          </p>
          <ul className="mt-3 space-y-3">
            {data.reviews.map((review) => (
              <li key={review.id} className="rounded-xl border border-stone-200 bg-white p-4">
                <p className="flex flex-wrap items-center gap-2 text-sm">
                  <Stars rating={review.rating} />
                  <span className="font-medium text-stone-900">{review.authorName}</span>
                  <span className="text-stone-600">{formatDate(review.createdAt, locale)}</span>
                </p>
                {review.comment ? <p className="mt-2 text-stone-800">{review.comment}</p> : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
