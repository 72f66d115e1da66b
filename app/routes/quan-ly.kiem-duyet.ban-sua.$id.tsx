import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { DecisionForm } from "~/components/supply/decision-form";
import { ResponsiveImage } from "~/components/supply/responsive-image";
import { StaffNav } from "~/components/supply/workspace-nav";
import { formatDate, t, useLocale, useT } from "~/lib/i18n";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireStaff } from "~/modules/auth/session.server";
import { decideFromForm, DECIDED_PATH, reviewId } from "~/modules/moderation/decision-form.server";
import { decideRevision } from "~/modules/moderation/decisions.server";
import { revisionReview } from "~/modules/moderation/review.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const locale = localeFromMatches(matches);
  return pageMeta(locale, t(locale, "moderation.revisionTitle", { sku: data?.listing.sku ?? "" }));
};

/** An edit of a published listing next to the published version, field by field. */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "listing:moderate");
  return revisionReview(getDb(), actor, reviewId(params.id), actor.locale);
});

export const action = handle(async ({ request, params, context }: ActionFunctionArgs) => {
  const actor = await requireStaff(request, "listing:moderate");
  assertSameOrigin(request);
  const id = reviewId(params.id);
  // Out of the moderator's subtree: 404 before anything else is looked at.
  revisionReview(getDb(), actor, id);
  const outcome = await decideFromForm(request, actor, (decision) =>
    decideRevision(getDb(), actor, id, decision, { ipAddress: context.clientIp ?? null }),
  );
  return outcome.decided ? redirect(DECIDED_PATH) : data(outcome.reply, { status: outcome.status });
});

export default function RevisionReviewPage() {
  const review = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-4xl">
      <StaffNav />
      <p>
        <Link to="/quan-ly/kiem-duyet" className="text-sm font-semibold text-brand-800 underline">
          {t("moderation.back")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold text-stone-900">
        {t("moderation.revisionTitle", { sku: review.listing.sku })}
      </h1>
      <p className="text-stone-700">
        {review.listing.title} ·{" "}
        {t("moderation.producerOf", { producer: review.producer.name, unit: review.orgUnitName })}
      </p>
      <p className="text-sm text-stone-600">
        {t("moderation.submittedAt", {
          date: formatDate(new Date(review.revision.createdAt), locale),
        })}{" "}
        ·{" "}
        <Link to={`/san-pham/${review.listing.slug}`} className="underline">
          {t("moderation.viewPublic")}
        </Link>
      </p>
      <div className="mt-6 overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <thead>
            <tr className="border-b-2 border-stone-300">
              <th scope="col" className="py-2 pr-3">
                {t("moderation.fieldHeader")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("moderation.before")}
              </th>
              <th scope="col" className="py-2">
                {t("moderation.after")}
              </th>
            </tr>
          </thead>
          <tbody>
            {review.rows.map((row) => (
              <tr
                key={row.field}
                className={`border-b border-stone-200 align-top ${row.changed ? "bg-amber-50" : ""}`}
              >
                <th scope="row" className="py-2 pr-3 font-semibold">
                  {t(`moderation.field.${row.field}`)}
                  <span className="block text-xs font-normal text-stone-600">
                    {row.changed ? t("moderation.changed") : t("moderation.unchanged")}
                  </span>
                </th>
                <td className="py-2 pr-3 whitespace-pre-line">
                  {row.parts
                    ? row.parts
                        .filter((part) => part.kind !== "added")
                        .map((part, i) =>
                          part.kind === "removed" ? (
                            <del key={i} className="bg-red-100 text-red-900">
                              {part.text}
                            </del>
                          ) : (
                            <span key={i}>{part.text}</span>
                          ),
                        )
                    : row.before}
                </td>
                <td className="py-2 whitespace-pre-line">
                  {row.parts
                    ? row.parts
                        .filter((part) => part.kind !== "removed")
                        .map((part, i) =>
                          part.kind === "added" ? (
                            <ins key={i} className="bg-green-100 text-green-900 no-underline">
                              {part.text}
                            </ins>
                          ) : (
                            <span key={i}>{part.text}</span>
                          ),
                        )
                    : row.after}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section
        aria-labelledby="images-diff"
        className={`mt-6 rounded-xl border p-4 ${review.images.changed ? "border-amber-300 bg-amber-50" : "border-stone-200 bg-white"}`}
      >
        <h2 id="images-diff" className="text-lg font-semibold">
          {t("moderation.imagesTitle")} ·{" "}
          {review.images.changed ? t("moderation.changed") : t("moderation.unchanged")}
        </h2>
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          {(
            [
              ["before", review.images.before],
              ["after", review.images.after],
            ] as const
          ).map(([side, images]) => (
            <div key={side}>
              <h3 className="font-medium">
                {t(side === "before" ? "moderation.before" : "moderation.after")}
              </h3>
              {images.length === 0 ? (
                <p className="text-sm text-stone-600">{t("moderation.noImages")}</p>
              ) : null}
              <ol className="mt-2 grid grid-cols-3 gap-2">
                {images.map((image, index) => {
                  const flag =
                    "removed" in image && image.removed
                      ? "moderation.imageRemoved"
                      : "added" in image && image.added
                        ? "moderation.imageAdded"
                        : null;
                  return (
                    <li key={image.id} className={flag ? "rounded-md ring-2 ring-amber-500" : ""}>
                      <ResponsiveImage
                        image={image}
                        alt={t("images.numbered", { n: index + 1 })}
                        sizes="120px"
                        className="aspect-square rounded-md"
                      />
                      {flag ? (
                        <p className="text-xs font-semibold text-amber-900">{t(flag)}</p>
                      ) : null}
                    </li>
                  );
                })}
              </ol>
            </div>
          ))}
        </div>
      </section>
      {review.revision.status === "pending" ? (
        <DecisionForm id={`revision-${review.revision.id}`} lastResult={lastResult} />
      ) : (
        <p className="mt-6 rounded-lg bg-stone-100 px-4 py-3">{t("moderation.notPending")}</p>
      )}
    </div>
  );
}
