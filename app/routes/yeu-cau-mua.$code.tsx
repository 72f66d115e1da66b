import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { DetailList, DetailRow } from "~/components/detail-list";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { NotFound } from "~/lib/errors";
import { formatDate, formatNumber, t, useLocale, useT } from "~/lib/i18n";
import { unitLabel } from "~/lib/i18n/labels";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import { formatVnd } from "~/lib/money";
import { getPurchaseRequestByCode } from "~/modules/demand/purchase-requests.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = localeFromMatches(matches);
  if (!data) return pageMeta(locale, t(locale, "error.404.title"));
  return pageMeta(locale, data.request.title, data.request.description.slice(0, 160) || undefined);
};

/** One purchase request (unless a moderator hid it). */
export const loader = handle(async ({ params }: LoaderFunctionArgs) => {
  const request = getPurchaseRequestByCode(getDb(), params.code ?? "");
  if (!request) throw new NotFound("demand.errors.requestNotFound");
  return { request };
});

export default function PurchaseRequestPage() {
  const { request } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const unit = unitLabel(locale, request.unit);
  const category = request.categoryCode
    ? locale === "en"
      ? request.categoryNameEn
      : request.categoryNameVi
    : null;
  return (
    <article className="mx-auto max-w-3xl">
      {searchParams.get("da-dang") === "1" ? (
        <p
          role="status"
          className="mb-4 rounded-lg border border-brand-600 bg-brand-50 px-4 py-3 font-medium text-brand-800"
        >
          {t("requests.created")}
        </p>
      ) : null}
      <p className="text-sm font-semibold text-accent-700">
        {t(`requestStatus.${request.status}`)}
      </p>
      <h1 className="mt-1 text-2xl leading-tight font-bold text-stone-900 sm:text-3xl">
        {request.title}
      </h1>
      <p className="mt-1 text-stone-700">
        {request.buyerCompanyName ?? t(`buyerKind.${request.buyerKind}`)}
        {" · "}
        {t("requests.postedOn", { date: formatDate(request.createdAt, locale) })}
      </p>
      <div className="mt-6">
        <DetailList>
          <DetailRow label={t("requests.code")}>{request.code}</DetailRow>
          <DetailRow label={t("requests.quantity")}>
            {t("product.quantityUnit", { qty: formatNumber(request.quantity, locale), unit })}
          </DetailRow>
          <DetailRow label={t("requests.targetPrice")}>
            {request.targetPriceVnd === null
              ? t("requests.negotiable")
              : t("product.pricePerUnit", {
                  price: formatVnd(request.targetPriceVnd, locale),
                  unit,
                })}
          </DetailRow>
          <DetailRow label={t("requests.deliveryLocation")}>{request.deliveryLocation}</DetailRow>
          <DetailRow label={t("requests.neededBy")}>
            {formatDate(request.neededBy, locale)}
          </DetailRow>
          <DetailRow label={t("requests.recurrence")}>
            {t(`recurrence.${request.recurrence}`)}
          </DetailRow>
          {category && request.categoryCode ? (
            <DetailRow label={t("requests.category")}>
              <Link
                to={`/tim-kiem?danh-muc=${encodeURIComponent(request.categoryCode)}`}
                className="text-brand-800 underline underline-offset-2"
              >
                {category}
              </Link>
            </DetailRow>
          ) : null}
        </DetailList>
      </div>
      {request.description ? (
        <section className="mt-6" aria-labelledby="request-description">
          <h2 id="request-description" className="text-lg font-semibold">
            {t("requests.description")}
          </h2>
          <p className="mt-2 whitespace-pre-line text-stone-800">{request.description}</p>
        </section>
      ) : null}
    </article>
  );
}
