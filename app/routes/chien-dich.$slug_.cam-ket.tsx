import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { FormErrors, FormSuccess, SubmitButton } from "~/components/auth-form";
import { PledgeFields } from "~/components/campaigns/pledge-fields";
import { vietnamToday } from "~/lib/dates";
import { Forbidden } from "~/lib/errors";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { pledgeSchema } from "~/lib/schemas/pledges";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requirePhoneConfirmed } from "~/modules/auth/phone-confirmation.server";
import { clientIpOf, requireUser } from "~/modules/auth/session.server";
import {
  pledgeListingOptions,
  pledgerOf,
  publicCampaign,
  recordBuyerPledge,
} from "~/modules/campaigns/pledges.server";
import { getDb } from "~/modules/platform/db.server";
import { changeFromForm, handle } from "~/modules/platform/http.server";

export const meta = titledPage("pledges.pledge.title");

/**
 * A business buyer's pledge to buy in a campaign (issue 16). Everyone signed in reads the
 * page: an individual buyer is told pledges are for businesses, staff are sent to the staff
 * page, and a campaign that has ended takes no more pledges.
 */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireUser(request);
  const db = getDb();
  const today = vietnamToday();
  const campaign = publicCampaign(db, params.slug ?? "", today);
  return {
    campaign: {
      slug: campaign.slug,
      title: campaign.title,
      lastByDate: campaign.lastByDate,
      open: campaign.phase === "running" || campaign.phase === "upcoming",
    },
    pledger: pledgerOf(db, actor),
    listings: pledgeListingOptions(db, campaign.id),
    today,
    sent: new URL(request.url).searchParams.has("da-gui"),
  };
});

/** Records the pledge for her company; it waits for the Union's approval. */
export const action = handle(async ({ request, params, context }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireUser(request);
  const db = getDb();
  const slug = params.slug ?? "";
  // Who may pledge and on what, before reading the form: refusals do not depend on its fields.
  publicCampaign(db, slug);
  if (pledgerOf(db, actor).kind !== "business") throw new Forbidden("pledges.error.businessOnly");
  requirePhoneConfirmed(db, actor);
  return changeFromForm(request, actor.locale, pledgeSchema, (input) => {
    recordBuyerPledge(db, actor, slug, input, { ipAddress: clientIpOf(context) });
    return `/chien-dich/${slug}/cam-ket?da-gui=1`;
  });
});

export default function CampaignPledgePage() {
  const { campaign, pledger, listings, today, sent } = useLoaderData<typeof loader>();
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "campaign-pledge",
    lastResult: useActionData<typeof action>(),
    constraint: getZodConstraint(pledgeSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: pledgeSchema }),
  });
  return (
    <div className="mx-auto max-w-xl space-y-5">
      <p>
        <Link
          to={`/chien-dich/${campaign.slug}`}
          className="text-sm font-semibold text-brand-800 underline"
        >
          {t("pledges.pledge.back")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold text-stone-900">{t("pledges.pledge.title")}</h1>
      <p className="text-stone-700">{t("pledges.pledge.intro", { campaign: campaign.title })}</p>
      {sent ? (
        <FormSuccess>
          {t("pledges.pledge.sent")}{" "}
          <Link to="/tai-khoan/cam-ket" className="font-semibold underline">
            {t("pledges.mine.sentLink")}
          </Link>
        </FormSuccess>
      ) : null}
      {!campaign.open ? (
        <p className="rounded-lg bg-stone-100 p-4 text-stone-800">{t("pledges.pledge.closed")}</p>
      ) : pledger.kind === "business" ? (
        <Form method="post" {...getFormProps(form)} className="space-y-5">
          <p className="font-medium text-stone-900">
            {t("pledges.pledge.as", { company: pledger.companyName })}
          </p>
          <FormErrors
            id={form.errorId}
            errors={
              form.errors ??
              (Object.values(form.allErrors).length > 0 ? [t("pledges.formError")] : [])
            }
          />
          <PledgeFields
            fields={fields}
            listings={listings}
            today={today}
            lastByDate={campaign.lastByDate}
          />
          <SubmitButton busy={navigation.state === "submitting"}>
            {t("pledges.pledge.submit")}
          </SubmitButton>
        </Form>
      ) : pledger.kind === "individual" ? (
        <div className="space-y-3 rounded-lg bg-stone-100 p-4 text-stone-800">
          <p>{t("pledges.pledge.individual")}</p>
          <Link to="/tai-khoan/doanh-nghiep" className="font-semibold text-brand-800 underline">
            {t("pledges.pledge.businessProfile")}
          </Link>
        </div>
      ) : pledger.kind === "staff" ? (
        <div className="space-y-3 rounded-lg bg-stone-100 p-4 text-stone-800">
          <p>{t("pledges.pledge.staff")}</p>
          <Link
            to={`/quan-ly/chien-dich/${campaign.slug}/cam-ket`}
            className="font-semibold text-brand-800 underline"
          >
            {t("pledges.pledge.staffLink")}
          </Link>
        </div>
      ) : (
        <p className="rounded-lg bg-stone-100 p-4 text-stone-800">{t("pledges.pledge.other")}</p>
      )}
    </div>
  );
}
