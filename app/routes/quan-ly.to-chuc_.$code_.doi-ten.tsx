import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { OrgTreeForm, OrgTreeTextField } from "~/components/orgtree/org-tree-form";
import { OrgTreeFormLayout } from "~/components/orgtree/org-tree-form-layout";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { ORG_TREE_LIMITS, renameUnitSchema } from "~/lib/schemas/orgtree";
import { clientIpOf } from "~/modules/auth/session.server";
import { renameUnit } from "~/modules/org/tree.server";
import { requireUnitPermission } from "~/modules/org/tree-forms.server";
import { changeFromForm, handle } from "~/modules/platform/http.server";

export const meta = titledPage("orgtree.unit.rename");

/** The form to rename a unit (org:manage over it). */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const { unit } = await requireUnitPermission(request, params.code, "org:manage");
  return { unit };
});

export const action = handle(async ({ request, params, context }: ActionFunctionArgs) => {
  const { actor, db, unit } = await requireUnitPermission(request, params.code, "org:manage");
  return changeFromForm(request, actor.locale, renameUnitSchema, (input) => {
    renameUnit(db, actor, unit.code, input, { ipAddress: clientIpOf(context) });
    return `/quan-ly/to-chuc/${unit.code}?xong=doi-ten`;
  });
});

export default function RenameUnitPage() {
  const { unit } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <OrgTreeFormLayout unit={unit} title={t("orgtree.rename.title", { name: unit.name })}>
      <OrgTreeForm
        id="rename-unit"
        schema={renameUnitSchema}
        defaultValue={{ name: unit.name }}
        submitLabel={t("orgtree.rename.submit")}
      >
        {(fields) => (
          <OrgTreeTextField
            field={fields.name}
            label={t("orgtree.rename.name")}
            maxLength={ORG_TREE_LIMITS.nameMax}
          />
        )}
      </OrgTreeForm>
    </OrgTreeFormLayout>
  );
}
