import { Link } from "~/components/link";
import { DetailList, DetailRow } from "~/components/detail-list";
import { formatDate, formatNumber, useLocale, useT } from "~/lib/i18n";
import { unitLabel } from "~/lib/i18n/labels";
import { formatVnd } from "~/lib/money";
import type { ComparedOffer } from "~/modules/demand/offers.server";

const linkClass = "font-semibold text-brand-800 underline underline-offset-2";

/**
 * The owner's view of the offers on her request, side by side as cards (one column on a
 * phone, two on a wide screen): price, total, delivery date, distance, OCOP and rating,
 * with the thread, accept and decline links of each waiting offer.
 */
export function OfferComparison({
  code,
  offers,
  canDecide,
}: {
  code: string;
  offers: readonly ComparedOffer[];
  canDecide: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <section id="chao-gia" aria-labelledby="offers-heading" className="mt-8">
      <h2 id="offers-heading" className="text-xl font-semibold text-stone-900">
        {t("offers.section.title")}
      </h2>
      {offers.length === 0 ? (
        <p className="mt-2 text-stone-700">{t("offers.section.none")}</p>
      ) : (
        <>
          <p className="mt-1 text-sm text-stone-700">{t("offers.section.intro")}</p>
          <ul className="mt-3 grid gap-4 sm:grid-cols-2">
            {offers.map((offer) => {
              const unit = unitLabel(locale, offer.unit);
              return (
                <li
                  key={offer.id}
                  className="rounded-xl border border-stone-200 bg-white p-3"
                  data-offer-id={offer.id}
                >
                  <p className="text-sm font-semibold text-accent-700">
                    {t(`offers.status.${offer.status}`)}
                  </p>
                  <h3 className="font-semibold text-stone-900">
                    <Link to={`/nha-san-xuat/${offer.producerCode}`} className="underline">
                      {offer.producerName}
                    </Link>
                  </h3>
                  <p className="mb-2 text-stone-800">
                    {offer.listingSlug ? (
                      <Link to={`/san-pham/${offer.listingSlug}`} className="underline">
                        {offer.goods}
                      </Link>
                    ) : (
                      offer.goods
                    )}
                  </p>
                  <DetailList>
                    <DetailRow label={t("offers.field.price")}>
                      {t("product.pricePerUnit", {
                        price: formatVnd(offer.priceVnd, locale),
                        unit,
                      })}
                    </DetailRow>
                    <DetailRow label={t("offers.field.quantity")}>
                      {t("product.quantityUnit", {
                        qty: formatNumber(offer.quantity, locale),
                        unit,
                      })}
                    </DetailRow>
                    <DetailRow label={t("offers.field.total")}>
                      <strong>{formatVnd(offer.totalVnd, locale)}</strong>
                    </DetailRow>
                    <DetailRow label={t("offers.field.deliveryOn")}>
                      {offer.deliveryOn ? formatDate(offer.deliveryOn, locale) : "—"}
                    </DetailRow>
                    <DetailRow label={t("offers.field.distance")}>
                      {t(`offers.distance.${offer.distance}`)}
                    </DetailRow>
                    <DetailRow label={t("offers.field.ocop")}>
                      {offer.ocopStars > 0
                        ? t("offers.ocopStars", { stars: offer.ocopStars })
                        : t("offers.noOcop")}
                    </DetailRow>
                    <DetailRow label={t("offers.field.rating")}>
                      {offer.rating
                        ? t("offers.rating", {
                            average: formatNumber(offer.rating.average, locale),
                            count: offer.rating.count,
                          })
                        : t("offers.noRating")}
                    </DetailRow>
                  </DetailList>
                  {offer.message ? (
                    <p className="mt-2 text-sm whitespace-pre-line text-stone-800">
                      {offer.message}
                    </p>
                  ) : null}
                  <p className="mt-3 flex flex-wrap gap-x-4 gap-y-2">
                    <Link to={`/yeu-cau-mua/${code}/hoi-dap/${offer.id}`} className={linkClass}>
                      {t("offers.thread.link", { count: offer.messageCount })}
                    </Link>
                    {offer.orderId ? (
                      <Link to={`/don-hang/${offer.orderId}`} className={linkClass}>
                        {t("offers.viewOrder")}
                      </Link>
                    ) : null}
                  </p>
                  {canDecide && offer.status === "submitted" ? (
                    <p className="mt-3 flex flex-wrap gap-2">
                      <Link
                        to={`/yeu-cau-mua/${code}/nhan/${offer.id}`}
                        className="rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800"
                      >
                        {t("offers.accept")}
                      </Link>
                      <Link
                        to={`/yeu-cau-mua/${code}/nhan/${offer.id}?tu-choi=1`}
                        className="rounded-lg border border-stone-300 px-4 py-2.5 font-semibold text-stone-800"
                      >
                        {t("offers.decline")}
                      </Link>
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
