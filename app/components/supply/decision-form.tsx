import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { Field, FormErrors, inputClass } from "~/components/auth-form";
import { useT } from "~/lib/i18n";
import { ModerationDecisionSchema } from "~/lib/schemas/listing";
import { IntentButton } from "./intent-button";
import { Panel } from "./panel";

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
    <Panel titleId={`${id}-title`} title={t("moderation.decisionLegend")}>
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
          <IntentButton intent="approve" look="smallPrimary" disabled={busy}>
            {approveLabel ?? t("moderation.approve")}
          </IntentButton>
          {allowRequestChanges ? (
            <IntentButton intent="request_changes" look="warning" disabled={busy}>
              {t("moderation.requestChanges")}
            </IntentButton>
          ) : null}
          <IntentButton intent="reject" look="danger" disabled={busy}>
            {t("moderation.reject")}
          </IntentButton>
        </div>
      </Form>
    </Panel>
  );
}
