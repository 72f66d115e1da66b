import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
} from "@conform-to/react";
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
  DisplayNameField,
  EmailField,
  NewPasswordFields,
  PhoneField,
  ProducerKindField,
} from "~/components/account-fields";
import { Field, FormErrors, FormSuccess, inputClass, SubmitButton } from "~/components/auth-form";
import { HoneypotField } from "~/components/honeypot-field";
import { t, useT } from "~/lib/i18n";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import { applicationWithConsentSchema as producerApplicationSchema } from "~/lib/schemas/recovery";
import { TermsConsentField } from "~/components/terms-consent";
import { applyAsProducer, listApplicationOrgUnits } from "~/modules/auth/accounts.server";
import { completeSignUp, requirePhoneConfirmed } from "~/modules/auth/phone-confirmation.server";
import { localizeReply, readAccountForm } from "~/modules/auth/forms.server";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { clientIpOf, getActor, startLoginSession } from "~/modules/auth/session.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta: MetaFunction = ({ matches }) => {
  const locale = localeFromMatches(matches);
  return pageMeta(locale, t(locale, "auth.apply.title"), t(locale, "auth.apply.intro"));
};

/**
 * The producer application (`/dang-ky/nha-san-xuat`): a signed-in user applies with their
 * account, a visitor creates one in the same form. `?da-gui=<code>` shows the confirmation.
 */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await getActor(request);
  const sentCode = new URL(request.url).searchParams.get("da-gui");
  const sent =
    actor.kind === "user" && sentCode
      ? (actor.producers.find((producer) => producer.producerCode === sentCode) ?? null)
      : null;
  return {
    signedInAs: actor.kind === "user" ? actor.displayName : null,
    sent: sent ? { code: sent.producerCode, name: sent.producerName } : null,
    communes: sent ? [] : listApplicationOrgUnits(getDb()),
  };
});

export const action = handle(async ({ request, context }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await getActor(request);
  // A signed-in applicant's phone must be confirmed first (when an SMS provider is in force).
  requirePhoneConfirmed(getDb(), actor);
  const withAccount = actor.kind !== "user";
  const schema = producerApplicationSchema({ withAccount });
  const hideFields = ["password", "confirmPassword"];
  const form = await readAccountForm(request, schema, actor.locale, hideFields);
  if ("reply" in form) return form.reply;
  const { submission } = form;
  const db = getDb();
  const clientIp = clientIpOf(context);
  const { account, producer } = submission.value;
  const result =
    actor.kind === "user"
      ? await applyAsProducer(db, { userId: actor.userId, producer, ipAddress: clientIp })
      : account
        ? await applyAsProducer(db, {
            account,
            producer,
            ipAddress: clientIp,
            locale: actor.locale,
          })
        : null;
  // The schema requires the account fields of a visitor, so `null` cannot happen.
  if (!result)
    return data(localizeReply(submission.reply({ hideFields }), actor.locale), { status: 400 });
  if (!result.ok) {
    const reply = submission.reply({ fieldErrors: result.fieldErrors, hideFields });
    return data(localizeReply(reply, actor.locale), { status: 400 });
  }
  const target = `/dang-ky/nha-san-xuat?da-gui=${encodeURIComponent(result.value.producerCode)}`;
  if (actor.kind === "user") return redirect(target);
  // The applicant's new account is signed in, so the confirmation (and later the workspace) is theirs.
  const { confirmPhone } = completeSignUp(db, { userId: result.value.userId, ip: clientIp });
  const session = await startLoginSession(db, request, result.value.userId, clientIp);
  const confirmHref = `/xac-nhan-so-dien-thoai?next=${encodeURIComponent(target)}`;
  return redirect(confirmPhone ? confirmHref : target, {
    headers: { "Set-Cookie": session.setCookie },
  });
});

export default function ProducerApplicationPage() {
  const { signedInAs, sent, communes } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold text-stone-900">{t("auth.apply.title")}</h1>
      {sent ? (
        <div className="mt-6 space-y-4">
          <FormSuccess>
            <p>{t("auth.apply.sent")}</p>
            <p className="mt-1 font-normal">
              {t("auth.apply.sentDetail", { name: sent.name, code: sent.code })}
            </p>
          </FormSuccess>
          <p>
            <Link to="/ban-hang" className="font-medium text-brand-700 underline">
              {t("auth.apply.toWorkspace")}
            </Link>
          </p>
        </div>
      ) : (
        <ApplicationForm signedInAs={signedInAs} communes={communes} />
      )}
    </div>
  );
}

