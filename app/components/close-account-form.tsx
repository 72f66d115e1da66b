import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { Field, FormErrors, inputClass, SubmitButton } from "~/components/auth-form";
import { formatNumber, useLocale, useT } from "~/lib/i18n";
import { closeAccountSchema } from "~/lib/schemas/privacy";

/**
 * The confirmation step of closing an account (/tai-khoan/du-lieu?buoc=xac-nhan): what
 * happens to her open orders, a box to tick and her password again. Works without JavaScript.
 */
export function CloseAccountForm({
  openOrders,
  lastResult,
}: {
  openOrders: number;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "close-account",
    lastResult,
    constraint: getZodConstraint(closeAccountSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: closeAccountSchema }),
  });
  return (
    <div className="mt-4 rounded-xl border border-red-200 bg-red-50 p-4">
      <h3 className="text-lg font-semibold text-stone-900">{t("privacy.data.confirmTitle")}</h3>
      <p className="mt-2">
        {openOrders > 0
          ? t("privacy.data.openOrders", { count: formatNumber(openOrders, locale) })
          : t("privacy.data.noOpenOrders")}{" "}
        <strong>{t("privacy.data.cannotUndo")}</strong>
      </p>
      <Form method="post" {...getFormProps(form)} className="mt-4 space-y-5">
        <FormErrors id={form.errorId} errors={form.errors} />
        <div>
          <label className="flex min-h-11 items-start gap-3">
            <input
              {...getInputProps(fields.confirm, { type: "checkbox" })}
              className="mt-1 size-5"
            />
            <span>{t("privacy.data.confirmCheckbox")}</span>
          </label>
          {fields.confirm.errors?.[0] ? (
            <p id={fields.confirm.errorId} className="mt-1 text-sm font-medium text-red-700">
              {fields.confirm.errors[0]}
            </p>
          ) : null}
        </div>
        <Field field={fields.password} label={t("privacy.data.password")}>
          <input
            {...getInputProps(fields.password, { type: "password" })}
            autoComplete="current-password"
            className={inputClass}
          />
        </Field>
        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton busy={navigation.state === "submitting"}>
            {t("privacy.data.closeSubmit")}
          </SubmitButton>
          <Link to="/tai-khoan/du-lieu" className="text-emerald-800 underline">
            {t("privacy.data.cancel")}
          </Link>
        </div>
      </Form>
    </div>
  );
}
