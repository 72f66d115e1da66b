import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { ConfirmButtons, IntentButton } from "~/components/supply/intent-button";
import { DomainError, Forbidden, Invalid } from "~/lib/errors";
import { formatDate, useLocale, useT, type MessageKey } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import {
  TEAM_PERMISSION_OPTIONS,
  teamActionSchema,
  teamFormFields,
  type TeamAction,
} from "~/lib/schemas/team";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireProducerActor } from "~/modules/auth/session.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";
import { changeTeam, teamsOfOwner } from "~/modules/team/team.server";
import type { TeamPermission } from "~db/schema";

export const meta: MetaFunction = titledPage("team.page.title");

const HERE = "/ban-hang/nhom";

/** What each `?xong=` says after a change. */
const DONE_KEYS = {
  moi: "team.done.moi",
  quyen: "team.done.quyen",
  xoa: "team.done.xoa",
  "thu-hoi": "team.done.thu-hoi",
} as const satisfies Record<ReturnType<typeof changeTeam>, MessageKey>;

/** The owner's teams; `?xoa=<userId>&nsx=<producerId>` asks before removing a member. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireProducerActor(request);
  const url = new URL(request.url);
  const done = url.searchParams.get("xong");
  return {
    me: actor.userId,
    teams: teamsOfOwner(getDb(), actor),
    confirmRemove: {
      userId: Number(url.searchParams.get("xoa")) || null,
      producerId: Number(url.searchParams.get("nsx")) || null,
    },
    done: done && done in DONE_KEYS ? DONE_KEYS[done as keyof typeof DONE_KEYS] : null,
  };
});

/** The field a refused form names, and its message. */
function refusedInput(issues: { path: (string | number)[] }[]): Invalid {
  const field = issues[0]?.path[0];
  if (field === "phone") return new Invalid("auth.error.phone", {}, { field: "phone" });
  if (field === "permissions") {
    return new Invalid("team.error.noPermission", {}, { field: "permissions" });
  }
  return new Invalid("team.error.badRequest");
}

/**
 * One change of the team by `intent` (invite, permissions, remove, revoke); removing asks
 * first (without `confirm=yes` the page shows the question). Only the owner; never in
 * assisted mode (the module refuses).
 */
export const action = handle(async ({ request }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireProducerActor(request);
  const form = await request.formData();
  const input = teamActionSchema.safeParse(teamFormFields(form));
  try {
    if (!input.success) throw refusedInput(input.error.issues);
    const change: TeamAction = input.data;
    if (change.intent === "remove" && form.get("confirm") !== "yes") {
      // She must own the team before she is asked: anyone else gets the refusal instead.
      const owned = teamsOfOwner(getDb(), actor).some((t) => t.producerId === change.producerId);
      if (!owned) throw new Forbidden("team.error.ownerOnly");
      return redirect(`${HERE}?xoa=${change.userId}&nsx=${change.producerId}`, 303);
    }
    const done = changeTeam(getDb(), actor, change);
    return redirect(`${HERE}?xong=${done}`, 303);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const field = error.details?.field;
    const message = error.messageIn(actor.locale);
    return data(
      {
        formError: typeof field === "string" ? null : message,
        fieldErrors: (typeof field === "string" ? { [field]: message } : {}) as Record<
          string,
          string
        >,
        values: {
          intent: String(form.get("intent") ?? ""),
          producerId: String(form.get("producerId") ?? ""),
          userId: String(form.get("userId") ?? ""),
          phone: String(form.get("phone") ?? ""),
          permissions: form.getAll("permissions").map(String),
        },
      },
      { status: error.status },
    );
  }
});

