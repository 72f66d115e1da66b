import { redirect, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useParams } from "@remix-run/react";
import { Link } from "~/components/link";
import { Invalid } from "~/lib/errors";
import { t, useT } from "~/lib/i18n";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import { requestStateSchema } from "~/lib/schemas/purchase-request";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { clientIpOf, requireUser } from "~/modules/auth/session.server";
import {
  closePurchaseRequest,
  hidePurchaseRequest,
  reopenPurchaseRequest,
  unhidePurchaseRequest,
} from "~/modules/demand/purchase-request-states.server";
import { getDb } from "~/modules/platform/db.server";
import { formError, handle } from "~/modules/platform/http.server";

export const meta: MetaFunction = ({ matches }) => {
  const locale = localeFromMatches(matches);
  return pageMeta(locale, t(locale, "requestLife.stateTitle"));
};

/**
 * Changes a request's state; the request page's forms post here with `intent`:
 * `close` / `reopen` (the owner), `hide` (with an optional `reason`) / `unhide` (staff with
 * `purchase-request:hide` in the request's subtree). Success goes back to the request page
 * with `?trang-thai=<intent>`; a refusal shows its message here with its 4xx status.
 */
export const action = handle(async ({ request, params, context }: ActionFunctionArgs) => {
  const actor = await requireUser(request);
  assertSameOrigin(request);
  const code = params.code ?? "";
  const parsed = requestStateSchema.safeParse(Object.fromEntries(await request.formData()));
  const db = getDb();
  try {
    if (!parsed.success) throw new Invalid("requestLife.badIntent");
    const { intent, reason } = parsed.data;
    const options = { ipAddress: clientIpOf(context) };
    const done =
      intent === "close"
        ? closePurchaseRequest(db, actor, code)
        : intent === "reopen"
          ? reopenPurchaseRequest(db, actor, code)
          : intent === "hide"
            ? hidePurchaseRequest(db, actor, code, { ...options, reason: reason ?? "" })
            : unhidePurchaseRequest(db, actor, code, options);
    return redirect(`/yeu-cau-mua/${done.code}?trang-thai=${intent}`);
  } catch (error) {
    return formError(error, actor.locale);
  }
});

/** Shown only when a change was refused (or the address is opened directly). */
export default function RequestStatePage() {
  const answer = useActionData<typeof action>();
  const { code } = useParams();
  const t = useT();
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold text-stone-900">{t("requestLife.stateTitle")}</h1>
      {answer?.formError ? (
        <p
          role="alert"
          className="mt-4 rounded-lg border border-red-300 bg-red-50 px-4 py-3 font-medium text-red-800"
        >
          {answer.formError}
        </p>
      ) : null}
      <p className="mt-6">
        <Link to={`/yeu-cau-mua/${code ?? ""}`} className="font-medium text-brand-800 underline">
          {t("requestLife.cancel")}
        </Link>
      </p>
    </div>
  );
}
