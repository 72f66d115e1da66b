import {
  getFormProps,
  getInputProps,
  getSelectProps,
  useForm,
  type DefaultValue,
  type FieldMetadata,
  type FormMetadata,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import type { ReactNode } from "react";
import type { z } from "zod";
import { Field, FormErrors, SubmitButton } from "~/components/auth-form";
import { useT } from "~/lib/i18n";
import { MEMBER_LIMITS } from "~/lib/schemas/members";
import { ChoiceOptions, type FilterChoice } from "./member-filters";
import { MembersHeader, memberInputClass } from "./members-header";

/**
 * What the member and officer forms share: the page around them, the conform form (checked
 * in the browser with the action's schema, works without JavaScript) and the fields both have.
 */

/** The fields of a record form, by name, as conform gives them. */
export type RecordFields<Input extends Record<string, unknown>> = ReturnType<
  FormMetadata<Input>["getFieldset"]
>;

/**
 * A member or officer form: its errors on top, the fields `children` lays out on two columns,
 * then the submit button (busy while it is sent).
 */
export function RecordForm<Input extends Record<string, unknown>>({
  id,
  schema,
  lastResult,
  defaults,
  submitLabel,
  children,
}: {
  id: string;
  schema: z.ZodType<Input, z.ZodTypeDef, unknown>;
  lastResult: SubmissionResult<string[]> | undefined;
  defaults: DefaultValue<Input>;
  submitLabel: string;
  children: (fields: RecordFields<Input>) => ReactNode;
}) {
  const navigation = useNavigation();
  const [form, fields] = useForm<Input>({
    id,
    lastResult,
    defaultValue: defaults,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="grid gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <FormErrors id={form.errorId} errors={form.errors} />
      </div>
      {children(fields)}
      <div className="sm:col-span-2">
        <SubmitButton busy={navigation.state === "submitting"}>{submitLabel}</SubmitButton>
      </div>
    </Form>
  );
}

/** The full name, as members and officers both have it. */
export function NameField({ field }: { field: FieldMetadata<string> }) {
  const t = useT();
  return (
    <Field field={field} label={t("members.field.fullName")}>
      <input
        {...getInputProps(field, { type: "text" })}
        maxLength={MEMBER_LIMITS.nameMax}
        autoComplete="off"
        className={memberInputClass}
      />
    </Field>
  );
}

/** The unit a member or officer belongs to, among the units the staff member may change. */
export function UnitField({
  field,
  units,
}: {
  field: FieldMetadata<string>;
  units: FilterChoice[];
}) {
  const t = useT();
  return (
    <Field field={field} label={t("members.field.unit")}>
      <select {...getSelectProps(field)} className={memberInputClass}>
        <option value="">{t("members.field.choose")}</option>
        <ChoiceOptions choices={units} />
      </select>
    </Field>
  );
}

/** A form's page: the area's header, the form, and a link back when there is one. */
export function RecordFormPage({
  title,
  intro,
  back,
  children,
}: {
  title: string;
  intro?: string;
  back?: { to: string; label: string };
  children: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <MembersHeader title={title} intro={intro} />
      {children}
      {back ? (
        <Link to={back.to} className="text-sm text-brand-800 underline underline-offset-2">
          {back.label}
        </Link>
      ) : null}
    </div>
  );
}
