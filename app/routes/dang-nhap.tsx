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
import {
  AccountFormLinks,
  Field,
  FormErrors,
  FormSuccess,
  inputClass,
  SubmitButton,
} from "~/components/auth-form";
import { HoneypotField } from "~/components/honeypot-field";
import { t, useT } from "~/lib/i18n";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import { loginSchema, safeNext } from "~/lib/schemas/auth";
import { authenticate, homeOf, rateLimitMessage } from "~/modules/auth/accounts.server";
import { localizeReply, readAccountForm } from "~/modules/auth/forms.server";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { clientIpOf, getActor, startLoginSession } from "~/modules/auth/session.server";
import { mergeGuestCartAtLogin } from "~/modules/orders/cart-cookie.server";
import { getDb } from "~/modules/platform/db.server";
import { handle, keepRetryAfter } from "~/modules/platform/http.server";

export const meta: MetaFunction = ({ matches }) => {
  const locale = localeFromMatches(matches);
  return pageMeta(locale, t(locale, "auth.login.title"), t(locale, "auth.login.intro"));
};

// A refused login's 429 keeps its Retry-After on the page and on its data requests.
export const headers = keepRetryAfter;

/** The log-in page; a signed-in visitor goes straight on to `next` or their workspace. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const next = safeNext(new URL(request.url).searchParams.get("next"));
  const actor = await getActor(request);
  if (actor.kind === "user") throw redirect(next ?? homeOf(getDb(), actor.userId));
  return { next, passwordReset: new URL(request.url).searchParams.has("da-dat-lai") };
});

/** Log in with a phone or e-mail and a password; rate-limited per account and per address. */
export const action = handle(async ({ request, context }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await getActor(request);
  const hideFields = ["password"];
  const form = await readAccountForm(request, loginSchema, actor.locale, hideFields);
  if ("reply" in form) return form.reply;
  const { submission } = form;
  const { identifier, password, next } = submission.value;
  const db = getDb();
  const clientIp = clientIpOf(context);
  const result = await authenticate(db, identifier, password, clientIp);
  if (!result.ok) {
    if (result.reason === "rateLimited") {
      const message = rateLimitMessage(actor.locale, result.block);
      return data(
        localizeReply(submission.reply({ formErrors: [message], hideFields }), actor.locale),
        {
          status: 429,
          headers: { "Retry-After": String(result.block.retryAfterSeconds) },
        },
      );
    }
    const key = result.reason === "disabled" ? "auth.error.disabled" : "auth.error.badCredentials";
    return data(localizeReply(submission.reply({ formErrors: [key], hideFields }), actor.locale), {
      status: result.reason === "disabled" ? 403 : 400,
    });
  }
  // Where to go is settled before the session is made: a bad target cannot leave a session
  // row whose cookie was never sent.
  const target = safeNext(next) ?? homeOf(db, result.userId);
  const session = await startLoginSession(db, request, result.userId, clientIp);
  const cookies = new Headers({ "Set-Cookie": session.setCookie });
  // A guest who filled a cart before logging in keeps it: it moves into the account.
  const clearGuestCart = mergeGuestCartAtLogin(db, request, result.userId);
  if (clearGuestCart) cookies.append("Set-Cookie", clearGuestCart);
  return redirect(target, { headers: cookies });
});

export default function LoginPage() {
  const { next, passwordReset } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm({
    id: "login",
    lastResult,
    constraint: getZodConstraint(loginSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
  });
  const signUpHref = next ? `/dang-ky?next=${encodeURIComponent(next)}` : "/dang-ky";
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold text-stone-900">{t("auth.login.title")}</h1>
      <p className="mt-1 text-stone-700">{t("auth.login.intro")}</p>
      {passwordReset ? (
        <div className="mt-4">
          <FormSuccess>{t("recovery.reset.done")}</FormSuccess>
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="relative mt-6 space-y-5">
        <FormErrors id={form.errorId} errors={form.errors} />
        {form.errors?.length ? (
          // After a refused login (wrong password, or locked after 5 tries): the way out.
          <p>
            <Link to="/quen-mat-khau" className="font-medium text-brand-700 underline">
              {t("recovery.forgot.lockedHint")}
            </Link>
          </p>
        ) : null}
        <HoneypotField />
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <Field
          field={fields.identifier}
          label={t("auth.field.identifier")}
          hint={t("auth.field.identifierHint")}
        >
          <input
            {...getInputProps(fields.identifier, {
              type: "text",
              ariaDescribedBy: fields.identifier.descriptionId,
            })}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            className={inputClass}
          />
        </Field>
        <Field field={fields.password} label={t("auth.field.password")}>
          <input
            {...getInputProps(fields.password, { type: "password" })}
            autoComplete="current-password"
            className={inputClass}
          />
        </Field>
        <p>
          <Link to="/quen-mat-khau" className="font-medium text-brand-700 underline">
            {t("recovery.forgot.link")}
          </Link>
        </p>
        <SubmitButton busy={navigation.state === "submitting"}>
          {t("auth.login.submit")}
        </SubmitButton>
      </Form>
      <AccountFormLinks
        question={t("auth.login.noAccount")}
        linkText={t("auth.login.signUpLink")}
        to={signUpHref}
      />
    </div>
  );
}
