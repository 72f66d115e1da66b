import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { StaffCampaignForm } from "~/components/campaigns/staff-campaign-form";
import { StaffNav } from "~/components/supply/workspace-nav";
import { vietnamToday } from "~/lib/dates";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireStaff } from "~/modules/auth/session.server";
import { saveCampaignForm } from "~/modules/campaigns/manage-form.server";
import { createCampaign, manageableUnits } from "~/modules/campaigns/manage.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta = titledPage("campaigns.form.newTitle");

/** Staff with campaign:manage create a draft campaign held by a unit of their subtree. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "campaign:manage");
  return { units: manageableUnits(getDb(), actor), today: vietnamToday() };
});

export const action = handle(async ({ request }: ActionFunctionArgs) => {
  const actor = await requireStaff(request, "campaign:manage");
  assertSameOrigin(request);
  return saveCampaignForm(request, actor.locale, async (input, cover) => {
    const slug = await createCampaign(getDb(), actor, input, cover);
    return `/quan-ly/chien-dich/${slug}`;
  });
});

export default function NewCampaignPage() {
  const { units, today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="mx-auto max-w-xl">
      <StaffNav />
      <p>
        <Link to="/quan-ly/chien-dich" className="text-sm font-semibold text-brand-800 underline">
          {t("campaigns.form.back")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold text-stone-900">{t("campaigns.form.newTitle")}</h1>
      <p className="mt-2 text-stone-700">{t("campaigns.form.intro")}</p>
      <StaffCampaignForm
        id="new-campaign"
        units={units}
        lastResult={lastResult}
        defaultValue={{
          kind: "disaster_recovery",
          orgUnitId: units[0] ? String(units[0].id) : "",
          startsOn: today,
        }}
        submitLabel={t("campaigns.form.create")}
      />
    </div>
  );
}
