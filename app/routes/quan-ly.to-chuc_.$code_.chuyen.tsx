import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { OrgTreeForm, OrgTreeSelectField } from "~/components/orgtree/org-tree-form";
import { OrgTreeFormLayout, UnitOptions } from "~/components/orgtree/org-tree-form-layout";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { moveUnitSchema } from "~/lib/schemas/orgtree";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { clientIpOf, requireUser } from "~/modules/auth/session.server";
import { moveChoices, moveUnit } from "~/modules/org/tree.server";
import { changeFromForm, handle } from "~/modules/platform/http.server";
import { getDb } from "~/modules/platform/db.server";

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
  return changeFromForm(request, actor.locale, moveUnitSchema, (input) => {
    moveUnit(db, actor, unit.code, input, { ipAddress: clientIpOf(context) });
    return `/quan-ly/to-chuc/${unit.code}?xong=chuyen`;
  });
});

export default function MoveUnitPage() {
  const { unit, parent, targets } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <OrgTreeFormLayout
      unit={unit}
      title={t("orgtree.move.title", { name: unit.name })}
      intro={t("orgtree.move.intro", { parent: parent.name })}
    >
      {targets.length === 0 ? (
        <p className="text-stone-700">{t("orgtree.move.noTargets")}</p>
      ) : (
        <OrgTreeForm id="move-unit" schema={moveUnitSchema} submitLabel={t("orgtree.move.submit")}>
          {(fields) => (
            <OrgTreeSelectField field={fields.parentCode} label={t("orgtree.move.parent")}>
              <option value="">{t("orgtree.choose")}</option>
              <UnitOptions units={targets} />
            </OrgTreeSelectField>
          )}
        </OrgTreeForm>
      )}
    </OrgTreeFormLayout>
  );
}
