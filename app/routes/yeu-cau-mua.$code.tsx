import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { DetailList, DetailRow } from "~/components/detail-list";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "~/components/link";
import { NotFound } from "~/lib/errors";
import { formatDate, formatNumber, useLocale, useT } from "~/lib/i18n";
import { unitLabel } from "~/lib/i18n/labels";
import { recordPageMeta } from "~/lib/i18n/meta";
import { formatVnd } from "~/lib/money";
import { OfferComparison } from "~/components/demand/offer-comparison";
import { OwnOffers } from "~/components/demand/own-offers";
import { RequestHideForm, RequestOwnerForms } from "~/components/demand/request-owner-forms";
import { RequestMatches } from "~/components/demand/request-matches";
import { getActor } from "~/modules/auth/session.server";
import { getPurchaseRequestByCode } from "~/modules/demand/purchase-requests.server";
import { requestPageParts } from "~/modules/demand/request-page.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta: MetaFunction<typeof loader> = recordPageMeta(({ request }) => ({
  title: request.title,
  description: request.description.slice(0, 160) || undefined,
}));

/**
 * One purchase request, public without the buyer's identity; its owner also sees the
 * matches and the offers side by side, a producer member her own offer, staff who may hide
 * it the hide form. A hidden request exists only for its owner and those staff.
 */
export const loader = handle(async ({ request: httpRequest, params }: LoaderFunctionArgs) => {
  const actor = await getActor(httpRequest);
  const db = getDb();
  const found = getPurchaseRequestByCode(db, params.code ?? "", { includeHidden: true });
  if (!found) throw new NotFound("demand.errors.requestNotFound");
  const parts = requestPageParts(db, actor, found);
  if (found.isHidden && !parts.isOwner && !parts.canHide) {
    throw new NotFound("demand.errors.requestNotFound");
  }
  // The owner's id is for the checks above only; the page never carries it.
  const { buyerUserId: _owner, ...request } = found;
  return { request, parts, isSignedIn: actor.kind === "user" };
});

/** What the page says after an offer form sent the reader back (`?chao-gia=`). */
const OFFER_DONE: Record<string, "offers.submitted" | "offers.withdrawn" | "offers.declinedDone"> =
  { gui: "offers.submitted", rut: "offers.withdrawn", "tu-choi": "offers.declinedDone" };

export default function PurchaseRequestPage() {
  const { request, parts, isSignedIn } = useLoaderData<typeof loader>();
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
      {request.isHidden ? (
        <p role="status" className="mb-4 rounded-lg bg-amber-50 px-4 py-3 text-amber-900">
          {t("offers.hiddenNotice")}
        </p>
      ) : null}
      {OFFER_DONE[searchParams.get("chao-gia") ?? ""] ? (
        <p
          role="status"
          className="mb-4 rounded-lg border border-brand-600 bg-brand-50 px-4 py-3 font-medium text-brand-800"
        >
          {t(OFFER_DONE[searchParams.get("chao-gia") ?? ""] ?? "offers.submitted")}
        </p>
      ) : null}
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
        {t(`buyerKind.${request.buyerKind}`)}
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
      {parts.isOwner ? <RequestOwnerForms code={request.code} status={request.status} /> : null}
      {/* Offers first: they are what the owner acts on; the matches explain who was told. */}
      {parts.isOwner && parts.offers ? (
        <OfferComparison
          code={request.code}
          offers={parts.offers}
          canDecide={request.status === "open" && !request.isHidden}
        />
      ) : null}
      {parts.isOwner && parts.matches ? (
        <RequestMatches matches={parts.matches} matchedAt={parts.matchedAt} />
      ) : null}
      {!parts.isOwner && (parts.ownOffers.length > 0 || parts.canOffer) ? (
        <OwnOffers code={request.code} offers={parts.ownOffers} canOffer={parts.canOffer} />
      ) : null}
      {!isSignedIn && request.status === "open" ? (
        <p className="mt-8">
          <Link
            to={`/dang-nhap?next=${encodeURIComponent(`/yeu-cau-mua/${request.code}/chao-gia`)}`}
            className="font-semibold text-brand-800 underline underline-offset-2"
          >
            {t("offers.own.loginToOffer")}
          </Link>
        </p>
      ) : null}
      {parts.canHide && !request.isHidden ? <RequestHideForm code={request.code} /> : null}
    </article>
  );
}
