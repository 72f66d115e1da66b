import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FormErrors, SubmitButton } from "~/components/auth-form";
import { OrgTreeFormLayout, orgTreeInputClass } from "~/components/orgtree/org-tree-form-layout";
import { DomainError } from "~/lib/errors";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { ORG_TREE_LIMITS, renameUnitSchema, type RenameUnitInput } from "~/lib/schemas/orgtree";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { clientIpOf, requireUser } from "~/modules/auth/session.server";
import { renameUnit, unitToEdit } from "~/modules/org/tree.server";
import { getDb } from "~/modules/platform/db.server";
import { handle, replyWithDomainError } from "~/modules/platform/http.server";

export const meta = titledPage("orgtree.unit.rename");

/** The form to rename a unit (org:manage over it). */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireUser(request);
  return { unit: unitToEdit(getDb(), actor, params.code ?? "", "org:manage") };
});

export const action = handle(async ({ request, params, context }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireUser(request);
  const db = getDb();
  const unit = unitToEdit(db, actor, params.code ?? "", "org:manage");
  const submission = parseWithZod(await request.formData(), { schema: renameUnitSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    renameUnit(db, actor, unit.code, submission.value, { ipAddress: clientIpOf(context) });
  } catch (error) {
    const reply = replyWithDomainError(submission, error, actor.locale);
    return data(reply, { status: error instanceof DomainError ? error.status : 400 });
  }
  return redirect(`/quan-ly/to-chuc/${unit.code}?xong=doi-ten`, 303);
});

export default function RenameUnitPage() {
  const { unit } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm<RenameUnitInput>({
    id: "rename-unit",
    lastResult,
    defaultValue: { name: unit.name },
    constraint: getZodConstraint(renameUnitSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: renameUnitSchema }),
  });
  return (
    <OrgTreeFormLayout unit={unit} title={t("orgtree.rename.title", { name: unit.name })}>
      {form.status === "error" ? (
        <FormErrors
          id={form.errorId}
          errors={form.errors?.length ? form.errors : [t("orgtree.errors.summary")]}
        />
      ) : null}
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <Field field={fields.name} label={t("orgtree.rename.name")}>
          <input
            {...getInputProps(fields.name, { type: "text" })}
            maxLength={ORG_TREE_LIMITS.nameMax}
            className={orgTreeInputClass}
          />
        </Field>
        <SubmitButton busy={navigation.state === "submitting"}>
          {t("orgtree.rename.submit")}
        </SubmitButton>
      </Form>
    </OrgTreeFormLayout>
  );
}