function PermissionBoxes({
  idPrefix,
  checked,
  error,
}: {
  idPrefix: string;
  checked: readonly string[];
  error?: string;
}) {
  const t = useT();
  const errorId = `${idPrefix}-permissions-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined} className="space-y-2">
      <legend className="font-medium">{t("team.permission.legend")}</legend>
      {TEAM_PERMISSION_OPTIONS.map((permission) => (
        <label key={permission} className="flex min-h-11 items-center gap-3">
          <input
            type="checkbox"
            name="permissions"
            value={permission}
            defaultChecked={checked.includes(permission)}
            className="h-5 w-5"
          />
          <span>{t(`team.permission.${permission}`)}</span>
        </label>
      ))}
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

function Notice({ children, tone }: { children: ReactNode; tone: "ok" | "error" }) {
  return tone === "ok" ? (
    <p role="status" className="rounded-lg bg-brand-50 px-4 py-3 font-medium text-brand-800">
      {children}
    </p>
  ) : (
    <p role="alert" className="rounded-lg bg-red-50 px-4 py-3 font-medium text-red-900">
      {children}
    </p>
  );
}

export default function TeamPage() {
  const { me, teams, confirmRemove, done } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const posted = refused?.values;
  const postedProducer = Number(posted?.producerId) || null;
  const postedInvite = posted?.intent === "invite" ? posted : null;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">{t("team.page.title")}</h1>
      <p className="text-stone-700">{t("team.page.intro")}</p>
      {done ? <Notice tone="ok">{t(done)}</Notice> : null}
      {refused?.formError ? <Notice tone="error">{refused.formError}</Notice> : null}
      {teams.map((team) => {
        const inviteErrors =
          postedInvite && postedProducer === team.producerId ? refused?.fieldErrors : undefined;
        const headingId = `team-${team.producerId}`;
        return (
          <section key={team.producerId} aria-labelledby={headingId} className="space-y-4">
            {teams.length > 1 ? (
              <h2 id={headingId} className="text-xl font-semibold">
                {t("team.page.producer", { name: team.producerName, code: team.producerCode })}
              </h2>
            ) : (
              <h2 id={headingId} className="sr-only">
                {t("team.page.producer", { name: team.producerName, code: team.producerCode })}
              </h2>
            )}

            <h3 className="text-lg font-semibold">{t("team.members.title")}</h3>
            <ul className="space-y-3">
              {team.members.map((member) => {
                const formId = `m-${team.producerId}-${member.userId}`;
                const asking =
                  confirmRemove.userId === member.userId &&
                  confirmRemove.producerId === team.producerId;
                return (
                  <li
                    key={member.userId}
                    className="rounded-xl border border-stone-200 bg-white p-4"
                  >
                    <p className="font-semibold">
                      {member.displayName}
                      {member.userId === me ? ` ${t("team.members.you")}` : ""}
                      {member.phone ? ` · ${member.phone}` : ""}
                    </p>
                    <p className="text-sm text-stone-700">
                      {member.role === "owner"
                        ? t("team.members.owner")
                        : t("team.members.since", { date: formatDate(member.since, locale) })}
                    </p>
                    {member.role === "owner" ? null : asking ? (
                      <Form
                        method="post"
                        className="mt-3 rounded-lg border-2 border-red-300 bg-red-50 p-3"
                      >
                        <input type="hidden" name="producerId" value={team.producerId} />
                        <input type="hidden" name="userId" value={member.userId} />
                        <p className="font-semibold text-red-900">
                          {t("team.members.removeConfirm", { name: member.displayName })}
                        </p>
                        <div className="mt-2 flex flex-wrap gap-2">
                          <ConfirmButtons
                            intent="remove"
                            confirmLabel={t("team.members.removeYes")}
                            cancelTo={HERE}
                          />
                        </div>
                      </Form>
                    ) : (
                      <Form
                        method="post"
                        className="mt-3 space-y-3"
                        aria-label={member.displayName}
                      >
                        <input type="hidden" name="producerId" value={team.producerId} />
                        <input type="hidden" name="userId" value={member.userId} />
                        <PermissionBoxes
                          idPrefix={formId}
                          checked={member.permissions}
                          error={
                            posted?.intent === "permissions" &&
                            posted.userId === String(member.userId) &&
                            postedProducer === team.producerId
                              ? refused?.fieldErrors.permissions
                              : undefined
                          }
                        />
                        <div className="flex flex-wrap gap-2">
                          <IntentButton intent="permissions" look="smallPrimary">
                            {t("team.members.save")}
                          </IntentButton>
                          <IntentButton intent="remove" look="danger">
                            {t("team.members.remove")}
                          </IntentButton>
                        </div>
                      </Form>
                    )}
                  </li>
                );
              })}
            </ul>

            <h3 className="text-lg font-semibold">{t("team.invites.title")}</h3>
            {team.invites.length === 0 ? (
              <p className="text-stone-700">{t("team.invites.none")}</p>
            ) : (
              <ul className="space-y-3">
                {team.invites.map((invite) => (
                  <li key={invite.id} className="rounded-xl border border-stone-200 bg-white p-4">
                    <p className="font-semibold">{invite.phone}</p>
                    <p className="text-sm text-stone-700">
                      {t("team.invites.sent", { date: formatDate(invite.createdAt, locale) })} ·{" "}
                      {t("team.invites.expires", { date: formatDate(invite.expiresAt, locale) })}
                    </p>
                    <p className="text-sm text-stone-700">
                      {invite.permissions
                        .map((p: TeamPermission) => t(`team.permission.${p}`))
                        .join(" · ")}
                    </p>
                    <Form method="post" className="mt-3">
                      <input type="hidden" name="producerId" value={team.producerId} />
                      <input type="hidden" name="inviteId" value={invite.id} />
                      <IntentButton intent="revoke" look="small">
                        {t("team.invites.revoke")}
                      </IntentButton>
                    </Form>
                  </li>
                ))}
              </ul>
            )}

            <h3 className="text-lg font-semibold">{t("team.invite.title")}</h3>
            <Form
              method="post"
              className="space-y-4 rounded-xl border border-stone-200 bg-white p-4"
            >
              <input type="hidden" name="producerId" value={team.producerId} />
              <div>
                <label htmlFor={`invite-phone-${team.producerId}`} className="block font-medium">
                  {t("team.invite.phone")}
                </label>
                <p id={`invite-phone-hint-${team.producerId}`} className="text-sm text-stone-700">
                  {t("team.invite.phoneHint")}
                </p>
                <input
                  id={`invite-phone-${team.producerId}`}
                  name="phone"
                  type="tel"
                  inputMode="tel"
                  autoComplete="off"
                  required
                  defaultValue={inviteErrors ? postedInvite?.phone : ""}
                  aria-invalid={inviteErrors?.phone ? true : undefined}
                  aria-describedby={`invite-phone-hint-${team.producerId}${
                    inviteErrors?.phone ? ` invite-phone-error-${team.producerId}` : ""
                  }`}
                  className="mt-1 block min-h-11 w-full rounded-lg border border-stone-300 px-3"
                />
                {inviteErrors?.phone ? (
                  <p
                    id={`invite-phone-error-${team.producerId}`}
                    className="mt-1 text-sm font-medium text-red-800"
                  >
                    {inviteErrors.phone}
                  </p>
                ) : null}
              </div>
              <PermissionBoxes
                idPrefix={`invite-${team.producerId}`}
                checked={inviteErrors ? (postedInvite?.permissions ?? []) : []}
                error={inviteErrors?.permissions}
              />
              <IntentButton intent="invite">{t("team.invite.submit")}</IntentButton>
            </Form>
          </section>
        );
      })}
    </div>
  );
}
