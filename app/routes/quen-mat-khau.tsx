import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { Field, FormErrors, FormSuccess, inputClass, SubmitButton } from "~/components/auth-form";
import { HoneypotField } from "~/components/honeypot-field";
import { t, useT } from "~/lib/i18n";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import { forgotPasswordSchema } from "~/lib/schemas/recovery";
import { localizeReply, readAccountForm } from "~/modules/auth/forms.server";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { codeBlockMessage, requestPasswordReset } from "~/modules/auth/recovery.server";
import { clientIpOf, getActor } from "~/modules/auth/session.server";
import { getDb } from "~/modules/platform/db.server";
import { handle, keepRetryAfter } from "~/modules/platform/http.server";

export const meta: MetaFunction = ({ matches }) => {
  const locale = localeFromMatches(matches);
  return pageMeta(locale, t(locale, "recovery.forgot.title"), t(locale, "recovery.forgot.intro"));
};

export const headers = keepRetryAfter;

/** "Quên mật khẩu?": after sending, the same answer whether or not the account exists. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  return { sent: url.searchParams.has("da-gui"), phone: url.searchParams.get("sdt") ?? "" };
});

/** Sends a code by SMS (phone) or a link by e-mail; rate-limited per account, phone and address. */
export const action = handle(async ({ request, context }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await getActor(request);
  const form = await readAccountForm(request, forgotPasswordSchema, actor.locale, []);
  if ("reply" in form) return form.reply;
  const { submission } = form;
  const { identifier } = submission.value;
  const result = requestPasswordReset(getDb(), {
    identifier,
    ip: clientIpOf(context),
    origin: new URL(request.url).origin,
  });
  if (!result.ok) {
    const message = codeBlockMessage(actor.locale, result.block);
    return data(localizeReply(submission.reply({ formErrors: [message] }), actor.locale), {
      status: 429,
      headers: { "Retry-After": String(result.block.retryAfterSeconds) },
    });
  }
  const phone = identifier.kind === "phone" ? `&sdt=${encodeURIComponent(identifier.value)}` : "";
  return redirect(`/quen-mat-khau?da-gui=1${phone}`);
});

export default function ForgotPasswordPage() {
  const { sent, phone } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm({
    id: "forgot-password",
    lastResult,
    constraint: getZodConstraint(forgotPasswordSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: forgotPasswordSchema }),
  });
  const resetHref = phone
    ? `/dat-lai-mat-khau?sdt=${encodeURIComponent(phone)}`
    : "/dat-lai-mat-khau";
  return (
    <div className="mx-auto max-w-md space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-stone-900">{t("recovery.forgot.title")}</h1>
        <p className="mt-1 text-stone-700">{t("recovery.forgot.intro")}</p>
      </div>
      {sent ? <FormSuccess>{t("recovery.forgot.sent")}</FormSuccess> : null}
      <Form method="post" {...getFormProps(form)} className="relative space-y-5">
        <FormErrors id={form.errorId} errors={form.errors} />
        <HoneypotField />
        <Field field={fields.identifier} label={t("recovery.forgot.identifier")}>
          <input
            {...getInputProps(fields.identifier, { type: "text" })}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            className={inputClass}
          />
        </Field>
        <SubmitButton busy={navigation.state === "submitting"}>
          {t("recovery.forgot.submit")}
        </SubmitButton>
      </Form>
      <p>
        <Link to={resetHref} className="font-medium text-brand-700 underline">
          {t("recovery.forgot.haveCode")}
        </Link>
      </p>
      <p className="rounded-lg bg-stone-100 px-4 py-3 text-stone-800">
        {t("recovery.forgot.staffHelp")}
      </p>
    </div>
  );
}
