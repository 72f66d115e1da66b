import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { Field, FormErrors, FormSuccess, inputClass, SubmitButton } from "~/components/auth-form";
import { formatPhone } from "~/lib/contact";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { safeNext } from "~/lib/schemas/auth";
import { confirmPhoneSchema } from "~/lib/schemas/recovery";
import { localizeReply } from "~/modules/auth/forms.server";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import {
  confirmPhone,
  phoneAwaitingConfirmation,
  sendPhoneCode,
} from "~/modules/auth/phone-confirmation.server";
import { codeBlockMessage, codeErrorKey } from "~/modules/auth/recovery.server";
import { clientIpOf, requireUser } from "~/modules/auth/session.server";
import { getDb } from "~/modules/platform/db.server";
import { handle, keepRetryAfter } from "~/modules/platform/http.server";

export const meta = titledPage("recovery.confirm.title");

export const headers = keepRetryAfter;

const NOTICES = ["da-gui", "doi-so", "xong"] as const;
type Notice = (typeof NOTICES)[number];

/** The phone waiting for its code (a new account's, or a changed one), and where to go next. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireUser(request);
  const url = new URL(request.url);
  const phone = phoneAwaitingConfirmation(getDb(), actor.userId);
  const notice = NOTICES.find((name) => url.searchParams.has(name)) ?? null;
  return {
    phone: phone ? formatPhone(phone) : null,
    next: safeNext(url.searchParams.get("next")),
    notice,
    confirmed: url.searchParams.get("so") ?? "",
  };
});

/** `intent=confirm` checks the code; `intent=resend` sends a new one (waits and limits apply). */
export const action = handle(async ({ request, context }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireUser(request);
  const db = getDb();
  const ip = clientIpOf(context);
  const formData = await request.formData();
  const next = safeNext(String(formData.get("next") ?? ""));
  const nextQuery = next ? `&next=${encodeURIComponent(next)}` : "";
  const submission = parseWithZod(formData, { schema: confirmPhoneSchema });
  if (formData.get("intent") === "resend") {
    const phone = phoneAwaitingConfirmation(db, actor.userId);
    if (!phone) return redirect(`/xac-nhan-so-dien-thoai?xong=1${nextQuery}`);
    const sent = sendPhoneCode(db, { userId: actor.userId, phone, ip });
    if (!sent.ok) {
      const message = codeBlockMessage(actor.locale, sent.block);
      return data(localizeReply(submission.reply({ formErrors: [message] }), actor.locale), {
        status: 429,
        headers: { "Retry-After": String(sent.block.retryAfterSeconds) },
      });
    }
    return redirect(`/xac-nhan-so-dien-thoai?da-gui=1${nextQuery}`);
  }
  if (submission.status !== "success") {
    return data(localizeReply(submission.reply(), actor.locale), { status: 400 });
  }
  const outcome = confirmPhone(db, { userId: actor.userId, code: submission.value.code, ip });
  if (!outcome.ok) {
    const reply = submission.reply({ formErrors: [codeErrorKey(outcome.reason)] });
    return data(localizeReply(reply, actor.locale), {
      status: outcome.reason === "taken" ? 409 : 400,
    });
  }
  if (next) return redirect(next);
  return redirect(
    `/xac-nhan-so-dien-thoai?xong=1&so=${encodeURIComponent(formatPhone(outcome.phone))}`,
  );
});

export default function ConfirmPhonePage() {
  const { phone, next, notice, confirmed } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm({
    id: "confirm-phone",
    lastResult,
    constraint: getZodConstraint(confirmPhoneSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: confirmPhoneSchema }),
  });
  const noticeText: Record<Notice, string> = {
    "da-gui": t("recovery.confirm.resent"),
    "doi-so": t("recovery.confirm.changed"),
    xong: confirmed
      ? t("recovery.confirm.done", { phone: confirmed })
      : t("recovery.confirm.nothing"),
  };
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold text-stone-900">{t("recovery.confirm.title")}</h1>
      {notice ? <FormSuccess>{noticeText[notice]}</FormSuccess> : null}
      {phone ? (
        <>
          <p className="text-stone-700">{t("recovery.confirm.intro", { phone })}</p>
          <p className="text-sm text-stone-600">{t("recovery.confirm.why")}</p>
          <Form method="post" {...getFormProps(form)} className="space-y-5">
            <FormErrors id={form.errorId} errors={form.errors} />
            <input type="hidden" name="intent" value="confirm" />
            {next ? <input type="hidden" name="next" value={next} /> : null}
            <Field field={fields.code} label={t("recovery.confirm.code")}>
              <input
                {...getInputProps(fields.code, { type: "text" })}
                inputMode="numeric"
                autoComplete="one-time-code"
                className={inputClass}
              />
            </Field>
            <SubmitButton busy={navigation.state === "submitting"}>
              {t("recovery.confirm.submit")}
            </SubmitButton>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="resend" />
            {next ? <input type="hidden" name="next" value={next} /> : null}
            <button
              type="submit"
              className="rounded-lg border border-stone-300 bg-white px-4 py-2.5 font-semibold text-brand-800 hover:bg-brand-50"
            >
              {t("recovery.confirm.resend")}
            </button>
          </Form>
        </>
      ) : (
        <>
          {notice === "xong" ? null : (
            <p className="text-stone-700">{t("recovery.confirm.nothing")}</p>
          )}
          <p>
            <Link to={next ?? "/"} className="font-medium text-brand-700 underline">
              {t("recovery.confirm.continue")}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
