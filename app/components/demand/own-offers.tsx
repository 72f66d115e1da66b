import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import { DetailList, DetailRow } from "~/components/detail-list";
import { formatDate, formatNumber, useLocale, useT } from "~/lib/i18n";
import { unitLabel } from "~/lib/i18n/labels";
import { formatVnd } from "~/lib/money";
import type { OwnOffer } from "~/modules/demand/offers.server";

const linkClass = "font-semibold text-brand-800 underline underline-offset-2";

/**
 * A producer member's own offers on a request (never another producer's): status, terms,
 * the thread, and for a waiting offer edit and withdraw (the withdraw form asks first).
 */
export function OwnOffers({
  code,
  offers,
  canOffer,
  confirmWithdrawId = null,
}: {
  code: string;
  offers: readonly OwnOffer[];
  canOffer: boolean;
  confirmWithdrawId?: number | null;
}) {
  const t = useT();
  const locale = useLocale();
  const waiting = offers.some((o) => o.status === "submitted");
  return (
    <section id="chao-gia" aria-labelledby="own-offers-heading" className="mt-8">
      <h2 id="own-offers-heading" className="text-xl font-semibold text-stone-900">
        {t("offers.own.title")}
      </h2>
      <ul className="mt-3 space-y-4">
        {offers.map((offer) => {
          const unit = unitLabel(locale, offer.unit);
          return (
            <li key={offer.id} className="rounded-xl border border-stone-200 bg-white p-3">
              <p className="text-sm font-semibold text-accent-700">
                {t(`offers.status.${offer.status}`)} · {offer.producerName}
              </p>
              <p className="mb-2 font-medium text-stone-900">{offer.goods}</p>
              <DetailList>
                <DetailRow label={t("offers.field.price")}>
                  {t("product.pricePerUnit", { price: formatVnd(offer.priceVnd, locale), unit })}
                </DetailRow>
                <DetailRow label={t("offers.field.quantity")}>
                  {t("product.quantityUnit", { qty: formatNumber(offer.quantity, locale), unit })}
                </DetailRow>
                <DetailRow label={t("offers.field.total")}>
                  {formatVnd(offer.priceVnd * offer.quantity, locale)}
                </DetailRow>
                <DetailRow label={t("offers.field.deliveryOn")}>
                  {offer.deliveryOn ? formatDate(offer.deliveryOn, locale) : "—"}
                </DetailRow>
              </DetailList>
              <p className="mt-3 flex flex-wrap gap-x-4 gap-y-2">
                <Link to={`/yeu-cau-mua/${code}/hoi-dap/${offer.id}`} className={linkClass}>
                  {t("offers.thread.title", { producer: offer.producerName })}
                </Link>
                {offer.orderId ? (
                  <Link to={`/ban-hang/don-hang/${offer.orderId}`} className={linkClass}>
                    {t("offers.viewOrder")}
                  </Link>
                ) : null}
                {offer.status === "submitted" ? (
                  <Link to={`/yeu-cau-mua/${code}/chao-gia`} className={linkClass}>
                    {t("offers.own.edit")}
                  </Link>
                ) : null}
              </p>
              {offer.status === "submitted" ? (
                confirmWithdrawId === offer.id ? (
                  <Form
                    method="post"
                    action={`/yeu-cau-mua/${code}/chao-gia`}
                    className="mt-3 rounded-lg border-2 border-red-300 bg-red-50 p-3"
                  >
                    <p className="font-semibold text-red-900">
                      {t("offers.withdraw.confirmTitle")}
                    </p>
                    <p className="text-sm text-red-900">{t("offers.withdraw.confirmBody")}</p>
                    <input type="hidden" name="intent" value="withdraw" />
                    <input type="hidden" name="offerId" value={offer.id} />
                    <input type="hidden" name="confirm" value="yes" />
                    <div className="mt-2 flex flex-wrap gap-2">
                      <button
                        type="submit"
                        className="rounded-lg bg-red-700 px-4 py-2.5 font-semibold text-white"
                      >
                        {t("offers.withdraw.confirm")}
                      </button>
                      <Link
                        to={`/yeu-cau-mua/${code}/chao-gia`}
                        className="rounded-lg border border-stone-300 px-4 py-2.5"
                      >
                        {t("offers.cancel")}
                      </Link>
                    </div>
                  </Form>
                ) : (
                  <Form method="post" action={`/yeu-cau-mua/${code}/chao-gia`} className="mt-3">
                    <input type="hidden" name="intent" value="withdraw" />
                    <input type="hidden" name="offerId" value={offer.id} />
                    <button
                      type="submit"
                      className="rounded-lg border border-stone-300 px-4 py-2.5 font-semibold text-stone-800"
                    >
                      {t("offers.own.withdraw")}
                    </button>
                  </Form>
                )
              ) : null}
            </li>
          );
        })}
      </ul>
      {canOffer && !waiting ? (
        <p className="mt-4">
          <Link
            to={`/yeu-cau-mua/${code}/chao-gia`}
            className="inline-block rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800"
          >
            {t("offers.own.make")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
