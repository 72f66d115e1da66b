import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FormErrors, SubmitButton } from "~/components/auth-form";
import { OrgTreeFormLayout, orgTreeInputClass } from "~/components/orgtree/org-tree-form-layout";
import { DomainError } from "~/lib/errors";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import {
  CHILD_LEVELS,
  createUnitSchema,
  ORG_TREE_LIMITS,
  type CreateUnitInput,
} from "~/lib/schemas/orgtree";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { clientIpOf, requireUser } from "~/modules/auth/session.server";
import { createUnit, unitToEdit } from "~/modules/org/tree.server";
import { getDb } from "~/modules/platform/db.server";
import { handle, replyWithDomainError } from "~/modules/platform/http.server";

export const meta = titledPage("orgtree.unit.addChild");

/** The form to add a unit below this one (org:manage over it). */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireUser(request);
  return { parent: unitToEdit(getDb(), actor, params.code ?? "", "org:manage") };
});

export const action = handle(async ({ request, params, context }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireUser(request);
  const db = getDb();
  // Who may act is settled before the form is read: a refusal never depends on its fields.
  const parent = unitToEdit(db, actor, params.code ?? "", "org:manage");
  const submission = parseWithZod(await request.formData(), { schema: createUnitSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  let code: string;
  try {
    code = createUnit(db, actor, parent.code, submission.value, { ipAddress: clientIpOf(context) });
  } catch (error) {
    const reply = replyWithDomainError(submission, error, actor.locale);
    return data(reply, { status: error instanceof DomainError ? error.status : 400 });
  }
  return redirect(`/quan-ly/to-chuc/${code}?xong=tao`, 303);
});

export default function CreateUnitPage() {
  const { parent } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm<CreateUnitInput>({
    id: "create-unit",
    lastResult,
    defaultValue: { level: "branch" },
    constraint: getZodConstraint(createUnitSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createUnitSchema }),
  });
  return (
    <OrgTreeFormLayout unit={parent} title={t("orgtree.create.title", { parent: parent.name })}>
      {form.status === "error" ? (
        <FormErrors
          id={form.errorId}
          errors={form.errors?.length ? form.errors : [t("orgtree.errors.summary")]}
        />
      ) : null}
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <Field
          field={fields.name}
          label={t("orgtree.create.name")}
          hint={t("orgtree.create.nameHint")}
        >
          <input
            {...getInputProps(fields.name, {
              type: "text",
              ariaDescribedBy: fields.name.descriptionId,
            })}
            maxLength={ORG_TREE_LIMITS.nameMax}
            className={orgTreeInputClass}
          />
        </Field>
        <Field
          field={fields.code}
          label={t("orgtree.create.code")}
          hint={t("orgtree.create.codeHint")}
        >
          <input
            {...getInputProps(fields.code, {
              type: "text",
              ariaDescribedBy: fields.code.descriptionId,
            })}
            maxLength={ORG_TREE_LIMITS.codeMax}
            autoCapitalize="characters"
            className={orgTreeInputClass}
          />
        </Field>
        <Field field={fields.level} label={t("orgtree.create.level")}>
          <select {...getSelectProps(fields.level)} className={orgTreeInputClass}>
            {CHILD_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`orgLevel.${level}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          field={fields.communeCode}
          label={t("orgtree.create.communeCode")}
          hint={t("orgtree.create.communeCodeHint")}
        >
          <input
            {...getInputProps(fields.communeCode, {
              type: "text",
              ariaDescribedBy: fields.communeCode.descriptionId,
            })}
            inputMode="numeric"
            maxLength={5}
            className={orgTreeInputClass}
          />
        </Field>
        <SubmitButton busy={navigation.state === "submitting"}>
          {t("orgtree.create.submit")}
        </SubmitButton>
      </Form>
    </OrgTreeFormLayout>
  );
}
