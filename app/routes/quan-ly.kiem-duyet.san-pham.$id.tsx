import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { UnpublishForm } from "~/components/staffproducers/standing-forms";
import { DecisionForm } from "~/components/supply/decision-form";
import { ModerationNote } from "~/components/supply/moderation-note";
import { ResponsiveImage } from "~/components/supply/responsive-image";
import { StaffNav } from "~/components/supply/workspace-nav";
import { formatDate, formatNumber, t, useLocale, useT } from "~/lib/i18n";
import { unitLabel } from "~/lib/i18n/labels";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import { formatVnd } from "~/lib/money";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireStaff } from "~/modules/auth/session.server";
import { immediateFields } from "~/modules/listings/shared.server";
import { decideFromForm, DECIDED_PATH, reviewId } from "~/modules/moderation/decision-form.server";
import { decideListing } from "~/modules/moderation/decisions.server";
import { listingReview } from "~/modules/moderation/review.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const locale = localeFromMatches(matches);
  return pageMeta(locale, t(locale, "moderation.listingTitle", { sku: data?.listing.sku ?? "" }));
};

/** A listing submitted for its first review, shown as buyers would see it. */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "listing:moderate");
  const review = listingReview(getDb(), actor, reviewId(params.id), actor.locale);
  const { listing } = review;
  return {
    ...review,
    listing: {
      id: listing.id,
      sku: listing.sku,
      title: listing.title,
      description: listing.description,
      ...immediateFields(listing),
      stock: listing.stock,
      status: listing.status,
      moderationNote: listing.moderationNote,
      moderationNoteAt: listing.moderationNoteAt,
      ocopStars: listing.ocopStars,
      ocopCertificateNo: listing.ocopCertificateNo,
      ocopIssuedOn: listing.ocopIssuedOn,
      ocopExpiresOn: listing.ocopExpiresOn,
      updatedAt: listing.updatedAt,
    },
  };
});

export const action = handle(async ({ request, params, context }: ActionFunctionArgs) => {
  const actor = await requireStaff(request, "listing:moderate");
  assertSameOrigin(request);
  const id = reviewId(params.id);
  listingReview(getDb(), actor, id); // 404 outside the moderator's subtree
  const outcome = await decideFromForm(request, actor, (decision) =>
    decideListing(getDb(), actor, id, decision, { ipAddress: context.clientIp ?? null }),
  );
  return outcome.decided ? redirect(DECIDED_PATH) : data(outcome.reply, { status: outcome.status });
});

export default function ListingReviewPage() {
  const { listing, category, producer, orgUnitName, images, certifications } =
    useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const day = (value: string | null) => (value ? formatDate(value, locale) : "");
  const rows: [string, string][] = [
    [t("product.category"), category],
    [
      t("product.price"),
      `${formatVnd(listing.priceVnd, locale)}/${unitLabel(locale, listing.unit)}`,
    ],
    [t("product.minOrder"), formatNumber(listing.minOrderQty, locale)],
    [t("listingForm.stock"), formatNumber(listing.stock, locale)],
    [t("product.season"), listing.season],
    [t("listingForm.tags"), listing.tags.join(", ")],
    [
      t("listingForm.ocopLegend"),
      listing.ocopStars > 0
        ? `${listing.ocopStars}★ · ${listing.ocopCertificateNo ?? ""} · ${day(listing.ocopIssuedOn)} → ${day(listing.ocopExpiresOn)}`
        : t("listingForm.ocopNone"),
    ],
    [
      t("product.certifications"),
      certifications.length > 0
        ? certifications
            .map((c) =>
              [t(`certification.${c.kind}`), c.certificateNo, c.expiresOn && day(c.expiresOn)]
                .filter(Boolean)
                .join(" · "),
            )
            .join("; ")
        : "—",
    ],
  ];
  return (
    <div className="mx-auto max-w-3xl">
      <StaffNav />
      <p>
        <Link to="/quan-ly/kiem-duyet" className="text-sm font-semibold text-brand-800 underline">
          {t("moderation.back")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold text-stone-900">
        {t("moderation.listingTitle", { sku: listing.sku })}
      </h1>
      <p className="text-lg font-semibold">{listing.title}</p>
      <p className="text-stone-700">
        {t("moderation.producerOf", { producer: producer.name, unit: orgUnitName })}
      </p>
      <p className="text-sm text-stone-600">
        {t("moderation.submittedAt", { date: formatDate(new Date(listing.updatedAt), locale) })}
      </p>
      <ModerationNote listing={listing} />
      <ol className="mt-4 grid grid-cols-2 gap-2 sm:grid-cols-4">
        {images.map((image, index) => (
          <li key={image.id}>
            <ResponsiveImage
              image={image}
              alt={t("images.numbered", { n: index + 1 })}
              sizes="(min-width: 640px) 25vw, 50vw"
              className="aspect-square rounded-md"
            />
          </li>
        ))}
      </ol>
      {images.length === 0 ? (
        <p className="mt-2 text-stone-600">{t("moderation.noImages")}</p>
      ) : null}
      <dl className="mt-4 grid grid-cols-1 gap-x-4 gap-y-2 rounded-xl border border-stone-200 bg-white p-4 sm:grid-cols-[12rem_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-stone-700">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h2 className="mt-4 font-semibold">{t("product.description")}</h2>
      <p className="whitespace-pre-line">{listing.description}</p>
      {listing.status === "pending" ? (
        <DecisionForm id={`listing-${listing.id}`} lastResult={lastResult} />
      ) : (
        <p className="mt-6 rounded-lg bg-stone-100 px-4 py-3">{t("moderation.notPending")}</p>
      )}
      {listing.status === "published" ? (
        <UnpublishForm
          listingId={listing.id}
          action={`/quan-ly/nha-san-xuat/${encodeURIComponent(producer.code)}`}
          refusal={undefined}
        />
      ) : null}
    </div>
  );
}
