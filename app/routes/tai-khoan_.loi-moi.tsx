import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { IntentButton } from "~/components/supply/intent-button";
import { Invalid } from "~/lib/errors";
import { formatDate, useLocale, useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { inviteAnswerSchema } from "~/lib/schemas/team";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireUser } from "~/modules/auth/session.server";
import { getDb } from "~/modules/platform/db.server";
import { formError, handle } from "~/modules/platform/http.server";
import { acceptInvite, declineInvite, pendingInvitesFor } from "~/modules/team/invites.server";

export const meta: MetaFunction = titledPage("team.invitations.title");

const HERE = "/tai-khoan/loi-moi";

/** The open invites to the signed-in user's phone; `?vao=<code>` / `?tu-choi=1` after an answer. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireUser(request);
  const url = new URL(request.url);
  return {
    ...pendingInvitesFor(getDb(), actor.userId),
    joined: url.searchParams.get("vao"),
    declined: url.searchParams.has("tu-choi"),
  };
});

/** She accepts (joins the team) or declines one invite made to her phone. */
export const action = handle(async ({ request }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireUser(request);
  const input = inviteAnswerSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!input.success) return formError(new Invalid("team.error.badRequest"), actor.locale);
  try {
    if (input.data.intent === "accept") {
      const code = acceptInvite(getDb(), actor, input.data.inviteId);
      return redirect(`${HERE}?vao=${encodeURIComponent(code)}`, 303);
    }
    declineInvite(getDb(), actor, input.data.inviteId);
    return redirect(`${HERE}?tu-choi=1`, 303);
  } catch (error) {
    return formError(error, actor.locale);
  }
});

export default function InvitationsPage() {
  const { invites, hasPhone, isPhoneConfirmed, joined, declined } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t("team.invitations.title")}</h1>
      <p className="text-stone-700">{t("team.invitations.intro")}</p>
      {joined ? (
        <div role="status" className="rounded-lg bg-brand-50 px-4 py-3 text-brand-800">
          <p className="font-medium">{t("team.invitations.accepted", { code: joined })}</p>
          <p className="mt-2">
            <Link to="/ban-hang" className="font-semibold underline">
              {t("team.invitations.openWorkspace")}
            </Link>
          </p>
        </div>
      ) : null}
      {declined ? (
        <p role="status" className="rounded-lg bg-brand-50 px-4 py-3 font-medium text-brand-800">
          {t("team.invitations.declined")}
        </p>
      ) : null}
      {refused?.formError ? (
        <p role="alert" className="rounded-lg bg-red-50 px-4 py-3 font-medium text-red-900">
          {refused.formError}
        </p>
      ) : null}
      {!hasPhone ? (
        <p className="rounded-lg bg-amber-50 px-4 py-3 text-amber-900">
          {t("team.invitations.noPhone")}{" "}
          <Link to="/tai-khoan" className="font-semibold underline">
            {t("auth.account.title")}
          </Link>
        </p>
      ) : invites.length === 0 ? (
        <p className="text-stone-700">{t("team.invitations.none")}</p>
      ) : (
        <>
          {isPhoneConfirmed ? null : (
            <p className="rounded-lg bg-amber-50 px-4 py-3 text-amber-900">
              {t("team.invitations.confirmFirst")}
            </p>
          )}
          <ul className="space-y-3">
            {invites.map((invite) => (
              <li key={invite.id} className="rounded-xl border border-stone-200 bg-white p-4">
                <h2 className="text-lg font-semibold">
                  {t("team.invitations.from", { producer: invite.producerName })}
                </h2>
                <p className="text-sm text-stone-700">
                  {t("team.invitations.invitedBy", {
                    name: invite.invitedBy ?? "—",
                    date: formatDate(invite.createdAt, locale),
                  })}{" "}
                  {t("team.invitations.expires", { date: formatDate(invite.expiresAt, locale) })}
                </p>
                <p className="mt-2 font-medium">{t("team.invitations.may")}</p>
                <ul className="list-disc pl-6">
                  {invite.permissions.map((permission) => (
                    <li key={permission}>{t(`team.permission.${permission}`)}</li>
                  ))}
                </ul>
                <Form method="post" className="mt-3 flex flex-wrap gap-2">
                  <input type="hidden" name="inviteId" value={invite.id} />
                  <IntentButton intent="accept" look="smallPrimary" disabled={!isPhoneConfirmed}>
                    {t("team.invitations.accept")}
                  </IntentButton>
                  <IntentButton intent="decline" look="small">
                    {t("team.invitations.decline")}
                  </IntentButton>
                </Form>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
