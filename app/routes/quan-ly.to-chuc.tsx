import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { OrgTreeList } from "~/components/orgtree/org-tree-list";
import { StaffNav } from "~/components/supply/workspace-nav";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { requireUser } from "~/modules/auth/session.server";
import { orgTreePage } from "~/modules/org/tree.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta = titledPage("orgtree.title");

/** The org tree of the staff member's subtree (any staff role reads it; admins change it). */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireUser(request);
  return orgTreePage(getDb(), actor);
});

export default function OrgTreePage() {
  const { units, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="space-y-6">
      <div>
        <StaffNav />
        <h1 className="text-2xl font-bold text-stone-900">{t("orgtree.title")}</h1>
        <p className="mt-1 text-stone-700">{t("orgtree.intro")}</p>
      </div>
      <p className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-stone-900">
        {t("orgtree.reportsNote")}
      </p>
      {canEdit ? null : <p className="text-stone-700">{t("orgtree.readOnly")}</p>}
      {units.length === 0 ? (
        <p className="text-stone-700">{t("orgtree.empty")}</p>
      ) : (
        <OrgTreeList units={units} label={t("orgtree.treeLabel")} />
      )}
    </div>
  );
}
