import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { MemberForm } from "~/components/members/member-form";
import { RecordFormPage } from "~/components/members/record-form";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { memberSchema } from "~/lib/schemas/members";
import { clientIpOf, requireStaff } from "~/modules/auth/session.server";
import { memberFormChoices, requireMembersManager } from "~/modules/members/forms.server";
import { createMember } from "~/modules/members/members.server";
import { changeFromForm, handle } from "~/modules/platform/http.server";
import { getDb } from "~/modules/platform/db.server";

export const meta = titledPage("members.create.title");

/** A new member on a unit of the staff member's subtree (`member:manage`). */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "member:manage");
  return memberFormChoices(getDb(), actor);
});

export const action = handle(async ({ request, context }: ActionFunctionArgs) => {
  const { actor, db } = await requireMembersManager(request);
  return changeFromForm(request, actor.locale, memberSchema, (input) => {
    const { id } = createMember(db, actor, input, { ipAddress: clientIpOf(context) });
    return `/quan-ly/hoi-vien/${id}`;
  });
});

export default function NewMemberPage() {
  const { units, producers, today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  return (
    <RecordFormPage title={t("members.create.title")} intro={t("members.create.intro")}>
      <MemberForm
        lastResult={lastResult}
        defaults={{ joinedOn: today }}
        units={units}
        producers={producers}
        today={today}
        submitLabel={t("members.create.submit")}
      />
    </RecordFormPage>
  );
}
