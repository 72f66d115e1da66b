import { getFormProps, getInputProps, useForm, type FormMetadata } from "@conform-to/react";
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
import type { ComponentProps, ReactNode } from "react";
import { NewPasswordFields } from "~/components/account-fields";
import { Field, FormErrors, inputClass, SubmitButton } from "~/components/auth-form";
import { HoneypotField } from "~/components/honeypot-field";
import { formatPhone, normalizePhone } from "~/lib/contact";
import { t, useT } from "~/lib/i18n";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import { resetWithCodeSchema, resetWithTokenSchema } from "~/lib/schemas/recovery";
import { localizeReply, readAccountForm } from "~/modules/auth/forms.server";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import {
  codeBlockMessage,
  codeErrorKey,
  resetPasswordWithCode,
  resetPasswordWithEmailToken,
} from "~/modules/auth/recovery.server";
import { clientIpOf, getActor } from "~/modules/auth/session.server";
import { getDb } from "~/modules/platform/db.server";
import { handle, keepRetryAfter } from "~/modules/platform/http.server";

export const meta: MetaFunction = ({ matches }) => {
  const locale = localeFromMatches(matches);
  return pageMeta(locale, t(locale, "recovery.reset.title"), t(locale, "recovery.reset.intro"));
};

export const headers = keepRetryAfter;

/** A new password with a code (phone + code) or with the e-mail link (`?ma=<token>`). */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  const token = url.searchParams.get("ma");
  const phone = normalizePhone(url.searchParams.get("sdt") ?? "");
  return {
    token: token && token.length <= 200 ? token : null,
    phone: phone ? formatPhone(phone) : "",
  };
});

/**
 * Sets the new password, uses the code up and ends all her sessions; then she logs in again.
 * A wrong, expired, used or locked code is a 400 with the reason; too many checks a 429.
 */
export const action = handle(async ({ request, context }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await getActor(request);
  const withToken = (await request.clone().formData()).has("token");
  const hideFields = ["password", "confirmPassword"];
  const db = getDb();
  const ip = clientIpOf(context);
  const form = withToken
    ? await readAccountForm(request, resetWithTokenSchema, actor.locale, hideFields)
    : await readAccountForm(request, resetWithCodeSchema, actor.locale, hideFields);
  if ("reply" in form) return form.reply;
  const { submission } = form;
  const value = submission.value;
  const outcome =
    "token" in value
      ? await resetPasswordWithEmailToken(db, {
          token: value.token,
          newPassword: value.password,
          ip,
        })
      : await resetPasswordWithCode(db, {
          phone: value.phone,
          code: value.code,
          newPassword: value.password,
          ip,
        });
  if (outcome.ok) return redirect("/dang-nhap?da-dat-lai=1");
  if (outcome.reason === "blocked") {
    const message = codeBlockMessage(actor.locale, outcome.block);
    return data(
      localizeReply(submission.reply({ formErrors: [message], hideFields }), actor.locale),
      {
        status: 429,
        headers: { "Retry-After": String(outcome.block.retryAfterSeconds) },
      },
    );
  }
  const reply =
    outcome.reason === "password"
      ? submission.reply({ fieldErrors: outcome.fieldErrors, hideFields })
      : submission.reply({ formErrors: [codeErrorKey(outcome.check)], hideFields });
  return data(localizeReply(reply, actor.locale), { status: 400 });
});

export default function ResetPasswordPage() {
  const { token, phone } = useLoaderData<typeof loader>();
  return token ? <TokenForm token={token} /> : <CodeForm phone={phone} />;
}

function CodeForm({ phone }: { phone: string }) {
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm({
    id: "reset-password",
    lastResult,
    defaultValue: { phone },
    constraint: getZodConstraint(resetWithCodeSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resetWithCodeSchema }),
  });
  return (
    <ResetPasswordFrame intro={t("recovery.reset.intro")} form={form} passwords={fields}>
      <Field field={fields.phone} label={t("recovery.reset.phone")}>
        <input
          {...getInputProps(fields.phone, { type: "tel" })}
          autoComplete="tel"
          inputMode="tel"
          className={inputClass}
        />
      </Field>
      <Field
        field={fields.code}
        label={t("recovery.reset.code")}
        hint={t("recovery.reset.codeHint")}
      >
        <input
          {...getInputProps(fields.code, {
            type: "text",
            ariaDescribedBy: fields.code.descriptionId,
          })}
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          className={inputClass}
        />
      </Field>
    </ResetPasswordFrame>
  );
}

function TokenForm({ token }: { token: string }) {
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm({
    id: "reset-password-link",
    lastResult,
    constraint: getZodConstraint(resetWithTokenSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resetWithTokenSchema }),
  });
  return (
    <ResetPasswordFrame intro={t("recovery.reset.introEmail")} form={form} passwords={fields}>
      <input type="hidden" name="token" value={token} />
    </ResetPasswordFrame>
  );
}

/** The frame both ways of resetting share: heading, the form with the new password, the way back. */
function ResetPasswordFrame<Schema extends Record<string, unknown>>({
  intro,
  form,
  passwords,
  children,
}: {
  intro: string;
  form: FormMetadata<Schema, string[]>;
  passwords: ComponentProps<typeof NewPasswordFields>;
  children: ReactNode;
}) {
  const navigation = useNavigation();
  const t = useT();
  return (
    <div className="mx-auto max-w-md space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-stone-900">{t("recovery.reset.title")}</h1>
        <p className="mt-1 text-stone-700">{intro}</p>
      </div>
      <Form method="post" {...getFormProps(form)} className="relative space-y-5">
        <FormErrors id={form.errorId} errors={form.errors} />
        <HoneypotField />
        {children}
        <NewPasswordFields
          password={passwords.password}
          confirmPassword={passwords.confirmPassword}
        />
        <SubmitButton busy={navigation.state === "submitting"}>
          {t("recovery.reset.submit")}
        </SubmitButton>
      </Form>
      <p>
        <Link to="/quen-mat-khau" className="font-medium text-brand-700 underline">
          {t("recovery.reset.requestAgain")}
        </Link>
      </p>
    </div>
  );
}
