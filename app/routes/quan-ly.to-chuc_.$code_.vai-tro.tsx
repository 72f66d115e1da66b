import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FormErrors, SubmitButton, useMessage } from "~/components/auth-form";
import { OrgTreeFormLayout, orgTreeInputClass } from "~/components/orgtree/org-tree-form-layout";
import { DomainError } from "~/lib/errors";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { assignRoleSchema, ROLE_OPTIONS, type AssignRoleInput } from "~/lib/schemas/orgtree";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { clientIpOf, requireUser } from "~/modules/auth/session.server";
import { assignStaffRole } from "~/modules/org/staff-roles.server";
import { unitToEdit } from "~/modules/org/tree.server";
import { getDb } from "~/modules/platform/db.server";
import { handle, replyWithDomainError } from "~/modules/platform/http.server";

export const meta = titledPage("orgtree.unit.addRole");

/** The form to give an account a staff role on this unit (staff:manage over it). */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireUser(request);
  return { unit: unitToEdit(getDb(), actor, params.code ?? "", "staff:manage") };
});

export const action = handle(async ({ request, params, context }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireUser(request);
  const db = getDb();
  const unit = unitToEdit(db, actor, params.code ?? "", "staff:manage");
  const submission = parseWithZod(await request.formData(), { schema: assignRoleSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    assignStaffRole(db, actor, unit.code, submission.value, { ipAddress: clientIpOf(context) });
  } catch (error) {
    const reply = replyWithDomainError(submission, error, actor.locale);
    return data(reply, { status: error instanceof DomainError ? error.status : 400 });
  }
  return redirect(`/quan-ly/to-chuc/${unit.code}?xong=giao-vai-tro`, 303);
});

export default function AssignRolePage() {
  const { unit } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const message = useMessage();
  const [form, fields] = useForm<AssignRoleInput>({
    id: "assign-role",
    lastResult,
    constraint: getZodConstraint(assignRoleSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: assignRoleSchema }),
  });
  const roleError = fields.role.errors?.[0];
  return (
    <OrgTreeFormLayout unit={unit} title={t("orgtree.role.title", { unit: unit.name })}>
      {form.status === "error" ? (
        <FormErrors
          id={form.errorId}
          errors={form.errors?.length ? form.errors : [t("orgtree.errors.summary")]}
        />
      ) : null}
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <Field
          field={fields.phone}
          label={t("orgtree.role.phone")}
          hint={t("orgtree.role.phoneHint")}
        >
          <input
            {...getInputProps(fields.phone, {
              type: "tel",
              ariaDescribedBy: fields.phone.descriptionId,
            })}
            autoComplete="off"
            className={orgTreeInputClass}
          />
        </Field>
        <fieldset
          aria-invalid={roleError ? true : undefined}
          aria-describedby={roleError ? fields.role.errorId : undefined}
        >
          <legend className="font-medium text-stone-900">{t("orgtree.role.role")}</legend>
          <div className="mt-1 space-y-2">
            {ROLE_OPTIONS.map((role) => (
              <div
                key={role}
                className="flex items-start gap-3 rounded-lg border border-stone-200 p-3"
              >
                <input
                  id={`role-${role}`}
                  type="radio"
                  name={fields.role.name}
                  value={role}
                  defaultChecked={fields.role.initialValue === role}
                  aria-describedby={`role-${role}-hint`}
                  className="mt-1 size-5 shrink-0"
                />
                <div>
                  <label htmlFor={`role-${role}`} className="block font-medium">
                    {t(`staff.role.${role}`)}
                  </label>
                  <p id={`role-${role}-hint`} className="text-sm text-stone-600">
                    {t(`orgtree.role.hint.${role}`)}
                  </p>
                </div>
              </div>
            ))}
          </div>
          {roleError ? (
            <p id={fields.role.errorId} className="mt-1 text-sm font-medium text-red-700">
              {message(roleError)}
            </p>
          ) : null}
        </fieldset>
        <SubmitButton busy={navigation.state === "submitting"}>
          {t("orgtree.role.submit")}
        </SubmitButton>
      </Form>
    </OrgTreeFormLayout>
  );
}
