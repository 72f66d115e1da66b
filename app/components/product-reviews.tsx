import { useId } from "react";
import { formatDate, formatNumber, useLocale, useT } from "~/lib/i18n";

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
 * A product's rating in little room (cards, beside a product's title): a star, the average
 * and the count for the eye, one full sentence for screen readers. Nothing before anyone
 * has rated the product.
 */
export function RatingSummary({
  rating,
  href,
  className = "",
}: {
  rating: { average: number; count: number } | null | undefined;
  /** Where the count leads (the reviews on the product page), when not inside a card link. */
  href?: string;
  className?: string;
}) {
  const t = useT();
  const locale = useLocale();
  if (!rating || rating.count === 0) return null;
  const average = formatNumber(rating.average, locale);
  const spoken = t(rating.count === 1 ? "journey.rating.summaryOne" : "journey.rating.summary", {
    average,
    count: formatNumber(rating.count, locale),
  });
  const visible = (
    <>
      <span aria-hidden="true" className="text-amber-600">
        ★
      </span>{" "}
      <span aria-hidden="true" className="font-semibold text-stone-900">
        {average}
      </span>{" "}
      <span aria-hidden="true" className="text-stone-600">
        ({formatNumber(rating.count, locale)})
      </span>
      <span className="sr-only">{spoken}</span>
    </>
  );
  return (
    <p className={`text-sm ${className}`} data-rating={rating.average}>
      {href ? (
        <a href={href} className="underline-offset-2 hover:underline">
          {visible}
        </a>
      ) : (
        visible
      )}
    </p>
  );
}

/**
 * The 1–5 star choice of a review form: five large star labels over real radio inputs, so
 * it works without JavaScript, with the arrow keys of a radio group, and each target is at
 * least 44 px (48). Choosing a star fills it and the ones before it, in CSS alone (`:has`);
 * a browser without `:has` still fills the chosen star.
 */
export function StarRatingInput({
  name = "rating",
  legend,
  error,
}: {
  name?: string;
  legend: string;
  error?: string | null;
}) {
  const t = useT();
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend className="font-medium">{legend}</legend>
      <p className="text-sm text-stone-600">{t("journey.stars.hint")}</p>
      <div className="mt-1 flex [&>span:has(input:checked)]:text-amber-500 [&>span:has(input:focus-visible)]:outline-2 [&>span:has(input:focus-visible)]:outline-brand-700 [&>span:has(~span_input:checked)]:text-amber-500">
        {[1, 2, 3, 4, 5].map((stars) => (
          <span
            key={stars}
            className="relative flex h-12 w-12 items-center justify-center rounded-lg text-4xl leading-none text-stone-300 hover:text-amber-400"
          >
            <label htmlFor={`${id}-${stars}`} title={t("reviews.stars", { rating: stars })}>
              <span aria-hidden="true">★</span>
              <span className="sr-only">{t("reviews.stars", { rating: stars })}</span>
            </label>
            {/* Transparent over its star: the tap lands on the radio itself. */}
            <input
              id={`${id}-${stars}`}
              type="radio"
              name={name}
              value={stars}
              required
              className="absolute inset-0 z-10 m-0 h-full w-full cursor-pointer opacity-0"
            />
          </span>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="text-sm text-rose-800">
          {error}
        </p>
      ) : null}
    </fieldset>
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
