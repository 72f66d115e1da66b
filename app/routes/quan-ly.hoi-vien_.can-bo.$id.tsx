import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { OfficerForm } from "~/components/members/officer-form";
import { RecordFormPage } from "~/components/members/record-form";
import { nationalPhone } from "~/lib/contact";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { officerSchema } from "~/lib/schemas/members";
import { clientIpOf, requireStaff } from "~/modules/auth/session.server";
import { requireMembersManager } from "~/modules/members/forms.server";
import { recordIdOf, unitChoices } from "~/modules/members/members.server";
import { officerForEdit, OFFICERS_SAVED, updateOfficer } from "~/modules/members/officers.server";
import { changeFromForm, handle } from "~/modules/platform/http.server";
import { getDb } from "~/modules/platform/db.server";

export const meta = titledPage("members.officers.editTitle");

/** Changing an officer (e.g. ending her term) for staff with `member:manage` over her unit. */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "member:manage");
  const db = getDb();
  return {
    officer: officerForEdit(db, actor, recordIdOf(params.id, "officer")),
    units: unitChoices(db, actor, "member:manage"),
  };
});

export const action = handle(async ({ request, params, context }: ActionFunctionArgs) => {
  const { actor, db } = await requireMembersManager(request);
  const id = recordIdOf(params.id, "officer");
  officerForEdit(db, actor, id); // 404 outside the subtree, whatever the form holds
  return changeFromForm(request, actor.locale, officerSchema, (input) => {
    updateOfficer(db, actor, id, input, { ipAddress: clientIpOf(context) });
    return OFFICERS_SAVED;
  });
});

export default function EditOfficerPage() {
  const { officer, units } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  return (
    <RecordFormPage
      title={t("members.officers.editHeading", { name: officer.fullName })}
      back={{ to: "/quan-ly/hoi-vien/can-bo", label: t("members.officers.back") }}
    >
      <OfficerForm
        lastResult={lastResult}
        defaults={{
          fullName: officer.fullName,
          position: officer.position,
          unitCode: officer.unitCode,
          termStart: officer.termStart,
          termEnd: officer.termEnd ?? "",
          fullTime: officer.fullTime ? "on" : "",
          phone: officer.phone ? nationalPhone(officer.phone) : "",
        }}
        units={units}
        submitLabel={t("members.officers.editSubmit")}
      />
    </RecordFormPage>
  );
}
