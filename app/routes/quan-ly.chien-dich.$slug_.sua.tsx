import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { StaffCampaignForm } from "~/components/campaigns/staff-campaign-form";
import { StaffNav } from "~/components/supply/workspace-nav";
import { formatNumber, useLocale, useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireStaff } from "~/modules/auth/session.server";
import { saveCampaignForm } from "~/modules/campaigns/manage-form.server";
import {
  changeableCampaign,
  manageableUnits,
  updateCampaign,
} from "~/modules/campaigns/manage.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta = titledPage("campaigns.form.editTitle");

/** Staff edit a campaign of their subtree that has not ended (an ended one is read-only: 409). */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "campaign:manage");
  const db = getDb();
  return {
    campaign: changeableCampaign(db, actor, params.slug ?? ""),
    units: manageableUnits(db, actor),
  };
});

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requireStaff(request, "campaign:manage");
  assertSameOrigin(request);
  const slug = params.slug ?? "";
  return saveCampaignForm(request, actor.locale, async (input, cover) => {
    await updateCampaign(getDb(), actor, slug, input, cover);
    return `/quan-ly/chien-dich/${slug}?xong=saved`;
  });
});

export default function EditCampaignPage() {
  const { campaign, units } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const number = (value: number | null) => (value === null ? "" : formatNumber(value, locale));
  return (
    <div className="mx-auto max-w-xl">
      <StaffNav />
      <p>
        <Link
          to={`/quan-ly/chien-dich/${campaign.slug}`}
          className="text-sm font-semibold text-brand-800 underline"
        >
          {t("campaigns.form.backToCampaign")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold text-stone-900">{t("campaigns.form.editTitle")}</h1>
      <StaffCampaignForm
        id="edit-campaign"
        units={units}
        lastResult={lastResult}
        unitLocked={campaign.status !== "draft"}
        defaultValue={{
          title: campaign.title,
          story: campaign.story,
          kind: campaign.kind,
          orgUnitId: String(campaign.orgUnitId),
          startsOn: campaign.startsOn,
          endsOn: campaign.endsOn,
          targetVnd: number(campaign.targetVnd),
          targetQuantity: number(campaign.targetQuantity),
          targetUnit: campaign.targetUnit ?? "",
          coverAlt: campaign.coverAlt,
        }}
        submitLabel={t("campaigns.form.save")}
      />
    </div>
  );
}
