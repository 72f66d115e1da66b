import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { Field, FormErrors, inputClass } from "~/components/auth-form";
import { useT } from "~/lib/i18n";
import { ModerationDecisionSchema } from "~/lib/schemas/listing";

/** A moderator's decision: approve, reject or request changes, with the reason shown to the producer. */
export function DecisionForm({
  id,
  lastResult,
  approveLabel,
  allowRequestChanges = true,
}: {
  id: string;
  lastResult: SubmissionResult<string[]> | undefined;
  approveLabel?: string;
  allowRequestChanges?: boolean;
}) {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id,
    lastResult,
    constraint: getZodConstraint(ModerationDecisionSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ModerationDecisionSchema }),
  });
  const busy = navigation.state === "submitting";
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="mt-8 rounded-xl border border-stone-200 bg-white p-4"
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {t("moderation.decisionLegend")}
      </h2>
      <FormErrors id={form.errorId} errors={form.errors} />
      <Form method="post" {...getFormProps(form)} className="mt-3 space-y-4">
        <Field
          field={fields.reason}
          label={t("moderation.reason")}
          hint={t("moderation.reasonHint")}
        >
          <textarea
            {...getTextareaProps(fields.reason, { ariaDescribedBy: fields.reason.descriptionId })}
            rows={3}
            maxLength={1000}
            className={inputClass}
          />
        </Field>
        <div className="flex flex-wrap gap-3">
          <button
            type="submit"
            name="intent"
            value="approve"
            disabled={busy}
            className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
          >
            {approveLabel ?? t("moderation.approve")}
          </button>
          {allowRequestChanges ? (
            <button
              type="submit"
              name="intent"
              value="request_changes"
              disabled={busy}
              className="rounded-lg border border-amber-600 bg-white px-4 py-2 font-semibold text-amber-900"
            >
              {t("moderation.requestChanges")}
            </button>
          ) : null}
          <button
            type="submit"
            name="intent"
            value="reject"
            disabled={busy}
            className="rounded-lg border border-red-600 bg-white px-4 py-2 font-semibold text-red-800"
          >
            {t("moderation.reject")}
          </button>
        </div>
      </Form>
    </section>
  );
}
