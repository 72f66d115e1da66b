import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { MemberForm } from "~/components/members/member-form";
import { RecordFormPage } from "~/components/members/record-form";
import { nationalPhone } from "~/lib/contact";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { memberSchema } from "~/lib/schemas/members";
import { clientIpOf, requireStaff } from "~/modules/auth/session.server";
import { memberFormChoices, requireManageableMember } from "~/modules/members/forms.server";
import { memberForEdit, recordIdOf, updateMember } from "~/modules/members/members.server";
import { changeFromForm, handle } from "~/modules/platform/http.server";
import { getDb } from "~/modules/platform/db.server";

export const meta = titledPage("members.edit.title");

/** Changing a member's record (not the sensitive fields: those go with her consent). */
export const loader = handle(async ({ request, params, context }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "member:manage");
  const db = getDb();
  const member = memberForEdit(db, actor, recordIdOf(params.id), {
    ipAddress: clientIpOf(context),
  });
  return { member, ...memberFormChoices(db, actor) };
});

export const action = handle(async ({ request, params, context }: ActionFunctionArgs) => {
  const { actor, db, id } = await requireManageableMember(request, params.id);
  return changeFromForm(request, actor.locale, memberSchema, (input) => {
    updateMember(db, actor, id, input, { ipAddress: clientIpOf(context) });
    return `/quan-ly/hoi-vien/${id}`;
  });
});

export default function EditMemberPage() {
  const { member, units, producers, today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  return (
    <RecordFormPage
      title={t("members.edit.heading", { name: member.fullName })}
      back={{ to: `/quan-ly/hoi-vien/${member.id}`, label: t("members.edit.back") }}
    >
      <MemberForm
        lastResult={lastResult}
        defaults={{
          fullName: member.fullName,
          birthYear: member.birthYear ? String(member.birthYear) : "",
          phone: member.phone ? nationalPhone(member.phone) : "",
          joinedOn: member.joinedOn,
          unitCode: member.unitCode,
          producerCode: member.producerCode ?? "",
        }}
        units={units}
        producers={producers}
        today={today}
        submitLabel={t("members.edit.submit")}
      />
    </RecordFormPage>
  );
}
