import { getFormProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FormErrors, SubmitButton } from "~/components/auth-form";
import {
  OrgTreeFormLayout,
  orgTreeInputClass,
  UnitOptions,
} from "~/components/orgtree/org-tree-form-layout";
import { DomainError } from "~/lib/errors";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { moveUnitSchema, type MoveUnitInput } from "~/lib/schemas/orgtree";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { clientIpOf, requireUser } from "~/modules/auth/session.server";
import { moveChoices, moveUnit } from "~/modules/org/tree.server";
import { getDb } from "~/modules/platform/db.server";
import { handle, replyWithDomainError } from "~/modules/platform/http.server";

export const meta = titledPage("orgtree.unit.move");

/** The form to move a unit with its subtree (org:manage over its parent and the new parent). */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireUser(request);
  return moveChoices(getDb(), actor, params.code ?? "");
});

export const action = handle(async ({ request, params, context }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireUser(request);
  const db = getDb();
  const { unit } = moveChoices(db, actor, params.code ?? "");
  const submission = parseWithZod(await request.formData(), { schema: moveUnitSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    moveUnit(db, actor, unit.code, submission.value, { ipAddress: clientIpOf(context) });
  } catch (error) {
    const reply = replyWithDomainError(submission, error, actor.locale);
    return data(reply, { status: error instanceof DomainError ? error.status : 400 });
  }
  return redirect(`/quan-ly/to-chuc/${unit.code}?xong=chuyen`, 303);
});

export default function MoveUnitPage() {
  const { unit, parent, targets } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm<MoveUnitInput>({
    id: "move-unit",
    lastResult,
    constraint: getZodConstraint(moveUnitSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: moveUnitSchema }),
  });
  return (
    <OrgTreeFormLayout
      unit={unit}
      title={t("orgtree.move.title", { name: unit.name })}
      intro={t("orgtree.move.intro", { parent: parent.name })}
    >
      {targets.length === 0 ? (
        <p className="text-stone-700">{t("orgtree.move.noTargets")}</p>
      ) : (
        <>
          {form.status === "error" ? (
            <FormErrors
              id={form.errorId}
              errors={form.errors?.length ? form.errors : [t("orgtree.errors.summary")]}
            />
          ) : null}
          <Form method="post" {...getFormProps(form)} className="space-y-4">
            <Field field={fields.parentCode} label={t("orgtree.move.parent")}>
              <select {...getSelectProps(fields.parentCode)} className={orgTreeInputClass}>
                <option value="">{t("orgtree.choose")}</option>
                <UnitOptions units={targets} />
              </select>
            </Field>
            <SubmitButton busy={navigation.state === "submitting"}>
              {t("orgtree.move.submit")}
            </SubmitButton>
          </Form>
        </>
      )}
    </OrgTreeFormLayout>
  );
}
