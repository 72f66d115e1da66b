import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { OfficerForm } from "~/components/members/officer-form";
import { RecordFormPage } from "~/components/members/record-form";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { officerSchema } from "~/lib/schemas/members";
import { clientIpOf, requireStaff } from "~/modules/auth/session.server";
import { requireMembersManager } from "~/modules/members/forms.server";
import { unitChoices } from "~/modules/members/members.server";
import { createOfficer, OFFICERS_SAVED } from "~/modules/members/officers.server";
import { changeFromForm, handle } from "~/modules/platform/http.server";
import { getDb } from "~/modules/platform/db.server";

export const meta = titledPage("members.officers.createTitle");

/** A new officer on a unit of the staff member's subtree (`member:manage`). */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "member:manage");
  return { units: unitChoices(getDb(), actor, "member:manage") };
});

export const action = handle(async ({ request, context }: ActionFunctionArgs) => {
  const { actor, db } = await requireMembersManager(request);
  return changeFromForm(request, actor.locale, officerSchema, (input) => {
    createOfficer(db, actor, input, { ipAddress: clientIpOf(context) });
    return OFFICERS_SAVED;
  });
});

export default function NewOfficerPage() {
  const { units } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  return (
    <RecordFormPage title={t("members.officers.createTitle")}>
      <OfficerForm
        lastResult={lastResult}
        defaults={{}}
        units={units}
        submitLabel={t("members.officers.createSubmit")}
      />
    </RecordFormPage>
  );
}
