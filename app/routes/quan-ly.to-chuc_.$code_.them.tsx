import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import {
  OrgTreeForm,
  OrgTreeSelectField,
  OrgTreeTextField,
} from "~/components/orgtree/org-tree-form";
import { OrgTreeFormLayout } from "~/components/orgtree/org-tree-form-layout";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { CHILD_LEVELS, createUnitSchema, ORG_TREE_LIMITS } from "~/lib/schemas/orgtree";
import { clientIpOf } from "~/modules/auth/session.server";
import { createUnit } from "~/modules/org/tree.server";
import { requireUnitPermission } from "~/modules/org/tree-forms.server";
import { changeFromForm, handle } from "~/modules/platform/http.server";

export const meta = titledPage("orgtree.unit.addChild");

/** The form to add a unit below this one (org:manage over it). */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const { unit: parent } = await requireUnitPermission(request, params.code, "org:manage");
  return { parent };
});

export const action = handle(async ({ request, params, context }: ActionFunctionArgs) => {
  const {
    actor,
    db,
    unit: parent,
  } = await requireUnitPermission(request, params.code, "org:manage");
  return changeFromForm(request, actor.locale, createUnitSchema, (input) => {
    const code = createUnit(db, actor, parent.code, input, { ipAddress: clientIpOf(context) });
    return `/quan-ly/to-chuc/${code}?xong=tao`;
  });
});

export default function CreateUnitPage() {
  const { parent } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <OrgTreeFormLayout unit={parent} title={t("orgtree.create.title", { parent: parent.name })}>
      <OrgTreeForm
        id="create-unit"
        schema={createUnitSchema}
        defaultValue={{ level: "branch" }}
        submitLabel={t("orgtree.create.submit")}
      >
        {(fields) => (
          <>
            <OrgTreeTextField
              field={fields.name}
              label={t("orgtree.create.name")}
              hint={t("orgtree.create.nameHint")}
              maxLength={ORG_TREE_LIMITS.nameMax}
            />
            <OrgTreeTextField
              field={fields.code}
              label={t("orgtree.create.code")}
              hint={t("orgtree.create.codeHint")}
              maxLength={ORG_TREE_LIMITS.codeMax}
              autoCapitalize="characters"
            />
            <OrgTreeSelectField field={fields.level} label={t("orgtree.create.level")}>
              {CHILD_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t(`orgLevel.${level}`)}
                </option>
              ))}
            </OrgTreeSelectField>
            <OrgTreeTextField
              field={fields.communeCode}
              label={t("orgtree.create.communeCode")}
              hint={t("orgtree.create.communeCodeHint")}
              inputMode="numeric"
              maxLength={5}
            />
          </>
        )}
      </OrgTreeForm>
    </OrgTreeFormLayout>
  );
}