function ApplicationForm({
  signedInAs,
  communes,
}: {
  signedInAs: string | null;
  communes: ReturnType<typeof useLoaderData<typeof loader>>["communes"];
}) {
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const schema = producerApplicationSchema({ withAccount: signedInAs === null });
  const [form, fields] = useForm({
    id: "producer-application",
    lastResult,
    defaultValue: {
      producerKind: "htx",
      membersWomen: "0",
      membersEthnicMinority: "0",
      membersPoorHousehold: "0",
    },
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <>
      <p className="mt-1 text-stone-700">{t("auth.apply.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="relative mt-6 space-y-6">
        <FormErrors id={form.errorId} errors={form.errors} />
        <HoneypotField />
        {signedInAs ? (
          <p className="rounded-lg bg-stone-100 px-4 py-3 text-stone-800">
            {t("auth.apply.signedInAs", { name: signedInAs })}
          </p>
        ) : (
          <fieldset className="space-y-5 rounded-lg border border-stone-200 p-4">
            <legend className="px-1 font-semibold text-stone-900">
              {t("auth.apply.accountLegend")}
            </legend>
            <p className="text-sm text-stone-600">
              {t("auth.apply.accountHint")}{" "}
              <Link
                to="/dang-nhap?next=%2Fdang-ky%2Fnha-san-xuat"
                className="font-medium text-brand-700 underline"
              >
                {t("auth.apply.loginLink")}
              </Link>
            </p>
            <DisplayNameField field={fields.displayName} />
            <PhoneField field={fields.phone} />
            <EmailField field={fields.email} />
            <NewPasswordFields
              password={fields.password}
              confirmPassword={fields.confirmPassword}
            />
            <TermsConsentField field={fields.acceptTerms} />
          </fieldset>
        )}
        <fieldset className="space-y-5 rounded-lg border border-stone-200 p-4">
          <legend className="px-1 font-semibold text-stone-900">
            {t("auth.apply.producerLegend")}
          </legend>
          <Field field={fields.producerName} label={t("auth.field.producerName")}>
            <input
              {...getInputProps(fields.producerName, { type: "text" })}
              autoComplete="organization"
              className={inputClass}
            />
          </Field>
          <ProducerKindField field={fields.producerKind} label={t("auth.field.producerKind")} />
          <Field
            field={fields.orgUnitId}
            label={t("auth.field.orgUnit")}
            hint={t("auth.field.orgUnitHint")}
          >
            <select
              {...getSelectProps(fields.orgUnitId, {
                ariaDescribedBy: fields.orgUnitId.descriptionId,
              })}
              className={inputClass}
            >
              <option value="">{t("auth.field.orgUnitChoose")}</option>
              {communes.map((commune) => (
                <optgroup key={commune.id} label={commune.name}>
                  {commune.units.map((unit) => (
                    <option key={unit.id} value={String(unit.id)}>
                      {unit.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </Field>
          <Field
            field={fields.address}
            label={t("auth.field.address")}
            hint={t("auth.field.addressHint")}
          >
            <input
              {...getInputProps(fields.address, {
                type: "text",
                ariaDescribedBy: fields.address.descriptionId,
              })}
              autoComplete="street-address"
              className={inputClass}
            />
          </Field>
          <div className="grid grid-cols-2 gap-3">
            <Field field={fields.membersTotal} label={t("auth.field.membersTotal")}>
              <input
                {...getInputProps(fields.membersTotal, { type: "text" })}
                inputMode="numeric"
                className={inputClass}
              />
            </Field>
            <Field field={fields.membersWomen} label={t("auth.field.membersWomen")}>
              <input
                {...getInputProps(fields.membersWomen, { type: "text" })}
                inputMode="numeric"
                className={inputClass}
              />
            </Field>
            <Field
              field={fields.membersEthnicMinority}
              label={t("auth.field.membersEthnicMinority")}
            >
              <input
                {...getInputProps(fields.membersEthnicMinority, { type: "text" })}
                inputMode="numeric"
                className={inputClass}
              />
            </Field>
            <Field field={fields.membersPoorHousehold} label={t("auth.field.membersPoorHousehold")}>
              <input
                {...getInputProps(fields.membersPoorHousehold, { type: "text" })}
                inputMode="numeric"
                className={inputClass}
              />
            </Field>
          </div>
          <Field field={fields.foundedYear} label={t("auth.field.foundedYear")}>
            <input
              {...getInputProps(fields.foundedYear, { type: "text" })}
              inputMode="numeric"
              className={inputClass}
            />
          </Field>
          <Field
            field={fields.story}
            label={t("auth.field.story")}
            hint={t("auth.field.storyHint")}
          >
            <textarea
              {...getTextareaProps(fields.story, { ariaDescribedBy: fields.story.descriptionId })}
              rows={4}
              className={inputClass}
            />
          </Field>
        </fieldset>
        <SubmitButton busy={navigation.state === "submitting"}>
          {t("auth.apply.submit")}
        </SubmitButton>
      </Form>
    </>
  );
}
