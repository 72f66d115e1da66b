import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { RequestFactList } from "~/components/connect/connect-request-card";
import { InviteForm, InviteMatches } from "~/components/connect/invite-form";
import { StaffNav } from "~/components/supply/workspace-nav";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { connectListQuery, invitationSchema } from "~/lib/schemas/connect";
import { fieldErrorsOf } from "~/lib/schemas/orders";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { clientIpOf, requireStaff } from "~/modules/auth/session.server";
import { invitePage, inviteProducer } from "~/modules/demand/connecting.server";
import { getDb } from "~/modules/platform/db.server";
import { formError, handle } from "~/modules/platform/http.server";

export const meta = titledPage("connect.invite.title");

/**
 * One request's invite page (staff with `deal:record`, a request of their subtree, else
 * 404): the request, its stored matches with their reasons, and the form inviting a
 * producer of the subtree. Reached from a card of /quan-ly/ket-noi, whose query it keeps.
 */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "deal:record");
  const page = invitePage(getDb(), actor, params.code ?? "");
  const { id: _id, orgUnitId: _orgUnitId, ...shown } = page.request;
  return {
    request: shown,
    matches: page.matches,
    matched: page.matched,
    others: page.others,
    listQuery: connectListQuery(new URL(request.url).searchParams),
  };
});

/**
 * Invites the chosen producer, then back to the list it came from with a notice; a refused
 * invitation (400 no producer, 404 outside the subtree, 409 invited already or the request
 * closed) comes back to this page with its message.
 */
export const action = handle(async ({ request, params, context }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireStaff(request, "deal:record");
  const form = await request.formData();
  // What was typed comes back with a refusal, so a page without JavaScript keeps the note.
  const values = {
    producerCode: String(form.get("producerCode") ?? ""),
    note: String(form.get("note") ?? ""),
  };
  const input = invitationSchema.safeParse({ ...values, requestCode: params.code ?? "" });
  if (!input.success) {
    return data(
      { formError: null, fieldErrors: fieldErrorsOf(input.error), values },
      { status: 400 },
    );
  }
  try {
    inviteProducer(getDb(), actor, input.data, { ipAddress: clientIpOf(context) });
  } catch (error) {
    const refused = formError(error, actor.locale);
    return data({ ...refused.data, values }, refused.init ?? undefined);
  }
  const back = new URLSearchParams(connectListQuery(new URL(request.url).searchParams));
  back.set("da-moi", input.data.requestCode);
  back.set("nsx", input.data.producerCode);
  return redirect(`/quan-ly/ket-noi?${back}`, 303);
});

export default function InvitePage() {
  const { request, matches, matched, others, listQuery } = useLoaderData<typeof loader>();
  const refusal = useActionData<typeof action>() ?? null;
  const t = useT();
  const isOpen = request.status === "open" && !request.isHidden;
  return (
    <div className="space-y-6">
      <div>
        <StaffNav />
        <Link
          to={`/quan-ly/ket-noi${listQuery}`}
          className="inline-flex min-h-11 items-center text-sm text-brand-800 underline underline-offset-2"
        >
          ← {t("connect.invite.back")}
        </Link>
        <h1 className="text-2xl font-bold text-stone-900">{t("connect.invite.title")}</h1>
      </div>
      <section
        aria-labelledby="invite-request"
        className="rounded-xl border border-stone-200 bg-white p-4"
      >
        <p className="text-sm text-stone-600">{request.code}</p>
        <h2 id="invite-request" className="font-semibold break-words text-stone-900">
          <Link
            to={`/yeu-cau-mua/${request.code}`}
            className="text-brand-800 underline underline-offset-2"
          >
            {request.title}
          </Link>
        </h2>
        <RequestFactList request={request} />
        {request.description ? (
          <p className="mt-2 text-sm break-words whitespace-pre-line text-stone-800">
            {request.description}
          </p>
        ) : null}
      </section>
      <InviteMatches matches={matches} />
      <section aria-labelledby="invite-form-title">
        <h2 id="invite-form-title" className="text-lg font-semibold">
          {t("connect.invite.formTitle")}
        </h2>
        <div className="mt-2">
          {isOpen ? (
            <InviteForm
              action={`/quan-ly/ket-noi/moi/${encodeURIComponent(request.code)}${listQuery}`}
              matched={matched}
              others={others}
              refusal={refusal}
            />
          ) : (
            <p className="text-stone-700">
              {t("connect.error.requestNotOpen", { code: request.code })}
            </p>
          )}
        </div>
      </section>
    </div>
  );
}
