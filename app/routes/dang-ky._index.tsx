import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import {
  DisplayNameField,
  EmailField,
  NewPasswordFields,
  PhoneField,
} from "~/components/account-fields";
import {
  AccountFormLinks,
  Field,
  FormErrors,
  inputClass,
  SubmitButton,
} from "~/components/auth-form";
import { HoneypotField } from "~/components/honeypot-field";
import { t, useT } from "~/lib/i18n";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import { BUYER_KIND_OPTIONS, safeNext } from "~/lib/schemas/auth";
import { signUpWithConsentSchema as signUpSchema } from "~/lib/schemas/recovery";
import { TermsConsentField } from "~/components/terms-consent";
import { signUpBuyer } from "~/modules/auth/accounts.server";
import { completeSignUp } from "~/modules/auth/phone-confirmation.server";
import { localizeReply, readAccountForm } from "~/modules/auth/forms.server";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { clientIpOf, getActor, startLoginSession } from "~/modules/auth/session.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta: MetaFunction = ({ matches }) => {
  const locale = localeFromMatches(matches);
  return pageMeta(locale, t(locale, "auth.signup.title"), t(locale, "auth.signup.intro"));
};

/** The buyer sign-up page (`/dang-ky`). */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const next = safeNext(new URL(request.url).searchParams.get("next"));
  const actor = await getActor(request);
  return { next, signedInAs: actor.kind === "user" ? actor.displayName : null };
});

/** Creates the buyer's account, logs them in and sends them on. */
export const action = handle(async ({ request, context }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await getActor(request);
  const hideFields = ["password", "confirmPassword"];
  const form = await readAccountForm(request, signUpSchema, actor.locale, hideFields);
  if ("reply" in form) return form.reply;
  const { submission, formData } = form;
  const db = getDb();
  const created = await signUpBuyer(db, submission.value, actor.locale);
  if (!created.ok) {
    const reply = submission.reply({ fieldErrors: created.fieldErrors, hideFields });
    return data(localizeReply(reply, actor.locale), { status: 400 });
  }
  const clientIp = clientIpOf(context);
  // Her consent is recorded; with an SMS provider her phone waits for the code just sent.
  const { confirmPhone } = completeSignUp(db, { userId: created.value.userId, ip: clientIp });
  const session = await startLoginSession(db, request, created.value.userId, clientIp);
  const next = safeNext(String(formData.get("next") ?? ""));
  const target = next ?? "/tai-khoan?chao-mung=1";
  const confirmHref = `/xac-nhan-so-dien-thoai?next=${encodeURIComponent(target)}`;
  return redirect(confirmPhone ? confirmHref : target, {
    headers: { "Set-Cookie": session.setCookie },
  });
});

export default function SignUpPage() {
  const { next, signedInAs } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm({
    id: "sign-up",
    lastResult,
    defaultValue: { buyerKind: "individual" },
    constraint: getZodConstraint(signUpSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signUpSchema }),
  });
  const buyerKind = fields.buyerKind.value ?? "individual";
  const [isInteractive, setIsInteractive] = useState(false);
  useEffect(() => setIsInteractive(true), []);
  const loginHref = next ? `/dang-nhap?next=${encodeURIComponent(next)}` : "/dang-nhap";
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-2xl font-bold text-stone-900">{t("auth.signup.title")}</h1>
      <p className="mt-1 text-stone-700">{t("auth.signup.intro")}</p>
      {signedInAs ? (
        <p className="mt-3 rounded-lg bg-amber-50 px-4 py-3 text-amber-900">
          {t("auth.signup.alreadySignedIn", { name: signedInAs })}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="group relative mt-6 space-y-5">
        <FormErrors id={form.errorId} errors={form.errors} />
        <HoneypotField />
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <DisplayNameField field={fields.displayName} />
        <PhoneField field={fields.phone} />
        <EmailField field={fields.email} />
        <NewPasswordFields password={fields.password} confirmPassword={fields.confirmPassword} />
        <Field field={fields.buyerKind} label={t("auth.field.buyerKind")}>
          <select {...getSelectProps(fields.buyerKind)} className={inputClass}>
            {BUYER_KIND_OPTIONS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`buyerKind.${kind}`)}
              </option>
            ))}
          </select>
        </Field>
        {/* Only for a business kind: CSS hides it while "individual" is chosen (no JavaScript
            needed); a browser without :has shows it with its note. Once the page is
            interactive it is also disabled then, so nothing typed in it earlier is sent. */}
        <fieldset
          data-business-block
          disabled={isInteractive && buyerKind === "individual"}
          className="space-y-5 rounded-lg border border-stone-200 p-4 group-has-[option[value=individual]:checked]:hidden"
        >
          <legend className="px-1 font-medium text-stone-900">
            {t("auth.signup.businessLegend")}
          </legend>
          <p className="text-sm text-stone-600">{t("auth.signup.businessHint")}</p>
          <Field field={fields.companyName} label={t("auth.field.companyName")}>
            <input
              {...getInputProps(fields.companyName, { type: "text" })}
              autoComplete="organization"
              className={inputClass}
            />
          </Field>
          <Field
            field={fields.taxCode}
            label={t("auth.field.taxCode")}
            hint={t("auth.field.taxCodeHint")}
          >
            <input
              {...getInputProps(fields.taxCode, {
                type: "text",
                ariaDescribedBy: fields.taxCode.descriptionId,
              })}
              inputMode="numeric"
              autoComplete="off"
              className={inputClass}
            />
          </Field>
        </fieldset>
        <TermsConsentField field={fields.acceptTerms} />
        <SubmitButton busy={navigation.state === "submitting"}>
          {t("auth.signup.submit")}
        </SubmitButton>
      </Form>
      <AccountFormLinks
        question={t("auth.signup.haveAccount")}
        linkText={t("auth.signup.loginLink")}
        to={loginHref}
      />
    </div>
  );
}
