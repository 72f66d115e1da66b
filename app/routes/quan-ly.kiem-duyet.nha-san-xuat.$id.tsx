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
import { formatDate, formatNumber, t, useLocale, useT } from "~/lib/i18n";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import { DECLARED_MEMBER_COUNTS } from "~/lib/producer-counts";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireStaff } from "~/modules/auth/session.server";
import { linkedMembersOfProducer } from "~/modules/members/members.server";
import { decideFromForm, DECIDED_PATH, reviewId } from "~/modules/moderation/decision-form.server";
import { decideProducer } from "~/modules/moderation/decisions.server";
import { producerReview } from "~/modules/moderation/review.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";
import { producerProfileForStaff } from "~/modules/producers/directory.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const locale = localeFromMatches(matches);
  return pageMeta(
    locale,
    t(locale, "moderation.producerTitle", { name: data?.producer.name ?? "" }),
  );
};

/** A producer's application (its profile as submitted), to verify or reject. */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "producer:verify");
  const { producer, orgUnitName, images } = producerReview(getDb(), actor, reviewId(params.id));
  return {
    producer: producerProfileForStaff(producer),
    orgUnitName,
    images,
    // Union members linked to it, beside the declared count (only for staff who see members).
    linkedMembers: linkedMembersOfProducer(getDb(), actor, producer.id),
  };
});

export const action = handle(async ({ request, params, context }: ActionFunctionArgs) => {
  const actor = await requireStaff(request, "producer:verify");
  assertSameOrigin(request);
  const id = reviewId(params.id);
  producerReview(getDb(), actor, id); // 404 outside the moderator's subtree
  const outcome = await decideFromForm(request, actor, (decision) =>
    decideProducer(getDb(), actor, id, decision, { ipAddress: context.clientIp ?? null }),
  );
  return outcome.decided ? redirect(DECIDED_PATH) : data(outcome.reply, { status: outcome.status });
});

export default function ApplicationReviewPage() {
  const { producer, orgUnitName, images, linkedMembers } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-3xl">
      <StaffNav />
      <p>
        <Link to="/quan-ly/kiem-duyet" className="text-sm font-semibold text-brand-800 underline">
          {t("moderation.back")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold text-stone-900">
        {t("moderation.producerTitle", { name: producer.name })}
      </h1>
      <p className="text-stone-700">
        {producer.code} · {t(`producerKind.${producer.kind}`)} · {orgUnitName}
      </p>
      <dl className="mt-4 grid grid-cols-1 gap-x-4 gap-y-2 rounded-xl border border-stone-200 bg-white p-4 sm:grid-cols-[12rem_1fr]">
        <dt className="font-medium text-stone-700">{t("producer.address")}</dt>
        <dd>{producer.address}</dd>
        <dt className="font-medium text-stone-700">{t("profile.phone")}</dt>
        <dd>{producer.phone ?? "—"}</dd>
        <dt className="font-medium text-stone-700">{t("profile.email")}</dt>
        <dd>{producer.email ?? "—"}</dd>
        <dt className="font-medium text-stone-700">{t("staffproducers.verify.counts")}</dt>
        <dd>
          {/* Every figure the applicant declared (the reports count them), not only the women. */}
          <ul>
            {DECLARED_MEMBER_COUNTS.map(([field, label]) => (
              <li key={field}>
                {t(label)}: <strong>{formatNumber(producer[field], locale)}</strong>
              </li>
            ))}
          </ul>
        </dd>
        {linkedMembers ? (
          <>
            <dt className="font-medium text-stone-700">{t("members.producer.title")}</dt>
            <dd>
              {t("members.producer.counts", {
                declared: formatNumber(linkedMembers.membersWomen, locale),
                linked: formatNumber(linkedMembers.linkedMembers, locale),
              })}{" "}
              <Link
                to={`/quan-ly/hoi-vien?nha-san-xuat=${encodeURIComponent(producer.code)}`}
                className="font-medium text-brand-800 underline"
              >
                {t("members.producer.link")}
              </Link>
            </dd>
          </>
        ) : null}
        <dt className="font-medium text-stone-700">{t("producer.founded")}</dt>
        <dd>{producer.foundedYear ?? "—"}</dd>
      </dl>
      <h2 className="mt-4 font-semibold">{t("producer.story")}</h2>
      <p className="whitespace-pre-line">{producer.story || "—"}</p>
      <ol className="mt-4 grid grid-cols-2 gap-2 sm:grid-cols-4">
        {images.map((image, index) => (
          <li key={image.id}>
            <ResponsiveImage
              image={image}
              alt={t("images.numbered", { n: index + 1 })}
              sizes="25vw"
              className="aspect-square rounded-md"
            />
          </li>
        ))}
      </ol>
      {producer.verificationNote ? (
        <p className="mt-6 rounded-lg bg-amber-50 px-4 py-3 text-amber-900">
          {t(
            producer.verificationStatus === "pending"
              ? "staffproducers.verify.noteOfDecision"
              : "staffproducers.page.verificationNote",
            {
              date: producer.verificationNoteAt
                ? formatDate(producer.verificationNoteAt, locale)
                : "—",
              note: producer.verificationNote,
            },
          )}
        </p>
      ) : null}
      {producer.verificationStatus === "pending" ? (
        <DecisionForm
          id={`producer-${producer.id}`}
          lastResult={lastResult}
          approveLabel={t("moderation.verify")}
        />
      ) : (
        <p className="mt-6 rounded-lg bg-stone-100 px-4 py-3">
          {t("moderation.notPending")} ({t(`verification.${producer.verificationStatus}`)})
        </p>
      )}
    </div>
  );
}
