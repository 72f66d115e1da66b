import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { SubmitButton } from "~/components/auth-form";
import { OrgTreeFormLayout } from "~/components/orgtree/org-tree-form-layout";
import { Invalid } from "~/lib/errors";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { endRoleSchema } from "~/lib/schemas/orgtree";
import { clientIpOf } from "~/modules/auth/session.server";
import { endStaffRole, roleToEnd } from "~/modules/org/staff-roles.server";
import { requireUnitPermission } from "~/modules/org/tree-forms.server";
import { formError, handle } from "~/modules/platform/http.server";

export const meta = titledPage("orgtree.endRole.title");

/**
 * Ending a staff role asks first: `?nguoi=<user id>&vai-tro=<role>` shows whose role ends
 * and what that means; the button on that page ends it (staff:manage over the unit).
 */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const { actor, db, unit } = await requireUnitPermission(request, params.code, "staff:manage");
  const query = new URL(request.url).searchParams;
  const input = endRoleSchema.safeParse({ userId: query.get("nguoi"), role: query.get("vai-tro") });
  if (!input.success) throw new Invalid("orgtree.errors.badRequest");
  return roleToEnd(db, actor, unit.code, input.data);
});

export const action = handle(async ({ request, params, context }: ActionFunctionArgs) => {
  const { actor, db, unit } = await requireUnitPermission(request, params.code, "staff:manage");
  const input = endRoleSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!input.success) return formError(new Invalid("orgtree.errors.badRequest"), actor.locale);
  try {
    endStaffRole(db, actor, unit.code, input.data, { ipAddress: clientIpOf(context) });
  } catch (error) {
    return formError(error, actor.locale);
  }
  // Whoever ends her own role may no longer reach this unit: the tree shows what is left.
  return redirect(
    input.data.userId === actor.userId
      ? "/quan-ly/to-chuc"
      : `/quan-ly/to-chuc/${unit.code}?xong=ket-thuc-vai-tro`,
    303,
  );
});

export default function EndRolePage() {
  const { unit, userId, displayName, role, isSelf, isLastRootAdmin } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const names = { role: t(`staff.role.${role}`), name: displayName, unit: unit.name };
  return (
    <OrgTreeFormLayout unit={unit} title={t("orgtree.endRole.title")}>
      {actionData?.formError ? (
        <p
          role="alert"
          className="rounded-lg border border-red-300 bg-red-50 px-4 py-3 font-medium text-red-800"
        >
          {actionData.formError}
        </p>
      ) : null}
      <p className="text-lg font-medium">{t("orgtree.endRole.question", names)}</p>
      {isLastRootAdmin ? (
        <p className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3">
          {t("orgtree.endRole.lastAdmin", names)}
        </p>
      ) : (
        <>
          <p className="text-stone-700">{t("orgtree.endRole.effect")}</p>
          {isSelf ? (
            <p className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3">
              {t("orgtree.endRole.self")}
            </p>
          ) : null}
          <Form method="post" className="flex flex-wrap items-center gap-4">
            <input type="hidden" name="userId" value={userId} />
            <input type="hidden" name="role" value={role} />
            <SubmitButton busy={navigation.state === "submitting"}>
              {t("orgtree.endRole.submit")}
            </SubmitButton>
            <Link
              to={`/quan-ly/to-chuc/${unit.code}`}
              className="font-medium text-brand-800 underline underline-offset-2"
            >
              {t("orgtree.endRole.cancel")}
            </Link>
          </Form>
        </>
      )}
    </OrgTreeFormLayout>
  );
}
