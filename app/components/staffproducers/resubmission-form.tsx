import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { Field, FormErrors, inputClass } from "~/components/auth-form";
import { useT } from "~/lib/i18n";
import { DECLARED_MEMBER_COUNTS } from "~/lib/producer-counts";
import { ResubmissionSchema } from "~/lib/schemas/staffproducers";

/** The figures of the application, for its producer to correct (address, counts, year). */
export interface ResubmittedFigures {
  code: string;
  address: string;
  membersTotal: number;
  membersWomen: number;
  membersEthnicMinority: number;
  membersPoorHousehold: number;
  foundedYear: number | null;
}

/** The correction form of an application staff sent back; it posts to the page it is on. */
export function ResubmissionForm({
  application,
  lastResult,
}: {
  application: ResubmittedFigures;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "resubmit",
    lastResult,
    constraint: getZodConstraint(ResubmissionSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResubmissionSchema }),
    defaultValue: {
      address: application.address,
      membersTotal: String(application.membersTotal),
      membersWomen: String(application.membersWomen),
      membersEthnicMinority: String(application.membersEthnicMinority),
      membersPoorHousehold: String(application.membersPoorHousehold),
      foundedYear: application.foundedYear === null ? "" : String(application.foundedYear),
    },
  });
  const figures = [...DECLARED_MEMBER_COUNTS, ["foundedYear", "auth.field.foundedYear"]] as const;
  return (
    <>
      <FormErrors id={form.errorId} errors={form.errors} />
      <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
        <input type="hidden" name="producer" value={application.code} />
        <Field field={fields.address} label={t("auth.field.address")}>
          <input
            {...getInputProps(fields.address, { type: "text" })}
            maxLength={300}
            className={inputClass}
          />
        </Field>
        <div className="grid gap-3 sm:grid-cols-2">
          {figures.map(([name, label]) => (
            <Field key={name} field={fields[name]} label={t(label)}>
              <input
                {...getInputProps(fields[name], { type: "text" })}
                inputMode="numeric"
                className={inputClass}
              />
            </Field>
          ))}
        </div>
        <button
          type="submit"
          disabled={busy}
          className="rounded-lg bg-brand-700 px-4 py-3 font-semibold text-white hover:bg-brand-800 disabled:opacity-70"
        >
          {t("staffproducers.resubmit.submit")}
        </button>
      </Form>
    </>
  );
}
