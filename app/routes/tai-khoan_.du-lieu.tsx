import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { CloseAccountForm } from "~/components/close-account-form";
import { Invalid } from "~/lib/errors";
import { formatDateTime, useLocale, useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { closeAccountSchema } from "~/lib/schemas/privacy";
import { localizeReply } from "~/modules/auth/forms.server";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { clearSessionCookieHeader, clientIpOf, requireUser } from "~/modules/auth/session.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";
import { closingPreview, requestAccountClosure } from "~/modules/privacy/closing.server";
import { exportUserData } from "~/modules/privacy/export.server";

export const meta: MetaFunction = titledPage("privacy.data.title");

/**
 * /tai-khoan/du-lieu: download her data (/tai-khoan/du-lieu.json) and close her account.
 * `?buoc=xac-nhan` is the confirmation step (works without JavaScript).
 */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireUser(request);
  const db = getDb();
  const { consent } = exportUserData(db, actor.userId);
  return {
    consent,
    confirming: new URL(request.url).searchParams.get("buoc") === "xac-nhan",
    openOrders: closingPreview(db, actor.userId).openOrders,
  };
});

/** Closes the account after the password is typed again; she is logged out at once. */
export const action = handle(async ({ request, context }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireUser(request);
  const formData = await request.formData();
  const hideFields = ["password"];
  const submission = parseWithZod(formData, { schema: closeAccountSchema });
  if (submission.status !== "success") {
    return data(
      { result: localizeReply(submission.reply({ hideFields }), actor.locale) },
      { status: 400 },
    );
  }
  try {
    await requestAccountClosure(getDb(), {
      userId: actor.userId,
      password: submission.value.password,
      ipAddress: clientIpOf(context),
    });
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    const field = error.details?.field === "password" ? "password" : "";
    const reply = submission.reply({
      hideFields,
      ...(field
        ? { fieldErrors: { password: [error.messageKey] } }
        : { formErrors: [error.messageKey] }),
    });
    return data({ result: localizeReply(reply, actor.locale) }, { status: 400 });
  }
  return redirect("/quyen-rieng-tu?da-dong-tai-khoan", {
    headers: { "Set-Cookie": clearSessionCookieHeader() },
  });
});

export default function MyDataPage() {
  const { consent, confirming, openOrders } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-2xl space-y-10 text-stone-800">
      <header>
        <h1 className="text-2xl font-bold text-stone-900">{t("privacy.data.title")}</h1>
        <p className="mt-2">
          {t("privacy.data.intro")}{" "}
          <Link to="/quyen-rieng-tu" className="text-emerald-800 underline">
            {t("privacy.data.privacyLink")}
          </Link>
        </p>
        <p className="mt-2 text-sm text-stone-600">
          {consent.termsAcceptedAt && consent.termsVersion
            ? t("privacy.data.consent", {
                version: consent.termsVersion,
                date: formatDateTime(consent.termsAcceptedAt, locale),
              })
            : t("privacy.data.noConsent")}
        </p>
      </header>
      <section aria-labelledby="download-heading">
        <h2 id="download-heading" className="text-xl font-semibold text-stone-900">
          {t("privacy.data.downloadTitle")}
        </h2>
        <p className="mt-2">{t("privacy.data.download")}</p>
        <p className="mt-3">
          <a
            href="/tai-khoan/du-lieu.json"
            download
            className="inline-flex min-h-11 items-center rounded-lg bg-emerald-700 px-4 font-medium text-white hover:bg-emerald-800"
          >
            {t("privacy.data.downloadButton")}
          </a>
        </p>
      </section>
      <section aria-labelledby="close-heading">
        <h2 id="close-heading" className="text-xl font-semibold text-stone-900">
          {t("privacy.data.closeTitle")}
        </h2>
        <p className="mt-2">{t("privacy.data.close")}</p>
        {confirming ? (
          <CloseAccountForm openOrders={openOrders} lastResult={actionData?.result} />
        ) : (
          <p className="mt-3">
            <Link
              to="?buoc=xac-nhan"
              className="inline-flex min-h-11 items-center rounded-lg border border-red-700 px-4 font-medium text-red-800 hover:bg-red-50"
            >
              {t("privacy.data.closeStart")}
            </Link>
          </p>
        )}
      </section>
    </div>
  );
}
