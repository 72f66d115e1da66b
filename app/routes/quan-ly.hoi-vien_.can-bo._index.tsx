import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { OfficerFilterForm } from "~/components/members/member-filters";
import { DoneNotice, MembersHeader } from "~/components/members/members-header";
import { OfficerList } from "~/components/members/officer-list";
import { Pagination } from "~/components/pagination";
import { formatNumber, useLocale, useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { memberFiltersOf } from "~/lib/schemas/members";
import { requireStaff } from "~/modules/auth/session.server";
import { canManageMembers, unitChoices } from "~/modules/members/members.server";
import { listOfficers } from "~/modules/members/officers.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta = titledPage("members.officers.title");

/** The officers of the staff member's subtree (`member:view`), by unit, those in office first. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "member:view");
  const url = new URL(request.url);
  const { unitCode } = memberFiltersOf(url.searchParams);
  const db = getDb();
  return {
    unitCode,
    officers: listOfficers(db, actor, unitCode, Number(url.searchParams.get("trang")) || 1),
    units: unitChoices(db, actor, "member:view"),
    canManage: canManageMembers(actor),
    saved: url.searchParams.has("da-luu"),
  };
});

export default function OfficersPage() {
  const { unitCode, officers, units, canManage, saved } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="space-y-5">
      <MembersHeader title={t("members.officers.title")} intro={t("members.officers.intro")} />
      <DoneNotice message={saved ? t("members.done.officerSaved") : null} />
      {canManage ? (
        <Link
          to="/quan-ly/hoi-vien/can-bo/moi"
          className="inline-block rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800"
        >
          {t("members.officers.add")}
        </Link>
      ) : null}
      <OfficerFilterForm unitCode={unitCode} units={units} />
      <section aria-labelledby="officers-title">
        <h2 id="officers-title" className="mb-2 text-lg font-semibold">
          {t("members.officers.count", { count: formatNumber(officers.total, locale) })}
        </h2>
        <OfficerList officers={officers.items} />
        <Pagination page={officers.page} pageCount={officers.pageCount} />
      </section>
    </div>
  );
}
