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
import { Form, useActionData, useNavigation } from "@remix-run/react";
import type { InputHTMLAttributes, ReactNode } from "react";
import type { z } from "zod";
import { Field, FormErrors, SubmitButton } from "~/components/auth-form";
import { useT } from "~/lib/i18n";
import { orgTreeInputClass } from "./org-tree-form-layout";

type Fields<Schema extends z.ZodTypeAny> = ReturnType<
  FormMetadata<z.output<Schema>, string[]>["getFieldset"]
>;

/**
 * A posted org tree form (add, rename, move, give a role): checked in the browser with the
 * same schema as the action, its errors above it, its fields, the submit button.
 */
export function OrgTreeForm<Schema extends z.ZodTypeAny>({
  id,
  schema,
  defaultValue,
  submitLabel,
  children,
}: {
  id: string;
  schema: Schema;
  defaultValue?: DefaultValue<z.output<Schema>>;
  submitLabel: string;
  children: (fields: Fields<Schema>) => ReactNode;
}) {
  const lastResult = useActionData<SubmissionResult<string[]>>();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm<z.output<Schema>>({
    id,
    lastResult,
    defaultValue,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <>
      {form.status === "error" ? (
        <FormErrors
          id={form.errorId}
          errors={form.errors?.length ? form.errors : [t("orgtree.errors.summary")]}
        />
      ) : null}
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        {children(fields)}
        <SubmitButton busy={navigation.state === "submitting"}>{submitLabel}</SubmitButton>
      </Form>
    </>
  );
}

/** A one-line text box of an org tree form; its hint, when it has one, is read out with it. */
export function OrgTreeTextField({
  field,
  label,
  hint,
  type = "text",
  ...input
}: {
  field: FieldMetadata<string | undefined>;
  label: string;
  hint?: string;
  type?: "text" | "tel";
} & Pick<
  InputHTMLAttributes<HTMLInputElement>,
  "maxLength" | "autoCapitalize" | "autoComplete" | "inputMode"
>) {
  return (
    <Field field={field} label={label} hint={hint}>
      <input
        {...getInputProps(field, {
          type,
          ariaDescribedBy: hint ? field.descriptionId : undefined,
        })}
        {...input}
        className={orgTreeInputClass}
      />
    </Field>
  );
}

/** A drop-down of an org tree form, its options given as children. */
export function OrgTreeSelectField({
  field,
  label,
  children,
}: {
  field: FieldMetadata<string | undefined>;
  label: string;
  children: ReactNode;
}) {
  return (
    <Field field={field} label={label}>
      <select {...getSelectProps(field)} className={orgTreeInputClass}>
        {children}
      </select>
    </Field>
  );
}
