import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "~/components/link";
import { StaffCampaignProducers } from "~/components/campaigns/staff-campaign-producers";
import { StaffCampaignSummary } from "~/components/campaigns/staff-campaign-summary";
import { FormErrors, FormSuccess } from "~/components/auth-form";
import { ConfirmButtons, IntentButton } from "~/components/supply/intent-button";
import { StaffNav } from "~/components/supply/workspace-nav";
import { isMessageKey, t as translate, useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { CampaignActionSchema, type CampaignAction } from "~/lib/schemas/campaigns";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireStaff } from "~/modules/auth/session.server";
import type { SignedInActor } from "~/modules/auth/actor";
import { endCampaign, publishCampaign } from "~/modules/campaigns/manage.server";
import {
  addProducer,
  approveRequest,
  campaignForStaff,
  declineRequest,
  removeProducer,
  setProducerListings,
} from "~/modules/campaigns/manage-producers.server";
import { getDb } from "~/modules/platform/db.server";
import { formError, handle } from "~/modules/platform/http.server";

export const meta = titledPage("campaigns.list.title");

/** A campaign of the staff member's subtree: figures, publishing, ending, producers, listings. */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "campaign:manage");
  return campaignForStaff(getDb(), actor, params.slug ?? "");
});

/** One module call per intent; what it did shows after the redirect (`?xong=`). */
function runAction(actor: SignedInActor, slug: string, input: CampaignAction): void {
  const db = getDb();
  switch (input.intent) {
    case "publish":
      return publishCampaign(db, actor, slug);
    case "end":
      return endCampaign(db, actor, slug);
    case "add":
      return addProducer(db, actor, slug, input.producerId);
    case "remove":
      return removeProducer(db, actor, slug, input.producerId);
    case "approve":
      return approveRequest(db, actor, slug, input.producerId);
    case "decline":
      return declineRequest(db, actor, slug, input.producerId, input.note);
    case "listings":
      setProducerListings(db, actor, slug, input.producerId, input.listingId);
  }
}

const DONE: Record<CampaignAction["intent"], string> = {
  publish: "published",
  end: "ended",
  add: "added",
  remove: "removed",
  approve: "approved",
  decline: "declined",
  listings: "listings",
};

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requireStaff(request, "campaign:manage");
  assertSameOrigin(request);
  const slug = params.slug ?? "";
  const submission = parseWithZod(await request.formData(), { schema: CampaignActionSchema });
  if (submission.status !== "success") {
    const first = Object.values(submission.error ?? {}).flat()[0] ?? "";
    const message = isMessageKey(first) ? translate(actor.locale, first) : first;
    return data(
      { formError: message || translate(actor.locale, "campaigns.error.confirm") },
      { status: 400 },
    );
  }
  try {
    runAction(actor, slug, submission.value);
  } catch (error) {
    return formError(error, actor.locale);
  }
  return redirect(`/quan-ly/chien-dich/${slug}?xong=${DONE[submission.value.intent]}`, 303);
});

export default function StaffCampaignPage() {
  const { campaign, readOnly, gaps, producers, candidates } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const t = useT();
  const base = `/quan-ly/chien-dich/${campaign.slug}`;
  const done = search.get("xong");
  const doneKey = `campaigns.page.done.${done}`;
  const confirmingEnd = search.get("xac-nhan") === "ket-thuc";
  return (
    <div className="mx-auto max-w-3xl">
      <StaffNav />
      <p>
        <Link to="/quan-ly/chien-dich" className="text-sm font-semibold text-brand-800 underline">
          {t("campaigns.form.back")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold text-stone-900">{campaign.title}</h1>
      <StaffCampaignSummary campaign={campaign} />
      {isMessageKey(doneKey) ? (
        <div className="mt-4">
          <FormSuccess>{t(doneKey)}</FormSuccess>
        </div>
      ) : null}
      {actionData && "formError" in actionData && actionData.formError ? (
        <div className="mt-4">
          <FormErrors id="campaign-error" errors={[actionData.formError]} />
        </div>
      ) : null}
      <p className="mt-4 flex flex-wrap gap-3 text-sm font-semibold">
        {campaign.status !== "draft" ? (
          <Link to={`/chien-dich/${campaign.slug}`} className="text-brand-800 underline">
            {t("campaigns.page.publicLink")}
          </Link>
        ) : null}
        <Link to={`${base}/cam-ket`} className="text-brand-800 underline">
          {t("campaigns.page.pledgesLink")}
        </Link>
        {readOnly ? null : (
          <Link to={`${base}/sua`} className="text-brand-800 underline">
            {t("campaigns.page.edit")}
          </Link>
        )}
      </p>
      {readOnly ? <p className="mt-4 text-stone-700">{t("campaigns.page.readOnly")}</p> : null}

      <section aria-labelledby="story-title" className="mt-6">
        <h2 id="story-title" className="text-lg font-semibold">
          {t("campaigns.page.story")}
        </h2>
        {campaign.story ? (
          campaign.story.split(/\n\s*\n/).map((paragraph, index) => (
            <p key={index} className="mt-2 whitespace-pre-line text-stone-800">
              {paragraph}
            </p>
          ))
        ) : (
          <p className="mt-2 text-stone-600">{t("campaigns.page.noStory")}</p>
        )}
      </section>

      {campaign.status === "draft" && !readOnly ? (
        <section
          aria-labelledby="publish-title"
          className="mt-6 rounded-xl border border-stone-200 bg-white p-4"
        >
          <h2 id="publish-title" className="text-lg font-semibold">
            {t("campaigns.page.publishTitle")}
          </h2>
          {gaps.length > 0 ? (
            <>
              <p className="mt-2">{t("campaigns.page.publishMissing")}</p>
              <ul className="ml-5 list-disc">
                {gaps.map((gap) => (
                  <li key={gap}>{t(`campaigns.missing.${gap}`)}</li>
                ))}
              </ul>
            </>
          ) : (
            <p className="mt-2">{t("campaigns.page.publishReady")}</p>
          )}
          <Form method="post" className="mt-3">
            <IntentButton intent="publish" look="smallPrimary">
              {t("campaigns.page.publish")}
            </IntentButton>
          </Form>
        </section>
      ) : null}

      {campaign.status === "published" && !readOnly ? (
        <section
          aria-labelledby="end-title"
          className="mt-6 rounded-xl border border-stone-200 bg-white p-4"
        >
          <h2 id="end-title" className="text-lg font-semibold">
            {t("campaigns.page.endTitle")}
          </h2>
          {confirmingEnd ? (
            <Form
              method="post"
              className="mt-2 space-y-3"
              role="alertdialog"
              aria-labelledby="end-confirm"
            >
              <p id="end-confirm">{t("campaigns.page.endConfirm", { title: campaign.title })}</p>
              <p className="flex flex-wrap gap-3">
                <ConfirmButtons
                  intent="end"
                  confirmLabel={t("campaigns.page.endYes")}
                  cancelTo={base}
                />
              </p>
            </Form>
          ) : (
            <>
              <p className="mt-2 text-stone-700">{t("campaigns.page.endHint")}</p>
              <Link
                to={`${base}?xac-nhan=ket-thuc`}
                className="mt-3 inline-block rounded-lg border border-red-600 bg-white px-4 py-2 font-semibold text-red-800"
              >
                {t("campaigns.page.end")}
              </Link>
            </>
          )}
        </section>
      ) : null}

      <StaffCampaignProducers
        base={base}
        readOnly={readOnly}
        producers={producers}
        candidates={candidates}
        removing={Number(search.get("rut") ?? "0")}
      />
    </div>
  );
}
