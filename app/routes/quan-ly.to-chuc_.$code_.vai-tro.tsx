import type { FieldMetadata } from "@conform-to/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useMessage } from "~/components/auth-form";
import { OrgTreeForm, OrgTreeTextField } from "~/components/orgtree/org-tree-form";
import { OrgTreeFormLayout } from "~/components/orgtree/org-tree-form-layout";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { assignRoleSchema, ROLE_OPTIONS, type AssignRoleInput } from "~/lib/schemas/orgtree";
import { clientIpOf } from "~/modules/auth/session.server";
import { assignStaffRole } from "~/modules/org/staff-roles.server";
import { requireUnitPermission } from "~/modules/org/tree-forms.server";
import { changeFromForm, handle } from "~/modules/platform/http.server";

export const meta = titledPage("orgtree.unit.addRole");

/** The form to give an account a staff role on this unit (staff:manage over it). */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const { unit } = await requireUnitPermission(request, params.code, "staff:manage");
  return { unit };
});

export const action = handle(async ({ request, params, context }: ActionFunctionArgs) => {
  const { actor, db, unit } = await requireUnitPermission(request, params.code, "staff:manage");
  return changeFromForm(request, actor.locale, assignRoleSchema, (input) => {
    assignStaffRole(db, actor, unit.code, input, { ipAddress: clientIpOf(context) });
    return `/quan-ly/to-chuc/${unit.code}?xong=giao-vai-tro`;
  });
});

export default function AssignRolePage() {
  const { unit } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <OrgTreeFormLayout unit={unit} title={t("orgtree.role.title", { unit: unit.name })}>
      <OrgTreeForm
        id="assign-role"
        schema={assignRoleSchema}
        submitLabel={t("orgtree.role.submit")}
      >
        {(fields) => (
          <>
            <OrgTreeTextField
              field={fields.phone}
              label={t("orgtree.role.phone")}
              hint={t("orgtree.role.phoneHint")}
              type="tel"
              autoComplete="off"
            />
            <RoleChoice field={fields.role} />
          </>
        )}
      </OrgTreeForm>
    </OrgTreeFormLayout>
  );
}

/** The roles as radio buttons, each with what it lets its holder do. */
function RoleChoice({ field }: { field: FieldMetadata<AssignRoleInput["role"]> }) {
  const t = useT();
  const message = useMessage();
  const roleError = field.errors?.[0];
  return (
    <fieldset
      aria-invalid={roleError ? true : undefined}
      aria-describedby={roleError ? field.errorId : undefined}
    >
      <legend className="font-medium text-stone-900">{t("orgtree.role.role")}</legend>
      <div className="mt-1 space-y-2">
        {ROLE_OPTIONS.map((role) => (
          <div key={role} className="flex items-start gap-3 rounded-lg border border-stone-200 p-3">
            <input
              id={`role-${role}`}
              type="radio"
              name={field.name}
              value={role}
              defaultChecked={field.initialValue === role}
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
        <p id={field.errorId} className="mt-1 text-sm font-medium text-red-700">
          {message(roleError)}
        </p>
      ) : null}
    </fieldset>
  );
}
