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
import { AccountPageHeader } from "~/components/account-page-header";
import { Field, FormErrors, FormSuccess, inputClass, SubmitButton } from "~/components/auth-form";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { listProvinces } from "~/lib/provinces";
import { BUYER_KIND_OPTIONS } from "~/lib/schemas/auth";
import { businessProfileSchema, CITY_MAX, COMPANY_NAME_MAX } from "~/lib/schemas/business";
import { localizeReply } from "~/modules/auth/forms.server";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireBuyer } from "~/modules/auth/session.server";
import { getBusinessProfile, saveBusinessProfile } from "~/modules/buyers/business-profile.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta: MetaFunction = titledPage("business.profile.title");

/** The signed-in buyer's business profile (a producer or staff account without one: 403). */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireBuyer(request);
  return {
    profile: getBusinessProfile(getDb(), actor.userId),
    provinces: listProvinces().map((p) => p.name),
    saved: new URL(request.url).searchParams.has("da-luu"),
  };
});

/** Saves the profile; a refused field comes back under itself, what was typed kept (400). */
export const action = handle(async ({ request }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireBuyer(request);
  const submission = parseWithZod(await request.formData(), { schema: businessProfileSchema });
  if (submission.status !== "success") {
    return data(localizeReply(submission.reply(), actor.locale), { status: 400 });
  }
  saveBusinessProfile(getDb(), actor.userId, submission.value);
  return redirect("/tai-khoan/doanh-nghiep?da-luu=1", 303);
});

export default function BusinessProfilePage() {
  const { profile, provinces, saved } = useLoaderData<typeof loader>();
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "business-profile",
    lastResult: useActionData<typeof action>(),
    defaultValue: {
      kind: profile.kind,
      companyName: profile.companyName ?? "",
      taxCode: profile.taxCode ?? "",
      province: profile.province ?? "",
      city: profile.city ?? "",
    },
    constraint: getZodConstraint(businessProfileSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: businessProfileSchema }),
  });
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <AccountPageHeader title={t("business.profile.title")} intro={t("business.profile.intro")}>
        {saved ? <FormSuccess>{t("business.profile.saved")}</FormSuccess> : null}
      </AccountPageHeader>
      <Form method="post" {...getFormProps(form)} className="space-y-5">
        <FormErrors
          id={form.errorId}
          errors={
            form.errors ??
            (Object.values(form.allErrors).length > 0 ? [t("business.profile.formError")] : [])
          }
        />
        <Field field={fields.kind} label={t("business.profile.kind")}>
          <select {...getSelectProps(fields.kind)} className={inputClass}>
            {BUYER_KIND_OPTIONS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`buyerKind.${kind}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          field={fields.companyName}
          label={t("business.profile.companyName")}
          hint={t("business.profile.companyHint")}
        >
          <input
            {...getInputProps(fields.companyName, { type: "text" })}
            maxLength={COMPANY_NAME_MAX}
            autoComplete="organization"
            className={inputClass}
          />
        </Field>
        <Field
          field={fields.taxCode}
          label={t("business.profile.taxCode")}
          hint={t("business.profile.taxCodeHint")}
        >
          <input
            {...getInputProps(fields.taxCode, { type: "text" })}
            inputMode="numeric"
            maxLength={20}
            autoComplete="off"
            className={inputClass}
          />
        </Field>
        <Field field={fields.province} label={t("business.profile.province")}>
          <select {...getSelectProps(fields.province)} className={inputClass}>
            <option value="">{t("business.profile.provinceNone")}</option>
            {provinces.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </Field>
        <Field field={fields.city} label={t("business.profile.city")}>
          <input
            {...getInputProps(fields.city, { type: "text" })}
            maxLength={CITY_MAX}
            autoComplete="address-level2"
            className={inputClass}
          />
        </Field>
        <SubmitButton busy={navigation.state === "submitting"}>
          {t("business.profile.save")}
        </SubmitButton>
      </Form>
    </div>
  );
}
