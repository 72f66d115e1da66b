import { Link } from "~/components/link";
import { formatDate, formatNumber, useLocale, useT } from "~/lib/i18n";
import { unitLabel } from "~/lib/i18n/labels";
import { formatVnd } from "~/lib/money";

/** What a purchase request card shows (the demand module's PurchaseRequestCard). */
export interface PurchaseRequestCardData {
  code: string;
  title: string;
  quantity: number;
  unit: string;
  targetPriceVnd: number | null;
  deliveryLocation: string;
  neededBy: string;
  recurrence: "none" | "weekly" | "monthly";
  buyerKind:
    | "individual"
    | "restaurant"
    | "hotel"
    | "retailer"
    | "supermarket"
    | "school"
    | "tourism"
    | "exporter";
  /** Offers made and not withdrawn. */
  offerCount: number;
}

/**
 * A buyer's "cần mua" post in a list: what, how much, at what price, where and by when.
 * Public: the buyer shows only as a kind (a school, a hotel…), never by name or contact.
 */
export function PurchaseRequestCard({
  request,
  headingLevel = 3,
}: {
  request: PurchaseRequestCardData;
  headingLevel?: 2 | 3;
}) {
  const t = useT();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const locale = useLocale();
  const unit = unitLabel(locale, request.unit);
  return (
    <article className="relative h-full rounded-xl border border-stone-200 bg-white p-4 shadow-sm focus-within:ring-2 focus-within:ring-brand-700 hover:shadow-md">
      <Heading className="leading-snug font-semibold">
        <Link
          to={`/yeu-cau-mua/${request.code}`}
          className="text-stone-900 after:absolute after:inset-0 hover:text-brand-800"
        >
          {request.title}
        </Link>
      </Heading>
      <p className="mt-1 text-sm text-stone-600">
        {t(`buyerKind.${request.buyerKind}`)}
        {" · "}
        {t("myRequests.offerCount", { count: formatNumber(request.offerCount, locale) })}
      </p>
      <dl className="mt-3 grid grid-cols-2 gap-x-3 gap-y-2 text-sm">
        <div>
          <dt className="text-stone-600">{t("requests.quantity")}</dt>
          <dd className="font-medium text-stone-900">
            {t("product.quantityUnit", { qty: formatNumber(request.quantity, locale), unit })}
          </dd>
        </div>
        <div>
          <dt className="text-stone-600">{t("requests.targetPrice")}</dt>
          <dd className="font-medium text-stone-900">
            {request.targetPriceVnd === null
              ? t("requests.negotiable")
              : t("product.pricePerUnit", {
                  price: formatVnd(request.targetPriceVnd, locale),
                  unit,
                })}
          </dd>
        </div>
        <div>
          <dt className="text-stone-600">{t("requests.deliveryLocation")}</dt>
          <dd className="font-medium text-stone-900">{request.deliveryLocation}</dd>
        </div>
        <div>
          <dt className="text-stone-600">
            {request.recurrence === "none" ? t("requests.neededBy") : t("requestLife.endDateLabel")}
          </dt>
          <dd className="font-medium text-stone-900">
            {formatDate(request.neededBy, locale)}
            {request.recurrence !== "none" ? (
              <span className="ml-1 text-stone-600">({t(`recurrence.${request.recurrence}`)})</span>
            ) : null}
          </dd>
        </div>
      </dl>
    </article>
  );
}

/** The heading of a list of purchase requests, with the button to post a new one. */
export function PurchaseRequestListHeading({ title, intro }: { title: string; intro: string }) {
  const t = useT();
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-bold text-stone-900">{title}</h1>
        <p className="mt-1 max-w-prose text-stone-700">{intro}</p>
      </div>
      <Link
        to="/yeu-cau-mua/moi"
        className="rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800"
      >
        {t("requests.post")}
      </Link>
    </div>
  );
}
