import { parseWithZod } from "@conform-to/zod";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { ConsentForm, EraseForm, WithdrawForm } from "~/components/members/consent-panel";
import { MemberDetails } from "~/components/members/member-details";
import { DoneNotice, MembersHeader } from "~/components/members/members-header";
import { vietnamToday } from "~/lib/dates";
import { Invalid } from "~/lib/errors";
import { t, useT } from "~/lib/i18n";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import { consentSchema, eraseSchema } from "~/lib/schemas/members";
import { clientIpOf, requireStaff } from "~/modules/auth/session.server";
import { eraseMember, recordConsent, withdrawConsent } from "~/modules/members/consent.server";
import { requireManageableMember } from "~/modules/members/forms.server";
import { recordIdOf, viewMember } from "~/modules/members/members.server";
import { getDb } from "~/modules/platform/db.server";
import { handle, replyWithDomainError } from "~/modules/platform/http.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data: loaded }) => {
  const locale = localeFromMatches(matches);
  return pageMeta(locale, loaded ? loaded.member.fullName : t(locale, "members.record.title"));
};

/**
 * A member's record for staff of her subtree (`member:view`; 404 elsewhere). Every view is
 * audited. Staff with `member:manage` record or withdraw her consent and erase the record.
 */
export const loader = handle(async ({ request, params, context }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "member:view");
  const member = viewMember(getDb(), actor, recordIdOf(params.id), {
    ipAddress: clientIpOf(context),
  });
  return { member, today: vietnamToday(), done: new URL(request.url).searchParams.get("xong") };
});

export const action = handle(async ({ request, params, context }: ActionFunctionArgs) => {
  const { actor, db, id } = await requireManageableMember(request, params.id);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const options = { ipAddress: clientIpOf(context) };
  if (intent === "withdraw") {
    withdrawConsent(db, actor, id, options);
    return redirect(`/quan-ly/hoi-vien/${id}?xong=rut`, 303);
  }
  if (intent === "erase") {
    const submission = parseWithZod(formData, { schema: eraseSchema });
    if (submission.status !== "success") {
      return data({ intent, reply: submission.reply() }, { status: 400 });
    }
    eraseMember(db, actor, id, options);
    return redirect("/quan-ly/hoi-vien?xong=da-xoa", 303);
  }
  if (intent !== "consent") throw new Invalid("members.error.intent");
  const submission = parseWithZod(formData, { schema: consentSchema });
  if (submission.status !== "success") {
    return data({ intent, reply: submission.reply() }, { status: 400 });
  }
  try {
    recordConsent(db, actor, id, submission.value, options);
  } catch (error) {
    return data(
      { intent, reply: replyWithDomainError(submission, error, actor.locale) },
      { status: 400 },
    );
  }
  return redirect(`/quan-ly/hoi-vien/${id}?xong=dong-y`, 303);
});

const DONE_KEYS = { rut: "members.done.withdrawn", "dong-y": "members.done.consent" } as const;

export default function MemberRecordPage() {
  const { member, today, done } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const doneKey = done && done in DONE_KEYS ? DONE_KEYS[done as keyof typeof DONE_KEYS] : null;
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <MembersHeader title={member.fullName} />
      <DoneNotice message={doneKey ? t(doneKey) : null} />
      <p className="text-sm text-stone-600">{t("members.record.audited")}</p>
      <MemberDetails member={member} />
      {member.canManage ? (
        <>
          <Link
            to={`/quan-ly/hoi-vien/${member.id}/sua`}
            className="inline-block rounded-lg border border-stone-300 bg-white px-4 py-2.5 font-medium text-brand-800"
          >
            {t("members.record.edit")}
          </Link>
          <ConsentForm
            lastResult={result?.intent === "consent" ? result.reply : undefined}
            today={today}
            defaults={{
              consentGivenOn: member.consentGivenOn ?? today,
              consentForm: member.consentForm ?? "",
              ethnicGroup: member.ethnicGroup ?? "",
              householdStatus: member.householdStatus ?? "",
              hasDisability:
                member.hasDisability === null ? "" : member.hasDisability ? "yes" : "no",
            }}
          />
          {member.hasConsent ? <WithdrawForm /> : null}
          <EraseForm lastResult={result?.intent === "erase" ? result.reply : undefined} />
        </>
      ) : (
        <p className="rounded-lg bg-stone-100 px-4 py-3 text-stone-800">
          {t("members.record.viewOnly")}
        </p>
      )}
      <Link to="/quan-ly/hoi-vien" className="text-sm text-brand-800 underline underline-offset-2">
        {t("members.record.back")}
      </Link>
    </div>
  );
}
