import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FormErrors, inputClass, SubmitButton } from "~/components/auth-form";
import { formatPhone, normalizePhone } from "~/lib/contact";
import { DomainError } from "~/lib/errors";
import { formatDateTime, useLocale, useT, type MessageKey } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { staffIssueSchema } from "~/lib/schemas/recovery";
import { localizeReply } from "~/modules/auth/forms.server";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { findResettableAccount, issueStaffResetCode } from "~/modules/auth/recovery.server";
import { clientIpOf, requireStaff } from "~/modules/auth/session.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta = titledPage("recovery.staff.title");

/**
 * Staff with `account:reset` look up a member account of their subtree by phone (`?sdt=`).
 * Outside the subtree: 404; a staff account: 403; the reason is shown on the page.
 */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "account:reset");
  const typed = new URL(request.url).searchParams.get("sdt") ?? "";
  if (typed.trim() === "") return data({ typed, account: null, error: null as MessageKey | null });
  const phone = normalizePhone(typed);
  if (!phone) {
    const error: MessageKey = "recovery.error.phone";
    return data({ typed, account: null, error }, { status: 400 });
  }
  try {
    const found = findResettableAccount(getDb(), actor, phone);
    return data({
      typed,
      account: { ...found, phone: formatPhone(found.phone), stored: found.phone },
      error: null,
    });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return data({ typed, account: null, error: error.messageKey }, { status: error.status });
  }
});

/**
 * Issues the code: the identity check is required and recorded; the code is shown once in
 * the answer (never in an address), the owner is told, and it is audited.
 */
export const action = handle(async ({ request, context }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireStaff(request, "account:reset");
  const submission = parseWithZod(await request.formData(), { schema: staffIssueSchema });
  if (submission.status !== "success") {
    return data(
      { result: localizeReply(submission.reply(), actor.locale), issued: null },
      { status: 400 },
    );
  }
  try {
    const issued = issueStaffResetCode(getDb(), actor, {
      ...submission.value,
      ip: clientIpOf(context),
    });
    return data({
      result: null,
      issued: { ...issued, expiresAt: issued.expiresAt.toISOString() },
    });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const reply = submission.reply({ formErrors: [error.messageIn(actor.locale)] });
    return data({ result: reply, issued: null }, { status: error.status });
  }
});

export default function StaffRecoveryCodePage() {
  const { typed, account, error } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const locale = useLocale();
  const issued = actionData?.issued ?? null;
  const [form, fields] = useForm({
    id: "issue-code",
    lastResult: actionData?.result ?? undefined,
    constraint: getZodConstraint(staffIssueSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: staffIssueSchema }),
  });
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-stone-900">{t("recovery.staff.title")}</h1>
        <p className="mt-1 text-stone-700">{t("recovery.staff.intro")}</p>
      </div>
      {issued ? (
        <section
          aria-labelledby="issued-heading"
          className="rounded-lg border border-brand-600 bg-brand-50 p-4"
          role="status"
        >
          <h2 id="issued-heading" className="font-semibold text-brand-900">
            {t("recovery.staff.issued", { name: issued.displayName, phone: issued.phone })}
          </h2>
          <p
            className="mt-3 text-center font-mono text-3xl font-bold tracking-widest text-stone-900"
            data-testid="recovery-code"
          >
            {issued.code}
          </p>
          <p className="mt-3 text-stone-800">
            {t("recovery.staff.issuedHint", { time: formatDateTime(issued.expiresAt, locale) })}
          </p>
        </section>
      ) : null}
      <Form method="get" className="space-y-3" role="search">
        <label htmlFor="recovery-search" className="block font-medium text-stone-900">
          {t("recovery.staff.searchLabel")}
        </label>
        <div className="flex gap-2">
          <input
            id="recovery-search"
            name="sdt"
            type="tel"
            inputMode="tel"
            defaultValue={typed}
            required
            className={inputClass}
          />
          <button
            type="submit"
            className="mt-1 rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
          >
            {t("recovery.staff.search")}
          </button>
        </div>
      </Form>
      {error ? (
        <p
          role="alert"
          className="rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-red-800"
        >
          {t(error)}
        </p>
      ) : null}
      {account && !issued ? (
        <section aria-labelledby="account-heading" className="space-y-4">
          <h2 id="account-heading" className="text-xl font-semibold text-stone-900">
            {t("recovery.staff.found", { name: account.displayName, phone: account.phone })}
          </h2>
          <div>
            <p className="text-stone-700">{t("recovery.staff.producers")}</p>
            <ul className="list-disc pl-6">
              {account.producers.map((producer) => (
                <li key={producer.code}>
                  {producer.name} ({producer.code})
                </li>
              ))}
            </ul>
          </div>
          <Form method="post" {...getFormProps(form)} className="space-y-5">
            <FormErrors id={form.errorId} errors={form.errors} />
            <input type="hidden" name="phone" value={account.stored} />
            <Field
              field={fields.identityCheck}
              label={t("recovery.staff.identityCheck")}
              hint={t("recovery.staff.identityCheckHint")}
            >
              <input
                {...getInputProps(fields.identityCheck, {
                  type: "text",
                  ariaDescribedBy: fields.identityCheck.descriptionId,
                })}
                className={inputClass}
              />
            </Field>
            <SubmitButton busy={navigation.state === "submitting"}>
              {t("recovery.staff.issue")}
            </SubmitButton>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
